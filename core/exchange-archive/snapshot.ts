// A consistent read of the archive while the clerk keeps working: a second, read-only
// connection holding one read transaction (WAL snapshot) for the whole export, so the package
// is one moment of the archive and the app's own connection is never kept busy by it.
import Database from 'better-sqlite3';

export interface Snapshot {
  sqlite: Database.Database;
  close(): void;
}

export function openSnapshot(file: string): Snapshot {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.prepare('BEGIN').run();
  sqlite.prepare('SELECT count(*) FROM archive_info').get(); // the read transaction starts here
  return {
    sqlite,
    close() {
      try {
        if (sqlite.inTransaction) sqlite.prepare('COMMIT').run();
      } finally {
        sqlite.close();
      }
    },
  };
}
