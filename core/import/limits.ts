// A cell against the limits the editor applies (the field catalogue's, shared/fields/limits.ts):
// what the editor would refuse to save the import refuses too, naming the cell and what to do.
// Numbers are held to the editor's hard range (an income below 0, a 家庭人口数 over 30): the
// warning range only warns (values.ts).
import { spellHidden, valueLimitIssue } from '../../shared/fields/limits.ts';
import type { LimitIssue } from '../../shared/fields/limits.ts';
import type { ColumnDef } from './columns.ts';
import type { CellValue } from './values.ts';

const SHOWN = 20;

/** The start of a value as a clerk can read it: hidden characters spelled out, long text cut. */
function preview(text: string): string {
  return spellHidden(text.slice(0, SHOWN)) + (text.length > SHOWN ? '…' : '');
}

/** A name or number inside a message: hidden characters spelled out, a long one cut. */
export function brief(text: string): string {
  return preview(text);
}

function what(issue: LimitIssue, text: string): string {
  if (issue.rule === 'length') return `这一格有${text.length}个字，请删短`;
  if (issue.rule === 'chars') return `这一格写的是“${preview(text)}”，多半是从别处复制来的，请删去这个字符`;
  if (issue.rule === 'count') return `这一格写的是“${preview(text)}”，请只留下最主要的几项`;
  return `这一格写的是“${preview(text)}”，请改正`;
}

/** Null when the cell may be stored; otherwise the problem's message (`raw`: the cell as written). */
export function cellLimitProblem(def: ColumnDef, value: CellValue, raw: string): string | null {
  if (value === null || typeof value === 'boolean') return null;
  const issue = valueLimitIssue(def.limited, value);
  if (!issue) return null;
  const text = typeof value === 'number' ? raw.trim() : Array.isArray(value) ? value.join('、') : value;
  return `${issue.message}：${what(issue, text)}，然后重新导入。`;
}
