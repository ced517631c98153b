// Reading one cell by its column's kind: value lists by label (unknown labels kept as written,
// with a warning), numbers (with a range check), yes/no, months, money in 元 → 分.
import { CODE_LISTS, matchCode } from '../../shared/code-lists/index.ts';
import type { CodeCategory } from '../../shared/code-lists/index.ts';
import type { ColumnDef } from './columns.ts';

export type CellValue = string | number | boolean | string[] | null;

export interface CellResult {
  value: CellValue;
  warning?: string;
  /** The cell cannot be taken as it is (the import is refused, the row named). */
  error?: string;
}

// TRUE/FALSE: a logical cell (Excel's 是/否 checkboxes and formulas such as =B2>0).
const YES = new Set(['是', '有', 'Y', 'y', '1', '√', '参加', '已参加', '享受', '已消除', 'true', 'TRUE']);
const NO = new Set(['否', '无', 'N', 'n', '0', '×', '未参加', '不参加', '不享受', '未消除', 'false', 'FALSE']);

/**
 * A long number as Excel stored it in a number cell (workbook.ts writes those of 16 digits or
 * more as 5.13722195007085E+17) or as a clerk copied Excel's display of one: Excel keeps 15
 * significant digits, so the last digits of an ID, 户编号 or account number are gone.
 */
const ROUNDED = /^\d(?:\.\d+)?E\+(1[5-9]|[2-9]\d)$/i;

function rounded(def: ColumnDef, text: string): CellResult {
  return {
    value: null,
    error: `“${def.label}”这一格是数字 ${text}：Excel 对超过15位的数字只保留前15位，后几位会变成0，原来的号码无法还原。请从原系统重新导出（号码列须为文本），或在 Excel 中把这一列设为“文本”格式后重新填写号码，然后再导入`,
  };
}

/** Written by hand or kept from a CSV: '513722… (Excel's text marker typed into the cell). */
const APOSTROPHE = /^['‘’`](?=[\d０-９])/;

function code(category: CodeCategory, text: string): CellResult {
  const hit = matchCode(category, text);
  if (hit) return { value: hit.label };
  return { value: text, warning: `“${text}”不在${CODE_LISTS[category].title}的值列表中，已按原样保留` };
}

/**
 * A date cell arrives from the streaming reader (which skips styles) as Excel's day number:
 * 44270 is 2021-03-15. Five-digit numbers in a date or month column are read that way.
 */
function fromSerial(text: string): string | null {
  if (!/^\d{5}(\.\d+)?$/.test(text)) return null;
  const n = Math.floor(Number(text));
  if (n < 18264 || n > 73051) return null; // 1950 … 2100
  return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
}

/** YYYYMM from 202103, 2021-03, 2021/3, 2021年3月, 2021-03-15 or a date cell. */
function month(raw: string): CellResult {
  const text = fromSerial(raw) ?? raw;
  const m = /^(\d{4})\s*(?:年|[-/.])?\s*(\d{1,2})(?:\s*月)?(?:[-/.]\d{1,2}(?:日)?)?$/.exec(text);
  const mm = m ? Number(m[2]) : 0;
  if (!m || mm < 1 || mm > 12) return { value: null, warning: `“${text}”不是年月（应写成 202103 或 2021年3月），已忽略` };
  return { value: `${m[1]}${String(mm).padStart(2, '0')}` };
}

function day(raw: string): CellResult {
  const text = fromSerial(raw) ?? raw;
  const m = /^(\d{4})\s*(?:年|[-/.])?\s*(\d{1,2})\s*(?:月|[-/.])?\s*(\d{1,2})\s*日?$/.exec(text);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : '';
  const d = new Date(`${iso}T00:00:00Z`);
  if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return { value: null, warning: `“${text}”不是日期（应写成 2021-03-15），已忽略` };
  return { value: iso };
}

/** Full-width digits and signs (１２３．５) as ASCII. */
const halfWidth = (s: string): string => s.replace(/[０-９．－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * A number as clerks write one: thousands separators, a unit (元, 亩, 平方米, 个月 …), a currency
 * sign, full-width digits, and accounting's negative in parentheses: (1,200.00) is −1200.
 */
function parseNumber(text: string): number {
  let t = halfWidth(text).replace(/[,，\s]/g, '').replace(/^[¥￥]/, '').replace(/(元|亩|平方米|㎡|个月|月|人|年|公里|km)$/i, '');
  let sign = 1;
  const paren = /^[(（](.*)[)）]$/.exec(t);
  if (paren) {
    sign = -1;
    t = paren[1]!;
  }
  return t === '' ? NaN : sign * Number(t);
}

/** A year from 2019, 2019年, 2019.12, 201912, 2019年12月, 2019-12-31 or a date cell. */
function year(raw: string, def: ColumnDef): CellResult {
  const text = fromSerial(raw) ?? halfWidth(raw);
  const m = /^(\d{4})(?:\.0+)?\s*(?:年)?(?:\s*[-/.]?\s*(\d{1,2})\s*(?:月)?(?:\s*[-/.]?\s*(\d{1,2})\s*日?)?)?$/.exec(text);
  const mm = m?.[2] === undefined ? 1 : Number(m[2]);
  if (!m || mm < 1 || mm > 12) return { value: null, warning: `“${raw}”不是年份（应写成 2019 或 2019年），已忽略` };
  const n = Number(m[1]);
  if (def.range && (n < def.range[0] || n > def.range[1])) return { value: n, warning: `“${raw}”超出了合理范围（${def.range[0]}～${def.range[1]}），已按原样导入，请核实` };
  return { value: n };
}

function number(text: string, def: ColumnDef, parse: (n: number) => number | null, what: string): CellResult {
  const n = parseNumber(text);
  const value = Number.isFinite(n) ? parse(n) : null;
  if (value === null) return { value: null, warning: `“${text}”不是${what}，已忽略` };
  if (def.range && (n < def.range[0] || n > def.range[1])) {
    return { value, warning: `“${text}”超出了合理范围（${def.range[0]}～${def.range[1]}），已按原样导入，请核实` };
  }
  return { value };
}

const CACHE_LIMIT = 5000;
const cache = new WeakMap<ColumnDef, Map<string, CellResult>>();

/** Value-list cells repeat a handful of labels thousands of times: each is matched once. */
export function readCell(def: ColumnDef, raw: string): CellResult {
  if (typeof def.kind !== 'object') return readCellUncached(def, raw);
  let seen = cache.get(def);
  if (!seen) cache.set(def, (seen = new Map<string, CellResult>()));
  let r = seen.get(raw);
  if (!r) {
    r = readCellUncached(def, raw);
    if (seen.size < CACHE_LIMIT) seen.set(raw, r);
  }
  return Array.isArray(r.value) ? { ...r, value: [...r.value] } : r;
}

function readCellUncached(def: ColumnDef, raw: string): CellResult {
  const text = raw.trim().replace(APOSTROPHE, '');
  if (text === '') return { value: null };
  const kind = def.kind;
  const numeric = kind === 'int' || kind === 'year' || kind === 'decimal' || kind === 'money';
  if (!numeric && ROUNDED.test(text)) return rounded(def, text);
  // An account number is kept without spaces, as the editor keeps it (shared/fields/input.ts).
  if (def.limited.mask === 'bank') return { value: text.replace(/\s/g, '') };
  if (kind === 'text' || kind === 'id') return { value: text };
  if (kind === 'int') return number(text, def, (n) => (Number.isInteger(n) ? n : null), '整数');
  if (kind === 'year') return year(text, def);
  if (kind === 'decimal') return number(text, def, (n) => n, '数字');
  if (kind === 'money') return number(text, def, (n) => Math.round(n * 100), '金额');
  if (kind === 'month') return month(text);
  if (kind === 'date') return day(text);
  if (kind === 'flag') {
    if (YES.has(text)) return { value: true };
    if (NO.has(text)) return { value: false };
    return { value: null, warning: `“${text}”应为“是”或“否”，已忽略` };
  }
  if ('code' in kind) return code(kind.code, text);
  const parts = text.split(/[、，,;；\s]+/).filter(Boolean);
  const labels: string[] = [];
  const warnings: string[] = [];
  for (const p of parts) {
    const r = code(kind.codes, p);
    if (typeof r.value === 'string' && !labels.includes(r.value)) labels.push(r.value);
    if (r.warning) warnings.push(r.warning);
  }
  // More labels than the field takes: refused by the field's limit (limits.ts), as the editor does.
  return warnings.length ? { value: labels, warning: warnings.join('；') } : { value: labels };
}
