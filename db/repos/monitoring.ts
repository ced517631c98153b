// 防返贫监测: the monitored households and what the board computes their level from (latest
// check, income, assessment, status history), monthly checks and remedies.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../shared/actor.ts';
import type { AssessmentRecord, HouseholdRecord, IncomeRecord, StatusHistoryRecord } from '../../shared/records.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import { assessments, households, incomes, monitoringChecks, monitoringRemedies, statusHistory, villages } from '../schema/index.ts';
import { changeStamp } from './stamp.ts';

export type CheckRow = typeof monitoringChecks.$inferSelect;
export type RemedyRow = typeof monitoringRemedies.$inferSelect;

/** Households of the statuses (of one village, or all), by 户编号. */
export function householdsWithStatus(db: ReadDb, statuses: readonly HouseholdStatus[], villageId: string | null): HouseholdRecord[] {
  const where = [inArray(households.status, [...statuses])];
  if (villageId) where.push(eq(households.villageId, villageId));
  return db.select().from(households).where(and(...where)).orderBy(households.no).all();
}

/** Status history of the households, latest first. */
export function statusHistoryLatestFirst(db: ReadDb, householdIds: readonly string[]): StatusHistoryRecord[] {
  return db
    .select()
    .from(statusHistory)
    .where(inArray(statusHistory.householdId, [...householdIds]))
    .orderBy(desc(statusHistory.effectiveOn), desc(statusHistory.updatedAt))
    .all();
}

/** Monthly checks of the households, latest first. */
export function checksLatestFirst(db: ReadDb, householdIds: readonly string[]): CheckRow[] {
  return db.select().from(monitoringChecks).where(inArray(monitoringChecks.householdId, [...householdIds])).orderBy(desc(monitoringChecks.checkedOn)).all();
}

/** Incomes of the households, latest year first. */
export function incomesLatestFirst(db: ReadDb, householdIds: readonly string[]): IncomeRecord[] {
  return db.select().from(incomes).where(inArray(incomes.householdId, [...householdIds])).orderBy(desc(incomes.year)).all();
}

/** 两不愁三保障 assessments of the households, latest year first. */
export function assessmentsLatestFirst(db: ReadDb, householdIds: readonly string[]): AssessmentRecord[] {
  return db.select().from(assessments).where(inArray(assessments.householdId, [...householdIds])).orderBy(desc(assessments.year)).all();
}

export function remediesOf(db: ReadDb, householdIds: readonly string[]): RemedyRow[] {
  return db.select().from(monitoringRemedies).where(inArray(monitoringRemedies.householdId, [...householdIds])).all();
}

/** One household's remedies, last changed first. */
export function remediesOfHousehold(db: ReadDb, householdId: string): RemedyRow[] {
  return db.select().from(monitoringRemedies).where(eq(monitoringRemedies.householdId, householdId)).orderBy(desc(monitoringRemedies.updatedAt)).all();
}

/** Each village's place in the village list. */
export function villageSortOrders(db: ReadDb): Map<string, number> {
  return new Map(db.select({ id: villages.id, sort: villages.sortOrder }).from(villages).all().map((v) => [v.id, v.sort]));
}

export function checkById(db: ReadDb, id: string): CheckRow | undefined {
  return db.select().from(monitoringChecks).where(eq(monitoringChecks.id, id)).get();
}

export type NewCheck = Pick<CheckRow, 'householdId' | 'checkedOn' | 'predictedPerCapitaFen' | 'atRisk' | 'level' | 'findings' | 'actions' | 'checkedBy'>;

export function insertCheck(w: WriteDb, actor: Actor, values: NewCheck): string {
  const id = randomUUID();
  w.insert(monitoringChecks).values({ id, version: 1, ...changeStamp(actor), ...values }).run();
  return id;
}

export function remedyById(db: ReadDb, id: string): RemedyRow | undefined {
  return db.select().from(monitoringRemedies).where(eq(monitoringRemedies.id, id)).get();
}

export type RemedyValues = Pick<RemedyRow, 'checkId' | 'shortfall' | 'action' | 'responsible' | 'dueOn' | 'doneOn' | 'result'>;

/** Adds a remedy for the household, or (`prevId`) changes the one recorded; returns its id. */
export function saveRemedyRecord(w: WriteDb, actor: Actor, prevId: string | null, householdId: string, values: RemedyValues): string {
  const stamp = changeStamp(actor);
  if (prevId) {
    w.update(monitoringRemedies).set({ ...values, ...stamp, version: sql`${monitoringRemedies.version} + 1` }).where(eq(monitoringRemedies.id, prevId)).run();
    return prevId;
  }
  const id = randomUUID();
  w.insert(monitoringRemedies).values({ id, version: 1, ...stamp, householdId, ...values }).run();
  return id;
}
