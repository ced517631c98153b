// What the household page reads beside the household itself (its village, pairings with their
// helpers, measures, status history), and the archive-wide facts a save is checked against.
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { PairingView } from '../../shared/api/households.ts';
import type { MeasureRecord, StatusHistoryRecord } from '../../shared/records.ts';
import type { ReadDb } from '../handles.ts';
import { helpers, households, measures, members, pairings, statusHistory, villages } from '../schema/index.ts';

export function villageRefOf(db: ReadDb, villageId: string): { id: string; code: string; name: string } | undefined {
  return db.select({ id: villages.id, code: villages.code, name: villages.name }).from(villages).where(eq(villages.id, villageId)).get();
}

export function pairingViewsOf(db: ReadDb, householdId: string): PairingView[] {
  return db
    .select({ p: pairings, name: helpers.name, unit: helpers.unit, phone: helpers.phone })
    .from(pairings)
    .innerJoin(helpers, eq(helpers.id, pairings.helperId))
    .where(eq(pairings.householdId, householdId))
    .orderBy(asc(pairings.startOn))
    .all()
    .map((r) => ({ ...r.p, helperName: r.name, helperUnit: r.unit, helperPhone: r.phone }));
}

export function measuresOf(db: ReadDb, householdId: string): MeasureRecord[] {
  return db.select().from(measures).where(eq(measures.householdId, householdId)).orderBy(asc(measures.year)).all();
}

export function statusHistoryOf(db: ReadDb, householdId: string): StatusHistoryRecord[] {
  return db.select().from(statusHistory).where(eq(statusHistory.householdId, householdId)).orderBy(asc(statusHistory.effectiveOn)).all();
}

export function villageExists(db: ReadDb, villageId: string): boolean {
  return db.select({ id: villages.id }).from(villages).where(eq(villages.id, villageId)).get() !== undefined;
}

/** The household holding a 户编号, if any. */
export function householdIdByNo(db: ReadDb, no: string): string | undefined {
  return db.select({ id: households.id }).from(households).where(eq(households.no, no)).get()?.id;
}

/** A current member of another household holding one of these ID numbers, if any. */
export function memberElsewhere(db: ReadDb, idNumbers: readonly string[], exceptHousehold: string | null): { idNumber: string; no: string; name: string } | undefined {
  if (idNumbers.length === 0) return undefined;
  const row = db
    .select({ idNumber: members.idNumber, no: households.no, name: members.name })
    .from(members)
    .innerJoin(households, eq(households.id, members.householdId))
    .where(and(inArray(members.idNumber, [...idNumbers]), isNull(members.leftReason), exceptHousehold ? ne(members.householdId, exceptHousehold) : undefined))
    .get();
  return row?.idNumber ? { idNumber: row.idNumber, no: row.no, name: row.name } : undefined;
}
