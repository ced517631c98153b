// County side, before anything is written: what the county archive holds that a township
// export is checked against — which township each received row belongs to (exchange_rows), the
// versions of this township's rows held now, ids and unique codes held by other townships, and
// attachment contents already stored. Point lookups run once per incoming row, so each is one
// prepared statement, made once per plan.
import type { Statement } from 'better-sqlite3';
import type { ReadDb } from '../handles.ts';
import { TRAVELLING_TABLES } from './exchange-tables.ts';
import type { TravellingTableName } from './exchange-tables.ts';

export interface HeldVersion {
  version: number;
  updatedAt: string;
}

export interface CountyPlanReads {
  /** The township a received row belongs to (none: not received from any township). */
  ownerOf(table: string, id: string): string | undefined;
  /** How many rows of a table this township sent and the county holds. */
  ownedCount(townshipId: string, table: TravellingTableName): number;
  /** This township's rows of a table as held now, by id (one read per table). */
  heldVersions(townshipId: string, table: TravellingTableName): Map<string, HeldVersion>;
  /** All rows of a table, whoever sent them. */
  rowCount(table: TravellingTableName): number;
  /** Whether the table holds a row with this id. */
  exists(table: TravellingTableName, id: string): boolean;
  /** The row of `table` whose unique `column` has this value, by its township (null: not received from one). */
  holderOf(table: TravellingTableName, column: string, value: unknown): { township: string | null } | undefined;
  /** The size of a stored content, when stored. */
  blobSize(sha256: string): number | undefined;
}

function cached(make: (key: string) => Statement): (key: string) => Statement {
  const made = new Map<string, Statement>();
  return (key) => {
    let st = made.get(key);
    if (!st) made.set(key, (st = make(key)));
    return st;
  };
}

export function countyPlanReads(db: ReadDb): CountyPlanReads {
  const sqlite = db.$client;
  const owner = sqlite.prepare('SELECT township_id FROM exchange_rows WHERE table_name = ? AND row_id = ?').pluck();
  const owned = sqlite.prepare('SELECT count(*) FROM exchange_rows WHERE township_id = ? AND table_name = ?').pluck();
  const blob = sqlite.prepare('SELECT size FROM blobs WHERE sha256 = ?').pluck();
  const exists = cached((table) => sqlite.prepare(`SELECT 1 FROM "${table}" WHERE id = ?`).pluck());
  const holder = cached((key) => {
    const [table, column] = key.split('.') as [string, string];
    if (!TRAVELLING_TABLES.find((t) => t.name === table)?.columns.some((c) => c.name === column)) throw new Error(`${key} is not a travelling column`);
    return sqlite.prepare(`SELECT r.township_id AS township FROM "${table}" t LEFT JOIN exchange_rows r ON r.table_name = '${table}' AND r.row_id = t.id WHERE t."${column}" = ?`);
  });
  return {
    ownerOf: (table, id) => owner.get(table, id) as string | undefined,
    ownedCount: (townshipId, table) => owned.get(townshipId, table) as number,
    heldVersions(townshipId, table) {
      const rows = sqlite
        .prepare(`SELECT t.id, t.version, t.updated_at FROM exchange_rows r JOIN "${table}" t ON t.id = r.row_id WHERE r.township_id = ? AND r.table_name = ?`)
        .raw(true)
        .all(townshipId, table) as [string, number, string][];
      return new Map(rows.map(([id, version, updatedAt]) => [id, { version, updatedAt }]));
    },
    rowCount: (table) => sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number,
    exists: (table, id) => exists(table).get(id) !== undefined,
    holderOf: (table, column, value) => holder(`${table}.${column}`).get(value) as { township: string | null } | undefined,
    blobSize: (sha256) => blob.get(sha256) as number | undefined,
  };
}
