// County side, inside the one import transaction: the township's snapshot replaces its previous
// one — its rows absent from a full snapshot are removed (children first), new and changed rows
// are written by UUID (parents first; unchanged versions are left alone), attachment contents
// stored once by hash, contents no longer used dropped, and the township's row ownership
// (exchange_rows) replaced. One prepared statement per table and kind of write: this is the
// bulk path of an import of tens of thousands of rows.
import type Database from 'better-sqlite3';
import type { ReadDb, WriteDb } from '../handles.ts';
import { driverCodec, quotedColumns, TRAVELLING_TABLES } from './exchange-tables.ts';
import type { TravellingTableName } from './exchange-tables.ts';

export interface SnapshotApply {
  townshipId: string;
  /** 'all': the township's whole archive (what it lacks is removed); 'batches': an addition. */
  scope: 'all' | 'batches';
  /** Incoming ids per table. */
  ids: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per table, incoming rows identical to the held version: left alone. */
  unchanged: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per table, incoming rows that replace a different version already held (the others are new). */
  changed: ReadonlyMap<string, ReadonlySet<string>>;
  /** Contents the archive lacks, by hash. */
  blobs: Iterable<{ sha256: string; size: number; data: Uint8Array }>;
  /** A table's incoming rows, each already checked against its columns (null: the package has no such table). */
  rows(table: TravellingTableName): Iterable<Readonly<Record<string, unknown>>> | null;
  /** Rows written per statement (default APPLY_BATCH_ROWS; capped by SQLite's bound-parameter limit). */
  batchRows?: number;
  /** After each batch written: the rows written so far (for the progress bar; a throw rolls everything back). */
  onRows?: (written: number) => void;
}

export const APPLY_BATCH_ROWS = 200;
/** SQLITE_MAX_VARIABLE_NUMBER of SQLite ≥ 3.32. */
const MAX_PARAMS = 32_766;

/**
 * Rows gathered into multi-row INSERTs of `perStatement` rows (one statement prepared for the
 * full batch, one for the rest at the end): a bounded number of rows in memory, and one trip
 * into SQLite per batch instead of per row.
 */
class BatchInsert {
  private pending: unknown[] = [];
  private count = 0;
  private full: Database.Statement | undefined;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly sql: (rows: number) => string,
    readonly perStatement: number,
    private readonly written: (rows: number) => void,
  ) {}

  add(values: readonly unknown[]): void {
    for (const v of values) this.pending.push(v);
    if (++this.count === this.perStatement) {
      this.full ??= this.sqlite.prepare(this.sql(this.perStatement));
      this.run(this.full);
    }
  }

  flush(): void {
    if (this.count > 0) this.run(this.sqlite.prepare(this.sql(this.count)));
  }

  private run(statement: Database.Statement): void {
    statement.run(this.pending);
    const n = this.count;
    this.pending = [];
    this.count = 0;
    this.written(n);
  }

  static rowsFor(width: number, wanted: number): number {
    return Math.max(1, Math.min(wanted, Math.floor(MAX_PARAMS / width)));
  }
}

function insertSql(table: TravellingTableName, upsert: boolean): (rows: number) => string {
  const cols = quotedColumns(table);
  const sets = cols.filter((c) => c !== '"id"').map((c) => `${c} = excluded.${c}`).join(', ');
  const one = `(${cols.map(() => '?').join(', ')})`;
  return (rows) => `INSERT INTO "${table}" (${cols.join(', ')}) VALUES ${Array.from({ length: rows }, () => one).join(', ')}${upsert ? ` ON CONFLICT("id") DO UPDATE SET ${sets}` : ''}`;
}

export function applyTownshipSnapshot(w: WriteDb, a: SnapshotApply): void {
  const sqlite = w.$client;
  const t = a.townshipId;
  sqlite.prepare('CREATE TEMP TABLE IF NOT EXISTS exchange_incoming (table_name TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (table_name, row_id)) WITHOUT ROWID').run();
  sqlite.prepare('DELETE FROM temp.exchange_incoming').run();
  const wanted = a.batchRows ?? APPLY_BATCH_ROWS;
  let written = 0;
  const onRows = (n: number) => {
    written += n;
    a.onRows?.(written);
  };
  const incoming = new BatchInsert(sqlite, (n) => `INSERT OR IGNORE INTO temp.exchange_incoming (table_name, row_id) VALUES ${Array.from({ length: n }, () => '(?, ?)').join(', ')}`, BatchInsert.rowsFor(2, wanted), () => undefined);
  for (const [table, ids] of a.ids) for (const id of ids) incoming.add([table, id]);
  incoming.flush();

  if (a.scope === 'all') {
    for (const spec of [...TRAVELLING_TABLES].reverse()) {
      sqlite
        .prepare(
          `DELETE FROM "${spec.name}" WHERE id IN (SELECT row_id FROM exchange_rows WHERE township_id = @t AND table_name = @n
             AND row_id NOT IN (SELECT row_id FROM temp.exchange_incoming WHERE table_name = @n))`,
        )
        .run({ t, n: spec.name });
    }
  }

  const putBlob = sqlite.prepare('INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, ?)');
  for (const b of a.blobs) putBlob.run(b.sha256, b.size, b.data);

  for (const spec of TRAVELLING_TABLES) {
    const rows = a.rows(spec.name);
    if (!rows) continue;
    const codec = driverCodec(spec.name);
    // New rows are inserted (the plan found no row with their id); changed ones replace the held
    // version. A table never refers to itself, so the two batches may be written in either order.
    const width = quotedColumns(spec.name).length;
    const perStatement = BatchInsert.rowsFor(width, wanted);
    const insert = new BatchInsert(sqlite, insertSql(spec.name, false), perStatement, onRows);
    const upsert = new BatchInsert(sqlite, insertSql(spec.name, true), perStatement, onRows);
    const skip = a.unchanged.get(spec.name);
    const changed = a.changed.get(spec.name);
    for (const row of rows) {
      const id = row.id as string;
      if (skip?.has(id)) continue;
      (changed?.has(id) ? upsert : insert).add(codec.toDb(row));
    }
    insert.flush();
    upsert.flush();
  }

  if (a.scope === 'all') {
    sqlite.prepare('DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM attachments)').run();
    sqlite.prepare('DELETE FROM exchange_rows WHERE township_id = ?').run(t);
    sqlite.prepare('INSERT INTO exchange_rows (table_name, row_id, township_id) SELECT table_name, row_id, ? FROM temp.exchange_incoming').run(t);
  } else {
    sqlite.prepare('INSERT OR REPLACE INTO exchange_rows (table_name, row_id, township_id) SELECT table_name, row_id, ? FROM temp.exchange_incoming').run(t);
  }
  sqlite.prepare('DELETE FROM temp.exchange_incoming').run();
}

/**
 * Runs `fn` with a larger page cache (KiB), restored afterwards: a bulk write of tens of thousands
 * of rows and their indexes then stays in memory until COMMIT.
 */
export function withPageCache<T>(db: ReadDb, kib: number, fn: () => T): T {
  const cache = db.$client.pragma('cache_size', { simple: true }) as number;
  db.$client.pragma(`cache_size = -${kib}`);
  try {
    return fn();
  } finally {
    db.$client.pragma(`cache_size = ${cache}`);
  }
}
