// `doc KIND` end to end: the real bin on a real archive — one JSON object { pages, file } on
// stdout, progress on stderr, exit 1 when refused (nothing written), exit 2 on wrong usage.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertTestBatch } from '../core/documents/testing.ts';
import { createTestArchive, pdfInfo, runCli, tempDir } from '../core/testing.ts';
import { openArchive } from '../core/archive.ts';

const run = (...args: string[]) => runCli(args);

describe('relief-archive doc', () => {
  let dir: string;
  let db: string;
  let village: string;
  let key: Buffer;

  beforeAll(async () => {
    dir = tempDir();
    db = join(dir, '青山镇.db');
    const created = await createTestArchive({ file: db, name: '青山镇', code: '511922101000', county: '示例县' });
    key = created.key!;
    created.close();
    expect(run('demo', '--db', db, '--villages', '2', '--households', '40', '--seed', 'doc', '--as-of', '2026-11-24').code).toBe(0);
    const stats = JSON.parse(run('stats', '--db', db, '--json').stdout) as { perVillage: { code: string }[] };
    village = stats.perVillage[0]!.code;
  });

  it('writes the document and prints { pages, file } as one JSON object, progress on stderr', () => {
    const out = join(dir, '登记表.pdf');
    const r = run('doc', 'enrollment', '--db', db, '--out', out, '--village', village, '--as-of', '2026-11-24', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { pages: number; file: string; kind: string; missingGlyphs: unknown[] };
    expect(json).toMatchObject({ kind: 'enrollment', file: out, missingGlyphs: [] });
    expect(json.pages).toBe(pdfInfo(out).pages);
    expect(r.stderr).toMatch(/生成中 100%/);
  });

  it('writes a workbook when the output ends in .xlsx', () => {
    const out = join(dir, '花名册.xlsx');
    const r = run('doc', 'roster', '--db', db, '--out', out, '--village', village, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'xlsx', pages: null, sheets: 1, file: out });
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    // The same --out again: refused (exit 1), naming the option that allows it; the file as it was.
    const before = readFileSync(out);
    const again = run('doc', 'roster', '--db', db, '--out', out, '--village', village, '--json');
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/^文件已存在：.*花名册\.xlsx。为免覆盖，没有生成；请换一个文件名，或加 --overwrite 覆盖它。/);
    expect(readFileSync(out).equals(before)).toBe(true);
    const over = run('doc', 'roster', '--db', db, '--out', out, '--village', village, '--overwrite', '--json');
    expect(over.code, over.stderr).toBe(0);
  });

  it('refuses what the archive lacks with exit 1 and writes nothing', () => {
    const out = join(dir, 'none.pdf');
    const r = run('doc', 'roster', '--db', db, '--out', out, '--village', '999999999999', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/没有区划代码为 999999999999 的行政村/);
    expect(existsSync(out)).toBe(false);
  });

  it('prints a notice for a batch given by the 8 characters batch list shows, with several local phones; sets and lists contacts', () => {
    const archive = openArchive(db, { key });
    let batchId: string;
    try {
      batchId = insertTestBatch(archive, { kind: 'monitoring', year: 2026, households: 3, openStep: 'verification' }).id;
    } finally {
      archive.close();
    }
    const set = run('contacts', '--db', db, '--phone', '0838-6212317', '--address', '青山镇人民路1号', '--village', `${village}=0838-6215566`, '--json');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ supervisionPhones: ['0838-6212317'], officeAddress: '青山镇人民路1号' });
    expect(run('contacts', '--db', db).stdout).toContain(`（${village}）：0838-6215566`);
    const bad = run('contacts', '--db', db, '--village', '0838');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/应写成“区划代码=电话”/);
    const out = join(dir, '公示.pdf');
    const r = run('doc', 'publicity', '--db', db, '--out', out, '--batch', batchId.slice(0, 8), '--phone', '0838-1111111', '--phone', '0838-2222222', '--as-of', '2026-11-24');
    expect(r.code).toBe(0);
    // Step 1 is open: the 村级公示 is a draft, and the command says so.
    expect(r.stderr).toMatch(/注意：“村级公示”环节尚未开启：本公示只是草稿/);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('监督电话：12317、0838-6212317、0838-1111111、0838-2222222');
    expect(text).toContain('投诉监督地址：青山镇人民路1号');
  });

  it('exits 2 on wrong usage: unknown kind, no output, wrong extension', () => {
    const unknown = run('doc', 'poster', '--db', db, '--out', join(dir, 'x.pdf'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/没有“poster”这种文档/);
    expect(unknown.stderr).toContain('wallchart');
    expect(run('doc', 'wallchart', '--db', db).code).toBe(2);
    const ext = run('doc', 'wallchart', '--db', db, '--out', join(dir, 'x.docx'));
    expect(ext.code).toBe(2);
    expect(ext.stderr).toMatch(/应以 \.pdf 或 \.xlsx 结尾/);
  });
});
