// The archive (or one village) as a roster workbook in the national export's shape — title
// rows, one header row, one person per row grouped by 户编号 — which `import` reads back without
// loss: every column of core/import/columns.ts that holds data in the archive is written, with
// the income of one year (named in the title rows, which `import` reads as its default year).
// Streaming writer (flat memory on 80k rows); A4 landscape, header repeated, frozen, widths.
import { existsSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './files/exceljs.ts';
import type { Archive } from '../db/open.ts';
import { archiveInfoOf } from '../db/repos/archive-info.ts';
import { villageRefByCode } from '../db/repos/document-scope.ts';
import { currentHouseholdSizes, currentMemberCount, exportMembers, exportPlaces, fieldHasData, householdReader, incomesOfYear, riskSlotHasData } from '../db/repos/export.ts';
import { latestIncomeYear } from '../db/stats.ts';
import { UserError } from '../shared/errors.ts';
import { writeStreamAtomic } from './files/atomic-write.ts';
import { computeIncome } from '../shared/income.ts';
import type { HouseholdRecord, IncomeRecord, MemberRecord } from '../shared/records.ts';
import type { HouseholdStatus } from '../shared/status.ts';
import { COLUMNS, RISK_KEYS } from './import/columns.ts';
import type { ColumnDef } from './import/columns.ts';

const EXIT_MARK: Partial<Record<HouseholdStatus, string>> = { exited: '已脱贫', poor: '未脱贫', returned: '返贫', closed: '销号' };
/** Always written, even when empty: what a roster is read by. */
const ALWAYS = new Set(['county', 'township', 'village', 'groupName', 'householdNo', 'size', 'name', 'gender', 'idNumber', 'relation', 'exitMark']);
/** exceljs declares PaperSize as a const enum, which isolated modules cannot use: A4 is 9. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the enum's own value for A4
const A4 = 9 as ExcelJS.PaperSize;
export const INCOME_YEAR_NOTE = '收入年度';

type Rec = Record<string, unknown>;
/**
 * Data cells share one style object: exceljs dedupes styles by object identity, and a fresh
 * empty style per cell made it serialise and compare a style for each of 80k × 80 cells.
 */
const PLAIN: Partial<ExcelJS.Style> = Object.freeze({});
const plain = (c: ExcelJS.Cell) => {
  c.style = PLAIN;
};
interface Context {
  place: { county: string | null; township: string; village: string };
  household: HouseholdRecord;
  income: IncomeRecord | null;
  size: number;
  member: MemberRecord;
}

type Cell = string | number | null;

/** How each column's cell is read from a row's context, decided once per column (80k rows × 80 columns). */
function accessorOf(def: ColumnDef): (x: Context) => Cell {
  const risk = (RISK_KEYS as readonly string[]).indexOf(def.key);
  const field = def.field!;
  const raw: (x: Context) => unknown =
    def.level === 'place'
      ? (x) => x.place[def.key as keyof Context['place']]
      : def.key === 'householdNo'
        ? (x) => x.household.no
        : def.key === 'exitMark'
          ? (x) => EXIT_MARK[x.household.status] ?? null
          : def.key === 'size'
            ? (x) => x.size
            : def.key === 'seq'
              ? (x) => x.member.seq
              : def.key === 'perCapita'
                ? (x) => (x.income ? computeIncome(x.income, x.income.householdSize).perCapitaFen : null)
                : risk >= 0
                  ? (x) => x.household.risks?.[risk] ?? null
                  : def.level === 'income'
                    ? (x) => (x.income as Rec | null)?.[field] ?? null
                    : def.level === 'household'
                      ? (x) => (x.household as unknown as Rec)[field]
                      : (x) => (x.member as unknown as Rec)[field];
  const kind = def.kind;
  return (x) => {
    const v = raw(x);
    if (v == null) return null;
    if (kind === 'flag') return v === true ? '是' : '否';
    if (kind === 'money') return Number(v) / 100;
    if (Array.isArray(v)) return v.join('、');
    return typeof v === 'number' || typeof v === 'string' ? v : null;
  };
}

/** The columns worth writing: the roster's own, and every other that holds data somewhere. */
function columnsWithData(archive: Archive, year: number | null): ColumnDef[] {
  const { db } = archive;
  return COLUMNS.filter((c) => {
    if (ALWAYS.has(c.key)) return true;
    if (c.key === 'seq' || c.key === 'personNo') return false;
    if (c.key === 'perCapita' || c.level === 'income') {
      if (year === null) return false;
      return c.key === 'perCapita' || c.key === 'householdSize' || fieldHasData(db, 'income', c.field!, year);
    }
    if ((RISK_KEYS as readonly string[]).includes(c.key)) return riskSlotHasData(db, Number(c.key.slice(-1)));
    if (c.level === 'household') return fieldHasData(db, 'household', c.field!);
    return c.field ? fieldHasData(db, 'member', c.field) : false;
  });
}

export interface ExportOptions {
  /** The day printed as 导出日期 (the shell's today). */
  exportedOn: string;
  villageCode?: string;
  /** The income year written (default: the latest year with incomes). */
  year?: number;
}

export async function exportRoster(archive: Archive, out: string, opts: ExportOptions): Promise<{ households: number; members: number; file: string; year: number | null }> {
  const { db } = archive;
  const village = opts.villageCode ? villageRefByCode(db, opts.villageCode) : undefined;
  if (opts.villageCode && !village) throw new UserError(`档案中没有区划代码为 ${opts.villageCode} 的行政村，请核对代码（stats 命令可以列出各村代码）。`);
  if (existsSync(out)) throw new UserError(`文件已存在：${out}。为免覆盖，请换一个文件名。`);
  const info = archiveInfoOf(db)!;
  const villageId = village?.id ?? null;
  if (currentMemberCount(db, villageId) === 0) throw new UserError(`${village ? village.name : '档案中'}没有可以导出的家庭成员。`);
  const year = opts.year ?? latestIncomeYear(db);
  const columns = columnsWithData(archive, year);
  const accessors = columns.map(accessorOf);

  const places = exportPlaces(db);
  const incomeOf = year === null ? new Map<string, IncomeRecord>() : incomesOfYear(db, year);
  const sizeOf = currentHouseholdSizes(db);
  const householdOf = householdReader(db);
  const rows = exportMembers(db, villageId);

  // Written through a .part renamed at the end (core/files/atomic-write.ts): a full disk leaves
  // neither a truncated workbook under the final name nor a .part, and is said in Chinese.
  const Excel = await loadExcelJS();
  return writeStreamAtomic(out, async (stream) => {
    const wb = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('花名册', {
      views: [{ state: 'frozen', ySplit: 3 }],
      pageSetup: { paperSize: A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
      headerFooter: { oddFooter: '第 &P 页 共 &N 页' },
    });
    ws.columns = columns.map((c) => ({ key: c.key, width: c.key === 'idNumber' ? 21 : c.key === 'householdNo' ? 18 : Math.min(24, Math.max(8, c.label.length * 2 + 2)) }));
    ws.addRow([`${info.county ?? ''}${info.name}${village ? village.name : ''}建档立卡花名册`]).commit();
    ws.addRow([`导出日期：${opts.exportedOn}${year === null ? '' : `；${INCOME_YEAR_NOTE}：${year}`}（由扶贫档案导出，可直接再导入）`]).commit();
    const head = ws.addRow(columns.map((c) => c.label));
    head.font = { bold: true };
    head.eachCell((c) => {
      c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
    head.commit();
    let householdCount = 0;
    let memberCount = 0;
    let current: Context | null = null;
    let currentId = '';
    for (const member of rows) {
      const hid = member.householdId;
      if (!current || currentId !== hid) {
        currentId = hid;
        const household = householdOf(hid)!;
        const p = places.get(household.villageId)!;
        current = { place: { county: p.county, township: p.township, village: p.village }, household, income: incomeOf.get(hid) ?? null, size: sizeOf.get(hid) ?? 0, member };
        householdCount++;
      }
      current.member = member;
      const x = current;
      const row = ws.addRow(accessors.map((read) => read(x)));
      row.eachCell({ includeEmpty: true }, plain);
      row.commit();
      memberCount++;
    }
    ws.commit();
    await wb.commit();
    return { households: householdCount, members: memberCount, file: out, year };
  });
}
