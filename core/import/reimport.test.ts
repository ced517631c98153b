// Re-importing a newer export of the same township: households matched by 户编号, members by
// ID number; a preview of what is added, changed field by field and no longer listed, before
// anything is written; applied in one transaction after a backup; members no longer listed
// removed only when the clerk confirms; the import logged.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { householdByNo } from '../../db/repos/households.ts';
import { archiveChecksum, countRows, rowsWhere, sqlAll, tempDir } from '../../db/testing.ts';
import { initArchive } from '../archive.ts';
import { verifyAudit } from '../audit.ts';
import type { Archive } from '../archive.ts';
import { importRoster } from './index.ts';

const SAMPLE = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'sample-roster-2019.xlsx');
const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
let dir: string;
let archive: Archive;

beforeEach(async () => {
  dir = tempDir();
  archive = initArchive({ file: join(dir, 'a.db'), name: '青山镇', code: '513722101000' }, actor);
  await importRoster(archive, actor, SAMPLE, { year: 2019 });
});
afterEach(() => archive.close());

/** The sample with edits applied to its rows (header on row 3; data from row 4). */
async function edited(name: string, edit: (rows: unknown[][], col: (label: string) => number) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  const header = rows[2] as string[];
  edit(rows, (label) => header.indexOf(label));
  const out = new ExcelJS.Workbook();
  const ws = out.addWorksheet('花名册');
  for (const r of rows) ws.addRow(r ?? []);
  const file = join(dir, name);
  await out.xlsx.writeFile(file);
  return file;
}


describe('re-import', () => {
  it('of the same file changes nothing but the log, and says so', async () => {
    const r = await importRoster(archive, actor, SAMPLE, { year: 2019 });
    expect(r.applied).toBe(true);
    expect(r.preview).toMatchObject({ added: 0, updated: 0, unchanged: 300, membersAdded: 0, membersMissing: 0, notInFile: [] });
    expect(countRows(archive.db, 'households')).toBe(300);
    expect(countRows(archive.db, 'importsLog')).toBe(2);
    expect(r.backupFile && existsSync(r.backupFile)).toBe(true);
  });

  it('previews added, changed field by field and no longer listed — writing nothing — then applies', async () => {
    const file = await edited('newer.xlsx', (rows, col) => {
      rows[3]![col('联系电话')] = '13900000001'; // household 0001: phone (rows 4–6 are its 3 members)
      rows[4]![col('联系电话')] = '13900000001';
      rows[5]![col('联系电话')] = '13900000001';
      rows[4]![col('文化程度')] = '高中'; // 余爱英: 初中 → 高中
      rows.splice(5, 1); // 牛莲 no longer listed
      rows.push([9999, '某某县', '青山镇', '青龙村', '4组', '5137220001009999', '', '新户主', '男', '513722198001010015', 1, '户主', '汉族', '小学', '非在校生', '健康', '普通劳动力', '', 0, '是', '是', '一般贫困户', '因病', '未脱贫', 3000, '']);
    });
    const before = archiveChecksum(archive.sqlite);
    const dry = await importRoster(archive, actor, file, { dryRun: true, year: 2019 });
    expect(archiveChecksum(archive.sqlite)).toBe(before);
    expect(dry.preview).toMatchObject({ added: 1, updated: 1, unchanged: 299, membersAdded: 1, membersChanged: 1, membersMissing: 1 });
    const change = dry.preview!.changes[0]!;
    expect(change).toMatchObject({ no: '5137220001000001', head: '牛鹏建', membersMissing: ['牛莲（513722********2746）'] });
    expect(change.fields).toEqual([{ field: 'phone', label: '联系电话', before: '17747519029', after: '13900000001' }]);
    expect(change.membersChanged).toEqual([{ name: '余爱英', changes: [{ field: 'education', label: '文化程度', before: '初中', after: '高中' }] }]);

    const r = await importRoster(archive, actor, file, { year: 2019 });
    expect(r.applied).toBe(true);
    expect(rowsWhere(archive.db, 'households', { no: '5137220001000001' }).map((h) => ({ phone: h.phone }))).toEqual([{ phone: '13900000001' }]);
    expect(rowsWhere(archive.db, 'members', { name: '余爱英' }).map((m) => ({ education: m.education }))).toEqual([{ education: '高中' }]);
    // Not confirmed: 牛莲 stays, reported.
    expect(rowsWhere(archive.db, 'members', { name: '牛莲' }).map((m) => ({ leftReason: m.leftReason }))).toEqual([{ leftReason: null }]);
    expect(rowsWhere(archive.db, 'households', { no: '5137220001009999' })).toHaveLength(1);
    const audit = rowsWhere(archive.db, 'auditLog', { action: 'import-update' });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.note).toMatch(/余爱英改动文化程度.*牛莲不在名单中（未移除）/);
    expect(audit[0]!.after).toEqual({ 联系电话: '13900000001' }); // the typed row holds the JSON parsed
    // Both imports (one audit row per household) kept the hash chain whole.
    expect(verifyAudit(archive.db)).toMatchObject({ intact: true, rows: countRows(archive.db, 'auditLog') });
    expect(countRows(archive.db, 'auditLog')).toBeGreaterThan(100);
  });

  it('marks members no longer listed as left only when the clerk confirms', async () => {
    const file = await edited('gone.xlsx', (rows) => rows.splice(5, 1));
    const r = await importRoster(archive, actor, file, { year: 2019, removeMissing: true });
    expect(r.membersRemoved).toBe(1);
    expect(rowsWhere(archive.db, 'members', { name: '牛莲' }).map((m) => ({ leftReason: m.leftReason, leftOn: m.leftOn }))).toEqual([{ leftReason: '其他转出', leftOn: '2026-11-24' }]);
    expect(countRows(archive.db, 'members')).toBe(1078); // never deleted
  });

  it('reports households of the covered villages that the file no longer lists, and never deletes them', async () => {
    const file = await edited('fewer.xlsx', (rows) => rows.splice(3, 3));
    const r = await importRoster(archive, actor, file, { year: 2019 });
    expect(r.preview!.notInFile).toEqual([{ no: '5137220001000001', head: '牛鹏建' }]);
    expect(countRows(archive.db, 'households')).toBe(300);
  });

  it('honours a cancel that arrives after reading (before the backup and the write)', async () => {
    const before = archiveChecksum(archive.sqlite);
    const controller = new AbortController();
    const file = await edited('late-cancel.xlsx', (rows) => rows.splice(5, 1));
    const run = importRoster(archive, actor, file, { removeMissing: true, signal: controller.signal, onProgress: (p) => p.phase === 'check' && controller.abort() });
    await expect(run).rejects.toThrow('导入已取消，档案没有任何改动。');
    expect(archiveChecksum(archive.sqlite)).toBe(before);
  });

  it('records a status the newer file changes in the status history', async () => {
    let no = '';
    const file = await edited('exit.xlsx', (rows, col) => {
      no = String(rows[3]![col('户编号')]);
      for (const r of rows.slice(3)) if (r?.[col('户编号')] === no) r[col('脱贫属性')] = '返贫';
    });
    await importRoster(archive, actor, file, { year: 2020 });
    const h = householdByNo(archive.db, no)!;
    expect(h.status).toBe('returned');
    expect(sqlAll(archive, 'SELECT status, year FROM status_history WHERE household_id = ? ORDER BY effective_on, year', h.id).at(-1)).toEqual({ status: 'returned', year: 2020 });
  });
});
