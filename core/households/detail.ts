// Everything the household page shows, in one call.
import type { Archive } from '../../db/open.ts';
import { gatherFacts, loadQualityContextParts } from '../../db/quality.ts';
import { measuresOf, pairingViewsOf, statusHistoryOf, villageRefOf } from '../../db/repos/household-page.ts';
import { householdSnapshot } from '../../db/repos/household-write.ts';
import type { HouseholdDetail } from '../../shared/api/index.ts';
import { UserError } from '../../shared/errors.ts';
import { computeIncome } from '../../shared/income.ts';
import { rulesFor, runRules } from '../../shared/quality/index.ts';

/** `asOf`: the day ages and checks are judged on (the session's today). */
export function householdDetail(archive: Archive, id: string, asOf: string): HouseholdDetail {
  const { db } = archive;
  const snap = householdSnapshot(db, id);
  if (!snap) throw new UserError('找不到这一户，可能已被删除或撤销。请返回列表刷新。');
  const village = villageRefOf(db, snap.household.villageId)!;
  const parts = loadQualityContextParts(db);
  const year = parts.latestIncomeYear;
  const facts = gatherFacts(db, { householdIds: [id] });
  const ctx = { today: asOf, year: year ?? Number(asOf.slice(0, 4)), province: parts.province, policy: parts.policy };
  return {
    household: snap.household,
    village,
    members: snap.members,
    incomes: snap.incomes.map((r) => ({ ...r, ...computeIncome(r, r.householdSize) })),
    pairings: pairingViewsOf(db, id),
    measures: measuresOf(db, id),
    history: statusHistoryOf(db, id),
    problems: facts.flatMap((f) => runRules(f, ctx, rulesFor(year != null))),
  };
}
