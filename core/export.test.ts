// export-xlsx → import is lossless for every field the roster layout carries, and the
// workbook is set up for printing.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqlAll, sqlGet, tempDir } from '../db/testing.ts';
import { initArchive } from './archive.ts';
import type { Archive } from './archive.ts';
import { exportRoster } from './export.ts';
import { generateDemo } from './demo/index.ts';
import { importRoster } from './import/index.ts';
import { readStreaming } from './import/workbook.ts';

const SAMPLE = join(import.meta.dirname, '..', '..', 'shared', 'data', 'sample-roster-2019.xlsx');
const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
const ON = { exportedOn: '2026-11-24' };
let dir: string;
const opened: Archive[] = [];
const archive = (name: string): Archive => {
  const a = initArchive({ file: join(dir, name), name: '青山镇', code: '513722101000' }, actor);
  opened.push(a);
  return a;
};
const dump = (a: Archive) => ({
  households: sqlAll(a, 'SELECT h.no, v.name AS village, h.group_name, h.status, h.attribute, h.main_cause, h.household_type, h.monitoring_category, h.phone FROM households h JOIN villages v ON v.id = h.village_id ORDER BY h.no'),
  members: sqlAll(
    a,
    'SELECT h.no, m.seq, m.name, m.id_number, m.gender, m.birth_date, m.relation, m.ethnicity, m.education, m.school_status, m.health, m.labour_ability, m.work_status, m.work_months, m.medical_insurance, m.pension_insurance, m.serious_illness_insurance, m.phone FROM members m JOIN households h ON h.id = m.household_id ORDER BY h.no, m.seq',
  ),
});

beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  for (const a of opened.splice(0)) a.close();
});

/** Every stored field of households, members (current) and the year's incomes, by 户编号. */
const full = (a: Archive, year: number) => {
  const strip = ({ id: _i, version: _v, updated_at: _u, updated_by: _b, village_id: _vi, household_id: _h, name_initials: _n, ...rest }: Record<string, unknown>) =>
    // An empty list and no list are the same answer.
    Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v === '[]' ? null : v]));
  return {
    households: sqlAll(a, 'SELECT h.*, v.name AS village FROM households h JOIN villages v ON v.id = h.village_id ORDER BY h.no').map(strip),
    members: sqlAll(a, 'SELECT h.no, m.* FROM members m JOIN households h ON h.id = m.household_id WHERE m.left_reason IS NULL ORDER BY h.no, m.seq').map(strip),
    incomes: sqlAll(a, 'SELECT h.no, i.* FROM incomes i JOIN households h ON h.id = i.household_id WHERE i.year = ? ORDER BY h.no', year).map(strip),
  };
};

describe('export-xlsx', () => {
  it('round-trips every roster field of a full archive (living conditions, risks, income of the year)', async () => {
    const first = archive('demo.db');
    generateDemo(first, { villages: 2, households: 40, seed: 'rt', asOf: '2026-11-24', actor, plant: false });
    const out = join(dir, 'demo.xlsx');
    const e = await exportRoster(first, out, ON);
    expect(e.year).toBe(2025);
    const second = archive('again.db');
    const r = await importRoster(second, actor, out);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const [a, b] = [full(first, 2025), full(second, 2025)];
    expect(b.households.length).toBe(40);
    expect(b.incomes.length).toBeGreaterThan(30);
    expect(b.households).toEqual(a.households);
    expect(b.members).toEqual(a.members);
    expect(b.incomes).toEqual(a.incomes);
    // The demo fills the 2021+ fields, so the round trip above covers them for real.
    expect(a.households.some((h) => h.risks && h.monitoring_start && h.housing_safety && h.farmland_mu != null)).toBe(true);
  });


  it('round-trips through import without loss', async () => {
    const first = archive('first.db');
    await importRoster(first, actor, SAMPLE);
    const out = join(dir, '导出.xlsx');
    expect(await exportRoster(first, out, ON)).toMatchObject({ households: 300, members: 1078 });
    const second = archive('second.db');
    const r = await importRoster(second, actor, out);
    expect(r.problems).toEqual([]);
    expect(dump(second)).toEqual(dump(first));
  });

  it('sets up the sheet for printing: A4 landscape, fit to width, header repeated and frozen', async () => {
    const a = archive('a.db');
    await importRoster(a, actor, SAMPLE);
    const out = join(dir, 'print.xlsx');
    await exportRoster(a, out, ON);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, printTitlesRow: '3:3' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getRow(3).getCell(1).value).toBe('县');
    expect(ws.getRow(4).getCell(3).value).toBe('青龙村');
  });

  it('exports one village by its code, and refuses an unknown code or an existing file', async () => {
    const a = archive('a.db');
    await importRoster(a, actor, SAMPLE);
    const code = sqlGet<{ code: string }>(a, "SELECT code FROM villages WHERE name = '青龙村'")!.code;
    const one = await exportRoster(a, join(dir, 'one.xlsx'), { ...ON, villageCode: code });
    expect(one.households).toBeLessThan(300);
    await expect(exportRoster(a, join(dir, 'x.xlsx'), { ...ON, villageCode: '999999999999' })).rejects.toThrow(/没有区划代码为 999999999999 的行政村/);
    await expect(exportRoster(a, join(dir, 'one.xlsx'), ON)).rejects.toThrow(/文件已存在/);
  });

  it('is read back by the streaming reader with every Chinese character whole (patched exceljs)', async () => {
    const a = archive('a.db');
    await importRoster(a, actor, SAMPLE);
    const out = join(dir, 'stream.xlsx');
    await exportRoster(a, out, ON);
    const [sheet] = await readStreaming(out);
    const cells = sheet!.rows.flat();
    expect(cells.length).toBeGreaterThan(20_000);
    expect(cells.filter((c) => c.includes('\uFFFD'))).toEqual([]);
  });
});
