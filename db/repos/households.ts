// Household repository: plain functions taking the db first; every write is one synchronous
// transaction that also writes the audit log.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import type { HouseholdRecord, MemberRecord } from '../../shared/records.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import { STATUS_LABELS } from '../../shared/status.ts';
import type { Db } from '../open.ts';
import { households, members, statusHistory } from '../schema/index.ts';
import { recordAudit } from './audit.ts';

export function householdByNo(db: Db, no: string): HouseholdRecord | undefined {
  return db.select().from(households).where(eq(households.no, no)).get();
}

export function currentMembers(db: Db, householdId: string): MemberRecord[] {
  return db
    .select()
    .from(members)
    .where(and(eq(members.householdId, householdId), sql`${members.leftReason} IS NULL`))
    .orderBy(asc(members.seq))
    .all();
}

export interface HouseholdListItem {
  id: string;
  no: string;
  villageId: string;
  groupName: string | null;
  status: HouseholdStatus;
  head: string | null;
  size: number;
}

export interface HouseholdFilter {
  villageId?: string;
  status?: HouseholdStatus;
  /** Name, pinyin initials (zs → 张三), ID-number tail or 户编号. */
  search?: string;
  limit?: number;
  offset?: number;
}

/** One query: households with their head's name and current size, filtered and paged. */
export function listHouseholds(db: Db, f: HouseholdFilter = {}): HouseholdListItem[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.villageId) {
    where.push('h.village_id = ?');
    args.push(f.villageId);
  }
  if (f.status) {
    where.push('h.status = ?');
    args.push(f.status);
  }
  const q = f.search?.trim();
  if (q) {
    where.push(`h.id IN (SELECT household_id FROM members WHERE left_reason IS NULL AND
      (name LIKE ? OR name_initials LIKE ? OR id_number LIKE ?)) OR h.no LIKE ?`);
    args.push(`${q}%`, `${q.toLowerCase()}%`, `%${q.toUpperCase()}`, `%${q}%`);
  }
  const sqlText = `SELECT h.id, h.no, h.village_id AS villageId, h.group_name AS groupName, h.status,
      (SELECT name FROM members WHERE household_id = h.id AND relation = '户主' AND left_reason IS NULL ORDER BY seq LIMIT 1) AS head,
      (SELECT count(*) FROM members WHERE household_id = h.id AND left_reason IS NULL) AS size
    FROM households h ${where.length ? `WHERE ${where.map((w) => `(${w})`).join(' AND ')}` : ''}
    ORDER BY h.no LIMIT ? OFFSET ?`;
  return db.$client.prepare(sqlText).all(...args, f.limit ?? 200, f.offset ?? 0) as HouseholdListItem[];
}

export interface StatusChange {
  householdId: string;
  status: HouseholdStatus;
  effectiveOn: string;
  year?: number | null;
  /** A status changes only through a workflow batch or a recorded decision: one is required. */
  batchId?: string | null;
  decision?: string | null;
  reason?: string | null;
}

/** Changes a household's status and records it in its history, in one transaction. */
export function changeStatus(db: Db, actor: Actor, c: StatusChange): void {
  if (!c.batchId && !c.decision?.trim()) {
    throw new UserError('户状态只能由工作流程或有记录的决定改变：请填写决定文号或说明。');
  }
  db.transaction((tx) => {
    const before = tx.select().from(households).where(eq(households.id, c.householdId)).get();
    if (!before) throw new UserError('找不到这一户，可能已被删除。请刷新后重试。');
    const now = actor.now().toISOString();
    tx.update(households)
      .set({ status: c.status, version: before.version + 1, updatedAt: now, updatedBy: actor.operator })
      .where(eq(households.id, c.householdId))
      .run();
    const id = randomUUID();
    tx.insert(statusHistory)
      .values({
        id,
        version: 1,
        updatedAt: now,
        updatedBy: actor.operator,
        householdId: c.householdId,
        status: c.status,
        year: c.year ?? null,
        effectiveOn: c.effectiveOn,
        batchId: c.batchId ?? null,
        decision: c.decision ?? null,
        reason: c.reason ?? null,
      })
      .run();
    recordAudit(tx, actor, {
      action: 'status',
      tableName: 'households',
      recordId: c.householdId,
      householdId: c.householdId,
      before: { status: before.status },
      after: { status: c.status },
      note: `${STATUS_LABELS[before.status]} → ${STATUS_LABELS[c.status]}`,
    });
  });
}
