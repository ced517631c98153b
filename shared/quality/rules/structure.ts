// Household structure: exactly one head, and relations to the head that fit gender and age.
import { ageOf, currentMembers, genderOf, headOf, heads, memberFinding, who } from '../facts.ts';
import type { Finding, HouseholdFacts, RuleCheck } from '../types.ts';

const SPOUSE = '配偶';
const CHILDREN = new Set(['之子', '之女', '之儿媳', '之女婿']);
const PARENTS = new Set(['之父', '之母', '之公公', '之婆婆', '之岳父', '之岳母']);
const MALE_RELATIONS = new Set(['之子', '之孙子', '之外孙子', '之父', '之公公', '之岳父', '之祖父', '之外祖父', '之女婿']);
const FEMALE_RELATIONS = new Set(['之女', '之孙女', '之外孙女', '之母', '之婆婆', '之岳母', '之祖母', '之外祖母', '之儿媳']);

/** The youngest gap between generations the archive accepts without asking. */
const MIN_GENERATION_GAP = 15;

/**
 * Members of the given relations whose age gap to the head (as `gapOf` measures it) is below
 * one generation; `describe` words the gap for the message.
 */
function generationGap(
  facts: HouseholdFacts,
  today: string,
  relations: ReadonlySet<string>,
  gapOf: (headAge: number, age: number) => number,
  describe: (gap: number, head: string, headAge: number) => string,
): Finding[] {
  const head = headOf(facts);
  const headAge = head && ageOf(head, today);
  if (!head || headAge == null) return [];
  const out: Finding[] = [];
  for (const m of currentMembers(facts)) {
    const age = relations.has(m.relation) ? ageOf(m, today) : null;
    if (age == null) continue;
    const gap = gapOf(headAge, age);
    if (gap >= MIN_GENERATION_GAP) continue;
    out.push(memberFinding(m, 'relation', `成员${who(m, today)}${describe(gap, head.name, headAge)}，不足${MIN_GENERATION_GAP}岁，请核实与户主关系或出生日期`));
  }
  return out;
}

export const structureRules: RuleCheck[] = [
  {
    code: 'Q201',
    severity: 'error',
    title: '无户主',
    check(facts) {
      // An empty household is reported once, by Q208.
      if (currentMembers(facts).length === 0 || heads(facts).length > 0) return [];
      return [{ field: 'relation', message: '户内没有与户主关系为“户主”的成员，请在家庭成员中指定户主' }];
    },
  },
  {
    code: 'Q202',
    severity: 'error',
    title: '户主多于一人',
    check(facts, ctx) {
      const hs = heads(facts);
      if (hs.length <= 1) return [];
      const names = hs.map((m) => who(m, ctx.today)).join('、');
      return [{ field: 'relation', message: `户内有${hs.length}名成员的与户主关系为“户主”：${names}。一户只能有一个户主，请改正其他人的与户主关系` }];
    },
  },
  {
    code: 'Q203',
    severity: 'error',
    title: '配偶与户主性别相同',
    check(facts, ctx) {
      const head = headOf(facts);
      const headGender = head && genderOf(head, ctx.today);
      if (!head || !headGender) return [];
      const out: Finding[] = [];
      for (const m of currentMembers(facts)) {
        if (m.relation !== SPOUSE || genderOf(m, ctx.today) !== headGender) continue;
        out.push(
          memberFinding(m, 'relation', `配偶${who(m, ctx.today)}与户主${head.name}性别同为“${headGender}”，请核对性别、身份证号或与户主关系`),
        );
      }
      return out;
    },
  },
  {
    code: 'Q204',
    severity: 'warning',
    title: '户主未满16岁',
    check(facts, ctx) {
      const out: Finding[] = [];
      for (const m of heads(facts)) {
        const age = ageOf(m, ctx.today);
        if (age == null || age >= 16) continue;
        out.push(memberFinding(m, 'relation', `户主${m.name}只有${age}岁，未满16岁，请核实户主是否登记正确或出生日期是否有误`));
      }
      return out;
    },
  },
  {
    code: 'Q205',
    severity: 'warning',
    title: '子女与户主年龄不合',
    check: (facts, ctx) =>
      generationGap(facts, ctx.today, CHILDREN, (headAge, age) => headAge - age, (gap, head, headAge) => `只比户主${head}（${headAge}岁）小${gap}岁`),
  },
  {
    code: 'Q206',
    severity: 'warning',
    title: '父母与户主年龄不合',
    check: (facts, ctx) =>
      generationGap(facts, ctx.today, PARENTS, (headAge, age) => age - headAge, (gap, head, headAge) =>
        gap >= 0 ? `只比户主${head}（${headAge}岁）大${gap}岁` : `比户主${head}（${headAge}岁）还小${-gap}岁`,
      ),
  },
  {
    code: 'Q207',
    severity: 'warning',
    title: '与户主关系与性别不符',
    check(facts, ctx) {
      const out: Finding[] = [];
      for (const m of currentMembers(facts)) {
        const gender = genderOf(m, ctx.today);
        const wrong = (gender === '女' && MALE_RELATIONS.has(m.relation)) || (gender === '男' && FEMALE_RELATIONS.has(m.relation));
        if (!wrong) continue;
        out.push(
          memberFinding(m, 'relation', `成员${who(m, ctx.today)}性别为“${gender ?? ''}”，与“${m.relation}”不符，请核对与户主关系、性别或身份证号`),
        );
      }
      return out;
    },
  },
  {
    code: 'Q208',
    severity: 'error',
    title: '户内无成员',
    check(facts) {
      if (currentMembers(facts).length > 0) return [];
      const left = facts.members.length;
      const why = left > 0 ? `原有${left}名成员都已登记减员` : '没有登记任何成员';
      return [{ message: `本户${why}，户内无现有成员。请补录家庭成员，或按规定办理销号` }];
    },
  },
];
