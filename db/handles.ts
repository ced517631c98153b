// Read and write handles, typed apart (as Signal Desktop's ts/sql does): a repository function
// that writes takes a WriteDb, and the only way to hold one is inside writeTransaction — so a
// write outside a transaction, or through a handle meant for reading, does not compile.
// better-sqlite3 is synchronous on one connection: everything run on the handle inside the
// callback is part of the transaction; nested calls become savepoints.
import type { Db } from './open.ts';
import { guardWal } from './wal-guard.ts';

declare const WRITABLE: unique symbol;

/** Any handle on an open archive: enough to read. */
export type ReadDb = Db;

/** A handle inside an open write transaction. */
export type WriteDb = Db & { readonly [WRITABLE]: true };

/** The outermost transaction is bracketed by the -wal check (db/wal-guard.ts): a write never goes into a lost log. */
function guarded<T>(db: Db, run: () => T): T {
  guardWal(db.$client);
  const out = run();
  guardWal(db.$client);
  return out;
}

/** Runs `fn` in one transaction (a savepoint when already inside one): all of it lands, or none. */
export function writeTransaction<T>(db: Db, fn: (w: WriteDb) => T): T {
  return guarded(db, () => db.$client.transaction(() => fn(db as WriteDb))());
}

/** Like writeTransaction, taking the write lock at once (BEGIN IMMEDIATE): for read-check-write sequences. */
export function writeTransactionNow<T>(db: Db, fn: (w: WriteDb) => T): T {
  return guarded(db, () => db.$client.transaction(() => fn(db as WriteDb)).immediate());
}

/**
 * Like writeTransaction, for one long write of many rows (an import): the page cache is held small
 * while it runs. The archive's 64 MiB cache (db/open.ts) is for reading the same pages again; a
 * bulk write only fills it with pages it will not read back, which added its whole size to an
 * import's peak memory. Pages past the small cache spill to the -wal, still uncommitted until the end.
 */
export function bulkWriteTransaction<T>(db: Db, fn: (w: WriteDb) => T): T {
  const sqlite = db.$client;
  const cache = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${BULK_CACHE_KIB}`);
  try {
    return writeTransaction(db, fn);
  } finally {
    sqlite.pragma(`cache_size = ${cache}`);
  }
}

/** The page cache of a bulk write, in KiB (negative: SQLite's unit for KiB). */
const BULK_CACHE_KIB = -4096;

/** Long reads holding a connection's page cache small, and the size to give back after the last. */
const longReads = new WeakMap<object, { open: number; cache: number }>();

/**
 * For one long read that visits each page once (a township's forms streamed into one PDF, read
 * a few hundred households at a time): the page cache is held small while it runs, as for a bulk
 * write, instead of filling the archive's 64 MiB with pages it will not read again — the process
 * grew by that much over a township's 23,000 pages. Returns the call that ends it (reads that
 * overlap each other give the cache back when the last one ends).
 */
export function beginLongRead(db: Db): () => void {
  const sqlite = db.$client;
  const held = longReads.get(sqlite) ?? { open: 0, cache: sqlite.pragma('cache_size', { simple: true }) as number };
  if (held.open++ === 0) sqlite.pragma(`cache_size = ${BULK_CACHE_KIB}`);
  longReads.set(sqlite, held);
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    if (--held.open === 0) {
      longReads.delete(sqlite);
      if (sqlite.open) sqlite.pragma(`cache_size = ${held.cache}`);
    }
  };
}
