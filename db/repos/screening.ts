// 部门筛查预警: finding a department list's people in the archive (current members, by ID number
// or by name), the lists and hits written on confirm, the register with its filters, and the
// clerk's 核实 / dismissal of a hit.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../shared/actor.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import { households, members, screeningAlerts, screeningLists, villages } from '../schema/index.ts';
import { changeStamp } from './stamp.ts';

export interface ArchivePerson {
  memberId: string;
  householdId: string;
  name: string;
  idNumber: string | null;
  birthDate: string | null;
  householdNo: string;
  villageName: string;
}

const CHUNK = 500;

function chunked<T, R>(items: readonly T[], fn: (part: T[]) => R[]): R[] {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...fn(items.slice(i, i + CHUNK)));
  return out;
}

/** Current members passing `where`, with their household and village (in `order` when given). */
function people(db: ReadDb, where: SQL, order: SQL[] = []): ArchivePerson[] {
  return db
    .select({
      memberId: members.id,
      householdId: members.householdId,
      name: members.name,
      idNumber: members.idNumber,
      birthDate: members.birthDate,
      householdNo: households.no,
      villageName: villages.name,
    })
    .from(members)
    .innerJoin(households, eq(households.id, members.householdId))
    .innerJoin(villages, eq(villages.id, households.villageId))
    .where(and(where, isNull(members.leftReason)))
    .orderBy(...order)
    .all();
}

/** Current members with one of these ID numbers (18 characters, upper-case X). */
export function peopleByIdNumbers(db: ReadDb, ids: readonly string[]): ArchivePerson[] {
  return chunked([...new Set(ids)], (part) => people(db, inArray(members.idNumber, part)));
}

/** Current members with one of these names. */
export function peopleByNames(db: ReadDb, names: readonly string[]): ArchivePerson[] {
  return chunked([...new Set(names)], (part) => people(db, inArray(members.name, part)));
}

/** Members of the department that already have a hit waiting for its 核实 (not raised twice). */
export function pendingMemberIds(db: ReadDb, department: string): Set<string> {
  const rows = db
    .select({ memberId: screeningAlerts.memberId })
    .from(screeningAlerts)
    .where(and(eq(screeningAlerts.department, department), eq(screeningAlerts.status, 'pending')))
    .all();
  return new Set(rows.flatMap((r) => (r.memberId ? [r.memberId] : [])));
}

export type ListRow = typeof screeningLists.$inferSelect;
export type AlertRow = typeof screeningAlerts.$inferSelect;
export type NewList = Pick<ListRow, 'department' | 'fileName' | 'title' | 'listDate' | 'importedOn' | 'rows' | 'hits'>;
export type NewAlert = Pick<AlertRow, 'householdId' | 'memberId' | 'department' | 'rowNo' | 'matchedBy' | 'reason' | 'figures' | 'dueOn'>;

export function insertList(w: WriteDb, actor: Actor, list: NewList, alerts: readonly NewAlert[]): { listId: string; alertIds: string[] } {
  const stamp = changeStamp(actor);
  const listId = randomUUID();
  w.insert(screeningLists).values({ id: listId, version: 1, ...stamp, ...list }).run();
  const alertIds: string[] = [];
  for (let i = 0; i < alerts.length; i += CHUNK) {
    const part = alerts.slice(i, i + CHUNK).map((a) => ({ id: randomUUID(), version: 1, ...stamp, listId, status: 'pending' as const, ...a }));
    w.insert(screeningAlerts).values(part).run();
    alertIds.push(...part.map((p) => p.id));
  }
  return { listId, alertIds };
}

export interface AlertQuery {
  department?: string | null;
  status?: AlertRow['status'] | null;
  villageId?: string | null;
  /** Only pending hits whose due date is before this day. */
  overdueOn?: string | null;
  householdId?: string | null;
  id?: string | null;
  /** County mode: one township's hits. */
  townshipId?: string | null;
}

export interface AlertListRow extends AlertRow {
  listTitle: string;
  listDate: string;
  householdNo: string;
  villageId: string;
  villageName: string;
  memberName: string | null;
  head: string | null;
}

function alertWhere(q: AlertQuery): SQL | undefined {
  const where: SQL[] = [];
  if (q.department) where.push(eq(screeningAlerts.department, q.department));
  if (q.status) where.push(eq(screeningAlerts.status, q.status));
  if (q.villageId) where.push(eq(households.villageId, q.villageId));
  if (q.householdId) where.push(eq(screeningAlerts.householdId, q.householdId));
  if (q.id) where.push(eq(screeningAlerts.id, q.id));
  if (q.townshipId) where.push(eq(villages.townshipId, q.townshipId));
  if (q.overdueOn) where.push(and(eq(screeningAlerts.status, 'pending'), sql`${screeningAlerts.dueOn} < ${q.overdueOn}`)!);
  return where.length ? and(...where) : undefined;
}

/** The register: the hits that pass the filter, due first, with their list, household and village. */
export function alertRows(db: ReadDb, q: AlertQuery): AlertListRow[] {
  return db
    .select({
      ...getTableColumns(screeningAlerts),
      listTitle: screeningLists.title,
      listDate: screeningLists.listDate,
      householdNo: households.no,
      villageId: households.villageId,
      villageName: villages.name,
      memberName: members.name,
      head: sql<string | null>`(SELECT m.name FROM members m WHERE m.household_id = ${households.id} AND m.relation = '户主' AND m.left_reason IS NULL ORDER BY m.seq LIMIT 1)`,
    })
    .from(screeningAlerts)
    .innerJoin(screeningLists, eq(screeningLists.id, screeningAlerts.listId))
    .innerJoin(households, eq(households.id, screeningAlerts.householdId))
    .innerJoin(villages, eq(villages.id, households.villageId))
    .leftJoin(members, eq(members.id, screeningAlerts.memberId))
    .where(alertWhere(q))
    .orderBy(asc(screeningAlerts.dueOn), asc(villages.sortOrder), asc(households.no), asc(screeningAlerts.rowNo))
    .all();
}

/** Hits by department and status (for the register's counts), of the archive or of one township (county mode). */
export function alertCounts(db: ReadDb, townshipId: string | null = null): { department: string; status: AlertRow['status']; n: number }[] {
  return db
    .select({ department: screeningAlerts.department, status: screeningAlerts.status, n: sql<number>`count(*)` })
    .from(screeningAlerts)
    .innerJoin(households, eq(households.id, screeningAlerts.householdId))
    .innerJoin(villages, eq(villages.id, households.villageId))
    .where(alertWhere({ townshipId }))
    .groupBy(screeningAlerts.department, screeningAlerts.status)
    .all();
}

export function overdueCount(db: ReadDb, on: string, townshipId: string | null = null): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(screeningAlerts)
      .innerJoin(households, eq(households.id, screeningAlerts.householdId))
      .innerJoin(villages, eq(villages.id, households.villageId))
      .where(alertWhere({ overdueOn: on, townshipId }))
      .get()?.n ?? 0
  );
}

export function alertById(db: ReadDb, id: string): AlertRow | undefined {
  return db.select().from(screeningAlerts).where(eq(screeningAlerts.id, id)).get();
}

export function listsLatestFirst(db: ReadDb): ListRow[] {
  return db.select().from(screeningLists).orderBy(desc(screeningLists.importedOn), desc(screeningLists.updatedAt)).all();
}

export type AlertOutcome = Pick<AlertRow, 'status' | 'result' | 'resolvedBy' | 'resolvedOn' | 'batchId'>;

export function updateAlert(w: WriteDb, actor: Actor, id: string, outcome: AlertOutcome): void {
  w.update(screeningAlerts)
    .set({ ...outcome, ...changeStamp(actor), version: sql`${screeningAlerts.version} + 1` })
    .where(eq(screeningAlerts.id, id))
    .run();
}

/** Current members with an ID number, by 户编号 and place in the household (synthetic lists for the demo and tests). */
export function peopleWithIds(db: ReadDb): ArchivePerson[] {
  return people(db, sql`${members.idNumber} IS NOT NULL`, [asc(households.no), asc(members.seq)]);
}
