// 时效性 and the monitoring record's own dates: visits overdue, stale incomes and assessments,
// measures past their end; months in the future or in the wrong order.
import { addDays } from '../../dates.ts';
import { STATUS_LABELS } from '../../status.ts';
import { blank, isMonitored, isRegistered, latestYear, monthOf, monthsBetween } from '../facts.ts';
import type { Rule } from '../types.ts';
import { householdRule, rowRule } from './make.ts';

const FR = 'FIELDS-REFERENCE.md';
const MONITORING = `${FR} §2.6 防返贫监测；《关于建立防止返贫动态监测和帮扶机制的指导意见》`;
/** A monitored household not visited (每月“测”) for this long is overdue. */
const VISIT_DAYS = 120;
/** 防返贫监测 began in March 2020. */
const MONITORING_FROM = '202003';

export const timelyRules: Rule[] = [
  householdRule({
    code: 'Q751', severity: 'warning', category: 'timeliness', title: '监测户走访超期',
    hint: '尽快入户走访，登记监测走访（每月“测”）', source: MONITORING,
    test(f, ctx) {
      const h = f.household;
      if (f.visits == null || !isMonitored(h.status) || h.riskRemoved === true) return null;
      const since = addDays(ctx.today, -VISIT_DAYS);
      const start = h.monitoringStart?.trim() ?? '';
      if (/^\d{6}$/.test(start) && `${start.slice(0, 4)}-${start.slice(4)}-31` > since) return null;
      const last = f.visits.at(-1);
      if (last != null && last >= since) return null;
      return last == null ? `本户为${STATUS_LABELS[h.status]}，没有任何监测走访记录` : `本户为${STATUS_LABELS[h.status]}，最近一次监测走访在${last}，已超过${VISIT_DAYS}天`;
    },
  }),
  householdRule({
    code: 'Q752', severity: 'warning', category: 'timeliness', title: '收入多年未更新', field: 'wageFen',
    hint: '入户核实后录入近年收入', source: `${FR} §2.3 AC07 收入（年度更新）`,
    test(f, ctx) {
      const latest = isRegistered(f.household.status) ? latestYear(f.incomes) : null;
      return latest != null && latest <= ctx.year - 2 ? `本户最近的收入记录是${latest}年，已有${ctx.year - latest}年未更新` : null;
    },
  }),
  householdRule({
    code: 'Q753', severity: 'warning', category: 'timeliness', title: '测评多年未更新',
    hint: '开展两不愁三保障入户测评并登记', source: 'seeds/000 精准脱贫验收方案（两不愁三保障年度核查）',
    test(f, ctx) {
      const latest = isRegistered(f.household.status) ? latestYear(f.assessments) : null;
      return latest != null && latest <= ctx.year - 2 ? `本户最近的两不愁三保障测评是${latest}年，已有${ctx.year - latest}年未测评` : null;
    },
  }),
  rowRule({
    code: 'Q754', severity: 'warning', category: 'timeliness', title: '帮扶措施已到期未填成效', field: 'result', rows: (f) => f.measures,
    hint: '补录帮扶措施的实施成效', source: `${FR} §2.6 帮扶措施`,
    test: (m, f, ctx) => (isMonitored(f.household.status) && !blank(m.endOn) && m.endOn! < ctx.today && m.year >= ctx.year && blank(m.result) ? `${m.year}年帮扶措施“${m.category}”已于${m.endOn!}结束，未填成效` : null),
  }),
  householdRule({
    code: 'Q711', severity: 'error', category: 'timeliness', title: '消除监测时间早于识别监测时间', field: 'monitoringEnd',
    hint: '核实识别监测时间和消除监测时间', source: MONITORING,
    test(f) {
      const n = monthsBetween(f.household.monitoringStart, f.household.monitoringEnd);
      return n != null && n < 0 ? `消除监测时间${f.household.monitoringEnd!.trim()}早于识别监测时间${f.household.monitoringStart!.trim()}` : null;
    },
  }),
  householdRule({
    code: 'Q712', severity: 'warning', category: 'timeliness', title: '识别监测时间晚于检查日期', field: 'monitoringStart',
    hint: '核实识别监测时间', source: MONITORING,
    test: (f, ctx) => (!blank(f.household.monitoringStart) && /^\d{6}$/.test(f.household.monitoringStart!.trim()) && f.household.monitoringStart!.trim() > monthOf(ctx.today) ? `识别监测时间${f.household.monitoringStart!.trim()}晚于检查日期` : null),
  }),
  householdRule({
    code: 'Q713', severity: 'warning', category: 'timeliness', title: '消除监测时间晚于检查日期', field: 'monitoringEnd',
    hint: '核实消除监测时间', source: MONITORING,
    test: (f, ctx) => (!blank(f.household.monitoringEnd) && /^\d{6}$/.test(f.household.monitoringEnd!.trim()) && f.household.monitoringEnd!.trim() > monthOf(ctx.today) ? `消除监测时间${f.household.monitoringEnd!.trim()}晚于检查日期` : null),
  }),
  householdRule({
    code: 'Q714', severity: 'warning', category: 'timeliness', title: '识别监测时间早于监测开始', field: 'monitoringStart',
    hint: '防返贫监测始于2020年3月：核实识别监测时间', source: MONITORING,
    test: (f) => (/^\d{6}$/.test(f.household.monitoringStart?.trim() ?? '') && f.household.monitoringStart!.trim() < MONITORING_FROM ? `识别监测时间${f.household.monitoringStart!.trim()}早于2020年3月` : null),
  }),
  householdRule({
    code: 'Q715', severity: 'warning', category: 'timeliness', title: '未消除风险却有消除时间', field: 'monitoringEnd',
    hint: '核实风险是否消除：已消除的把“风险是否消除”改为是，未消除的删去消除监测时间和方式', source: MONITORING,
    test: (f) => (f.household.riskRemoved !== true && (!blank(f.household.monitoringEnd) || !blank(f.household.riskRemovalMethod)) ? '本户风险未标记消除，却填有消除监测时间或风险消除方式' : null),
  }),
  householdRule({
    code: 'Q716', severity: 'warning', category: 'timeliness', title: '脱贫年度早于识别年度', field: 'exitYear',
    hint: '核实识别年度和脱贫年度', source: `${FR} §2.1 识别年度/脱贫年度`,
    test(f) {
      const { exitYear, identificationYear } = f.household;
      return exitYear != null && identificationYear != null && exitYear < identificationYear ? `脱贫年度${exitYear}年早于识别年度${identificationYear}年` : null;
    },
  }),
  householdRule({
    code: 'Q717', severity: 'warning', category: 'timeliness', title: '未脱贫户填有脱贫年度', field: 'exitYear',
    hint: '贫困户（未脱贫）不填脱贫年度：核实户状态或删去脱贫年度', source: `${FR} §2.1 脱贫年度`,
    test: (f) => (f.household.status === 'poor' && f.household.exitYear != null ? `本户为贫困户（未脱贫），却填有脱贫年度${f.household.exitYear}年` : null),
  }),
  householdRule({
    code: 'Q718', severity: 'warning', category: 'timeliness', title: '监测户无帮扶责任人',
    hint: '为监测户安排帮扶责任人', source: MONITORING,
    test: (f, ctx) => (isMonitored(f.household.status) && f.household.riskRemoved !== true && !f.pairings.some((p) => p.endOn == null || p.endOn.trim() === '' || p.endOn >= ctx.today) ? `本户为${STATUS_LABELS[f.household.status]}，目前没有帮扶责任人` : null),
  }),
];
