// Households as the household forms (入户登记表, 明白卡, 脱贫验收表) read them: typed drizzle
// selects returning the shared record shapes, so a renamed column fails to compile instead of
// printing blanks. Read a chunk of households at a time (the caller bounds the chunk), so a
// township-wide batch of 20,000 households streams with flat memory.
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { AssessmentRecord, HouseholdRecord, IncomeRecord, MeasureRecord, MemberRecord } from '../../shared/records.ts';
import type { ReadDb } from '../handles.ts';
import { assessments, helpers, households, incomes, measures, members, pairings, villages } from '../schema/index.ts';

/** A helper paired with the household, as the forms print it (with the helper's phone: it is theirs to give). */
export interface FormHelper {
  householdId: string;
  name: string;
  unit: string | null;
  post: string | null;
  phone: string | null;
  startOn: string;
  endOn: string | null;
}

/** Everything a household form prints of one household. */
export interface HouseholdFormRecord {
  household: HouseholdRecord;
  villageName: string;
  villageCode: string;
  /** Current members (not left), by 户内序号. */
  members: MemberRecord[];
  /** Incomes of the years up to the form's year, oldest first. */
  incomes: IncomeRecord[];
  /** The assessment of the form's year, if any. */
  assessment: AssessmentRecord | null;
  /** Pairings started by the form's day, earliest first. */
  helpers: FormHelper[];
  /** Measures of the years up to the form's year, by year and start. */
  measures: MeasureRecord[];
}

export interface FormMoment {
  /** The year the form is about: incomes and measures up to it, its assessment. */
  year: number;
  /** The day it is printed for: helpers paired by then. */
  asOf: string;
}

function byHousehold<T extends { householdId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.householdId);
    if (list) list.push(r);
    else map.set(r.householdId, [r]);
  }
  return map;
}

/**
 * One chunk of households with their members, incomes, assessment, helpers and measures, in the
 * order of `ids` (ids that no longer exist are skipped). Keep the chunk to a few hundred ids.
 */
export function householdFormChunk(db: ReadDb, ids: readonly string[], at: FormMoment): HouseholdFormRecord[] {
  if (ids.length === 0) return [];
  const list = [...ids];
  const heads = db
    .select({ household: households, villageName: villages.name, villageCode: villages.code })
    .from(households)
    .innerJoin(villages, eq(villages.id, households.villageId))
    .where(inArray(households.id, list))
    .all();
  const memberRows = byHousehold(
    db
      .select()
      .from(members)
      .where(and(inArray(members.householdId, list), isNull(members.leftReason)))
      .orderBy(asc(members.householdId), asc(members.seq))
      .all(),
  );
  const incomeRows = byHousehold(
    db
      .select()
      .from(incomes)
      .where(and(inArray(incomes.householdId, list), lte(incomes.year, at.year)))
      .orderBy(asc(incomes.householdId), asc(incomes.year))
      .all(),
  );
  const assessmentRows = byHousehold(
    db
      .select()
      .from(assessments)
      .where(and(inArray(assessments.householdId, list), eq(assessments.year, at.year)))
      .all(),
  );
  const helperRows = byHousehold(
    db
      .select({ householdId: pairings.householdId, name: helpers.name, unit: helpers.unit, post: helpers.post, phone: helpers.phone, startOn: pairings.startOn, endOn: pairings.endOn })
      .from(pairings)
      .innerJoin(helpers, eq(helpers.id, pairings.helperId))
      .where(and(inArray(pairings.householdId, list), lte(pairings.startOn, at.asOf)))
      .orderBy(asc(pairings.householdId), asc(pairings.startOn))
      .all(),
  );
  const measureRows = byHousehold(
    db
      .select()
      .from(measures)
      .where(and(inArray(measures.householdId, list), lte(measures.year, at.year)))
      .orderBy(asc(measures.householdId), asc(measures.year), asc(measures.startOn))
      .all(),
  );
  const byId = new Map(heads.map((h) => [h.household.id, h]));
  return list.flatMap((id) => {
    const h = byId.get(id);
    if (!h) return [];
    return [
      {
        ...h,
        members: memberRows.get(id) ?? [],
        incomes: incomeRows.get(id) ?? [],
        assessment: assessmentRows.get(id)?.[0] ?? null,
        helpers: helperRows.get(id) ?? [],
        measures: measureRows.get(id) ?? [],
      },
    ];
  });
}
