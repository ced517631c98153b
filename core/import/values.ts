// Reading one cell by its column's kind: value lists by label (unknown labels kept as written,
// with a warning), numbers, yes/no, money in 元 → 分.
import { matchCode } from '../../shared/code-lists/index.ts';
import { CODE_LISTS } from '../../shared/code-lists/index.ts';
import type { ColumnDef } from './columns.ts';

export type CellValue = string | number | boolean | null;

export interface CellResult {
  value: CellValue;
  warning?: string;
}

const YES = new Set(['是', '有', 'Y', 'y', '1', '√', '参加', '已参加']);
const NO = new Set(['否', '无', 'N', 'n', '0', '×', '未参加', '不参加']);

export function readCell(def: ColumnDef, raw: string): CellResult {
  const text = raw.trim();
  if (text === '') return { value: null };
  const kind = def.kind;
  if (kind === 'text' || kind === 'id') return { value: text };
  if (kind === 'int') {
    const n = Number(text);
    return Number.isInteger(n) ? { value: n } : { value: null, warning: `“${text}”不是整数，已忽略` };
  }
  if (kind === 'money') {
    const n = Number(text.replace(/[,，元\s]/g, ''));
    return Number.isFinite(n) ? { value: Math.round(n * 100) } : { value: null, warning: `“${text}”不是金额，已忽略` };
  }
  if (kind === 'flag') {
    if (YES.has(text)) return { value: true };
    if (NO.has(text)) return { value: false };
    return { value: null, warning: `“${text}”应为“是”或“否”，已忽略` };
  }
  const hit = matchCode(kind.code, text);
  if (hit) return { value: hit.label };
  return { value: text, warning: `“${text}”不在${CODE_LISTS[kind.code].title}的值列表中，已按原样保留` };
}
