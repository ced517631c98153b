// Which rows of each travelling table a township export carries: all of them, or the chosen
// batches with their households' full records (members, incomes, assessments, help, status
// history, monitoring, attachments), the villages, helpers and township they refer to, and —
// header only — the other batches the households' status history names. The result is a
// per-table WHERE clause that db/repos/exchange-snapshot.ts applies; core passes it on unread.
import type { ReadDb } from '../handles.ts';
import type { TravellingTableName } from './exchange-tables.ts';

/** Per table: a WHERE clause and its parameters (absent: every row). */
export type ScopeFilter = ReadonlyMap<TravellingTableName, { where: string; params: unknown[] }>;

/** Every row of every travelling table. */
export const WHOLE_ARCHIVE: ScopeFilter = new Map();

const ids = (db: ReadDb, sql: string, ...params: unknown[]): string[] =>
  (db.$client.prepare(sql).pluck().all(...params) as (string | null)[]).filter((x): x is string => x != null);

const inList = (column: string, list: readonly string[]): { where: string; params: unknown[] } => ({
  where: `${column} IN (SELECT value FROM json_each(?))`,
  params: [JSON.stringify([...new Set(list)])],
});

/** The batch ids among `batchIds` that the archive does not hold. */
export function missingBatches(db: ReadDb, batchIds: readonly string[]): string[] {
  const found = new Set(ids(db, 'SELECT id FROM batches WHERE id IN (SELECT value FROM json_each(?))', JSON.stringify(batchIds)));
  return batchIds.filter((b) => !found.has(b));
}

/** The rows an export of these (existing, distinct) batches carries. */
export function scopeOfBatches(db: ReadDb, wanted: readonly string[]): ScopeFilter {
  const B = JSON.stringify(wanted);
  const households = ids(
    db,
    `SELECT household_id FROM batch_households WHERE batch_id IN (SELECT value FROM json_each(@a))
     UNION SELECT o.household_id FROM objections o JOIN batch_steps s ON s.id = o.step_id WHERE s.batch_id IN (SELECT value FROM json_each(@a))`,
    { a: B },
  );
  const H = JSON.stringify(households);
  const named = ids(db, 'SELECT DISTINCT batch_id FROM status_history WHERE household_id IN (SELECT value FROM json_each(?))', H);
  const allBatches = [...new Set([...wanted, ...named])];
  const AB = JSON.stringify(allBatches);
  const villages = ids(
    db,
    `SELECT village_id FROM households WHERE id IN (SELECT value FROM json_each(@a))
     UNION SELECT village_id FROM batches WHERE id IN (SELECT value FROM json_each(@b))
     UNION SELECT village_id FROM batch_villages WHERE batch_id IN (SELECT value FROM json_each(@b))`,
    { a: H, b: AB },
  );
  const helpers = ids(
    db,
    `SELECT helper_id FROM pairings WHERE household_id IN (SELECT value FROM json_each(@a))
     UNION SELECT helper_id FROM measures WHERE household_id IN (SELECT value FROM json_each(@a))`,
    { a: H },
  );
  const steps = ids(db, 'SELECT id FROM batch_steps WHERE batch_id IN (SELECT value FROM json_each(?))', B);
  const allSteps = ids(db, 'SELECT id FROM batch_steps WHERE batch_id IN (SELECT value FROM json_each(?))', AB);
  const meetings = ids(db, 'SELECT id FROM meetings WHERE batch_id IN (SELECT value FROM json_each(?))', B);
  const byHousehold = inList('household_id', households);
  return new Map<TravellingTableName, { where: string; params: unknown[] }>([
    ['villages', inList('id', villages)],
    ['village_years', inList('village_id', villages)],
    ['helpers', inList('id', helpers)],
    ['households', inList('id', households)],
    ['members', byHousehold],
    ['incomes', byHousehold],
    ['assessments', byHousehold],
    ['pairings', byHousehold],
    ['measures', byHousehold],
    ['batches', inList('id', allBatches)],
    ['batch_villages', inList('batch_id', allBatches)],
    ['batch_steps', inList('batch_id', allBatches)],
    ['batch_households', inList('batch_id', wanted)],
    ['step_outcomes', inList('step_id', steps)],
    ['objections', inList('step_id', steps)],
    ['meetings', inList('batch_id', wanted)],
    ['meeting_votes', inList('meeting_id', meetings)],
    ['batch_decisions', inList('batch_id', wanted)],
    ['quotas', inList('village_id', villages)],
    ['status_history', byHousehold],
    ['monitoring_checks', byHousehold],
    ['monitoring_remedies', byHousehold],
    // Department screening travels with the whole archive only: a hit may name a batch outside the chosen ones.
    ['screening_lists', { where: '0', params: [] }],
    ['screening_alerts', { where: '0', params: [] }],
    // 已核实无误 likewise travels with the whole archive only.
    ['quality_acks', { where: '0', params: [] }],
    [
      'attachments',
      {
        where: `(owner_table = 'households' AND owner_id IN (SELECT value FROM json_each(?)))
             OR (owner_table = 'batch_steps' AND owner_id IN (SELECT value FROM json_each(?)))
             OR (owner_table = 'meetings' AND owner_id IN (SELECT value FROM json_each(?)))`,
        params: [H, JSON.stringify(allSteps), JSON.stringify(meetings)],
      },
    ],
  ]);
}
