// The one writer of every file the program keeps lives in db/files/ (db/ writes the backup
// before a migration, and may not import core/); core/ and the shells use it from here.
export * from '../../db/files/atomic-write.ts';
