// County mode, read-only browsing of what the townships sent: the townships held and their
// counts, one township's households (paged, searchable) and batches with their steps, and which
// township a received row belongs to (exchange_rows).
import { eq } from 'drizzle-orm';
import type { ReadDb } from '../handles.ts';
import { townships } from '../schema/index.ts';

export type TownshipRow = typeof townships.$inferSelect;

export function townshipById(db: ReadDb, id: string): TownshipRow | undefined {
  return db.select().from(townships).where(eq(townships.id, id)).get();
}

/** Every township held, by code and name. */
export function townshipList(db: ReadDb): TownshipRow[] {
  return db.select().from(townships).orderBy(townships.code, townships.name).all();
}

/** Villages, households and current members of a township. */
export function townshipCounts(db: ReadDb, townshipId: string): { villages: number; households: number; members: number } {
  const q = (sql: string): number => db.$client.prepare(sql).pluck().get(townshipId) as number;
  return {
    villages: q('SELECT count(*) FROM villages WHERE township_id = ?'),
    households: q('SELECT count(*) FROM households h JOIN villages v ON v.id = h.village_id WHERE v.township_id = ?'),
    members: q('SELECT count(*) FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id WHERE v.township_id = ? AND m.left_reason IS NULL'),
  };
}

/** The township a received row belongs to. */
export function rowOwner(db: ReadDb, table: string, id: string): string | undefined {
  return db.$client.prepare('SELECT township_id FROM exchange_rows WHERE table_name = ? AND row_id = ?').pluck().get(table, id) as string | undefined;
}

export interface CountyHouseholdQuery {
  townshipId: string;
  villageId: string | null;
  /** Part of 户编号, a member's name or initials, or the end of an ID number. */
  search: string | null;
  limit: number;
  offset: number;
}

export interface CountyHouseholdRow {
  id: string;
  no: string;
  village: string;
  groupName: string | null;
  status: string;
  head: string | null;
  size: number;
}

/** One page of a township's households (by village order and 户编号), and how many match. */
export function countyHouseholdPage(db: ReadDb, input: CountyHouseholdQuery): { total: number; rows: CountyHouseholdRow[] } {
  const where = ['v.township_id = @t'];
  if (input.villageId) where.push('h.village_id = @v');
  if (input.search) where.push(`(h.no LIKE @s OR EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id AND (m.name LIKE @s OR m.name_initials LIKE @s OR m.id_number LIKE @tail)))`);
  const params = { t: input.townshipId, v: input.villageId, s: `%${input.search ?? ''}%`, tail: `%${input.search ?? ''}` };
  const from = `FROM households h JOIN villages v ON v.id = h.village_id WHERE ${where.join(' AND ')}`;
  const total = db.$client.prepare(`SELECT count(*) ${from}`).pluck().get(params) as number;
  const rows = db.$client
    .prepare(
      `SELECT h.id, h.no, v.name AS village, h.group_name AS groupName, h.status,
         (SELECT name FROM members WHERE household_id = h.id AND relation = '户主' AND left_reason IS NULL ORDER BY seq LIMIT 1) AS head,
         (SELECT count(*) FROM members WHERE household_id = h.id AND left_reason IS NULL) AS size
       ${from} ORDER BY v.sort_order, h.no LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: input.limit, offset: input.offset }) as CountyHouseholdRow[];
  return { total, rows };
}

export interface StepState {
  seq: number;
  step: string;
  status: 'pending' | 'open' | 'closed';
}

export interface CountyBatchRow {
  id: string;
  kind: string;
  year: number;
  title: string;
  status: 'open' | 'closed' | 'cancelled';
  village: string | null;
  /** Households in the batch, not removed. */
  householdCount: number;
  /** Review opinions recorded on the batch. */
  opinions: number;
  /** Its steps, in order. */
  steps: StepState[];
}

/** A township's batches, newest first, with their steps. */
export function countyBatchRows(db: ReadDb, townshipId: string): CountyBatchRow[] {
  const rows = db.$client
    .prepare(
      `SELECT b.id, b.kind, b.year, b.title, b.status, v.name AS village,
         (SELECT count(*) FROM batch_households bh WHERE bh.batch_id = b.id AND bh.removed_on IS NULL) AS householdCount,
         (SELECT count(*) FROM review_opinions o WHERE o.batch_id = b.id) AS opinions
       FROM batches b JOIN exchange_rows r ON r.table_name = 'batches' AND r.row_id = b.id LEFT JOIN villages v ON v.id = b.village_id
       WHERE r.township_id = ? ORDER BY b.year DESC, b.created_on DESC`,
    )
    .all(townshipId) as Omit<CountyBatchRow, 'steps'>[];
  const steps = db.$client.prepare('SELECT seq, step, status FROM batch_steps WHERE batch_id = ? ORDER BY seq');
  return rows.map((b) => ({ ...b, steps: steps.all(b.id) as StepState[] }));
}
