// 一致性: the household against its other tables (incomes, assessments, measures, pairings,
// status history) and one year against the next.
import { computeIncome } from '../../income.ts';
import { STATUS_LABELS } from '../../status.ts';
import { ageOf, blank, currentMembers, incomeOf, isRegistered, isUnsafeHousing, latestYear, perCapitaOf, yearOf, yuan } from '../facts.ts';
import type { AssessmentRecord } from '../../records.ts';
import type { HouseholdFacts, Rule } from '../types.ts';
import { householdRule, rowRule } from './make.ts';

const FR = 'FIELDS-REFERENCE.md';
const CLEAN = '数据质量清洗手册：账账相符';
const latestAssessment = (f: HouseholdFacts): AssessmentRecord | null => f.assessments.reduce<AssessmentRecord | null>((a, b) => (a == null || b.year >= a.year ? b : a), null);
const dupYears = (years: readonly number[]): number[] => [...new Set(years.filter((y, i) => years.indexOf(y) !== i))];

export const consistencyRules: Rule[] = [
  householdRule({
    code: 'Q901', severity: 'warning', category: 'consistency', title: '测评住房不安全但危房等级为安全', field: 'housingSafety',
    hint: '核实住房情况，改正危房等级或测评结果', source: CLEAN,
    test(f) {
      const a = latestAssessment(f);
      return a?.housingOk === false && f.household.housingSafety?.trim() === '安全' ? `${a.year}年两不愁三保障测评住房安全未保障，危房等级却为“安全”` : null;
    },
  }),
  householdRule({
    code: 'Q902', severity: 'warning', category: 'consistency', title: '测评住房安全但仍为危房', field: 'housingSafety',
    hint: '核实住房情况，改正危房等级或测评结果', source: CLEAN,
    test(f) {
      const a = latestAssessment(f);
      return a?.housingOk === true && isUnsafeHousing(f.household.housingSafety) ? `${a.year}年两不愁三保障测评住房安全有保障，危房等级却为“${f.household.housingSafety!.trim()}”` : null;
    },
  }),
  householdRule({
    code: 'Q903', severity: 'warning', category: 'consistency', title: '测评饮水不安全但饮水安全为是', field: 'drinkingWaterSafe',
    hint: '核实饮水情况，改正饮水是否安全或测评结果', source: CLEAN,
    test(f) {
      const a = latestAssessment(f);
      return a?.waterOk === false && f.household.drinkingWaterSafe === true ? `${a.year}年测评饮水安全未保障，户信息中饮水却为安全` : null;
    },
  }),
  householdRule({
    code: 'Q904', severity: 'warning', category: 'consistency', title: '测评饮水安全但饮水安全为否', field: 'drinkingWaterSafe',
    hint: '核实饮水情况，改正饮水是否安全或测评结果', source: CLEAN,
    test(f) {
      const a = latestAssessment(f);
      return a?.waterOk === true && f.household.drinkingWaterSafe === false ? `${a.year}年测评饮水安全有保障，户信息中饮水却为不安全` : null;
    },
  }),
  householdRule({
    code: 'Q905', severity: 'warning', category: 'consistency', title: '测评医疗未保障但全员参保', field: 'medicalInsurance',
    hint: '核实医疗保障情况（参保、救助），改正测评结果或成员参保情况', source: CLEAN,
    test(f) {
      const a = latestAssessment(f);
      const ms = currentMembers(f);
      return a?.medicalOk === false && ms.length > 0 && ms.every((m) => m.medicalInsurance === true) ? `${a.year}年测评基本医疗未保障，成员却都参加了基本医疗保险` : null;
    },
  }),
  rowRule({
    code: 'Q906', severity: 'warning', category: 'consistency', title: '年度家庭人口数与成员数不符', field: 'householdSize',
    rows: (f) => {
      const latest = latestYear(f.incomes);
      return f.incomes.filter((i) => i.year === latest);
    },
    hint: '按当年实际人口改正年度家庭人口数，或补登成员增减', source: `${FR} §2.3 收入公式（年度家庭人口数）`,
    test(row, f, ctx) {
      if (row.year !== ctx.year) return null;
      const n = currentMembers(f).length;
      const joinedLater = f.members.filter((m) => (yearOf(m.birthDate) ?? 0) > row.year).length;
      const leftLater = f.members.filter((m) => !blank(m.leftReason) && (yearOf(m.leftOn) ?? 0) > row.year).length;
      if (n === 0 || row.householdSize === n || Math.abs(row.householdSize - n) <= joinedLater + leftLater) return null;
      return `${row.year}年收入的年度家庭人口数为${row.householdSize}人，户内现有成员${n}人`;
    },
  }),
  householdRule({
    code: 'Q907', severity: 'warning', category: 'consistency', title: '人均纯收入同比增长超过3倍', field: 'wageFen',
    hint: '核实两个年度的各项收入，是否漏录或多录', source: '数据质量清洗手册：收入年度比对',
    test(f, ctx) {
      const now = perCapitaOf(f, ctx.year);
      const before = perCapitaOf(f, ctx.year - 1);
      if (now == null || before == null || before <= 0 || now <= before * 3) return null;
      return `${ctx.year}年人均纯收入${yuan(now)}，是上一年${yuan(before)}的${(now / before).toFixed(1)}倍`;
    },
  }),
  householdRule({
    code: 'Q908', severity: 'warning', category: 'consistency', title: '人均纯收入同比下降超过一半', field: 'wageFen',
    hint: '核实收入下降原因，有返贫致贫风险的按程序纳入监测', source: '数据质量清洗手册：收入年度比对；防返贫监测（收入大幅缩减）',
    test(f, ctx) {
      const { status } = f.household;
      if (status !== 'ordinary' && status !== 'exited') return null; // the poor and the monitored are watched already
      const now = perCapitaOf(f, ctx.year);
      const before = perCapitaOf(f, ctx.year - 1);
      if (now == null || before == null || before <= 0 || now * 2 >= before) return null;
      return `${ctx.year}年人均纯收入${yuan(now)}，比上一年${yuan(before)}下降超过一半`;
    },
  }),
  householdRule({
    code: 'Q909', severity: 'warning', category: 'consistency', title: '脱贫年度与状态记录不符', field: 'exitYear',
    hint: '按脱贫退出公告统一脱贫年度和状态记录', source: 'DOMAIN.md：户状态及其历史',
    test(f) {
      const y = f.household.exitYear;
      const exit = f.history.find((e) => e.status === 'exited');
      const ey = exit == null ? null : (exit.year ?? yearOf(exit.effectiveOn));
      return y == null || ey == null || ey === y ? null : `脱贫年度为${y}年，状态记录中的脱贫时间却是${exit!.effectiveOn}`;
    },
  }),
  householdRule({
    code: 'Q910', severity: 'warning', category: 'consistency', title: '户类型与户状态不符', field: 'householdType',
    hint: '按户状态改正户类型', source: `${FR} §2.1 户类型（2021+）`,
    test(f) {
      const { status, householdType } = f.household;
      const t = householdType?.trim();
      if (t == null || t === '') return null;
      if (t === '脱贫户' && (status === 'ordinary' || status === 'edge' || status === 'poor')) return `户类型为“脱贫户”，户状态却为“${STATUS_LABELS[status]}”`;
      if (t === '一般农户' && (status === 'exited' || status === 'unstable')) return `户类型为“一般农户”，户状态却为“${STATUS_LABELS[status]}”`;
      return null;
    },
  }),
  householdRule({
    code: 'Q911', severity: 'warning', category: 'consistency', title: '识别年度与状态记录不符', field: 'identificationYear',
    hint: '按识别认定记录统一识别年度', source: 'DOMAIN.md：户状态及其历史',
    test(f) {
      const y = f.household.identificationYear;
      const first = f.history.find((e) => e.status === 'poor');
      const fy = first == null ? null : (first.year ?? yearOf(first.effectiveOn));
      return y == null || fy == null || fy === y ? null : `识别年度为${y}年，状态记录中识别为贫困户的时间却是${first!.effectiveOn}`;
    },
  }),
  householdRule({
    code: 'Q912', severity: 'error', category: 'consistency', title: '同一年度收入重复', field: 'wageFen',
    hint: '删去重复的年度收入，只保留核实后的一条', source: CLEAN,
    test(f) {
      const d = dupYears(f.incomes.map((i) => i.year));
      return d.length > 0 ? `${d.join('、')}年有多条收入记录` : null;
    },
  }),
  householdRule({
    code: 'Q913', severity: 'warning', category: 'consistency', title: '同一年度测评重复',
    hint: '删去重复的测评，只保留核实后的一条', source: CLEAN,
    test(f) {
      const d = dupYears(f.assessments.map((a) => a.year));
      return d.length > 0 ? `${d.join('、')}年有多条两不愁三保障测评` : null;
    },
  }),
  householdRule({
    code: 'Q914', severity: 'warning', category: 'consistency', title: '低保贫困户无人享受低保', field: 'attribute',
    hint: '核实低保享受情况，改正贫困户属性或成员的是否享受低保', source: `${FR} §2.5 贫困户属性`,
    test: (f) => (f.household.attribute === '低保贫困户' && isRegistered(f.household.status) && !currentMembers(f).some((m) => m.isDibao === true) ? '贫困户属性为“低保贫困户”，户内却没有享受低保的成员' : null),
  }),
  householdRule({
    code: 'Q915', severity: 'warning', category: 'consistency', title: '特困供养贫困户无特困人员', field: 'attribute',
    hint: '核实特困供养情况，改正贫困户属性或成员的是否特困供养', source: `${FR} §2.5 贫困户属性`,
    test: (f) => (f.household.attribute === '特困供养贫困户' && isRegistered(f.household.status) && !currentMembers(f).some((m) => m.isTekun === true) ? '贫困户属性为“特困供养贫困户”，户内却没有特困供养人员' : null),
  }),
  householdRule({
    code: 'Q916', severity: 'warning', category: 'consistency', title: '一般贫困户有人享受低保', field: 'attribute',
    hint: '核实后把贫困户属性改为“低保贫困户”，或改正成员的低保情况', source: `${FR} §2.5 贫困户属性`,
    test(f) {
      const { status, attribute } = f.household;
      if (attribute !== '一般贫困户' || !(status === 'poor' || status === 'exited' || status === 'returned')) return null;
      const names = currentMembers(f).filter((m) => m.isDibao === true).map((m) => m.name);
      return names.length > 0 ? `贫困户属性为“一般贫困户”，成员${names.join('、')}却享受低保` : null;
    },
  }),
  householdRule({
    code: 'Q917', severity: 'warning', category: 'consistency', title: '特困人员无特困供养金', field: 'tekunFen',
    hint: '补录特困供养金或核实特困供养情况', source: `${FR} §2.3 转移性收入`,
    test(f, ctx) {
      const row = incomeOf(f, ctx.year);
      const names = currentMembers(f).filter((m) => m.isTekun === true).map((m) => m.name);
      return row == null || row.tekunFen !== 0 || names.length === 0 ? null : `成员${names.join('、')}为特困供养人员，${ctx.year}年收入中特困供养金却为0`;
    },
  }),
  householdRule({
    code: 'Q918', severity: 'warning', category: 'consistency', title: '有低保金但无人享受低保', field: 'dibaoFen',
    hint: '核实低保享受情况，改正成员的是否享受低保或低保金', source: `${FR} §2.3 转移性收入`,
    test(f, ctx) {
      const row = incomeOf(f, ctx.year);
      return row == null || row.dibaoFen <= 0 || currentMembers(f).some((m) => m.isDibao === true) ? null : `${ctx.year}年收入中有低保金${yuan(row.dibaoFen)}，户内却没有享受低保的成员`;
    },
  }),
  householdRule({
    code: 'Q919', severity: 'warning', category: 'consistency', title: '有特困供养金但无特困人员', field: 'tekunFen',
    hint: '核实特困供养情况，改正成员的是否特困供养或特困供养金', source: `${FR} §2.3 转移性收入`,
    test(f, ctx) {
      const row = incomeOf(f, ctx.year);
      return row == null || row.tekunFen <= 0 || currentMembers(f).some((m) => m.isTekun === true) ? null : `${ctx.year}年收入中有特困供养金${yuan(row.tekunFen)}，户内却没有特困供养人员`;
    },
  }),
  householdRule({
    code: 'Q920', severity: 'warning', category: 'consistency', title: '有养老金但无60岁以上成员', field: 'pensionFen',
    hint: '核实养老金收入（城乡居民养老金60岁起领取）', source: `${FR} §2.3 转移性收入；国发〔2014〕8号`,
    test(f, ctx) {
      const row = incomeOf(f, ctx.year);
      if (row == null || row.pensionFen <= 0) return null;
      const old = f.members.some((m) => (ageOf(m, ctx.today) ?? 0) >= 60);
      return old ? null : `${ctx.year}年收入中有养老金${yuan(row.pensionFen)}，户内却没有60岁以上成员`;
    },
  }),
  householdRule({
    code: 'Q921', severity: 'warning', category: 'consistency', title: '有工资性收入但无人务工', field: 'wageFen',
    hint: '核实工资性收入或补录成员的务工情况', source: `${FR} §2.3 工资性收入`,
    test(f, ctx) {
      const row = incomeOf(f, ctx.year);
      if (row == null || row.wageFen < 1_000_000) return null;
      const anyWork = currentMembers(f).some((m) => (m.workMonths ?? 0) > 0 || (m.workStatus != null && /务工$/.test(m.workStatus)));
      return anyWork || f.members.some((m) => !blank(m.leftReason)) ? null : `${ctx.year}年工资性收入${yuan(row.wageFen)}，户内却没有成员登记务工`;
    },
  }),
  householdRule({
    code: 'Q922', severity: 'warning', category: 'consistency', title: '人均纯收入为负', field: 'businessExpenseFen',
    hint: '核实生产经营性支出是否多录', source: `${FR} §2.3 收入公式`,
    test(f, ctx) {
      const row = incomeOf(f, ctx.year);
      if (row == null || row.householdSize <= 0) return null;
      const { perCapitaFen } = computeIncome(row, row.householdSize);
      return perCapitaFen != null && perCapitaFen < 0 ? `${ctx.year}年人均纯收入为${yuan(perCapitaFen)}（负数）` : null;
    },
  }),
  householdRule({
    code: 'Q923', severity: 'warning', category: 'consistency', title: '已脱贫户状态记录缺少识别', field: 'status',
    hint: '补登识别为贫困户的状态记录（时间和依据）', source: 'DOMAIN.md：户状态及其历史（识别—退出程序）',
    test: (f) => (f.household.status === 'exited' && f.history.length > 0 && !f.history.some((e) => e.status === 'poor') ? '本户为已脱贫户，状态记录中却没有识别为贫困户的记录' : null),
  }),
  householdRule({
    code: 'Q924', severity: 'warning', category: 'consistency', title: '返贫户状态记录缺少脱贫', field: 'status',
    hint: '补登脱贫退出的状态记录，或核实户状态', source: 'DOMAIN.md：户状态及其历史（脱贫—返贫程序）',
    test: (f) => (f.household.status === 'returned' && f.history.length > 0 && !f.history.some((e) => e.status === 'exited') ? '本户为返贫户，状态记录中却没有脱贫退出的记录' : null),
  }),
  rowRule({
    code: 'Q925', severity: 'warning', category: 'consistency', title: '状态记录日期晚于检查日期', field: 'status', rows: (f) => f.history,
    hint: '核实状态变更日期', source: 'DOMAIN.md：户状态及其历史',
    test: (e, _f, ctx) => (e.effectiveOn > ctx.today ? `状态记录“${STATUS_LABELS[e.status]}”的日期${e.effectiveOn}晚于检查日期` : null),
  }),
  rowRule({
    code: 'Q926', severity: 'warning', category: 'consistency', title: '结对结束日期早于开始日期', rows: (f) => f.pairings,
    hint: '核实结对帮扶的起止日期', source: `${FR} §2.8 帮扶责任人`,
    test: (p) => (p.endOn != null && p.endOn.trim() !== '' && p.endOn < p.startOn ? `结对帮扶开始于${p.startOn}，结束日期${p.endOn}却更早` : null),
  }),
  rowRule({
    code: 'Q927', severity: 'warning', category: 'consistency', title: '帮扶措施结束日期早于开始日期', field: 'endOn', rows: (f) => f.measures,
    hint: '核实帮扶措施的起止日期', source: `${FR} §2.6 帮扶措施`,
    test: (m) => (!blank(m.startOn) && !blank(m.endOn) && m.endOn! < m.startOn! ? `${m.year}年帮扶措施“${m.category}”开始于${m.startOn!}，结束于${m.endOn!}，结束早于开始` : null),
  }),
  householdRule({
    code: 'Q928', severity: 'warning', category: 'consistency', title: '同一帮扶责任人重复结对',
    hint: '删去重复的结对记录', source: `${FR} §2.8 帮扶责任人`,
    test(f, ctx) {
      const open = f.pairings.filter((p) => p.endOn == null || p.endOn.trim() === '' || p.endOn >= ctx.today).map((p) => p.helperId);
      return dupYears(open.map((h) => open.indexOf(h))).length > 0 ? '同一名帮扶责任人与本户有多条未结束的结对记录' : null;
    },
  }),
  householdRule({
    code: 'Q929', severity: 'warning', category: 'consistency', title: '有效灌溉面积大于耕地面积', field: 'irrigatedMu',
    hint: '核实有效灌溉面积和耕地面积（亩）', source: `${FR} §2.4 AC30`,
    test(f) {
      const { irrigatedMu, farmlandMu } = f.household;
      return irrigatedMu != null && farmlandMu != null && irrigatedMu > farmlandMu + 0.05 ? `有效灌溉面积${irrigatedMu}亩大于耕地面积${farmlandMu}亩` : null;
    },
  }),
  householdRule({
    code: 'Q930', severity: 'warning', category: 'consistency', title: '非建档户填有贫困户信息', field: 'attribute',
    hint: '非建档户不填贫困户属性和致贫原因：核实户状态或删去', source: `${FR} §2.5 贫困户属性`,
    test: (f) => (f.household.status === 'ordinary' && (!blank(f.household.attribute) || !blank(f.household.mainCause)) ? '本户为非建档户，却填有贫困户属性或主要致贫原因' : null),
  }),
];
