// From rows to households: every recognised cell read by its column, members grouped by
// 户编号 (or, without one, by consecutive rows from each 户主), household values checked for
// agreement across their rows, and every problem reported by sheet, row and column.
import { parseIdNumber } from '../../shared/id-number.ts';
import { maskIdNumber } from '../../shared/mask.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import { computeIncome } from '../../shared/income.ts';
import type { IncomeComponents } from '../../shared/income.ts';
import { formatYuan } from '../../shared/money.ts';
import { INCOME_COLUMNS, MEMBER_COLUMNS, REQUIRED_KEYS } from './columns.ts';
import type { ColumnDef } from './columns.ts';
import type { ColumnMapping } from './header.ts';
import type { ImportProblem, ParsedHousehold, ParsedMember, ParsedRoster } from './types.ts';
import { MAX_MEMBERS } from '../../shared/fields/index.ts';
import { brief, cellLimitProblem } from './limits.ts';
import { readCell } from './values.ts';
import type { CellValue } from './values.ts';
import { findHeader } from './header.ts';
import type { HeaderMatch } from './header.ts';
import type { SheetRows } from './workbook.ts';

const MEMBER_KEYS = new Set(MEMBER_COLUMNS.map((c) => c.key));
/** Held on the member itself (ParsedMember.name …), normalised: not again, raw, in its values. */
const MEMBER_OWN_KEYS = new Set(['name', 'idNumber', 'relation', 'gender', 'birthDate']);
const STATUS_KEYS = ['exitMark', 'attribute', 'monitoringCategory', 'householdType'];

/** The household's status as the export shows it; null when the file has no column that says. */
function statusOf(v: Record<string, CellValue>, keys: Set<string>): HouseholdStatus | null {
  if (!STATUS_KEYS.some((k) => keys.has(k))) return null;
  const category = v.monitoringCategory;
  if (category === '脱贫不稳定户') return 'unstable';
  if (category === '边缘易致贫户') return 'edge';
  if (category === '突发严重困难户') return 'sudden';
  const mark = typeof v.exitMark === 'string' ? v.exitMark : '';
  if (/销号/.test(mark)) return 'closed';
  if (/返贫/.test(mark)) return 'returned';
  if (/未脱贫/.test(mark)) return 'poor';
  if (/脱贫/.test(mark) || v.householdType === '脱贫户') return 'exited';
  return v.attribute ? 'poor' : 'ordinary';
}

const isHouseholdLevel = (def: ColumnDef) => def.level === 'household' || def.level === 'income';
const same = (a: CellValue, b: CellValue) => (Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b);
const shown = (v: CellValue) => (Array.isArray(v) ? v.join('、') : String(v));

const HEADER_SEARCH_ROWS = 15;

/** Said when a list of people has neither 与户主关系 nor 户编号: most likely not a roster at all. */
const NOT_A_ROSTER = '这份表没有“与户主关系”和“户编号”，看起来是一份人员名单而不是花名册：如果是医保、民政等部门的筛查名单，请到“部门预警 → 导入部门名单”导入；如果是花名册，请补上这两列。';

/** A totals or signature line under the table (合计：300户, 制表人：…, 审核人：…, 填报日期：…). */
const FOOTER = /^(合\s*计|总\s*计|小\s*计|共\s*计|制\s*表|填\s*表|填\s*报|审\s*核|负责人|单位负责人|统计人|备\s*注|说\s*明|注\s*[:：])/;
/** A row whose first written cell starts a totals or signature line, and that has no ID number. */
function isFooter(cells: readonly string[], idColumn: number): boolean {
  if (idColumn >= 0 && cells[idColumn]?.trim()) return false;
  const first = cells.find((c) => c && c.trim() !== '');
  return first !== undefined && FOOTER.test(first.trim());
}

type Values = Record<string, CellValue>;

/**
 * Records of one fixed set of keys, made compact. An object filled key by key (`o[k] = v`) past
 * a dozen keys turns into a hash table in V8: 1.7 KB for a member's 23 values, 3.3 KB for a
 * household's 60, two thirds of an 80,000-row import's memory. A copy of a template that
 * JSON.parse made keeps V8's compact layout (about 8 bytes a value). Only the sheet's columns
 * are keys, so `key in values` still tells a column the file has from one it lacks.
 */
function recordMaker(keys: readonly string[]): () => Values {
  const template = JSON.parse(JSON.stringify(Object.fromEntries(keys.map((k) => [k, null])))) as Values;
  return () => ({ ...template });
}

/**
 * One copy of each short text a sheet repeats. Every cell arrives as a fresh string: 80,000 rows
 * kept about 790,000 of them (32 MB), most a 性别, a date, a 组 or a 村 seen thousands of times
 * before. Bounded: past its size, new texts are kept as they came.
 */
function interner(): { of<T>(v: T): T; clear(): void } {
  const seen = new Map<string, string>();
  return {
    of<T>(v: T): T {
      if (typeof v !== 'string' || v.length > 20) return v;
      const known = seen.get(v);
      if (known !== undefined) return known as T;
      if (seen.size < 100_000) seen.set(v, v);
      return v;
    },
    clear: () => seen.clear(),
  };
}

export interface SheetParser {
  /** One row of the sheet, in order; `rowNo` is the spreadsheet's 1-based row number. */
  push(cells: string[], rowNo: number): void;
  finish(): ParsedRoster;
  /** The rows up to and including the header (for the column screen and the title rows). */
  readonly head: SheetRows;
  /** The column matching it used (known once the header is found). */
  readonly mapping: ColumnMapping | undefined;
}

/**
 * Parses a sheet row by row as the streaming reader delivers it (nothing but the households
 * is kept): the first rows are held until the header is found among them.
 */
export function sheetParser(name: string, today: Date, mappingOf?: ColumnMapping | ((head: SheetRows) => ColumnMapping | undefined)): SheetParser {
  const problems: ImportProblem[] = [];
  const add = (row: number, column: string, message: string, severity: ImportProblem['severity'] = 'error') => problems.push({ sheet: name, row, column, message, severity });
  const head: SheetRows = { name, rows: [] };
  const byNo = new Map<string, ParsedHousehold>();
  const order: ParsedHousehold[] = [];
  let current: ParsedHousehold | null = null;
  /** The row the last member came from (a merged 户编号 continues only on the next row). */
  let lastRow = 0;
  let township: string | null = null;
  let header: HeaderMatch | null = null;
  let decided = false;
  let usable = false;
  let keys = new Set<string>();
  let idColumn = -1;
  let labelOf = new Map<number, string>();
  let newRow: () => Values = () => ({});
  let newMember: () => Values = () => ({});
  let newHousehold: () => Values = () => ({});

  let mapping: ColumnMapping | undefined;
  const texts = interner();
  const decide = () => {
    decided = true;
    mapping = typeof mappingOf === 'function' ? mappingOf(head) : mappingOf;
    header = findHeader(head, mapping);
    if (!header) {
      add(0, '', '找不到表头行：前15行里没有一行写着“姓名”“证件号码”“与户主关系”等列名。请确认这是国家系统导出的花名册，或把列名改成这样的写法。');
      return;
    }
    const h = header;
    keys = new Set([...h.columns.values()].map((c) => c.key));
    idColumn = [...h.columns].find(([, c]) => c.key === 'idNumber')?.[0] ?? -1;
    labelOf = new Map([...h.columns.entries()].map(([j]) => [j, h.labels[j]!]));
    const defs = [...h.columns.values()];
    newRow = recordMaker(defs.map((d) => d.key));
    newMember = recordMaker(defs.filter((d) => MEMBER_KEYS.has(d.key) && !MEMBER_OWN_KEYS.has(d.key)).map((d) => d.key));
    newHousehold = recordMaker(defs.filter(isHouseholdLevel).map((d) => d.key));
    for (const k of REQUIRED_KEYS) {
      if (!keys.has(k)) add(h.row + 1, '', `缺少必需的列“${{ name: '姓名', idNumber: '证件号码', relation: '与户主关系' }[k]}”。请检查表头（第${h.row + 1}行）。${k === 'relation' && !keys.has('householdNo') ? NOT_A_ROSTER : ''}`);
    }
    usable = problems.length === 0;
    const held = head.rows.slice(h.row + 1);
    head.rows.length = h.row + 1;
    if (usable) held.forEach((cells, i) => row(cells, h.row + 2 + i));
  };

  const row = (cells: string[], rowNo: number) => {
    const columns = header!.columns;
    if (isFooter(cells, idColumn)) return;
    const v = newRow();
    const refusedKeys = new Set<string>();
    for (const [j, def] of columns) {
      const res = readCell(def, cells[j] ?? '');
      v[def.key] = texts.of(res.value);
      if (res.warning) add(rowNo, labelOf.get(j)!, res.warning, 'warning');
      if (res.error) add(rowNo, labelOf.get(j)!, `${res.error}。`);
      if (res.error) refusedKeys.add(def.key);
      const refused = cellLimitProblem(def, res.value, cells[j] ?? '');
      if (refused) add(rowNo, labelOf.get(j)!, refused);
    }
    if (!v.name && !v.idNumber) return; // blank or totals row
    if (!v.name) {
      add(rowNo, '姓名', '姓名为空：每一行是一个人，请补上姓名。');
      return;
    }
    if (!v.relation) add(rowNo, '与户主关系', `${brief(String(v.name))}的与户主关系为空，请补上。`);
    township ??= typeof v.township === 'string' ? v.township : null;
    const member = memberOf(v, newMember(), rowNo, today, (column, message) => refusedKeys.has('idNumber') || add(rowNo, column, message, 'warning')); // a refused ID is not also "missing"
    member.gender = texts.of(member.gender);
    member.birthDate = texts.of(member.birthDate);
    let h: ParsedHousehold | undefined;
    if (keys.has('householdNo')) {
      const no = typeof v.householdNo === 'string' ? v.householdNo : '';
      if (no) h = byNo.get(no);
      else if (current && lastRow === rowNo - 1 && member.relation !== '户主') {
        // A 户编号 merged down over the household's rows (hand-made rosters merge the household's
        // cells): only the first row holds it, the rows under it belong to the same household.
        h = current;
      } else {
        if (refusedKeys.has('householdNo')) return; // said above: the cell is a rounded number
        add(rowNo, '户编号', `${brief(member.name)}的户编号为空，不知道属于哪一户。请补上户编号（合并的单元格请把户编号写在该户第一行）。`);
        return;
      }
    } else {
      h = member.relation === '户主' || !current ? undefined : current;
    }
    if (!h) {
      // Without a 户编号 column: one made from the head's row, in the catalogue's pattern (letters and digits).
      const no = keys.has('householdNo') ? String(v.householdNo) : `DR${String(rowNo).padStart(6, '0')}`;
      h = { no, village: typeof v.village === 'string' ? v.village : '', groupName: typeof v.groupName === 'string' ? v.groupName : null, status: statusOf(v, keys), values: householdValues(newHousehold(), v), members: [], firstRow: rowNo };
      byNo.set(no, h);
      order.push(h);
    } else {
      agree(h, v, rowNo, columns);
    }
    current = h;
    lastRow = rowNo;
    h.members.push(member);
  };

  const agree = (h: ParsedHousehold, v: Record<string, CellValue>, rowNo: number, columns: Map<number, ColumnDef>) => {
    for (const [j, def] of columns) {
      if (!isHouseholdLevel(def) && def.key !== 'village') continue;
      const first = def.key === 'village' ? h.village : def.key === 'groupName' ? h.groupName : (h.values[def.key] ?? null);
      const here = v[def.key] ?? null;
      if (here === null || (Array.isArray(here) && here.length === 0)) continue;
      if (first === null || first === '' || (Array.isArray(first) && first.length === 0)) {
        if (def.key !== 'village' && def.key !== 'groupName') h.values[def.key] = here; // the head's row left it blank
      } else if (!same(here, first)) {
        add(rowNo, labelOf.get(j)!, `户编号${brief(h.no)}的“${labelOf.get(j)!}”在第${h.firstRow}行为“${shown(first)}”，这一行为“${shown(here)}”：前后不一致，采用第${h.firstRow}行的值，请核实。`, 'warning');
      }
    }
  };

  return {
    head,
    get mapping() {
      return mapping;
    },
    push(cells, rowNo) {
      if (!decided) {
        head.rows[rowNo - 1] = cells;
        if (rowNo >= HEADER_SEARCH_ROWS) {
          for (let i = 0; i < head.rows.length; i++) head.rows[i] ??= [];
          decide();
        }
        return;
      }
      if (usable) row(cells, rowNo);
    },
    finish() {
      if (!decided) {
        for (let i = 0; i < head.rows.length; i++) head.rows[i] ??= [];
        decide();
      }
      texts.clear();
      if (!usable) return { sheet: name, township: null, households: [], problems };
      checkHouseholds(order, add);
      return { sheet: name, township, households: order, problems };
    },
  };
}

/** A whole sheet already in memory (tests, the fallback reader). */
export function parseSheet(sheet: SheetRows, today: Date, mapping?: ColumnMapping): ParsedRoster {
  const p = sheetParser(sheet.name, today, mapping);
  sheet.rows.forEach((cells, i) => p.push(cells ?? [], i + 1));
  return p.finish();
}

/** The household-level values of the head's row, into `out` (a record of exactly those keys). */
function householdValues(out: Values, v: Values): Values {
  for (const k in out) out[k] = v[k] ?? null;
  return out;
}

function memberOf(v: Values, own: Values, row: number, today: Date, warn: (column: string, message: string) => void): ParsedMember {
  const name = String(v.name);
  let idNumber = typeof v.idNumber === 'string' ? v.idNumber.replace(/\s/g, '').toUpperCase() : null;
  let gender = typeof v.gender === 'string' ? v.gender : null;
  let birthDate: string | null = typeof v.birthDate === 'string' ? v.birthDate : null;
  if (!idNumber) warn('证件号码', `${brief(name)}没有证件号码，请补录（无证者需户籍部门证明）。`);
  else {
    const id = parseIdNumber(idNumber, today);
    if (id.ok) {
      if (gender && gender !== id.info.gender) warn('性别', `${brief(name)}的性别填为“${gender}”，但证件号码显示为“${id.info.gender}”，已按证件号码记录。`);
      ({ normalized: idNumber, gender, birthDate } = id.info);
    } else warn('证件号码', `${brief(name)}的${id.message}（${maskIdNumber(idNumber)}）。已按原样导入，请核对后改正。`);
  }
  // A member keeps its own columns only: household values live once, on the household.
  for (const k in own) own[k] = v[k] ?? null;
  return { row, name, idNumber, gender, birthDate, relation: typeof v.relation === 'string' ? v.relation : '', values: own };
}

function checkHouseholds(households: ParsedHousehold[], add: (row: number, column: string, message: string, severity?: ImportProblem['severity']) => void): void {
  const idHome = new Map<string, { no: string; row: number }>();
  for (const h of households) {
    if (h.members.length > MAX_MEMBERS) {
      const extra = h.members[MAX_MEMBERS]!;
      add(extra.row, '姓名', `户编号${brief(h.no)}有${h.members.length}人（第${h.firstRow}行起），超过了一户最多${MAX_MEMBERS}人的上限。请核实是否把几户写成了一户，分开户编号后重新导入。`);
    }
    const heads = h.members.filter((m) => m.relation === '户主');
    if (heads.length === 0) add(h.firstRow, '与户主关系', `户编号${brief(h.no)}没有户主（第${h.firstRow}行起的${h.members.length}人中没有“户主”）。请在与户主关系列中标出户主。`);
    if (heads.length > 1) add(heads[1]!.row, '与户主关系', `户编号${brief(h.no)}有${heads.length}名户主（${heads.map((m) => `第${m.row}行${brief(m.name)}`).join('、')}）。一户只能有一个户主。`);
    for (const m of h.members) {
      if (!m.idNumber) continue;
      const seen = idHome.get(m.idNumber);
      if (seen && seen.no === h.no) add(m.row, '证件号码', `${brief(m.name)}在户编号${brief(h.no)}中出现了两次（第${seen.row}行和第${m.row}行，证件号码相同）。请删去重复的一行。`);
      else if (seen) add(m.row, '证件号码', `证件号码${maskIdNumber(m.idNumber)}（${brief(m.name)}）同时出现在户编号${seen.no}（第${seen.row}行）和户编号${brief(h.no)}（第${m.row}行）。同一人只能属于一户，请核实。`);
      else idHome.set(m.idNumber, { no: h.no, row: m.row });
    }
    const declared = h.values.size;
    if (typeof declared === 'number' && declared !== h.members.length) {
      add(h.firstRow, '人数', `户编号${brief(h.no)}的人数填为${declared}，但表中有${h.members.length}人，请核实。`, 'warning');
    }
    checkPerCapita(h, add);
  }
}

/** A file's 人均纯收入 is derived: when the components are there too, the two must agree. */
function checkPerCapita(h: ParsedHousehold, add: (row: number, column: string, message: string, severity?: ImportProblem['severity']) => void): void {
  const given = h.values.perCapita;
  if (typeof given !== 'number') return;
  const parts = INCOME_COLUMNS.filter((c) => c.kind === 'money' && c.key !== 'medicalOutOfPocketFen');
  if (!parts.some((c) => typeof h.values[c.key] === 'number')) return;
  const components = Object.fromEntries(parts.map((c) => [c.key, typeof h.values[c.key] === 'number' ? h.values[c.key] : 0])) as unknown as IncomeComponents;
  const size = typeof h.values.householdSize === 'number' ? h.values.householdSize : h.members.length;
  const computed = computeIncome(components, size).perCapitaFen;
  if (computed !== null && Math.abs(computed - given) > 100) {
    add(h.firstRow, '人均纯收入', `户编号${brief(h.no)}的人均纯收入填为${formatYuan(given)}元，按各项收入和${size}人计算为${formatYuan(computed)}元，请核实（档案按各项收入计算）。`, 'warning');
  }
}
