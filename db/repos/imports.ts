// What a roster import reads from the archive (the households its file names, their current
// members and that year's income, the households of the villages it covers) and what it logs:
// the import itself, with the column matching the clerk corrected (remembered by header).
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { HouseholdRecord, IncomeRecord, MemberRecord } from '../../shared/records.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import { households, importsLog, incomes, members, villages } from '../schema/index.ts';

function chunked<T, R>(items: readonly T[], fn: (chunk: T[]) => R[]): R[] {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 500) out.push(...fn(items.slice(i, i + 500)));
  return out;
}

export function householdsByNos(db: ReadDb, nos: readonly string[]): HouseholdRecord[] {
  return chunked(nos, (c) => db.select().from(households).where(inArray(households.no, c)).all());
}

export function currentMembersOf(db: ReadDb, householdIds: readonly string[]): MemberRecord[] {
  return chunked(householdIds, (c) => db.select().from(members).where(and(inArray(members.householdId, c), isNull(members.leftReason))).all());
}

export function incomesOfYear(db: ReadDb, householdIds: readonly string[], year: number): IncomeRecord[] {
  return chunked(householdIds, (c) => db.select().from(incomes).where(and(inArray(incomes.householdId, c), eq(incomes.year, year))).all());
}

export function villageNames(db: ReadDb): { id: string; name: string }[] {
  return db.select({ id: villages.id, name: villages.name }).from(villages).all();
}

/** The households of these villages with their head's name (the first current member), by 户编号. */
export function householdsWithHeads(db: ReadDb, villageIds: readonly string[]): { no: string; head: string | null }[] {
  if (villageIds.length === 0) return [];
  return db.$client
    .prepare(
      `SELECT h.no, (SELECT name FROM members m WHERE m.household_id = h.id AND m.left_reason IS NULL ORDER BY m.seq LIMIT 1) AS head
         FROM households h WHERE h.village_id IN (${villageIds.map(() => '?').join(',')}) ORDER BY h.no`,
    )
    .all(...villageIds) as { no: string; head: string | null }[];
}

export function archiveHasHouseholds(db: ReadDb): boolean {
  return db.select({ id: households.id }).from(households).limit(1).get() !== undefined;
}

/** The column matching last saved with a header of one of these signatures. */
export function rememberedMappingFor(db: ReadDb, signatures: readonly string[]): Record<string, string | null> | undefined {
  if (signatures.length === 0) return undefined;
  const row = db.$client
    .prepare(
      `SELECT json_extract(summary, '$.mapping') AS mapping FROM imports_log
        WHERE json_extract(summary, '$.signature') IN (${signatures.map(() => '?').join(',')})
          AND json_extract(summary, '$.mapping') IS NOT NULL
        ORDER BY id DESC LIMIT 1`,
    )
    .get(...signatures) as { mapping: string } | undefined;
  return row ? (JSON.parse(row.mapping) as Record<string, string | null>) : undefined;
}

export type ImportLogEntry = Omit<typeof importsLog.$inferInsert, 'id'>;

export function logImport(w: WriteDb, entry: ImportLogEntry): void {
  w.insert(importsLog).values(entry).run();
}
