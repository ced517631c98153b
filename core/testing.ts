// Test helpers for the shells' tests (cli/, web/, electron/). The layer map holds for tests too:
// a shell's test reaches db/ and templates/ helpers only through core, as its code does.
export { archiveChecksum, sqlRun, tempDir } from '../db/testing.ts';
export { readMigrations } from '../db/migrate.ts';
export { pdfInfo } from '../templates/layout/pdf-tools.ts';
/** The password test accounts are given (tests only; real accounts choose their own). */
export const TEST_PASSWORD = 'test-password-2026';
