// `keys new` / `keys show` / `keys public` / `keys export` / `keys import` end to end through the
// real bin: exit codes, JSON, files and modes, the passphrase never taken from an argument.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestArchive, runCli } from '../../core/testing.ts';

const PASS_ENV = 'RELIEF_ARCHIVE_KEY_PASSPHRASE';
/** The bin (logged in as the test account), without a key passphrase in its environment unless `env` gives one. */
const runIn = (env: Record<string, string>, ...args: string[]) => runCli(args, { env: { [PASS_ENV]: undefined, ...env } });
/** A protected archive made in this process, closed. */
const newArchive = async (file: string, name: string, code: string, county?: string) => (await createTestArchive({ file, name, code, ...(county ? { county } : {}) })).close();
const run = (...args: string[]) => runIn({}, 'keys', ...args);

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
    expect(missing.stderr).toMatch(/找不到文件：.*nowhere。请检查路径或重新选择公钥文件/);
  }, 180_000); // eight runs of the bin: seconds each on a loaded machine

  it('says in its help that a key folder made without an archive is in clear, for keys import only', () => {
    const help = runIn({}, 'keys', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/keys new --db 文件.*推荐/);
    expect(help.stdout).toMatch(/私钥未加密，只用于随后 keys import 文件夹 --db 文件 导入档案/);
  });

  // Each run of the bin takes seconds on a loaded machine, and export/import run scrypt at the app's work factor.
  const SLOW = 180_000;
  let home = '';
  let db = '';
  let out = '';
  beforeAll(() => {
    home = join(dir, 'archive');
    db = join(home, '青山镇.db');
    out = join(home, '密钥导出.age');
  });
  const PASS = '青山镇密钥导出口令2026';
  let fingerprint = '';

  it('makes the key inside the archive (nothing beside it but its key file) and saves public.json where asked', async () => {
    mkdirSync(home, { recursive: true });
    await newArchive(db, '青山镇', '511922101000', '示例县');
    const made = run('new', '--db', db, '--name', '青山镇扶贫工作站', '--json');
    expect(made.code, made.stderr).toBe(0);
    fingerprint = (JSON.parse(made.stdout) as { fingerprint: string }).fingerprint;
    expect(readdirSync(home).filter((f) => !f.startsWith('青山镇.db'))).toEqual([]); // the archive, its key file (and -wal)
    const pub = run('public', '--db', db, '--out', join(home, 'public.json'), '--json');
    expect(JSON.parse(pub.stdout)).toMatchObject({ fingerprint, role: 'township' });
  }, SLOW);

  it('takes the export passphrase only from the environment or a terminal, at least 12 characters', () => {
    const asArg = run('export', '--db', db, '--out', out, '--passphrase', PASS);
    expect(asArg.code).toBe(2);
    expect(asArg.stderr).toMatch(/口令不能写在命令行参数里/);
    const noPass = run('export', '--db', db, '--out', out);
    expect(noPass.code).toBe(2);
    expect(noPass.stderr).toMatch(/请设置环境变量 RELIEF_ARCHIVE_KEY_PASSPHRASE/);
    const short = runIn({ [PASS_ENV]: '太短的口令' }, 'keys', 'export', '--db', db, '--out', out);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/至少 12 个字符/);
    expect(existsSync(out)).toBe(false);
  }, SLOW);

  it('exports, and imports into an archive on the new PC (a wrong passphrase refused)', async () => {
    const exported = runIn({ [PASS_ENV]: PASS }, 'keys', 'export', '--db', db, '--out', out, '--json');
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ file: out, key: { fingerprint } });
    mkdirSync(join(home, '新电脑'));
    const fresh = join(home, '新电脑', '青山镇.db');
    await newArchive(fresh, '青山镇', '511922101000');
    const wrong = runIn({ [PASS_ENV]: '不对的口令不对的口令' }, 'keys', 'import', out, '--db', fresh, '--json');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/口令不对/);
    const imported = runIn({ [PASS_ENV]: PASS }, 'keys', 'import', out, '--db', fresh, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ added: true, key: { fingerprint } });
  }, SLOW);

  it('imports a clear folder made by keys new --out into an archive, wiping its private.json', async () => {
    const folderHome = join(dir, 'folder');
    const folderDb = join(folderHome, '绿水乡.db');
    mkdirSync(folderHome);
    await newArchive(folderDb, '绿水乡', '511922103000');
    const keyDir = join(folderHome, '密钥');
    expect(run('new', '--out', keyDir, '--role', 'township', '--name', '绿水乡').code).toBe(0);
    const r = run('import', keyDir, '--db', folderDb, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: true, key: { role: 'township' } });
    expect(readdirSync(keyDir).sort()).toEqual(['public.json', '说明.txt']);
    const again = run('new', '--db', folderDb);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/本档案已有乡镇密钥/);
  }, SLOW);
});
