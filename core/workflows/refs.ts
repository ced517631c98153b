// Finding records by what a person types on the command line: households by 户编号, villages
// by code or name, batches and objections by their id or its first characters.
import type { ReadDb } from '../../db/handles.ts';
import { householdsByNo } from '../../db/repos/household-briefs.ts';
import { villagesInOrder } from '../../db/repos/villages.ts';
import { idsByPrefix } from '../../db/repos/workflow-batches.ts';
import { UserError } from '../../shared/errors.ts';

const splitList = (s: string): string[] =>
  s
    .split(/[,，、\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export { splitList };

export function householdIdsByNo(db: ReadDb, nos: readonly string[]): string[] {
  const byNo = new Map(householdsByNo(db, nos).map((r) => [r.no, r.id]));
  const missing = nos.filter((n) => !byNo.has(n));
  if (missing.length) throw new UserError(`户编号 ${missing.join('、')} 不在档案中：请核对户编号（可在农户列表中查到）。`);
  return nos.map((n) => byNo.get(n)!);
}

export function villageIdsByCode(db: ReadDb, refs: readonly string[]): string[] {
  const rows = villagesInOrder(db);
  return refs.map((ref) => {
    const v = rows.find((r) => r.code === ref) ?? rows.find((r) => r.name === ref);
    if (!v) throw new UserError(`行政村“${ref}”不在档案中：请填写12位村代码或村名（可用 stats 查看各村）。`);
    return v.id;
  });
}

/** A record id from the whole id or its first characters (at least 4), as printed by list commands. */
function byPrefix(db: ReadDb, table: 'batches' | 'objections', ref: string, what: string, where: string): string {
  const t = ref.trim().toLowerCase();
  if (t.length < 4) throw new UserError(`${what}编号“${ref}”太短：请至少填写前4位（如 list 命令显示的编号）。`, { kind: 'usage' });
  const rows = idsByPrefix(db, table, t);
  if (rows.includes(t)) return t;
  if (rows.length === 0) throw new UserError(`找不到编号为“${ref}”的${what}：请核对编号（${where}）。`);
  if (rows.length > 1) throw new UserError(`编号“${ref}”对应不止一个${what}：请多填几位。`, { kind: 'usage' });
  return rows[0]!;
}

export const batchIdOf = (db: ReadDb, ref: string): string => byPrefix(db, 'batches', ref, '批次', 'batch list 命令或“程序”页面列出各批次的编号');
export const objectionIdOf = (db: ReadDb, ref: string): string => byPrefix(db, 'objections', ref, '异议', 'batch show 命令或批次页面列出各条异议的编号');

/** A step by number or by its code or label within the batch's kind. */
export function stepSeqOf(steps: readonly { seq: number; code: string; label: string }[], ref: string): number {
  const t = ref.trim();
  const s = /^\d+$/.test(t) ? steps.find((x) => x.seq === Number(t)) : steps.find((x) => x.code === t || x.label === t);
  if (!s) throw new UserError(`环节“${ref}”不在这个批次中：可填 ${steps.map((x) => `${x.seq}（${x.label}）`).join('、')}。`, { kind: 'usage' });
  return s.seq;
}
