// The archive (or one village) as a roster workbook in the national export's shape — title
// rows, one header row, one person per row grouped by 户编号 — which `import` reads back.
// Streaming writer (flat memory on 80k rows); A4 landscape, header repeated, frozen, widths.
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Archive } from '../db/open.ts';
import { UserError } from '../shared/errors.ts';
import type { HouseholdStatus } from '../shared/status.ts';
import { COLUMNS } from './import/columns.ts';
import type { ColumnDef } from './import/columns.ts';

const EXIT_MARK: Partial<Record<HouseholdStatus, string>> = { exited: '已脱贫', poor: '未脱贫', returned: '返贫', closed: '销号' };
const SKIP = new Set(['seq', 'size']);
/** exceljs declares PaperSize as a const enum, which isolated modules cannot use: A4 is 9. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the enum's own value for A4
const A4 = 9 as ExcelJS.PaperSize;

interface Row {
  [k: string]: unknown;
}

function cell(def: ColumnDef, r: Row): string | number | null {
  const v = r[def.key];
  if (def.key === 'exitMark') return EXIT_MARK[r.status as HouseholdStatus] ?? null;
  if (v == null) return null;
  if (def.kind === 'flag') return v === 1 || v === true ? '是' : '否';
  if (def.kind === 'money') return Number(v) / 100;
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

export async function exportRoster(archive: Archive, out: string, opts: { villageCode?: string } = {}): Promise<{ households: number; members: number; file: string }> {
  const { sqlite } = archive;
  const village = opts.villageCode ? (sqlite.prepare('SELECT id, name FROM villages WHERE code = ?').get(opts.villageCode) as { id: string; name: string } | undefined) : undefined;
  if (opts.villageCode && !village) throw new UserError(`档案中没有区划代码为 ${opts.villageCode} 的行政村，请核对代码（stats 命令可以列出各村代码）。`);
  if (existsSync(out)) throw new UserError(`文件已存在：${out}。为免覆盖，请换一个文件名。`);
  const info = sqlite.prepare('SELECT name, county FROM archive_info').get() as { name: string; county: string | null };
  const count = sqlite.prepare(`SELECT count(*) AS n FROM members m JOIN households h ON h.id = m.household_id WHERE m.left_reason IS NULL ${village ? 'AND h.village_id = ?' : ''}`).get(...(village ? [village.id] : [])) as { n: number };
  if (count.n === 0) throw new UserError(`${village ? village.name : '档案中'}没有可以导出的家庭成员。`);
  const columns = COLUMNS.filter((c) => !SKIP.has(c.key));
  const rows = sqlite
    .prepare(
      `SELECT t.county, t.name AS township, v.name AS village, h.group_name AS groupName, h.no AS householdNo,
              m.name, m.gender, m.id_number AS idNumber, m.relation, m.ethnicity, m.education, m.school_status AS schoolStatus,
              m.health, m.labour_ability AS labourAbility, m.work_status AS workStatus, m.work_months AS workMonths,
              m.medical_insurance AS medicalInsurance, m.pension_insurance AS pensionInsurance,
              m.serious_illness_insurance AS seriousIllnessInsurance, m.phone AS memberPhone,
              h.attribute, h.main_cause AS mainCause, h.status, h.household_type AS householdType,
              h.monitoring_category AS monitoringCategory, h.phone
         FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id
         JOIN townships t ON t.id = v.township_id
        WHERE m.left_reason IS NULL ${village ? 'AND v.id = ?' : ''}
        ORDER BY v.sort_order, v.code, h.no, m.seq`,
    )
    .iterate(...(village ? [village.id] : [])) as IterableIterator<Row>;

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('花名册', {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { paperSize: A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
    headerFooter: { oddFooter: '第 &P 页 共 &N 页' },
  });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.key === 'idNumber' ? 21 : c.key === 'householdNo' ? 18 : Math.max(8, c.label.length * 2 + 2) }));
  ws.addRow([`${info.county ?? ''}${info.name}${village ? village.name : ''}建档立卡花名册`]).commit();
  ws.addRow([`导出日期：${new Date().toISOString().slice(0, 10)}（由扶贫档案导出，可直接再导入）`]).commit();
  const head = ws.addRow(columns.map((c) => c.label));
  head.font = { bold: true };
  head.eachCell((c) => {
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  head.commit();
  const households = new Set<string>();
  let members = 0;
  for (const r of rows) {
    ws.addRow(columns.map((c) => cell(c, r))).commit();
    households.add(String(r.householdNo));
    members++;
  }
  ws.commit();
  await wb.commit();
  return { households: households.size, members, file: out };
}
