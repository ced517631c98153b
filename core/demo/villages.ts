// Villages (some of them former poor villages) and their yearly figures, computed from the
// generated households so the village table and the household table agree.
import { VILLAGE_CHECKLIST } from '../../shared/villages.ts';
import type { DemoVillage } from './households.ts';
import { perCapitaFen } from './incomes.ts';
import { mobile, personName, villageNames } from './names.ts';
import type { DemoContext, GenHousehold, VillageRow, VillageYearRow } from './types.ts';

export function buildVillages(ctx: DemoContext, count: number): { rows: VillageRow[]; villages: DemoVillage[] } {
  const { rng } = ctx;
  const names = villageNames(rng, count);
  const rows: VillageRow[] = [];
  const villages: DemoVillage[] = [];
  names.forEach((name, index) => {
    const id = rng.uuid();
    const poor = rng.chance(0.3);
    rows.push({
      id,
      ...ctx.stamp,
      townshipId: ctx.townshipId,
      code: `${ctx.township9}${String(index + 1).padStart(3, '0')}`,
      name,
      isPoorVillage: poor,
      exitYear: poor ? rng.int(2017, 2020) : null,
      workTeam: poor || rng.chance(0.3) ? `${ctx.county || '县'}${rng.pick(['农业农村局', '乡村振兴局', '财政局', '交通运输局', '水务局'])}驻村工作队` : null,
      firstSecretary: personName(rng, rng.chance(0.75) ? '男' : '女'),
      firstSecretaryPhone: mobile(rng),
      sortOrder: index + 1,
    });
    villages.push({ id, index, name, groups: rng.int(4, 8) });
  });
  return { rows, villages };
}

/** Splits `total` households over the villages, evenly-ish (each weight 0.7–1.3). */
export function spread(ctx: DemoContext, villages: number, total: number): number[] {
  const weights = Array.from({ length: villages }, () => 0.7 + 0.6 * ctx.rng.next());
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, c) => s + c, 0);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i]!++;
  }
  return counts;
}


export function buildVillageYears(ctx: DemoContext, rows: VillageRow[], all: GenHousehold[]): VillageYearRow[] {
  const { rng } = ctx;
  const out: VillageYearRow[] = [];
  rows.forEach((v, index) => {
    const hhs = all.filter((gh) => gh.villageIndex === index);
    const people = hhs.reduce((s, gh) => s + gh.members.length, 0);
    const collectiveBase = rng.int(60000, 300000);
    const cleanEnergy = rng.chance(0.5);
    ctx.incomeYears.forEach((year, yi) => {
      let net = 0;
      for (const gh of hhs) net += perCapitaFen(gh.incomes[yi]!) * gh.incomes[yi]!.householdSize;
      const checklist: Record<string, boolean> = {};
      for (const item of VILLAGE_CHECKLIST) checklist[item] = true;
      checklist['清洁能源'] = cleanEnergy && yi > 0;
      out.push({
        id: rng.uuid(),
        ...ctx.stamp,
        villageId: v.id,
        year,
        ruralHouseholds: hhs.length,
        ruralPopulation: people,
        perCapitaIncomeFen: people > 0 ? Math.round(net / people) : null,
        collectiveIncomeFen: Math.round(collectiveBase * 1.08 ** yi) * 100,
        checklist,
      });
    });
  });
  return out;
}
