// Household repository: plain functions taking the db first; every write is one synchronous
// transaction that also writes the audit log.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import type { HouseholdListItem, HouseholdSort } from '../../shared/api/households.ts';
import type { HouseholdRecord, MemberRecord } from '../../shared/records.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import { HOUSEHOLD_STATUSES, REGISTERED_STATUSES, STATUS_LABELS } from '../../shared/status.ts';
import type { Db } from '../open.ts';
import { writeTransaction } from '../handles.ts';
import { households, members } from '../schema/index.ts';
import { recordAudit } from './audit.ts';
import { writeStatusChange } from './household-status.ts';

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

export type { HouseholdListItem };

export interface HouseholdQuery {
  villageId?: string | null;
  groupName?: string | null;
  status?: HouseholdStatus | null;
  attribute?: string | null;
  mainCause?: string | null;
  monitoringCategory?: string | null;
  /** Registered (建档/监测) households with no helper paired on this day: the overview's 待办. */
  noHelperOn?: string | null;
  sort?: HouseholdSort;
  desc?: boolean;
  limit?: number;
  offset?: number;
}

const HEAD = `(SELECT name_initials || ' ' || name FROM members WHERE household_id = h.id AND relation = '户主' AND left_reason IS NULL ORDER BY seq LIMIT 1)`;
const SIZE = '(SELECT count(*) FROM members WHERE household_id = h.id AND left_reason IS NULL)';
const STATUS_ORDER = `CASE h.status ${HOUSEHOLD_STATUSES.map((st, i) => `WHEN '${st}' THEN ${i}`).join(' ')} ELSE 99 END`;

/** ORDER BY of a sort: its key, then the archive's order to break ties. */
function orderOf(sort: HouseholdSort = 'village', desc = false): string {
  const dir = desc ? 'DESC' : 'ASC';
  const base = `v.sort_order, v.code, h.no`;
  const key: Record<HouseholdSort, string> = {
    village: `v.sort_order ${dir}, v.code ${dir}, h.no ${dir}`,
    no: `h.no ${dir}`,
    head: `${HEAD} ${dir}`,
    group: `v.sort_order ${dir}, v.code ${dir}, h.group_name ${dir}`,
    size: `${SIZE} ${dir}`,
    status: `${STATUS_ORDER} ${dir}`,
  };
  return `${key[sort]}, ${base}`;
}

function whereOf(f: HouseholdQuery, ids: readonly string[] | null): { sql: string; args: (string | number)[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const eqs: [keyof HouseholdQuery, string][] = [
    ['villageId', 'h.village_id'],
    ['groupName', 'h.group_name'],
    ['status', 'h.status'],
    ['attribute', 'h.attribute'],
    ['mainCause', 'h.main_cause'],
    ['monitoringCategory', 'h.monitoring_category'],
  ];
  for (const [key, column] of eqs) {
    const v = f[key];
    if (typeof v === 'string' && v !== '') {
      where.push(`${column} = ?`);
      args.push(v);
    }
  }
  if (f.noHelperOn) {
    where.push(`h.status IN (${REGISTERED_STATUSES.map(() => '?').join(',')})
      AND NOT EXISTS (SELECT 1 FROM pairings p WHERE p.household_id = h.id AND p.start_on <= ? AND (p.end_on IS NULL OR p.end_on >= ?))`);
    args.push(...REGISTERED_STATUSES, f.noHelperOn, f.noHelperOn);
  }
  if (ids) {
    where.push('h.id IN (SELECT value FROM json_each(?))');
    args.push(JSON.stringify(ids));
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

/**
 * Households with village, head and current size, filtered and paged, plus the total count.
 * `ids` restricts the list to a search result (see core/search-index.ts).
 */
export function listHouseholds(db: Db, f: HouseholdQuery = {}, ids: readonly string[] | null = null): { total: number; items: HouseholdListItem[] } {
  const { sql: where, args } = whereOf(f, ids);
  const total = (db.$client.prepare(`SELECT count(*) AS n FROM households h ${where}`).get(...args) as { n: number }).n;
  // The page is chosen first, so head and size are looked up for its rows only.
  const items = db.$client
    .prepare(
      `WITH page AS (
         SELECT h.id FROM households h JOIN villages v ON v.id = h.village_id ${where}
          ORDER BY ${orderOf(f.sort, f.desc)} LIMIT ? OFFSET ?)
       SELECT h.id, h.no, h.village_id AS villageId, v.name AS villageName, h.group_name AS groupName, h.status,
          h.attribute, h.main_cause AS mainCause, h.monitoring_category AS monitoringCategory,
          (SELECT name FROM members WHERE household_id = h.id AND relation = '户主' AND left_reason IS NULL ORDER BY seq LIMIT 1) AS head,
          (SELECT count(*) FROM members WHERE household_id = h.id AND left_reason IS NULL) AS size
        FROM page JOIN households h ON h.id = page.id JOIN villages v ON v.id = h.village_id
        ORDER BY ${orderOf(f.sort, f.desc)}`,
    )
    .all(...args, f.limit ?? 200, f.offset ?? 0) as HouseholdListItem[];
  return { total, items };
}

/** What the search index is built from: current members' names, initials and IDs. */
export function searchRows(db: Db): SearchMemberRow[] {
  return db.$client
    .prepare('SELECT household_id AS householdId, name, name_initials AS nameInitials, id_number AS idNumber FROM members WHERE left_reason IS NULL')
    .all() as SearchMemberRow[];
}

export interface SearchMemberRow {
  householdId: string;
  name: string;
  nameInitials: string;
  idNumber: string | null;
}

/**
 * The search index's rows of some households (after a save: only those), or one slice of all
 * members by rowid (the index built in the background slice by slice: `afterRowid`, `limit`).
 */
export function searchRowsOf(db: Db, householdIds: readonly string[]): SearchMemberRow[] {
  return db.$client
    .prepare('SELECT household_id AS householdId, name, name_initials AS nameInitials, id_number AS idNumber FROM members WHERE left_reason IS NULL AND household_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(householdIds)) as SearchMemberRow[];
}

/** Every household's id and 户编号 in list order: village (sort order, code), then 户编号. */
export function householdNosInOrder(db: Db): { id: string; no: string }[] {
  return db.$client
    .prepare('SELECT h.id, h.no FROM households h JOIN villages v ON v.id = h.village_id ORDER BY v.sort_order, v.code, h.no')
    .all() as { id: string; no: string }[];
}

export function searchMemberSlice(db: Db, afterRowid: number, limit: number): { rows: SearchMemberRow[]; lastRowid: number | null } {
  const rows = db.$client
    .prepare('SELECT rowid AS r, household_id AS householdId, name, name_initials AS nameInitials, id_number AS idNumber FROM members WHERE rowid > ? AND left_reason IS NULL ORDER BY rowid LIMIT ?')
    .all(afterRowid, limit) as (SearchMemberRow & { r: number })[];
  return { rows: rows.map(({ r: _r, ...m }) => m), lastRowid: rows.length === limit ? rows.at(-1)!.r : null };
}

export function groupsOf(db: Db, villageId: string | null): string[] {
  const rows = db.$client
    .prepare(
      `SELECT DISTINCT group_name AS g FROM households WHERE group_name IS NOT NULL ${villageId ? 'AND village_id = ?' : ''} ORDER BY group_name`,
    )
    .all(...(villageId ? [villageId] : [])) as { g: string }[];
  return rows.map((r) => r.g);
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
  writeTransaction(db, (w) => {
    const before = w.select().from(households).where(eq(households.id, c.householdId)).get();
    if (!before) throw new UserError('找不到这一户，可能已被删除。请刷新后重试。');
    writeStatusChange(w, actor, {
      householdId: c.householdId,
      status: c.status,
      year: c.year ?? null,
      effectiveOn: c.effectiveOn,
      batchId: c.batchId ?? null,
      decision: c.decision ?? null,
      reason: c.reason ?? null,
    });
    recordAudit(w, actor, {
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
