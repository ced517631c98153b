// 预览: what an import would do to the archive, as the preview step shows it — the counts, one
// row per changed household (with a one-line summary and its details: each field before →
// after, members added / changed / no longer listed), and the households the file no longer has.
import type { FieldChangeView, ImportPreview, ImportResultView } from '../../shared/api/index.ts';

export interface CountItem {
  key: string;
  label: string;
  value: number;
  unit: '户' | '人';
  /** Worth the clerk's attention (shown in colour when above zero). */
  attention?: boolean;
}

/** The archive already holds some of the file's households (or households the file lacks). */
export function isReimport(p: ImportPreview): boolean {
  return p.updated + p.unchanged + p.notInFile.length > 0;
}

/** The counts above the preview: a first import has only new households and members. */
export function previewCounts(p: ImportPreview): CountItem[] {
  if (!isReimport(p)) {
    return [
      { key: 'added', label: '新增', value: p.added, unit: '户' },
      { key: 'membersAdded', label: '新增成员', value: p.membersAdded, unit: '人' },
    ];
  }
  return [
    { key: 'added', label: '新增', value: p.added, unit: '户' },
    { key: 'updated', label: '有变更', value: p.updated, unit: '户', attention: true },
    { key: 'unchanged', label: '无变化', value: p.unchanged, unit: '户' },
    { key: 'notInFile', label: '文件中没有', value: p.notInFile.length, unit: '户', attention: true },
    { key: 'membersAdded', label: '新增成员', value: p.membersAdded, unit: '人' },
    { key: 'membersChanged', label: '成员信息变更', value: p.membersChanged, unit: '人', attention: true },
    { key: 'membersMissing', label: '不在新名单的成员', value: p.membersMissing, unit: '人', attention: true },
  ];
}

/** A value as shown in a before → after line: an empty value is written out. */
export function shownValue(v: string): string {
  return v.trim() === '' ? '（空）' : v;
}

export interface ChangeLine {
  key: string;
  /** 基本情况 (the household's fields), or the member's name. */
  who: string;
  label: string;
  before: string;
  after: string;
}

export interface ChangeRow {
  key: string;
  no: string;
  head: string;
  /** One line: 3 项信息变更；新增成员 1 人 … */
  summary: string;
  fields: ChangeLine[];
  membersAdded: string[];
  membersMissing: string[];
}

const lines = (who: string, prefix: string, changes: readonly FieldChangeView[]): ChangeLine[] =>
  changes.map((c, i) => ({ key: `${prefix}:${c.field}:${i}`, who, label: c.label, before: shownValue(c.before), after: shownValue(c.after) }));

export function changeSummary(c: ImportPreview['changes'][number]): string {
  const parts: string[] = [];
  if (c.fields.length) parts.push(`户信息 ${c.fields.length} 项变更`);
  if (c.membersAdded.length) parts.push(`新增成员 ${c.membersAdded.length} 人`);
  if (c.membersChanged.length) parts.push(`成员信息变更 ${c.membersChanged.length} 人`);
  if (c.membersMissing.length) parts.push(`不在新名单 ${c.membersMissing.length} 人`);
  return parts.join('；') || '有变更';
}

/** One row per changed household; the details are the field lines (household first, then each member). */
export function changeRows(p: ImportPreview): ChangeRow[] {
  return p.changes.map((c) => ({
    key: c.no,
    no: c.no,
    head: c.head,
    summary: changeSummary(c),
    fields: [...lines('户信息', 'h', c.fields), ...c.membersChanged.flatMap((m, i) => lines(m.name, `m${i}`, m.changes))],
    membersAdded: c.membersAdded,
    membersMissing: c.membersMissing,
  }));
}

/** The preview lists only the first changed households (the API's limit): say so. */
export function changesNote(p: ImportPreview): string | null {
  return p.updated > p.changes.length ? `有变更的共 ${p.updated} 户，下表列出前 ${p.changes.length} 户。` : null;
}

/** Households whose rows match the search (户编号, 户主 or a name in the details). */
export function filterChangeRows(rows: readonly ChangeRow[], search: string): ChangeRow[] {
  const q = search.trim();
  if (!q) return [...rows];
  return rows.filter((r) => r.no.includes(q) || r.head.includes(q) || r.fields.some((f) => f.who.includes(q)) || r.membersAdded.some((n) => n.includes(q)) || r.membersMissing.some((n) => n.includes(q)));
}

/** The warning beside the 转出 checkbox. */
export function removeMissingText(n: number, checked: boolean): string {
  return checked
    ? `将把这 ${n} 人标记为“其他转出”：他们不再计入家庭人口，但记录仍保留在档案中，可以在修改记录中查到。请确认他们确实已经迁出、死亡或不再属于该户。`
    : `这 ${n} 人在档案中有、新文件中没有。不勾选时他们保持不变，只在此列出；确认他们已不属于该户时才勾选。`;
}

export function notInFileText(n: number): string {
  return `档案中有、新文件中没有的 ${n} 户保持不变（不会删除）。请核实这些户是否已销户、迁出，或被漏导出。`;
}

/** The tab of the preview that opens first: the changes, else the problems, else the households the file lacks. */
export function firstPreviewTab(r: Pick<ImportResultView, 'preview' | 'problems'>): 'changes' | 'problems' | 'notInFile' {
  if (r.preview && r.preview.updated > 0) return 'changes';
  if (r.problems.length === 0 && r.preview && r.preview.notInFile.length > 0) return 'notInFile';
  return 'problems';
}
