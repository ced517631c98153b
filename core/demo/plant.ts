// Planted problems: after the clean data is built, a fixed set of mistakes is put into
// distinct households so the data-quality check has something to find. Each plant returns
// exactly the (code, household) pairs docs/quality-rules.md reports for it, knock-ons
// included, and is chosen so that it triggers no other rule.
import { incomeFor, perCapitaFen } from './incomes.ts';
import { initialsOf, uniqueId } from './members.ts';
import { givenName } from './names.ts';
import type { DemoContext, GenHousehold, GenMember, PlantedProblem } from './types.ts';

const CHILD_LIKE = new Set(['之子', '之女', '之儿媳', '之女婿']);
const PARENT_LIKE = new Set(['之父', '之母', '之公公', '之婆婆', '之岳父', '之岳母']);

const spouseOf = (gh: GenHousehold): GenMember | undefined => gh.members.find((m) => m.row.relation === '配偶');
const isIll = (m: GenMember): boolean => m.row.health === '长期慢性病' || m.row.health === '患有大病';

/** Q205/Q206 stay quiet whichever of two people is taken as the head (one year of margin). */
function agesFitBoth(gh: GenHousehold, a: GenMember, b: GenMember): boolean {
  return gh.members.every((m) => {
    if (CHILD_LIKE.has(m.row.relation)) return a.age - m.age >= 16 && b.age - m.age >= 16;
    if (PARENT_LIKE.has(m.row.relation)) return m.age - a.age >= 16 && m.age - b.age >= 16;
    return true;
  });
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function plantProblems(ctx: DemoContext, all: GenHousehold[]): PlantedProblem[] {
  const planted: PlantedProblem[] = [];
  const used = new Set<string>();
  // Walk the households from a random start with a stride coprime to their number (so every
  // household is visited once) and about 0.38 of it, so the plants spread over the villages.
  const start = all.length === 0 ? 0 : ctx.rng.int(0, all.length - 1);
  let step = Math.max(1, Math.round(all.length * 0.382));
  while (gcd(step, all.length) > 1) step++;
  const find = (pred: (gh: GenHousehold) => boolean): GenHousehold | undefined => {
    for (let i = 0; i < all.length; i++) {
      const gh = all[(start + i * step) % all.length]!;
      if (!used.has(gh.row.id) && pred(gh)) {
        used.add(gh.row.id);
        return gh;
      }
    }
    return undefined;
  };
  const report = (code: string, gh: GenHousehold, member?: GenMember): void => {
    planted.push(member ? { code, household: gh.row.no, member: member.row.name } : { code, household: gh.row.no });
  };
  const ordinary = (gh: GenHousehold): boolean => gh.status === 'ordinary';

  // Q101: a wrong check digit; the first 17 digits (gender, birth date) still match the record.
  const q101 = find((gh) => ordinary(gh) && gh.members.length >= 2);
  if (q101) {
    const m = q101.members[1]!;
    const id = m.row.idNumber;
    m.row.idNumber = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    report('Q101', q101, m);
  }

  // Q202: the spouse also entered as 户主 (ages fit whichever of the two is read as the head).
  const q202 = find((gh) => ordinary(gh) && spouseOf(gh) !== undefined && agesFitBoth(gh, gh.members[0]!, spouseOf(gh)!));
  if (q202) {
    const spouse = spouseOf(q202)!;
    spouse.row.relation = '户主';
    report('Q202', q202, spouse);
  }

  // Q203: a spouse of the head's gender, with an ID number of that gender (so Q103 stays quiet).
  const q203 = find((gh) => ordinary(gh) && spouseOf(gh) !== undefined);
  if (q203) {
    const spouse = spouseOf(q203)!;
    const gender = q203.members[0]!.row.gender;
    spouse.row.gender = gender;
    spouse.row.idNumber = uniqueId(ctx, spouse.row.birthDate, gender);
    spouse.row.name = spouse.row.name.slice(0, 1) + givenName(ctx.rng, gender);
    spouse.row.nameInitials = initialsOf(spouse.row.name);
    report('Q203', q203, spouse);
  }

  // Q501: main cause 因病 but nobody chronically or seriously ill.
  const q501 = find((gh) => gh.status === 'exited' && gh.row.mainCause !== '因病' && !gh.members.some(isIll));
  if (q501) {
    q501.row.mainCause = '因病';
    q501.row.otherCauses = (q501.row.otherCauses ?? []).filter((c) => c !== '因病');
    report('Q501', q501);
  }

  // Q105: the same person (same ID) also listed as 其他 in a second household. The second
  // household's income grows with the extra person so its per-capita income stays the same.
  const q105a = find((gh) => ordinary(gh) && gh.members.some((m) => m.row.relation !== '户主' && m.age >= 18));
  const q105b = q105a && find((gh) => ordinary(gh) && gh.members.length < 7);
  if (q105a && q105b) {
    const src = q105a.members.find((m) => m.row.relation !== '户主' && m.age >= 18)!;
    q105b.members.push({
      age: src.age,
      row: { ...src.row, id: ctx.rng.uuid(), householdId: q105b.row.id, seq: q105b.members.length + 1, relation: '其他', phone: null },
    });
    for (const inc of q105b.incomes) {
      const net = inc.wageFen! + inc.businessFen! + inc.propertyFen! + inc.familyPlanningFen! + inc.dibaoFen! + inc.tekunFen! +
        inc.pensionFen! + inc.ecoCompensationFen! + inc.otherTransferFen! - inc.businessExpenseFen!;
      inc.wageFen = inc.wageFen! + Math.ceil(net / inc.householdSize);
      inc.householdSize += 1;
    }
    report('Q105', q105a, src);
    report('Q105', q105b, src);
  }

  // Q601: 150 亩 of farmland (over the 100 亩 limit).
  const q601 = find(ordinary);
  if (q601) {
    q601.row.farmlandMu = 150;
    report('Q601', q601);
  }

  // Q302: a healthy child of compulsory-school age recorded as not in school.
  const pupil = (m: GenMember): boolean => m.age >= 9 && m.age <= 13 && m.row.health === '健康';
  const q302 = find((gh) => ordinary(gh) && gh.members.some(pupil));
  if (q302) {
    const child = q302.members.find(pupil)!;
    child.row.schoolStatus = '非在校生';
    report('Q302', q302, child);
  }

  // Q405 + Q404: an exited household (no monitoring category) whose latest income fell to 3,400 元.
  const q405 = find((gh) => gh.status === 'exited' && gh.row.monitoringCategory == null);
  if (q405) {
    const last = q405.incomes.length - 1;
    const old = q405.incomes[last]!;
    q405.incomes[last] = { ...incomeFor(ctx, q405, old.year, 3400), id: old.id };
    report('Q405', q405);
    report('Q404', q405);
    // Q908 (income halved from the year before) speaks too when the fall is that steep.
    const before = q405.incomes[last - 1];
    if (before && perCapitaFen(q405.incomes[last]) * 2 < perCapitaFen(before)) report('Q908', q405);
  }
  return planted;
}
