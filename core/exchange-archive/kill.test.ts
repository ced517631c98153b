// A county import killed mid-way (EXCHANGE-REFERENCE §8.11): the real CLI unpacks a township
// export of ~100 households into a county archive that already holds a township, and is
// SIGKILLed inside its transaction — after part of the member rows, and with every row written
// just before COMMIT. The probe of the roster import (core/import/testing/kill-probe.ts) makes the
// moment certain. Afterwards the archive opens unchanged (archiveChecksum), the staging folder
// the killed process left is swept, and the same package then imports.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../db/open.ts';
import { travellingRowCount } from '../../db/repos/exchange-snapshot.ts';
import { sqlRun, sqlValue, tempDir } from '../../db/testing.ts';
import { loginEnv, rowsChecksum } from '../testing.ts';
import { packTownship } from './export.ts';
import { countyActor, makePair, townshipActor } from './testing.ts';
import { unpackPackage } from './unpack.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PROBE = pathToFileURL(join(ROOT, 'core', 'import', 'testing', 'kill-probe.ts')).href;
let dir: string;
let countyFile: string;
let countyKey: Buffer;
let pkg: string;
let members: number;

beforeAll(async () => {
  dir = tempDir('relief-exchange-kill-');
  const p = await makePair(dir, 100, { login: true });
  // The county already holds this township once (a first package), so the killed import is a replacement.
  await unpackPackage(p.county, countyActor, (await packTownship(p.township, townshipActor, { type: 'all' }, { out: join(dir, '报送1.fpkg') })).file);
  sqlRun(p.township, "UPDATE members SET phone = '13900000000', version = version + 1, updated_at = '2026-12-10T08:00:00.000Z'");
  pkg = (await packTownship(p.township, townshipActor, { type: 'all' }, { out: join(dir, '报送2.fpkg') })).file;
  members = travellingRowCount(p.township.db, 'members');
  countyFile = p.county.file;
  countyKey = p.county.key!;
  p.township.close();
  p.county.close(); // checkpoints: the child starts from a clean file
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function unpackAndKill(env: Record<string, string>): Promise<{ line: string; stdout: string; stderr: string; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', PROBE, 'bin/relief-archive.mjs', 'unpack', pkg, '--db', countyFile, '--json'], {
    cwd: ROOT,
    env: { ...process.env, ...loginEnv(countyActor.operator), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let line = '';
  child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  child.stderr.setEncoding('utf8').on('data', (t: string) => {
    stderr += t;
    const hit = stderr.split('\n').slice(0, -1).find((l) => l.startsWith('PROBE '));
    if (hit && !line) {
      line = hit;
      child.kill('SIGKILL');
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      child.stdin.destroy();
      resolve({ line, stdout, stderr, signal });
    });
  });
}

/** Every row but the login stamp (the child logs in, and commits that, before it unpacks). */
function checksum(): string {
  const a = openArchive(countyFile, { key: countyKey });
  try {
    return rowsChecksum(a);
  } finally {
    a.close();
  }
}

describe('a county import killed during apply (child process, SIGKILL)', () => {
  it('leaves the archive as before when killed after part of the member rows', async () => {
    const before = checksum();
    const k = await unpackAndKill({ RELIEF_PROBE_AT: String(Math.floor(members / 3)), RELIEF_PROBE_HOLD: '1', RELIEF_PROBE_CACHE: '4' });
    // Rows go in batches: killed after the batch that crossed a third of the members, before the last.
    const written = Number(/^PROBE mid-transaction members=(\d+)$/.exec(k.line)?.[1] ?? NaN);
    expect(written, k.stderr).toBeGreaterThanOrEqual(Math.floor(members / 3));
    expect(written).toBeLessThan(members);
    expect(k.signal).toBe('SIGKILL');
    expect(k.stdout).toBe('');
    expect(statSync(`${countyFile}-wal`).size).toBeGreaterThan(4 * 4096); // uncommitted pages already spilled
    expect(checksum()).toBe(before);
  }, 60_000);

  it('leaves the archive as before when killed with every row written, just before COMMIT; then the package imports', async () => {
    const before = checksum();
    const k = await unpackAndKill({ RELIEF_PROBE_CACHE: '32' });
    expect(k.line, k.stderr).toBe(`PROBE commit members=${members}`);
    expect(k.signal).toBe('SIGKILL');
    expect(checksum()).toBe(before);
    const staging = join(dir, '.交换暂存');
    expect(existsSync(staging) && readdirSync(staging).length).toBeGreaterThan(0); // left by the killed process
    const a = openArchive(countyFile, { key: countyKey });
    try {
      const r = await unpackPackage(a, countyActor, pkg);
      expect(r).toMatchObject({ applied: true });
      expect(r.tables.find((t) => t.name === 'members')).toMatchObject({ changed: members, added: 0 });
      expect(sqlValue(a, "SELECT count(*) FROM members WHERE phone = '13900000000'")).toBe(members);
      expect(readdirSync(staging)).toEqual([]); // swept, and this import's own removed
    } finally {
      a.close();
    }
  }, 60_000);
});
