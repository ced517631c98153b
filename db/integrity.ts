// A checksum of every row of every table: equal before and after means nothing was lost or
// changed — what an encryption in place proves before it replaces the plain file, and what tests
// use to show a refused command wrote nothing.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export function archiveChecksum(sqlite: Database.Database): string {
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const hash = createHash('sha256');
  for (const t of tables) {
    hash.update(t);
    for (const row of sqlite.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().all()) hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
  }
  return hash.digest('hex');
}

/** How many rows each table holds: what an upgrade reports having carried over. */
export function rowCount(sqlite: Database.Database): number {
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
  return tables.reduce((n, t) => n + ((sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n), 0);
}
