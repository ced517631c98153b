// Everything the household page shows, in one call.
import { asc, eq } from 'drizzle-orm';
import type { Archive } from '../../db/open.ts';
import { gatherFacts, loadQualityContextParts } from '../../db/quality.ts';
import { helpers, measures, pairings, statusHistory, villages } from '../../db/schema/index.ts';
import type { HouseholdDetail } from '../../shared/api/index.ts';
import { UserError } from '../../shared/errors.ts';
import { computeIncome } from '../../shared/income.ts';
import { rulesFor, runRules } from '../../shared/quality/index.ts';
import { snapshotOf } from './snapshot.ts';

/** `asOf`: the day ages and checks are judged on (the session's today). */
export function householdDetail(archive: Archive, id: string, asOf: string): HouseholdDetail {
  const { db } = archive;
  const snap = snapshotOf(db, id);
  if (!snap) throw new UserError('找不到这一户，可能已被删除或撤销。请返回列表刷新。');
  const village = db.select({ id: villages.id, code: villages.code, name: villages.name }).from(villages).where(eq(villages.id, snap.household.villageId)).get()!;
  const pairingRows = db
    .select({ p: pairings, name: helpers.name, unit: helpers.unit, phone: helpers.phone })
    .from(pairings)
    .innerJoin(helpers, eq(helpers.id, pairings.helperId))
    .where(eq(pairings.householdId, id))
    .orderBy(asc(pairings.startOn))
    .all();
  const parts = loadQualityContextParts(db);
  const year = parts.latestIncomeYear;
  const facts = gatherFacts(db, { householdIds: [id] });
  const ctx = { today: asOf, year: year ?? Number(asOf.slice(0, 4)), province: parts.province, policy: parts.policy };
  return {
    household: snap.household,
    village,
    members: snap.members,
    incomes: snap.incomes.map((r) => ({ ...r, ...computeIncome(r, r.householdSize) })),
    pairings: pairingRows.map((r) => ({ ...r.p, helperName: r.name, helperUnit: r.unit, helperPhone: r.phone })),
    measures: db.select().from(measures).where(eq(measures.householdId, id)).orderBy(asc(measures.year)).all(),
    history: db.select().from(statusHistory).where(eq(statusHistory.householdId, id)).orderBy(asc(statusHistory.effectiveOn)).all(),
    problems: facts.flatMap((f) => runRules(f, ctx, rulesFor(year != null))),
  };
}
