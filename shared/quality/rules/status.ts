// Status and monitoring: categories, risk removal, measures, helpers, history, exit year.
import { STATUS_LABELS } from '../../status.ts';
import { blank, currentMembers, isMonitored, monthsBetween } from '../facts.ts';
import type { RuleCheck } from '../types.ts';

/** Risk may be declared removed only after this many months of monitoring. */
const MIN_MONITORING_MONTHS = 6;

export const statusRules: RuleCheck[] = [
  {
    code: 'Q701',
    severity: 'warning',
    title: '监测户缺少监测对象类别',
    check(facts) {
      const { status, monitoringCategory } = facts.household;
      if (!isMonitored(status) || !blank(monitoringCategory)) return [];
      return [
        {
          field: 'monitoringCategory',
          message: `本户为${STATUS_LABELS[status]}，但未填监测对象类别（脱贫不稳定户 / 边缘易致贫户 / 突发严重困难户），请补录`,
        },
      ];
    },
  },
  {
    code: 'Q702',
    severity: 'warning',
    title: '风险消除信息不全',
    check(facts) {
      const h = facts.household;
      if (h.riskRemoved !== true) return [];
      const missing: string[] = [];
      if (blank(h.riskRemovalMethod)) missing.push('风险消除方式');
      if (blank(h.monitoringEnd)) missing.push('消除监测时间');
      if (missing.length === 0) return [];
      return [
        {
          field: blank(h.riskRemovalMethod) ? 'riskRemovalMethod' : 'monitoringEnd',
          message: `本户已标记风险消除，但未填${missing.join('和')}，请补录`,
        },
      ];
    },
  },
  {
    code: 'Q703',
    severity: 'warning',
    title: '风险消除不足6个月',
    check(facts) {
      const h = facts.household;
      if (h.riskRemoved !== true) return [];
      const months = monthsBetween(h.monitoringStart, h.monitoringEnd);
      if (months == null || months >= MIN_MONITORING_MONTHS) return [];
      return [
        {
          field: 'monitoringEnd',
          message: `本户识别监测时间为${h.monitoringStart!.trim()}，消除监测时间为${h.monitoringEnd!.trim()}，监测仅${months}个月，不足${MIN_MONITORING_MONTHS}个月不应消除风险，请核实时间或恢复监测`,
        },
      ];
    },
  },
  {
    code: 'Q704',
    severity: 'warning',
    title: '监测户当年无帮扶措施',
    check(facts, ctx) {
      const status = facts.household.status;
      if (!isMonitored(status) || facts.measures.some((m) => m.year === ctx.year)) return [];
      return [{ message: `本户为${STATUS_LABELS[status]}，${ctx.year}年没有登记任何帮扶措施，请补录已落实的帮扶措施` }];
    },
  },
  {
    code: 'Q705',
    severity: 'warning',
    title: '贫困户无帮扶责任人',
    check(facts, ctx) {
      const status = facts.household.status;
      if (status !== 'poor' && status !== 'returned') return [];
      if (facts.pairings.some((p) => p.endOn == null || p.endOn.trim() === '' || p.endOn >= ctx.today)) return [];
      return [{ message: `本户为${STATUS_LABELS[status]}，但目前没有帮扶责任人（结对帮扶均已结束或从未结对），请安排帮扶责任人` }];
    },
  },
  {
    code: 'Q706',
    severity: 'error',
    title: '户状态与状态记录不符',
    check(facts) {
      const status = facts.household.status;
      if (status === 'ordinary') return [];
      // Oldest first by contract; a stable sort keeps the given order for entries of one day.
      const latest = [...facts.history].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0)).at(-1);
      if (latest == null) {
        return [{ field: 'status', message: `本户状态为“${STATUS_LABELS[status]}”，但没有任何状态变更记录，请补登识别（或认定）的时间和依据` }];
      }
      if (latest.status === status) return [];
      return [
        {
          field: 'status',
          message: `本户状态为“${STATUS_LABELS[status]}”，但最近一条状态记录（${latest.effectiveOn}）为“${STATUS_LABELS[latest.status]}”，请补登状态变更记录或改正户状态`,
        },
      ];
    },
  },
  {
    code: 'Q707',
    severity: 'warning',
    title: '已脱贫户缺少脱贫年度',
    check(facts) {
      if (facts.household.status !== 'exited' || facts.household.exitYear != null) return [];
      return [{ field: 'exitYear', message: '本户为已脱贫户，但未填脱贫年度，请按脱贫退出公告补录' }];
    },
  },
  {
    code: 'Q708',
    severity: 'warning',
    title: '边缘户享受低保或特困',
    check(facts) {
      const h = facts.household;
      if (h.status !== 'edge') return [];
      const reasons: string[] = [];
      const dibao = currentMembers(facts).filter((m) => m.isDibao === true || m.isTekun === true);
      if (dibao.length > 0) reasons.push(`成员${dibao.map((m) => m.name).join('、')}享受低保或特困供养`);
      if (h.attribute != null && /低保|特困/.test(h.attribute)) reasons.push(`贫困户属性为“${h.attribute}”`);
      if (reasons.length === 0) return [];
      return [
        {
          memberId: dibao.length === 1 && reasons.length === 1 ? dibao[0]!.id : undefined,
          message: `本户为边缘易致贫户，但${reasons.join('，且')}，请核实户状态（可能应为低保或特困对象）或成员的低保、特困情况`,
        },
      ];
    },
  },
];
