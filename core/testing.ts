// Test helpers for the shells' tests (cli/, web/, electron/). The layer map holds for tests too:
// a shell's test reaches db/ and templates/ helpers only through core, as its code does.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KdfParams } from '../db/keystore.ts';
import type { Actor } from '../shared/actor.ts';
import { createProtectedArchive } from './archive.ts';
import type { Archive, InitInput } from './archive.ts';

export { archiveChecksum, rowsChecksum, sqlRun, tempDir } from '../db/testing.ts';
export { readMigrations } from '../db/migrate.ts';
export { keyFromRecoveryCode } from '../db/keystore.ts';
export { pdfInfo } from '../templates/layout/pdf-tools.ts';
/** The password test accounts are given (tests only; real accounts choose their own). */
export const TEST_PASSWORD = 'test-password-2026';
/** The account test archives are made with unless a test names another. */
export const TEST_OPERATOR = '测试';

/**
 * A cheap argon2id for test archives only: each run of the bin unlocks with the work factor
 * stored in the key file, so archives made with this one open in milliseconds. Everything else
 * (wrapping, lookup, refusal) is the real path; archives made by `init` keep the app's default.
 */
export const TEST_KDF: KdfParams = { alg: 'argon2id', m: 1024, t: 1, p: 1 };

/** A protected archive (key file, first account with TEST_PASSWORD) made in this process. */
export async function createTestArchive(input: InitInput, opts: { operator?: string; actor?: Actor } = {}): Promise<Archive> {
  const name = opts.operator ?? opts.actor?.operator ?? TEST_OPERATOR;
  const actor = opts.actor ?? { operator: name, now: () => new Date('2026-11-24T08:00:00Z') };
  const made = await createProtectedArchive({ ...input, admin: { name, password: TEST_PASSWORD } }, actor, { kdf: TEST_KDF });
  return made.archive;
}

/** The variables the command line logs in from (cli/credentials.ts), as `operator` with TEST_PASSWORD. */
export function loginEnv(operator: string = TEST_OPERATOR, password: string = TEST_PASSWORD): Record<string, string> {
  return { RELIEF_ARCHIVE_OPERATOR: operator, RELIEF_ARCHIVE_PASSWORD: password };
}

export const CLI_BIN = join(import.meta.dirname, '..', 'bin', 'relief-archive.mjs');
/** The bin's default bundle, built (when stale) once per test run by vitest's globalSetup (scripts/cli-bundle.ts); named here so the bin skips its stamp check. */
export const CLI_BUNDLE = join(import.meta.dirname, '..', 'dist', 'cli', 'main.mjs');

const CLI_TIMEOUT_MS = 120_000;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real bin logged in as the test account (or `as`); `env` adds variables, and one set
 * to undefined is removed (e.g. to run without credentials); `nodeArgs` go to node before the bin. Each run costs a process start:
 * tests check several things per run rather than adding runs.
 */
export function runCli(args: readonly string[], opts: { as?: string; env?: Record<string, string | undefined>; nodeArgs?: readonly string[] } = {}): CliRun {
  const bundle = existsSync(CLI_BUNDLE) ? { RELIEF_ARCHIVE_CLI_BUNDLE: CLI_BUNDLE } : {};
  const merged: Record<string, string | undefined> = { ...process.env, ...bundle, ...loginEnv(opts.as), ...opts.env };
  const env = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
  // A hung command must fail its test, not stall the whole suite: killed after two minutes, the run
  // reports no exit code and says so in stderr.
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), CLI_BIN, ...args], { encoding: 'utf8', env, timeout: CLI_TIMEOUT_MS, killSignal: 'SIGKILL' });
  const hung = r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `\n[runCli] ${args.join(' ')}: killed after ${CLI_TIMEOUT_MS} ms` : '';
  return { code: r.status, stdout: r.stdout, stderr: r.stderr + hung };
}
