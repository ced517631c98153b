// County side, inside the one import transaction: the township's snapshot replaces its previous
// one — its rows absent from a full snapshot are removed (children first), new and changed rows
// are upserted by UUID (parents first; unchanged versions are left alone), attachment contents
// stored once by hash, contents no longer used dropped, and the township's row ownership
// (exchange_rows) replaced.
import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { StagedPackage } from '../exchange/index.ts';
import type { SnapshotPlan } from './county-plan.ts';
import { codecFor } from './rows.ts';
import { lines, tableFile } from './staged.ts';
import { TABLES } from './tables.ts';

function insertSql(table: string, columns: string[], upsert: boolean): string {
  const cols = columns.map((c) => `"${c}"`).join(', ');
  const sets = columns.filter((c) => c !== 'id').map((c) => `"${c}" = excluded."${c}"`).join(', ');
  return `INSERT INTO "${table}" (${cols}) VALUES (${columns.map(() => '?').join(', ')})${upsert ? ` ON CONFLICT("id") DO UPDATE SET ${sets}` : ''}`;
}

/** Must run inside a transaction. */
export function applySnapshot(sqlite: Database.Database, staged: StagedPackage, plan: SnapshotPlan): void {
  const t = plan.township.id;
  sqlite.prepare('CREATE TEMP TABLE IF NOT EXISTS exchange_incoming (table_name TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (table_name, row_id)) WITHOUT ROWID').run();
  sqlite.prepare('DELETE FROM temp.exchange_incoming').run();
  const incoming = sqlite.prepare('INSERT OR IGNORE INTO temp.exchange_incoming (table_name, row_id) VALUES (?, ?)');
  for (const [table, ids] of plan.ids) for (const id of ids) incoming.run(table, id);

  if (plan.scope === 'all') {
    for (const spec of [...TABLES].reverse()) {
      sqlite
        .prepare(
          `DELETE FROM "${spec.name}" WHERE id IN (SELECT row_id FROM exchange_rows WHERE township_id = @t AND table_name = @n
             AND row_id NOT IN (SELECT row_id FROM temp.exchange_incoming WHERE table_name = @n))`,
        )
        .run({ t, n: spec.name });
    }
  }

  const putBlob = sqlite.prepare('INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, ?)');
  for (const [sha, b] of plan.blobs) putBlob.run(sha, b.size, readFileSync(b.file));

  for (const spec of TABLES) {
    const file = tableFile(staged, spec.name);
    if (!file) continue;
    const codec = codecFor(spec);
    const names = spec.columns.map(([n]) => n);
    // New rows are inserted (the plan found no row with their id); changed ones replace the held version.
    const insert = sqlite.prepare(insertSql(spec.name, names, false));
    const upsert = sqlite.prepare(insertSql(spec.name, names, true));
    const skip = plan.unchanged.get(spec.name);
    const changed = plan.changed.get(spec.name);
    for (const line of lines(file)) {
      if (line === '') continue;
      const row = JSON.parse(line) as Record<string, unknown>;
      const id = row.id as string;
      if (skip?.has(id)) continue;
      (changed?.has(id) ? upsert : insert).run(codec.toDb(row));
    }
  }

  if (plan.scope === 'all') {
    sqlite.prepare('DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM attachments)').run();
    sqlite.prepare('DELETE FROM exchange_rows WHERE township_id = ?').run(t);
    sqlite.prepare('INSERT INTO exchange_rows (table_name, row_id, township_id) SELECT table_name, row_id, ? FROM temp.exchange_incoming').run(t);
  } else {
    sqlite.prepare('INSERT OR REPLACE INTO exchange_rows (table_name, row_id, township_id) SELECT table_name, row_id, ? FROM temp.exchange_incoming').run(t);
  }
  sqlite.prepare('DELETE FROM temp.exchange_incoming').run();
}
