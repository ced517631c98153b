// `keys new` / `keys show` end to end through the real bin: exit codes, JSON, files and modes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'relief-archive.mjs');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, 'keys', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-keys-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('relief-archive keys', () => {
  it('new makes a key pair and prints its fingerprint as one JSON object; show prints the same fingerprint', () => {
    const out = join(dir, '县级密钥');
    const r = run('new', '--out', out, '--role', 'county', '--name', '示例县乡村振兴局', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const made = JSON.parse(r.stdout) as { fingerprint: string; role: string; name: string; publicFile: string };
    expect(made).toMatchObject({ role: 'county', name: '示例县乡村振兴局', publicFile: join(out, 'public.json') });
    expect(made.fingerprint).toMatch(/^\d{5}( \d{5}){5}$/);
    if (process.platform !== 'win32') expect(statSync(join(out, 'private.json')).mode & 0o777).toBe(0o600);
    expect((JSON.parse(readFileSync(made.publicFile, 'utf8')) as { fingerprint: string }).fingerprint).toBe(made.fingerprint.replaceAll(' ', ''));

    for (const target of [out, made.publicFile]) {
      const shown = run('show', target, '--json');
      expect(shown.code).toBe(0);
      expect(JSON.parse(shown.stdout)).toMatchObject({ fingerprint: made.fingerprint, role: 'county', name: '示例县乡村振兴局' });
    }
    const human = run('show', out);
    expect(human.stdout).toContain(`指纹：${made.fingerprint}`);
  });

  it('refuses to overwrite existing keys (exit 1) and wrong usage (exit 2)', () => {
    const out = join(dir, '乡镇密钥');
    expect(run('new', '--out', out, '--role', 'township', '--name', '青山镇').code).toBe(0);
    const before = readFileSync(join(out, 'private.json'));
    const again = run('new', '--out', out, '--role', 'township', '--name', '青山镇', '--json');
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/已有密钥.*请换一个空文件夹/);
    expect(readFileSync(join(out, 'private.json')).equals(before)).toBe(true);

    expect(run('new', '--out', join(dir, 'x'), '--role', 'province', '--name', '省').stderr).toMatch(/--role 只能是 township（乡镇）或 county（县级）/);
    expect(run('new', '--out', join(dir, 'x'), '--role', 'county').code).toBe(2);
    expect(run('rotate').code).toBe(2);
    expect(run('show').code).toBe(2);
    const missing = run('show', join(dir, 'nowhere'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/找不到公钥文件/);
  });
});
