// Township side of a package: a consistent read of the archive while the clerk keeps working —
// a second, read-only connection holding one read transaction (WAL snapshot) for the whole
// export, so the package is one moment of the archive and the app's own connection is never
// kept busy by it — and the reads a package is made of: the travelling rows of each table
// (streamed, one statement per table), the attachments' contents and the township.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { applyKey } from '../cipher.ts';
import type { ReadDb } from '../handles.ts';
import type { Db } from '../open.ts';
import * as schema from '../schema/index.ts';
import { WHOLE_ARCHIVE } from './exchange-scope.ts';
import type { ScopeFilter } from './exchange-scope.ts';
import { driverCodec, quotedColumns } from './exchange-tables.ts';
import type { TravellingRow, TravellingTableName } from './exchange-tables.ts';

export interface Snapshot {
  /** Reads only: the connection is read-only. */
  db: ReadDb;
  close(): void;
}

/** `key`: the archive's data key (null only for a plain archive from before encryption). */
export function openSnapshot(file: string, key: Buffer | null): Snapshot {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  if (key) applyKey(sqlite, key);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.prepare('BEGIN').run();
  sqlite.prepare('SELECT count(*) FROM archive_info').get(); // the read transaction starts here
  const db: Db = drizzle(sqlite, { schema });
  return {
    db,
    close() {
      try {
        if (sqlite.inTransaction) sqlite.prepare('COMMIT').run();
      } finally {
        sqlite.close();
      }
    },
  };
}

function select(table: TravellingTableName, what: string, filter: ScopeFilter): { sql: string; params: unknown[] } {
  const f = filter.get(table);
  return { sql: `SELECT ${what} FROM "${table}"${f ? ` WHERE ${f.where}` : ''}`, params: f?.params ?? [] };
}

/** How many rows of a travelling table the scope carries. */
export function travellingRowCount(db: ReadDb, table: TravellingTableName, filter: ScopeFilter = WHOLE_ARCHIVE): number {
  const q = select(table, 'count(*)', filter);
  return (db.$client.prepare(q.sql).pluck().get(...q.params) as number | undefined) ?? 0;
}

/** The rows of a travelling table the scope carries, as they travel, streamed (in storage order). */
export function* travellingRows(db: ReadDb, table: TravellingTableName, filter: ScopeFilter = WHOLE_ARCHIVE): Generator<TravellingRow> {
  const codec = driverCodec(table);
  const q = select(table, quotedColumns(table).join(', '), filter);
  for (const values of db.$client.prepare(q.sql).raw(true).iterate(...q.params) as IterableIterator<unknown[]>) yield codec.fromDb(values);
}

/** The distinct contents (by hash) of the attachments the scope carries, in hash order. */
export function attachmentHashes(db: ReadDb, filter: ScopeFilter = WHOLE_ARCHIVE): string[] {
  const f = filter.get('attachments');
  return db.$client
    .prepare(`SELECT DISTINCT sha256 FROM attachments${f ? ` WHERE ${f.where}` : ''} ORDER BY sha256`)
    .pluck()
    .all(...(f?.params ?? [])) as string[];
}

export interface BlobContent {
  size: number;
  data: Buffer;
}

/** A lookup of stored contents by hash (one prepared statement for many lookups). */
export function blobLookup(db: ReadDb): (sha256: string) => BlobContent | undefined {
  const st = db.$client.prepare('SELECT size, data FROM blobs WHERE sha256 = ?');
  return (sha256) => st.get(sha256) as BlobContent | undefined;
}

/** Every stored content with its hash. */
export function* allBlobs(db: ReadDb): Generator<BlobContent & { sha256: string }> {
  yield* db.$client.prepare('SELECT sha256, size, data FROM blobs').iterate() as IterableIterator<BlobContent & { sha256: string }>;
}

/** The bytes of all stored contents (for progress). */
export function blobBytesTotal(db: ReadDb): number {
  return (db.$client.prepare('SELECT coalesce(sum(size), 0) FROM blobs').pluck().get() as number) || 0;
}

export interface TownshipRef {
  id: string;
  name: string;
  code: string | null;
}

/** The archive's townships, oldest first, at most `limit` (a township archive holds exactly one). */
export function townshipRefs(db: ReadDb, limit: number): TownshipRef[] {
  return db.select({ id: schema.townships.id, name: schema.townships.name, code: schema.townships.code }).from(schema.townships).orderBy(schema.townships.updatedAt).limit(limit).all();
}
