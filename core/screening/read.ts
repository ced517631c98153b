// Reading a department's list: the header under any title rows (the roster import's matching,
// core/import/workbook.ts), the person's columns by the roster's own labels and aliases (姓名,
// 证件号码/身份证号, 出生日期, 行政村), the department's columns by its labels and aliases
// (shared/screening), and the department itself — chosen by the clerk, or recognised from the
// title, the sheet name or the columns found.
import { columnFor, headerKey } from '../import/columns.ts';
import type { ColumnDef } from '../import/columns.ts';
import { readCell } from '../import/values.ts';
import { findHeaderWith } from '../import/header.ts';
import { readSheets, sourceName } from '../import/workbook.ts';
import type { SheetRows, WorkbookSource } from '../import/workbook.ts';
import { DEPARTMENTS, DEPARTMENT_DEFS } from '../../shared/screening/departments.ts';
import type { DeptColumn, Department } from '../../shared/screening/departments.ts';
import type { ScreeningProblem } from './types.ts';

/** The person's columns, read as the roster reads them. */
const PERSON_KEYS = ['name', 'idNumber', 'birthDate', 'village'] as const;

type Col = { key: string; label: string; person?: ColumnDef; dept?: DeptColumn; department?: Department };

const DEPT_LOOKUP = new Map<string, Col[]>();
for (const d of DEPARTMENTS) {
  for (const c of DEPARTMENT_DEFS[d].columns) {
    for (const l of [c.label, ...c.aliases]) {
      const k = headerKey(l);
      const list = DEPT_LOOKUP.get(k) ?? [];
      list.push({ key: `${d}.${c.key}`, label: c.label, dept: c, department: d });
      DEPT_LOOKUP.set(k, list);
    }
  }
}

function personColumn(header: string): Col | undefined {
  const def = columnFor(header);
  const key = def?.field ?? def?.key;
  if (!def || !key || !(PERSON_KEYS as readonly string[]).includes(key)) return undefined;
  return { key, label: def.label, person: def };
}

function lookupFor(department: Department | null): (header: string) => Col | undefined {
  return (h) => {
    const own = DEPT_LOOKUP.get(headerKey(h))?.find((c) => department === null || c.department === department);
    return own ?? personColumn(h);
  };
}

export interface ListRow {
  /** Spreadsheet row number (1-based). */
  rowNo: number;
  name: string;
  idNumber: string;
  birthDate: string;
  /** The department's values by column key. */
  values: Record<string, string>;
}

export interface ReadList {
  sheet: string;
  title: string;
  department: Department;
  /** Header text of each column read, by key (idNumber, name, birthDate, or a department column key). */
  headers: Partial<Record<string, string>>;
  /** Column headers as written that were not recognised. */
  unknown: string[];
  rows: ListRow[];
}

/** The department a title or sheet name names (the longest word wins: 财政供养 over 财政). */
function departmentOfText(text: string): Department | null {
  let best: { d: Department; len: number } | null = null;
  for (const d of DEPARTMENTS) {
    for (const w of DEPARTMENT_DEFS[d].words) {
      if (text.includes(w) && (!best || w.length > best.len)) best = { d, len: w.length };
    }
  }
  return best?.d ?? null;
}

export type ReadOutcome = { ok: true; list: ReadList } | { ok: false; problems: ScreeningProblem[] };

const layoutProblem = (sheet: string, row: number, column: string, message: string): ScreeningProblem => ({ sheet, row, column, message, severity: 'error' });

const DEPT_NAMES = DEPARTMENTS.map((d) => DEPARTMENT_DEFS[d].label).join('、');

function readSheet(sheet: SheetRows, chosen: Department | null, file: string): ReadOutcome | null {
  // First with every department's columns (to find the header and, if not chosen, the department).
  const any = findHeaderWith(sheet, lookupFor(chosen), 2);
  if (!any) return null;
  const above = sheet.rows.slice(0, any.row).map((r) => r.filter(Boolean).join(' ')).filter(Boolean);
  const title = above[0] ?? '';
  let department = chosen ?? departmentOfText(`${title} ${sheet.name}`) ?? departmentOfText(file);
  if (!department) {
    const counts = new Map<Department, number>();
    for (const c of any.columns.values()) if (c.department) counts.set(c.department, (counts.get(c.department) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    if (ranked.length && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1])) department = ranked[0]![0];
  }
  const headerRow = any.row + 1;
  if (!department) {
    return { ok: false, problems: [layoutProblem(sheet.name, headerRow, '', `无法从标题“${title || sheet.name}”和表头认出这是哪个部门的名单：请选择部门（${DEPT_NAMES}）后再检查。`)] };
  }
  const match = chosen === department ? any : findHeaderWith(sheet, lookupFor(department), 2);
  if (!match) return null;
  const def = DEPARTMENT_DEFS[department];
  const byKey = new Map<string, number>();
  const headers: Record<string, string> = {};
  for (const [j, c] of match.columns) {
    const key = c.dept ? c.dept.key : c.key;
    byKey.set(key, j);
    headers[key] = match.labels[j] || c.label;
  }
  const problems: ScreeningProblem[] = [];
  const hasId = byKey.has('idNumber');
  if (!hasId && !(byKey.has('name') && byKey.has('birthDate'))) {
    problems.push(
      layoutProblem(sheet.name, match.row + 1, '', `第 ${match.row + 1} 行的表头中没有“身份证号”（或“证件号码”）列，也没有“姓名”和“出生日期”两列：无法与档案比对。请在名单中保留身份证号列（或姓名、出生日期两列）后再导入。`),
    );
  }
  if (!def.needs.some((k) => byKey.has(k))) {
    const wanted = def.needs.map((k) => `“${def.columns.find((c) => c.key === k)!.label}”`).join('或');
    problems.push(layoutProblem(sheet.name, match.row + 1, '', `这份${def.label}名单的表头中没有${wanted}列：看不出预警的原因。请核对是否选对了部门，或在表头中写明该列。`));
  }
  if (problems.length) return { ok: false, problems };
  const cell = (cells: readonly string[], key: string): string => {
    const j = byKey.get(key);
    return j === undefined ? '' : (cells[j] ?? '').trim();
  };
  const birthDef = [...match.columns.values()].find((c) => c.key === 'birthDate')?.person;
  const rows: ListRow[] = [];
  for (let r = match.row + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    if (!cells.some((c) => c && c.trim())) continue;
    const rawBirth = cell(cells, 'birthDate');
    const birth = birthDef && rawBirth ? readCell(birthDef, rawBirth).value : null;
    const values: Record<string, string> = {};
    for (const c of def.columns) {
      const v = cell(cells, c.key);
      if (v) values[c.key] = v;
    }
    rows.push({ rowNo: r + 1, name: cell(cells, 'name'), idNumber: cell(cells, 'idNumber'), birthDate: typeof birth === 'string' ? birth : '', values });
  }
  return { ok: true, list: { sheet: sheet.name, title: title || sourceNameOnly(file), department, headers, unknown: match.unknown, rows } };
}

const sourceNameOnly = (file: string): string => file.replace(/\.xlsx$/i, '');

/** The first sheet that reads as a person list; every problem of the layout otherwise. */
export async function readDepartmentList(file: WorkbookSource, chosen: Department | null): Promise<ReadOutcome> {
  const sheets = await readSheets(file);
  const name = sourceName(file);
  let refused: ReadOutcome | null = null;
  for (const s of sheets) {
    const r = readSheet(s, chosen, name);
    if (r?.ok) return r;
    refused ??= r;
  }
  return (
    refused ?? {
      ok: false,
      problems: [
        layoutProblem(
          sheets[0]?.name ?? '',
          0,
          '',
          `“${name}”中找不到名单的表头：前 15 行里没有一行同时写有“姓名”“身份证号”（或“证件号码”）“出生日期”等列名中的两个。这不是可识别的部门名单格式：请把表头改成这些列名，或先把名单另存为一张只有表头和数据的工作表。`,
        ),
      ],
    }
  );
}
