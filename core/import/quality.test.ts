// The import preview's 导入后数据检查 (issue 16 item 3): the counts the preview gives are the ones
// 数据检查 shows right after the confirm — on the sample roster and on a re-import with planted
// problems (one of them, an ID number in two households, seen only in the merged archive) —
// the archive file is not touched by a preview, the staging copy is encrypted and removed,
// and a cancel leaves nothing behind.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveFileKind, openArchive } from '../../db/open.ts';
import { stagingCopy } from '../../db/staging.ts';
import { archiveChecksum, tempDir } from '../../db/testing.ts';
import { initArchive } from '../archive.ts';
import type { Archive } from '../archive.ts';
import { checkArchive } from '../check.ts';
import type { CheckResult } from '../check.ts';
import { importRoster } from './index.ts';
import type { ImportResult } from './index.ts';
import { writeRosterFile } from './testing/book.ts';

const SAMPLE = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'sample-roster-2019.xlsx');
const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
const AS_OF = '2026-11-24';
let dir: string;
/** The sample imported once; each test works on a copy of it (the key travels with the Archive). */
let base: Archive;
let planted: string;

const fileHash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

function byRule(c: CheckResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of c.problems) out[p.code] = (out[p.code] ?? 0) + 1;
  return out;
}

/** A copy of the imported sample, opened with its key. */
function copyOfBase(name: string): Archive {
  base.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const file = join(dir, name);
  copyFileSync(base.file, file);
  return openArchive(file, { key: base.key });
}

/** Preview (with the quality check), then the confirm, then 数据检查: the counts must agree. */
async function previewThenConfirm(archive: Archive, file: string, quality: true | 'workbook' = true): Promise<{ preview: ImportResult; check: CheckResult }> {
  const staging = join(dir, `staging-${Math.random().toString(36).slice(2)}`);
  mkdirSync(staging);
  const before = { checksum: archiveChecksum(archive.sqlite), file: fileHash(archive.file) };
  const preview = await importRoster(archive, actor, file, { dryRun: true, quality, stagingParent: staging });
  // Nothing written: the rows and the file's bytes are as they were; the staging folder is gone.
  expect(archiveChecksum(archive.sqlite)).toBe(before.checksum);
  expect(fileHash(archive.file)).toBe(before.file);
  expect(readdirSync(staging)).toEqual([]);
  await importRoster(archive, actor, file, { expectedPlanStamp: preview.planStamp, backupDir: join(dir, '备份') });
  return { preview, check: checkArchive(archive, { asOf: AS_OF }) };
}

beforeAll(async () => {
  dir = tempDir('import-quality-');
  base = initArchive({ file: join(dir, 'base.db'), name: '青山镇', code: '513722101000', province: '四川省' }, actor);
  await importRoster(base, actor, SAMPLE);
  // The sample again, with planted problems: a 76-year-old 普通劳动力, a
  // household the file drops, and a new household whose member carries the ID number of a
  // member of the dropped one (still in the archive: Q105 only in the merged state).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  const header = rows[2] as string[];
  const col = (label: string): number => header.indexOf(label);
  const last = rows.length - 1;
  const lastNo = String(rows[last]![col('户编号')]);
  const dropped = rows.filter((r) => String(r[col('户编号')]) === lastNo);
  const kept = rows.filter((r) => String(r[col('户编号')]) !== lastNo);
  kept[3]![col('劳动技能')] = '普通劳动力'; // 牛鹏建, born 1950
  const newcomer = [...dropped[0]!];
  newcomer[col('户编号')] = `${lastNo.slice(0, -4)}9999`;
  newcomer[col('与户主关系')] = '户主';
  planted = await writeRosterFile(join(dir, 'planted.xlsx'), [...kept, newcomer]);
});
afterAll(() => base.close());

describe('import preview: 导入后数据检查', () => {
  it('on the sample: the preview counts are what 数据检查 shows after the confirm', async () => {
    const archive = initArchive({ file: join(dir, 'fresh.db'), name: '青山镇', code: '513722101000', province: '四川省' }, actor);
    try {
      const { preview, check } = await previewThenConfirm(archive, SAMPLE);
      const q = preview.quality!;
      expect(q.warnings).toBeGreaterThan(0);
      expect({ errors: q.errors, warnings: q.warnings, byRule: q.byRule }).toEqual({ errors: check.counts.error, warnings: check.counts.warning, byRule: byRule(check) });
      expect(q.asOf).toBe(AS_OF);
      // The first rows in 数据检查's order, with the household's head; no workbook unless asked.
      expect(q.rows[0]).toEqual(expect.objectContaining({ no: check.problems[0]!.household, member: check.problems[0]!.member ?? null, head: '牛鹏建' }));
      expect(q.workbook).toBeNull();
    } finally {
      archive.close();
    }
  });

  it('on a re-import with planted problems: equal counts, Q105 seen in the merged archive, the 问题清单 workbook on demand', async () => {
    const archive = copyOfBase('planted.db');
    try {
      const clean = checkArchive(archive, { asOf: AS_OF });
      expect(byRule(clean).Q105).toBeUndefined();
      const { preview, check } = await previewThenConfirm(archive, planted, 'workbook');
      const q = preview.quality!;
      expect({ errors: q.errors, warnings: q.warnings, byRule: q.byRule }).toEqual({ errors: check.counts.error, warnings: check.counts.warning, byRule: byRule(check) });
      expect(q.byRule.Q105).toBe(2);
      expect(q.byRule.Q311).toBe((byRule(clean).Q311 ?? 0) + 1);
      expect(q.errors).toBeGreaterThan(clean.counts.error);
      expect(q.rules[0]).toEqual(expect.objectContaining({ code: 'Q105', severity: 'error', count: 2 }));
      // Every finding in the workbook, one row each under the 问题清单 header.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(q.workbook! as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const headerRow = ws.getSheetValues().findIndex((r) => Array.isArray(r) && r.includes('整改意见'));
      expect(ws.getRow(headerRow).values).toEqual(expect.arrayContaining(['村', '户编号', '户主', '成员', '问题', '整改意见', '整改情况']));
      expect(ws.actualRowCount - headerRow).toBe(q.errors + q.warnings);
    } finally {
      archive.close();
    }
  });

  it('a cancel during the check stops it: nothing written, no staging copy left', async () => {
    const archive = copyOfBase('cancel.db');
    const staging = join(dir, 'staging-cancel');
    mkdirSync(staging);
    try {
      const before = fileHash(archive.file);
      const ctl = new AbortController();
      const run = importRoster(archive, actor, planted, {
        dryRun: true,
        quality: true,
        stagingParent: staging,
        signal: ctl.signal,
        onProgress: (p) => {
          if (p.phase === 'quality' && p.fraction > 0.4) ctl.abort();
        },
      });
      await expect(run).rejects.toThrow(/导入已取消，档案没有任何改动/);
      expect(fileHash(archive.file)).toBe(before);
      expect(readdirSync(staging)).toEqual([]);
    } finally {
      archive.close();
    }
  });

  it('stages an encrypted copy, removed on close', () => {
    const staging = stagingCopy(base, dir);
    const file = staging.file;
    try {
      expect(archiveFileKind(file)).toBe('encrypted');
      expect(staging.sqlite.prepare('SELECT count(*) AS n FROM households').get()).toEqual({ n: 300 });
    } finally {
      staging.close();
    }
    expect(existsSync(file)).toBe(false);
  });
});
