// Refused rows described for a clerk: which table, which record (户编号, name …), which column, why.
import { spellHidden } from '../../shared/fields/limits.ts';
import { maskIdNumber } from '../../shared/mask.ts';
import type { Row, RowProblem } from './rows.ts';
import { tableLabel } from './tables.ts';

export interface Problem {
  table: string;
  row: Row | null;
  problems: RowProblem[];
  /** The 户编号 of the household a member's or income's row belongs to, when known. */
  household?: string;
}

/**
 * Remembers each travelling household's 户编号 (households travel before their members and
 * incomes), so a refused member or income row can name its household.
 */
export class HouseholdNos {
  private readonly nos = new Map<string, string>();
  note(table: string, row: Row): void {
    if (table === 'households' && typeof row.id === 'string' && typeof row.no === 'string') this.nos.set(row.id, row.no.slice(0, 40));
  }
  /** The problem, with its household's 户编号 added where the row has one. */
  of(p: Problem): Problem {
    const id = p.row?.household_id;
    const no = typeof id === 'string' ? this.nos.get(id) : undefined;
    return no === undefined ? p : { ...p, household: no };
  }
}

const COLUMN_LABEL: Record<string, string> = {
  id: '记录编号',
  id_number: '身份证号',
  name: '姓名/名称',
  no: '户编号',
  status: '状态',
  kind: '类型',
  outcome: '结果',
  level: '等级',
  mime: '文件类型',
  original_name: '文件名',
  owner_table: '所属记录类型',
  owner_id: '所属记录',
  sha256: '校验值',
  household_id: '所属农户',
  village_id: '所属行政村',
  township_id: '所属乡镇',
  batch_id: '所属批次',
  step_id: '所属环节',
  helper_id: '帮扶责任人',
  updated_at: '修改时间',
};

export function columnLabel(c: string): string {
  return COLUMN_LABEL[c] ?? (c.endsWith('_fen') ? `金额（${c}）` : c.endsWith('_on') ? `日期（${c}）` : c);
}

function which(p: Problem): string {
  const r = p.row;
  if (!r) return '';
  const s = (k: string) => (typeof r[k] === 'string' ? spellHidden(r[k].slice(0, 40)) + (r[k].length > 40 ? '…' : '') : null);
  const of = p.household === undefined ? '' : `（户编号 ${spellHidden(p.household)}）`;
  if (p.table === 'households' && s('no')) return `户编号 ${s('no')}`;
  if (p.table === 'members' && s('name')) return `${s('name')}${s('id_number') ? `（${maskIdNumber((r.id_number as string).slice(0, 40))}）` : ''}${of}`;
  if (p.table === 'incomes' && of) return `${typeof r.year === 'number' ? `${r.year}年` : ''}${of}`;
  if (p.table === 'attachments' && s('original_name')) return `“${JSON.stringify(s('original_name')).slice(1, -1)}”`;
  if (s('name')) return s('name')!;
  return s('id') ? `编号 ${s('id')}` : '';
}

export function problemLine(p: Problem): string {
  const where = which(p);
  return `${tableLabel(p.table)}${where ? ` ${where}` : ''}：${p.problems.map((x) => (x.why.startsWith(x.label ?? columnLabel(x.column)) ? x.why : `${columnLabel(x.column)}${x.why}`)).join('；')}`;
}

export function describeProblems(ps: readonly Problem[], max = 50): string[] {
  const lines = ps.slice(0, max).map(problemLine);
  if (ps.length > max) lines.push(`……另有 ${ps.length - max} 条`);
  return lines;
}
