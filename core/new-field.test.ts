// A field added through the catalogue alone (建房时间, FIELDS-REFERENCE §3.1 A23): one entry in
// shared/fields/household.ts and one column with its migration — and it is read by the import
// under its aliases, written by the export, edited on the household page and printed on the
// enrollment form, with no other code naming it.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdByNo } from '../db/repos/households.ts';
import { tempDir } from '../db/testing.ts';
import { householdDraft } from '../shared/api/households.ts';
import { makeIdNumber } from '../shared/id-number.ts';
import { pdfText } from '../templates/layout/pdf-tools.ts';
import { initArchive } from './archive.ts';
import type { Archive } from './archive.ts';
import { renderDocument } from './documents/index.ts';
import { exportRoster } from './export.ts';
import { householdDetail } from './households/detail.ts';
import { saveHousehold } from './households/save.ts';
import { importRoster } from './import/index.ts';

const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
let dir: string;
let archive: Archive;

beforeAll(async () => {
  dir = tempDir();
  archive = initArchive({ file: join(dir, 'a.db'), name: '青山镇', code: '511922101000' }, actor);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['县', '乡镇', '行政村', '户编号', '姓名', '证件号码', '与户主关系', '建房年份']);
  ws.addRow(['示例县', '青山镇', '石门村', 'A001', '王大山', makeIdNumber('511922', '1968-04-02', 11, '男'), '户主', 1998]);
  ws.addRow(['示例县', '青山镇', '石门村', 'A002', '李小河', makeIdNumber('511922', '1975-09-12', 21, '男'), '户主', '']);
  await wb.xlsx.writeFile(join(dir, 'in.xlsx'));
  await importRoster(archive, actor, join(dir, 'in.xlsx'), { year: 2025 });
});
afterAll(() => archive.close());

describe('建房时间, added through the catalogue', () => {
  it('is read by the import under an alias', () => {
    expect(householdByNo(archive.db, 'A001')?.buildYear).toBe(1998);
    expect(householdByNo(archive.db, 'A002')?.buildYear).toBeNull();
  });

  it('is saved from the household page’s draft, within its limits', () => {
    const d = householdDetail(archive, householdByNo(archive.db, 'A002')!.id, '2026-11-24');
    const draft = { ...d.household, otherCauses: d.household.otherCauses ?? [], expectedVersion: d.household.version, buildYear: 2012, members: d.members.map((m) => ({ ...m })), incomes: [] };
    saveHousehold(archive.db, actor, householdDraft.parse(draft));
    expect(householdByNo(archive.db, 'A002')?.buildYear).toBe(2012);
    expect(householdDraft.safeParse({ ...draft, buildYear: 1850 }).success).toBe(false);
  });

  it('is written by the export under its national column', async () => {
    await exportRoster(archive, join(dir, 'out.xlsx'), { exportedOn: '2026-11-24' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out.xlsx'));
    const rows = wb.worksheets[0]!.getSheetValues().filter(Array.isArray).map((r) => (r as unknown[]).map((c) => (typeof c === 'number' ? String(c) : typeof c === 'string' ? c : '')));
    const header = rows.find((r) => r.includes('户编号'))!;
    const at = header.indexOf('建房时间');
    expect(at).toBeGreaterThan(0);
    expect(rows.find((r) => r.includes('A001'))![at]).toBe('1998');
  });

  it('is printed on the enrollment form', async () => {
    const out = join(dir, 'e.pdf');
    await renderDocument(archive, { kind: 'enrollment', scope: { householdNo: 'A001' }, asOf: '2026-11-24' }, { out });
    expect(pdfText(out)).toMatch(/建房时间\s+1998/);
  });
});
