// Kill test (issue 4): the real CLI imports a roster of a few thousand people into an archive
// that already holds data, and is SIGKILLed in the middle of its transaction. Afterwards the
// archive opens, every row is as it was (archiveChecksum), and the same import then succeeds.
//
// A preloaded probe (testing/kill-probe.ts) makes the moment certain instead of lucky: it
// reports on stderr when N member rows have been written inside the transaction, and it holds
// the process just before COMMIT, so the kill can never land after the commit. A small page
// cache makes SQLite spill uncommitted pages into the -wal file while it writes, so the kill
// leaves real uncommitted frames on disk for the next open to discard.
import { spawn } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../db/open.ts';
import { integrityCheck } from '../../db/repos/archive-info.ts';
import { countRows, tempDir } from '../../db/testing.ts';
import type { Archive } from '../../db/open.ts';
import { initArchive } from '../archive.ts';
import { generateDemo } from '../demo/index.ts';
import { exportRoster } from '../export.ts';
import { createTestArchive, loginEnv, rowsChecksum } from '../testing.ts';
import { importRoster } from './index.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PROBE = pathToFileURL(join(import.meta.dirname, 'testing', 'kill-probe.ts')).href;
const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
let dir: string;
let roster: string;
let rosterMembers: number;

beforeAll(async () => {
  dir = tempDir('relief-kill-');
  // The roster: another township's archive exported, ~400 households, ~1,600 people.
  const source = initArchive({ file: join(dir, '白河乡.db'), name: '白河乡', code: '511922102000', province: '四川省' }, actor);
  generateDemo(source, { villages: 3, households: 400, seed: 'kill', asOf: '2026-11-24', actor, plant: false });
  roster = join(dir, '白河乡花名册.xlsx');
  rosterMembers = (await exportRoster(source, roster, { exportedOn: '2026-11-24' })).members;
  source.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const countsOf = (a: Archive): { households: number; members: number } => ({ households: countRows(a.db, 'households'), members: countRows(a.db, 'members') });

/**
 * A fresh archive with data of its own, that the child logs in to as `actor`; returns its file,
 * key and checksum (every row but the login stamp, which the child's login writes before the import).
 */
async function archiveWithData(name: string): Promise<{ file: string; key: Buffer; checksum: string; counts: { households: number; members: number } }> {
  const file = join(dir, name);
  const a = await createTestArchive({ file, name: '青山镇', code: '511922101000', province: '四川省' }, { actor });
  generateDemo(a, { villages: 2, households: 20, seed: name, asOf: '2026-11-24', actor });
  const key = a.key!;
  const checksum = rowsChecksum(a);
  const counts = countsOf(a);
  a.close(); // checkpoints and removes the -wal file: the child starts from a clean file
  return { file, key, checksum, counts };
}

interface Killed {
  /** The probe's line the kill answered. */
  line: string;
  stdout: string;
  stderr: string;
  signal: NodeJS.Signals | null;
  code: number | null;
  /** Size of the -wal file at the moment of the kill. */
  walAtKill: number;
}

/** Runs `relief-archive import` with the probe and SIGKILLs it when a stderr line matches `when`. */
function importAndKill(db: string, when: RegExp, env: Record<string, string>): Promise<Killed> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', PROBE, 'bin/relief-archive.mjs', 'import', roster, '--db', db, '--json'], {
    cwd: ROOT,
    env: { ...process.env, ...loginEnv(actor.operator), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let line = '';
  let walAtKill = -1;
  child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  child.stderr.setEncoding('utf8').on('data', (t: string) => {
    stderr += t;
    const hit = stderr.split('\n').slice(0, -1).find((l) => when.test(l)); // whole lines only
    if (hit && !line) {
      line = hit;
      walAtKill = existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0;
      child.kill('SIGKILL');
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      child.stdin.destroy();
      resolve({ line, stdout, stderr, signal, code, walAtKill });
    });
  });
}

/** The archive after the kill: it opens, nothing changed, and the same import now goes through. */
async function expectIntactAndImportable(before: Awaited<ReturnType<typeof archiveWithData>>): Promise<void> {
  const archive = openArchive(before.file, { key: before.key });
  try {
    expect(rowsChecksum(archive)).toBe(before.checksum);
    expect(integrityCheck(archive.db)).toBe('ok');
    const r = await importRoster(archive, actor, roster, { backupDir: join(dir, '备份') });
    expect(r).toMatchObject({ applied: true, members: rosterMembers });
    // Some 户编号 of the roster are the archive's own: those households are updated, not added.
    const p = r.preview!;
    expect(p.added + p.updated + p.unchanged).toBe(r.households);
    expect(p.added).toBeGreaterThan(r.households / 2);
    expect(countsOf(archive)).toEqual({ households: before.counts.households + p.added, members: before.counts.members + p.membersAdded });
  } finally {
    archive.close();
  }
}

describe('an import killed mid-way (child process, SIGKILL)', () => {
  it('leaves the archive as it was when killed after part of the rows, uncommitted pages already in the -wal', async () => {
    const before = await archiveWithData('写入中.db');
    const at = Math.floor(rosterMembers * 0.4);
    const k = await importAndKill(before.file, /^PROBE /, { RELIEF_PROBE_AT: String(at), RELIEF_PROBE_HOLD: '1', RELIEF_PROBE_CACHE: '32' });
    // The kill landed inside the transaction, with `at` of the member rows written:
    expect(k.line, k.stderr).toBe(`PROBE mid-transaction members=${at}`);
    expect(k.signal).toBe('SIGKILL');
    expect(k.stdout).toBe(''); // the CLI prints its result only when the import is done
    // …and SQLite had already spilled uncommitted pages into the -wal file.
    expect(k.walAtKill).toBeGreaterThan(32 * 4096);
    expect(statSync(`${before.file}-wal`).size).toBeGreaterThan(32 * 4096);
    await expectIntactAndImportable(before);
  }, 60_000);

  it('leaves the archive as it was when killed while it goes on writing', async () => {
    const before = await archiveWithData('写入不停.db');
    // The probe only says when a tenth of the rows are in; the import carries on writing until
    // the kill arrives (at the latest, it waits before COMMIT).
    const k = await importAndKill(before.file, /^PROBE /, { RELIEF_PROBE_AT: String(Math.floor(rosterMembers / 10)), RELIEF_PROBE_CACHE: '32' });
    expect(k.line, k.stderr).toMatch(/^PROBE mid-transaction/);
    expect(k.signal).toBe('SIGKILL');
    expect(k.stdout).toBe('');
    await expectIntactAndImportable(before);
  }, 60_000);

  it('leaves the archive as it was when killed with every row written, just before COMMIT', async () => {
    const before = await archiveWithData('提交前.db');
    const k = await importAndKill(before.file, /^PROBE /, { RELIEF_PROBE_CACHE: '32' });
    expect(k.line, k.stderr).toBe(`PROBE commit members=${rosterMembers}`);
    expect(k.signal).toBe('SIGKILL');
    expect(k.stdout).toBe('');
    expect(k.walAtKill).toBeGreaterThan(32 * 4096);
    await expectIntactAndImportable(before);
  }, 60_000);
});
