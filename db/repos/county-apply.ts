// County side, inside the one import transaction: the township's snapshot replaces its previous
// one — its rows absent from a full snapshot are removed (children first), new and changed rows
// are written by UUID (parents first; unchanged versions are left alone), attachment contents
// stored once by hash, contents no longer used dropped, and the township's row ownership
// (exchange_rows) replaced. One prepared statement per table and kind of write: this is the
// bulk path of an import of tens of thousands of rows.
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
}

function insertSql(table: TravellingTableName, upsert: boolean): string {
  const cols = quotedColumns(table);
  const sets = cols.filter((c) => c !== '"id"').map((c) => `${c} = excluded.${c}`).join(', ');
  return `INSERT INTO "${table}" (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})${upsert ? ` ON CONFLICT("id") DO UPDATE SET ${sets}` : ''}`;
}

export function applyTownshipSnapshot(w: WriteDb, a: SnapshotApply): void {
  const sqlite = w.$client;
  const t = a.townshipId;
  sqlite.prepare('CREATE TEMP TABLE IF NOT EXISTS exchange_incoming (table_name TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (table_name, row_id)) WITHOUT ROWID').run();
  sqlite.prepare('DELETE FROM temp.exchange_incoming').run();
  const incoming = sqlite.prepare('INSERT OR IGNORE INTO temp.exchange_incoming (table_name, row_id) VALUES (?, ?)');
  for (const [table, ids] of a.ids) for (const id of ids) incoming.run(table, id);

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
    // New rows are inserted (the plan found no row with their id); changed ones replace the held version.
    const insert = sqlite.prepare(insertSql(spec.name, false));
    const upsert = sqlite.prepare(insertSql(spec.name, true));
    const skip = a.unchanged.get(spec.name);
    const changed = a.changed.get(spec.name);
    for (const row of rows) {
      const id = row.id as string;
      if (skip?.has(id)) continue;
      (changed?.has(id) ? upsert : insert).run(codec.toDb(row));
    }
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
