// 导入花名册: the pure parts of the import screen — counts for the summary, the texts shown
// to the clerk, the size check before reading the file, and the level filter of the problem table.
import type { ImportProblemView, ImportResultView } from '../../shared/api/index.ts';
import { MAX_IMPORT_BYTES } from '../../shared/api/index.ts';

export type LevelFilter = 'all' | ImportProblemView['severity'];

export const LEVEL_TAGS: Record<ImportProblemView['severity'], { label: string; color: string }> = {
  error: { label: '错误', color: 'red' },
  warning: { label: '提示', color: 'orange' },
};

export interface ImportSummary {
  households: number;
  members: number;
  errors: number;
  warnings: number;
}

export interface ProblemRow extends ImportProblemView {
  key: number;
}

export function importSummary(r: ImportResultView): ImportSummary {
  let errors = 0;
  for (const p of r.problems) if (p.severity === 'error') errors++;
  return { households: r.households, members: r.members, errors, warnings: r.problems.length - errors };
}

export function summaryText(s: ImportSummary): string {
  return `${s.households} 户 ${s.members} 人 · 错误 ${s.errors} 处 · 提示 ${s.warnings} 条`;
}

export function refusedText(s: ImportSummary): string {
  return `文件有 ${s.errors} 处必须先改正的问题，改正后重新选择文件；档案没有任何改动`;
}

export function confirmText(s: ImportSummary): string {
  return `将导入 ${s.households} 户 ${s.members} 人，另有 ${s.warnings} 条提示。导入后可在数据检查中继续核对。`;
}

export function appliedText(r: ImportResultView): string {
  return `已导入 ${r.households} 户 ${r.members} 人`;
}

/** Null when the file may be read; otherwise why not (checked before reading it). */
export function fileRefusal(file: { name: string; size: number }, max = MAX_IMPORT_BYTES): string | null {
  if (!/\.xlsx$/i.test(file.name)) return `“${file.name}”不是 .xlsx 文件：请选择国家系统导出的花名册（.xlsx）。`;
  if (file.size === 0) return `“${file.name}”是空文件，请重新选择。`;
  if (file.size > max) return `文件“${file.name}”太大：一次导入的文件不能超过${Math.floor(max / 1024 / 1024)}MB，请分村导出后分别导入。`;
  return null;
}

/** The problems at the chosen level, keyed for the table (in the order the archive listed them). */
export function problemRows(problems: readonly ImportProblemView[], level: LevelFilter): ProblemRow[] {
  const rows: ProblemRow[] = [];
  problems.forEach((p, i) => {
    if (level === 'all' || p.severity === level) rows.push({ ...p, key: i });
  });
  return rows;
}
