// `audit verify`: exit 0 and 完整 when the chain is intact, 1 and the first broken row (in JSON and
// in Chinese text) after a row was edited with a database tool, 2 on wrong usage. Through main()
// in this process (a spawn of the real bin costs seconds), and once through the bin for its exit code.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openArchive } from '../../core/archive.ts';
import { saveHelper } from '../../core/help.ts';
import { createTestArchive, loginEnv, runCli, sqlRun, tempDir } from '../../core/testing.ts';
import { main } from '../main.ts';

const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };

/** Runs the command in this process, capturing what it prints. */
async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((t) => ((stdout += String(t)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((t) => ((stderr += String(t)), true));
  try {
    return { code: await main(['audit', ...args]), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

let dir: string;
let file: string;
let key: Buffer;
beforeAll(async () => {
  dir = tempDir('cli-audit-');
  file = join(dir, '青山镇.db');
  const a = await createTestArchive({ file, name: '青山镇', code: '511922101000' }, { actor });
  for (const name of ['王干部', '张干部', '刘干部']) saveHelper(a.db, actor, { id: null, name, unit: '县农业农村局', unitLevel: null, post: null, phone: '13800000000' });
  key = a.key!;
  a.close();
  // main() logs in as the bin does, from the environment.
  for (const [k, v] of Object.entries(loginEnv(actor.operator))) vi.stubEnv(k, v);
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('relief-archive audit verify', () => {
  it('exits 0 with 完整 when the chain is intact, 1 naming the row once one was edited, 2 on wrong usage', async () => {
    const ok = await run('verify', '--db', file, '--json');
    expect(ok.code, ok.stderr).toBe(0);
    const v = JSON.parse(ok.stdout) as { intact: boolean; rows: number; head: string };
    expect(v.intact).toBe(true);
    expect(v.rows).toBeGreaterThanOrEqual(3);
    expect(v.head).toMatch(/^[0-9a-f]{64}$/);
    expect((await run('verify', '--db', file)).stdout).toMatch(/^审计记录完整：共 \d+ 条/);

    // Edited with a database tool that has the key (the chain is what catches it, not the cipher).
    const a = openArchive(file, { key });
    sqlRun(a, "UPDATE audit_log SET operator = '县长' WHERE note LIKE '%张干部%'");
    a.close();
    const bad = await run('verify', '--db', file, '--json');
    expect(bad.code).toBe(1);
    const b = JSON.parse(bad.stdout) as { intact: boolean; broken: { kind: string; row: { operator: string; note: string } } };
    expect(b).toMatchObject({ intact: false, broken: { kind: 'changed', row: { operator: '县长' } } });
    expect(b.broken.row.note).toMatch(/张干部/);
    const text = await run('verify', '--db', file);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^审计记录有断点：第 \d+ 条审计记录（.*县长：.*张干部.*）的内容被改动过/);
    expect(text.stdout).toMatch(/断点所在记录：第 \d+ 条\n/);

    expect((await run('check', '--db', file)).code).toBe(2);
    expect((await run('verify')).code).toBe(2);
  });

  it('the real bin exits 1 on the chain broken above', () => {
    const r = runCli(['audit', 'verify', '--db', file], { as: actor.operator });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^审计记录有断点/);
  });
});
