// End to end: the real bin, real archive files in a temp folder, exit codes and JSON shapes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMigrations, tempDir } from '../core/testing.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'relief-archive.mjs');
const AS_OF = '2026-11-24';

function run(...args: string[]) {
  return runWith({}, ...args);
}
function runWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('relief-archive CLI', () => {
  let dir: string;
  let db: string;
  let demoResult: { villages: number; households: number; members: number; planted: { code: string; household: string }[] };

  beforeAll(() => {
    dir = tempDir();
    db = join(dir, '青山镇.db');
    const r = run('init', '--db', db, '--township', '青山镇', '--code', '511922101000', '--county', '示例县', '--province', '四川省', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const d = run('demo', '--db', db, '--villages', '3', '--households', '120', '--seed', 'cli', '--as-of', AS_OF, '--json');
    expect(d.code).toBe(0);
    demoResult = JSON.parse(d.stdout) as typeof demoResult;
  });

  it('init prints the township, role and schema version', () => {
    const file = join(dir, 'second.db');
    const r = run('init', '--db', file, '--township', '白马镇', '--json');
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ township: '白马镇', role: 'township', schemaVersion: readMigrations().length });
    const county = run('init', '--db', join(dir, 'county.db'), '--township', '示例县', '--role', 'county', '--json');
    expect(json(county.stdout)).toMatchObject({ township: '示例县', role: 'county' });
  });

  it('init refuses an existing file with exit 1 and leaves it unchanged', () => {
    const before = sha(db);
    const r = run('init', '--db', db, '--township', '青山镇', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/文件已存在/);
    expect(sha(db)).toBe(before);
  });

  it('wrong usage exits 2 with a Chinese hint', () => {
    expect(run().code).toBe(2);
    const unknown = run('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/未知命令/);
    const noDb = run('stats', '--json');
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toMatch(/缺少参数 --db/);
    const badCode = run('init', '--db', join(dir, 'x.db'), '--township', '某镇', '--code', '123');
    expect(badCode.code).toBe(2);
    expect(badCode.stderr).toMatch(/12位数字/);
    expect(run('stats', '--db', db, '--bogus').code).toBe(2);
  });

  it('refuses a file that is not an archive, leaving it byte for byte unchanged', () => {
    const file = join(dir, '花名册.xlsx');
    writeFileSync(file, 'PK\u0003\u0004 not an archive at all, just some bytes');
    const before = sha(file);
    const r = run('stats', '--db', file, '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/不是扶贫档案文件/);
    expect(sha(file)).toBe(before);
  });

  it('demo fills the archive and refuses to run twice', () => {
    expect(demoResult).toMatchObject({ villages: 3, households: 120 });
    expect(demoResult.members).toBeGreaterThan(200);
    const before = sha(db);
    const again = run('demo', '--db', db, '--seed', 'cli', '--json');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/已有数据/);
    expect(sha(db)).toBe(before);
  });

  it('stats --json gives the counts behind the wall chart', () => {
    const r = run('stats', '--db', db, '--json', '--as-of', AS_OF);
    expect(r.code).toBe(0);
    const s = json(r.stdout) as {
      villages: number;
      households: number;
      members: number;
      byStatus: Record<string, { households: number; members: number }>;
      byCause: Record<string, number>;
      perVillage: { code: string; name: string; households: number; members: number }[];
    };
    expect(s.villages).toBe(3);
    expect(s.households).toBe(120);
    expect(s.members).toBe(demoResult.members);
    expect(Object.values(s.byStatus).reduce((n, b) => n + b.households, 0)).toBe(120);
    expect(s.perVillage).toHaveLength(3);
    expect(s.perVillage.reduce((n, v) => n + v.members, 0)).toBe(demoResult.members);
    expect(s.perVillage[0]).toMatchObject({ code: expect.stringMatching(/^\d{12}$/) as unknown, name: expect.stringMatching(/村$/) as unknown });
    expect(Object.keys(s.byCause).length).toBeGreaterThan(0);
  });

  it('check --json reports exactly the problems the demo planted', () => {
    const r = run('check', '--db', db, '--json', '--as-of', AS_OF);
    expect(r.code).toBe(0);
    const out = json(r.stdout) as { problems: { code: string; severity: string; household: string; member: string | null; message: string }[] };
    for (const p of out.problems) {
      expect(p).toMatchObject({ code: expect.stringMatching(/^Q\d{3}$/) as unknown, severity: expect.stringMatching(/^(error|warning)$/) as unknown });
      expect(p.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(p.message).not.toMatch(/\d{17}[\dX]/);
    }
    const found = out.problems.map((p) => `${p.code} ${p.household}`).sort();
    const planted = demoResult.planted.map((p) => `${p.code} ${p.household}`).sort();
    expect(found).toEqual(planted);
  });

  it('RELIEF_ARCHIVE_TODAY fixes the day --as-of defaults to; a bad one is wrong usage', () => {
    const r = runWith({ RELIEF_ARCHIVE_TODAY: AS_OF }, 'check', '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ asOf: AS_OF });
    const bad = runWith({ RELIEF_ARCHIVE_TODAY: '2026-13-01' }, 'check', '--db', db);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/日期“2026-13-01”无效/);
  });

  it('human output is Chinese text, not JSON', () => {
    const r = run('stats', '--db', db);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/个村/);
  });

  it('backup and restore round-trip through the command line', () => {
    const out = join(dir, '青山镇-备份.db');
    const b = run('backup', '--db', db, '--out', out, '--json');
    expect(b.code).toBe(0);
    expect(json(b.stdout)).toEqual({ file: out });
    expect(run('backup', '--db', db, '--out', out).code).toBe(1);
    const r = run('restore', out, '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ file: db, previous: expect.stringContaining('备份') as unknown });
    expect(json(run('stats', '--db', db, '--json').stdout)).toMatchObject({ households: 120 });
    expect(run('restore', '--db', db).code).toBe(2);
  });

  it('import: reads the sample roster, and refuses a bad file with exit 1 and the archive unchanged', () => {
    const file = join(dir, '导入.db');
    expect(run('init', '--db', file, '--township', '青山镇', '--code', '513722101000').code).toBe(0);
    const sample = join(import.meta.dirname, '..', '..', 'shared', 'data', 'sample-roster-2019.xlsx');
    const dry = run('import', sample, '--db', file, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(json(dry.stdout)).toMatchObject({ households: 300, members: 1078, applied: false, problems: [] });
    const ok = run('import', sample, '--db', file, '--json');
    expect(json(ok.stdout)).toMatchObject({ households: 300, members: 1078, applied: true });
    const bogus = join(dir, 'bogus.xlsx');
    writeFileSync(bogus, 'not a workbook');
    const before = sha(file);
    const bad = run('import', bogus, '--db', file, '--json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/不是可以读取的 Excel 工作簿/);
    expect(sha(file)).toBe(before);
    expect(run('import', '--db', file).code).toBe(2);
  });
});
