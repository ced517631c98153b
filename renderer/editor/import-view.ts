// 导入花名册: the pure parts of the import screen — the steps, counts for the summary, the texts
// shown to the clerk, the size check before reading the file, the level filter of the problem
// table, and what the clerk may do with a refused file.
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

export interface ApplyChoice {
  removeMissing: boolean;
  skipRejected: boolean;
}

/** The question before writing: what will happen, in one or two sentences. */
export function confirmText(r: ImportResultView, choice: ApplyChoice = { removeMissing: false, skipRejected: false }): string {
  const s = importSummary(r);
  if (choice.skipRejected) return `有问题的户不导入（已另存为“待改正”工作簿），其余的户导入档案。导入前会先备份档案。`;
  const p = r.preview;
  const what = p ? `新增 ${p.added} 户、更新 ${p.updated} 户（无变化 ${p.unchanged} 户）` : `导入 ${s.households} 户 ${s.members} 人`;
  const removal = p && p.membersMissing > 0 ? (choice.removeMissing ? `；不在新名单的 ${p.membersMissing} 人将标记为转出` : `；不在新名单的 ${p.membersMissing} 人保持不变`) : '';
  const warn = s.warnings > 0 ? `另有 ${s.warnings} 条提示，导入后可在数据检查中继续核对。` : '';
  return `将${what}${removal}。${warn}导入前会先备份档案。`;
}

export function appliedText(r: ImportResultView): string {
  return `已导入 ${r.households} 户 ${r.members} 人`;
}

export interface DoneItem {
  key: string;
  label: string;
  value: string;
}

/** The summary after an import. */
export function doneItems(r: ImportResultView): DoneItem[] {
  const p = r.preview;
  const items: DoneItem[] = [];
  if (p) {
    items.push({ key: 'added', label: '新增', value: `${p.added} 户` });
    items.push({ key: 'updated', label: '更新', value: `${p.updated} 户` });
    items.push({ key: 'unchanged', label: '无变化', value: `${p.unchanged} 户` });
    if (p.membersAdded > 0) items.push({ key: 'membersAdded', label: '新增成员', value: `${p.membersAdded} 人` });
  }
  if (r.membersRemoved > 0 || (p && p.membersMissing > 0)) items.push({ key: 'removed', label: '标记转出', value: `${r.membersRemoved} 人` });
  if (p && p.membersMissing > r.membersRemoved) items.push({ key: 'kept', label: '不在新名单但保留', value: `${p.membersMissing - r.membersRemoved} 人` });
  if (p && p.notInFile.length > 0) items.push({ key: 'notInFile', label: '文件中没有（保持不变）', value: `${p.notInFile.length} 户` });
  if (r.rejected > 0) items.push({ key: 'rejected', label: '有问题未导入', value: `${r.rejected} 户` });
  const warnings = importSummary(r).warnings;
  if (warnings > 0) items.push({ key: 'warnings', label: '提示', value: `${warnings} 条（可在数据检查中核对）` });
  return items;
}

/** The name the rejected rows are saved under: 待改正-<the file>.xlsx. */
export function rejectedFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.xlsx$/i, '') || '花名册';
  return `待改正-${base}.xlsx`;
}

/** Errors that concern the whole sheet (no header, a required column missing): nothing can be imported. */
export function sheetLevelErrors(problems: readonly ImportProblemView[]): ImportProblemView[] {
  return problems.filter((p) => p.severity === 'error' && (p.row === 0 || p.column === ''));
}

/** A refused file whose errors are in single households: the others may be imported. */
export function canSkipRejected(r: ImportResultView): boolean {
  const s = importSummary(r);
  return r.refused && s.errors > 0 && r.rejectedBase64 !== null && sheetLevelErrors(r.problems).length === 0 && r.households > 0;
}

/** Why the file is refused, in one sentence above the problem list. */
export function refusalReason(r: ImportResultView): string {
  const s = importSummary(r);
  const sheet = sheetLevelErrors(r.problems);
  if (sheet.length > 0) return `文件不能导入：${sheet[0]!.message}${sheet.length > 1 ? `（另有 ${sheet.length - 1} 处同类问题）` : ''}档案没有任何改动。`;
  return `文件有 ${s.errors} 处必须先改正的问题，档案没有任何改动。可以保存有问题的行，改正后再导入；也可以只导入没有问题的户。`;
}

export type StepKey = 'pick' | 'columns' | 'preview' | 'import' | 'done';

export const STEPS: { key: StepKey; title: string }[] = [
  { key: 'pick', title: '选择文件' },
  { key: 'columns', title: '核对列' },
  { key: 'preview', title: '预览' },
  { key: 'import', title: '导入' },
  { key: 'done', title: '完成' },
];

export const stepIndex = (k: StepKey): number => STEPS.findIndex((s) => s.key === k);

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
