// 政策符合性: 两不愁三保障 (housing, water, medical insurance) and income against the lines of
// the year and province, for households that are not under monitoring; the 2021+ monitoring
// rules (risk removal, categories by status). Sources: seeds/000 (精准脱贫验收方案: 两不愁三保障),
// FIELDS-REFERENCE §4 (monitoring lines) and §2.6 (防返贫监测).
import { STATUS_LABELS } from '../../status.ts';
import type { HouseholdStatus } from '../../status.ts';
import { ageOf, blank, currentMembers, isMonitored, isRegistered, isUnsafeHousing, perCapitaOf, policyValue, yuan } from '../facts.ts';
import type { HouseholdFacts, Rule } from '../types.ts';
import { householdRule } from './make.ts';

const FR = 'FIELDS-REFERENCE.md';
const GUARANTEE = 'seeds/000 精准脱贫验收方案（两不愁三保障）';
const MONITORING = `${FR} §2.6 防返贫监测；《关于建立防止返贫动态监测和帮扶机制的指导意见》`;
const LINES = `${FR} §4 监测范围（按年度、省份）`;
/** Households with no monitoring of their own: not monitored, and not poor (poor households are helped as such). */
const unmonitored = (s: HouseholdStatus): boolean => !isMonitored(s) && s !== 'poor' && s !== 'returned' && s !== 'closed';
const statusText = (f: HouseholdFacts): string => `本户（${STATUS_LABELS[f.household.status]}）`;
const CATEGORY_OF: Partial<Record<HouseholdStatus, string>> = { edge: '边缘易致贫户', unstable: '脱贫不稳定户', sudden: '突发严重困难户' };

export const policyRules: Rule[] = [
  householdRule({
    code: 'Q611', severity: 'warning', category: 'policy', title: '危房户未纳入监测', field: 'housingSafety',
    hint: '核实住房安全，确属危房的按程序纳入监测并落实危房改造', source: GUARANTEE,
    test: (f) => (unmonitored(f.household.status) && isUnsafeHousing(f.household.housingSafety) ? `${statusText(f)}住房为危房（${f.household.housingSafety!.trim()}），住房安全未保障，却未纳入监测` : null),
  }),
  householdRule({
    code: 'Q612', severity: 'warning', category: 'policy', title: '饮水不安全未纳入监测', field: 'drinkingWaterSafe',
    hint: '核实饮水情况，确不安全的按程序纳入监测并落实饮水安全保障', source: GUARANTEE,
    test: (f) => (unmonitored(f.household.status) && f.household.drinkingWaterSafe === false ? `${statusText(f)}饮水不安全，却未纳入监测` : null),
  }),
  {
    code: 'Q613', severity: 'warning', category: 'policy', title: '未参加大病保险未纳入监测', hint: '核实参保情况，落实大病保险；有因病返贫风险的按程序纳入监测', source: GUARANTEE,
    check(facts) {
      const { status } = facts.household;
      if (!isRegistered(status) || !unmonitored(status)) return [];
      const missing = currentMembers(facts).filter((m) => m.seriousIllnessInsurance === false);
      if (missing.length === 0) return [];
      return [{
        memberId: missing.length === 1 ? missing[0]!.id : undefined, field: 'seriousIllnessInsurance',
        message: `${statusText(facts)}成员${missing.map((m) => m.name).join('、')}未参加大病保险，基本医疗保障有风险，却未纳入监测，请核实参保情况，落实大病保险；有因病返贫风险的按程序纳入监测`,
      }];
    },
  },
  householdRule({
    code: 'Q614', severity: 'error', category: 'policy', title: '风险已消除仍为危房', field: 'riskRemoved',
    hint: '住房安全未保障不能消除风险：恢复监测或更新危房改造后的等级', source: MONITORING,
    test: (f) => (f.household.riskRemoved === true && isUnsafeHousing(f.household.housingSafety) ? `本户已标记风险消除，住房却仍为危房（${f.household.housingSafety!.trim()}）` : null),
  }),
  householdRule({
    code: 'Q615', severity: 'error', category: 'policy', title: '风险已消除饮水仍不安全', field: 'riskRemoved',
    hint: '饮水安全未保障不能消除风险：恢复监测或更新饮水情况', source: MONITORING,
    test: (f) => (f.household.riskRemoved === true && f.household.drinkingWaterSafe === false ? '本户已标记风险消除，饮水却仍不安全' : null),
  }),
  householdRule({
    code: 'Q616', severity: 'warning', category: 'policy', title: '建档户未通生活用电', field: 'hasElectricity',
    hint: '核实通电情况，落实生活用电', source: `${FR} §2.4 AC31；${GUARANTEE}`,
    test: (f) => (isRegistered(f.household.status) && f.household.hasElectricity === false ? `${statusText(f)}未通生活用电` : null),
  }),
  householdRule({
    code: 'Q617', severity: 'warning', category: 'policy', title: '饮水困难未纳入监测', field: 'drinkingWaterDifficult',
    hint: '核实饮水困难情况，落实饮水保障；有风险的按程序纳入监测', source: GUARANTEE,
    test: (f) => (isRegistered(f.household.status) && unmonitored(f.household.status) && f.household.drinkingWaterDifficult === true ? `${statusText(f)}饮水困难，却未纳入监测` : null),
  }),
  householdRule({
    code: 'Q618', severity: 'warning', category: 'policy', title: '已脱贫户饮水不安全', field: 'drinkingWaterSafe',
    hint: '核实饮水情况，落实饮水安全保障', source: GUARANTEE,
    test: (f) => (f.household.status === 'exited' && f.household.drinkingWaterSafe === false ? '已脱贫户饮水不安全' : null),
  }),
  householdRule({
    code: 'Q619', severity: 'warning', category: 'policy', title: '搬迁户住房仍为危房', field: 'housingSafety',
    hint: '易地搬迁后应住安全住房：核实并更新危房等级', source: `${FR} §2.4 易地搬迁；${GUARANTEE}`,
    test: (f) => (!blank(f.household.relocation) && isUnsafeHousing(f.household.housingSafety) ? `本户已易地搬迁（${f.household.relocation!.trim()}），住房却为危房（${f.household.housingSafety!.trim()}）` : null),
  }),
  householdRule({
    code: 'Q431', severity: 'warning', category: 'policy', title: '脱贫户收入低于监测范围未纳入监测', field: 'status',
    hint: '核实收入，确有返贫风险的按程序重新纳入监测', source: LINES,
    test(f, ctx) {
      const h = f.household;
      if (h.status !== 'exited' || blank(h.monitoringCategory)) return null; // without a category Q404 speaks
      const perCapita = perCapitaOf(f, ctx.year);
      const line = policyValue(ctx, 'monitoringLine');
      if (perCapita == null || line == null || perCapita >= line) return null;
      return `脱贫户${ctx.year}年人均纯收入${yuan(perCapita)}，低于${ctx.year}年${ctx.province}防返贫监测范围${yuan(line)}，目前未在监测中`;
    },
  }),
  householdRule({
    code: 'Q432', severity: 'warning', category: 'policy', title: '风险已消除但收入低于监测范围', field: 'riskRemoved',
    hint: '收入未稳定超过监测范围不宜消除风险：核实收入或恢复监测', source: `${LINES}；${MONITORING}`,
    test(f, ctx) {
      if (f.household.riskRemoved !== true) return null;
      const perCapita = perCapitaOf(f, ctx.year);
      const line = policyValue(ctx, 'monitoringLine');
      if (perCapita == null || line == null || perCapita >= line) return null;
      return `本户已标记风险消除，${ctx.year}年人均纯收入${yuan(perCapita)}却低于监测范围${yuan(line)}`;
    },
  }),
  householdRule({
    code: 'Q433', severity: 'warning', category: 'policy', title: '监测对象类别与户状态不符', field: 'monitoringCategory',
    hint: '按监测识别结果改正监测对象类别或户状态', source: MONITORING,
    test(f) {
      const { status, monitoringCategory } = f.household;
      const expected = CATEGORY_OF[status];
      if (expected == null || blank(monitoringCategory) || monitoringCategory!.trim() === expected) return null;
      return `本户状态为“${STATUS_LABELS[status]}”，监测对象类别却为“${monitoringCategory!.trim()}”`;
    },
  }),
  householdRule({
    code: 'Q434', severity: 'warning', category: 'policy', title: '脱贫不稳定户不是脱贫户', field: 'status',
    hint: '脱贫不稳定户须是已脱贫户：核实监测对象类别（可能应为边缘易致贫户）', source: MONITORING,
    test(f) {
      if (f.household.status !== 'unstable' || f.household.exitYear != null || f.history.some((e) => e.status === 'exited')) return null;
      return '本户为脱贫不稳定户，但既没有脱贫年度，也没有“已脱贫”的状态记录';
    },
  }),
  householdRule({
    code: 'Q435', severity: 'warning', category: 'policy', title: '边缘易致贫户曾是脱贫户', field: 'status',
    hint: '脱贫户纳入监测应为脱贫不稳定户：核实监测对象类别', source: MONITORING,
    test: (f) => (f.household.status === 'edge' && f.history.some((e) => e.status === 'exited') ? '本户为边缘易致贫户，状态记录中却有“已脱贫”' : null),
  }),
  householdRule({
    code: 'Q436', severity: 'warning', category: 'policy', title: '监测户收入高于监测范围仍未消除风险', field: 'riskRemoved',
    hint: '收入已稳定超过监测范围且两不愁三保障无风险的，按程序评议风险消除', source: `${LINES}；${MONITORING}`,
    test(f, ctx) {
      const h = f.household;
      if (!isMonitored(h.status) || h.riskRemoved === true || isUnsafeHousing(h.housingSafety) || h.drinkingWaterSafe === false) return null;
      const now = perCapitaOf(f, ctx.year);
      const before = perCapitaOf(f, ctx.year - 1);
      const line = policyValue(ctx, 'monitoringLine');
      const lineBefore = policyValue(ctx, 'monitoringLine', ctx.year - 1);
      if (now == null || before == null || line == null || lineBefore == null || now < line * 2 || before < lineBefore * 2) return null;
      return `本户连续两年人均纯收入超过监测范围两倍（${ctx.year}年${yuan(now)}），仍未消除风险`;
    },
  }),
  householdRule({
    code: 'Q437', severity: 'warning', category: 'policy', title: '60岁以上成员未参加养老保险', field: 'pensionInsurance',
    hint: '核实参保情况，落实城乡居民基本养老保险（困难群体代缴）', source: '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）',
    test(f, ctx) {
      if (!isRegistered(f.household.status)) return null;
      const names = currentMembers(f).filter((m) => m.pensionInsurance === false && (ageOf(m, ctx.today) ?? 0) >= 60).map((m) => m.name);
      return names.length > 0 ? `${statusText(f)}60岁以上成员${names.join('、')}未参加城乡居民基本养老保险` : null;
    },
  }),
];
