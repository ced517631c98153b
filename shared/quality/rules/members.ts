// One member's own fields against each other: age, health, schooling, labour, work, insurance.
import { STATUS_LABELS } from '../../status.ts';
import { ageOf, blank, currentMembers, isRegistered, memberFinding, who } from '../facts.ts';
import type { FactMember, Finding, HouseholdFacts, QualityContext, RuleCheck } from '../types.ts';

const NOT_IN_SCHOOL = '非在校生';
/** Recorded for toddlers: not a school status, so no "student of the wrong age". */
const PRESCHOOL_CHILD = '学龄前儿童';
const WORKERS = new Set(['普通劳动力', '技能劳动力']);
const NO_LABOUR = new Set(['无劳动力', '丧失劳动力']);

/** Runs `test` over current members and collects a finding for each one it describes. */
function perMember(
  facts: HouseholdFacts,
  ctx: QualityContext,
  field: string,
  test: (m: FactMember, age: number | null) => string | null,
): Finding[] {
  const out: Finding[] = [];
  for (const m of currentMembers(facts)) {
    const message = test(m, ageOf(m, ctx.today));
    if (message != null) out.push(memberFinding(m, field, message));
  }
  return out;
}

export const memberRules: RuleCheck[] = [
  {
    code: 'Q301',
    severity: 'warning',
    title: '劳动年龄健康却无劳动力',
    check: (facts, ctx) =>
      perMember(facts, ctx, 'labourAbility', (m, age) => {
        if (age == null || age < 16 || age > 60) return null;
        if (m.health !== '健康' || !(blank(m.schoolStatus) || m.schoolStatus === NOT_IN_SCHOOL)) return null;
        if (m.labourAbility == null || !NO_LABOUR.has(m.labourAbility)) return null;
        return `成员${who(m, ctx.today)}在劳动年龄内、身体健康且不在校，劳动技能却为“${m.labourAbility}”，请核实劳动技能或健康状况`;
      }),
  },
  {
    code: 'Q302',
    severity: 'warning',
    title: '义务教育适龄未在校',
    check: (facts, ctx) =>
      perMember(facts, ctx, 'schoolStatus', (m, age) => {
        if (age == null || age < 7 || age > 15 || m.schoolStatus !== NOT_IN_SCHOOL) return null;
        if (m.health === '残疾' || m.health === '患有大病') return null;
        return `成员${who(m, ctx.today)}在校生状况为“${NOT_IN_SCHOOL}”，义务教育适龄儿童应在校，请核实是否失学辍学`;
      }),
  },
  {
    code: 'Q303',
    severity: 'warning',
    title: '未满16岁却为劳动力',
    check: (facts, ctx) =>
      perMember(facts, ctx, 'labourAbility', (m, age) => {
        if (age == null || age >= 16 || m.labourAbility == null || !WORKERS.has(m.labourAbility)) return null;
        return `成员${who(m, ctx.today)}未满16岁，劳动技能却为“${m.labourAbility}”，请改为“无劳动力”或核实出生日期`;
      }),
  },
  {
    code: 'Q304',
    severity: 'warning',
    title: '在校生年龄异常',
    check: (facts, ctx) =>
      perMember(facts, ctx, 'schoolStatus', (m, age) => {
        if (age == null || m.schoolStatus == null || blank(m.schoolStatus)) return null;
        if (m.schoolStatus === NOT_IN_SCHOOL || m.schoolStatus === PRESCHOOL_CHILD) return null;
        if (age >= 3 && age <= 30) return null;
        const why = age < 3 ? '不满3岁' : '已超过30岁';
        return `成员${who(m, ctx.today)}${why}，在校生状况却为“${m.schoolStatus}”，请核实在校生状况或出生日期`;
      }),
  },
  {
    code: 'Q305',
    severity: 'warning',
    title: '残疾人员未填残疾等级',
    check: (facts, ctx) =>
      perMember(facts, ctx, 'disabilityGrade', (m) => {
        if (m.health !== '残疾' || !blank(m.disabilityGrade)) return null;
        return `成员${who(m, ctx.today)}健康状况为“残疾”，但未填残疾等级，请按残疾人证补录`;
      }),
  },
  {
    code: 'Q306',
    severity: 'error',
    title: '务工时间超出范围',
    check: (facts, ctx) =>
      perMember(facts, ctx, 'workMonths', (m) => {
        if (m.workMonths == null || (m.workMonths >= 0 && m.workMonths <= 12)) return null;
        return `成员${who(m, ctx.today)}务工时间填为${m.workMonths}个月，应在0到12个月之间，请改正`;
      }),
  },
  {
    code: 'Q307',
    severity: 'warning',
    title: '未参加基本医疗保险',
    check(facts, ctx) {
      const status = facts.household.status;
      if (!isRegistered(status)) return [];
      return perMember(facts, ctx, 'medicalInsurance', (m) => {
        if (m.medicalInsurance !== false) return null;
        return `${STATUS_LABELS[status]}成员${who(m, ctx.today)}未参加城乡居民基本医疗保险，基本医疗保障有风险，请核实并落实参保（或资助参保）`;
      });
    },
  },
];
