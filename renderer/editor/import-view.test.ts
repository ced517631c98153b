import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResultView } from '../../shared/api/index.ts';
import { canSkipRejected, confirmText, doneItems, fileRefusal, importSummary, problemRows, refusalReason, refusedText, rejectedFileName, sheetLevelErrors, stepIndex, summaryText } from './import-view.ts';

const result: ImportResultView = {
  fileName: '花名册.xlsx',
  applied: false,
  refused: true,
  households: 12,
  members: 40,
  problems: [
    { sheet: 'Sheet1', row: 3, column: 'D', message: '身份证号校验位不对', severity: 'error' },
    { sheet: 'Sheet1', row: 5, column: 'F', message: '缺少联系电话', severity: 'warning' },
    { sheet: 'Sheet1', row: 9, column: 'B', message: '户编号重复', severity: 'error' },
  ],
  columns: [],
  preview: null,
  rejected: 0,
  rejectedBase64: 'UEs=',
  membersRemoved: 0,
  backupFile: null,
  planStamp: null,
  quality: null,
};

const preview: ImportPreview = {
  added: 2,
  updated: 3,
  unchanged: 295,
  notInFile: [{ no: '5137220001000300', head: '王五' }],
  membersAdded: 1,
  membersChanged: 2,
  membersMissing: 4,
  addedList: [],
  changes: [],
};

const clean: ImportResultView = { ...result, refused: false, problems: [result.problems[1]!], rejectedBase64: null, preview };

describe('import view texts', () => {
  it('counts errors and warnings and words the summary', () => {
    const s = importSummary(result);
    expect(s).toEqual({ households: 12, members: 40, errors: 2, warnings: 1 });
    expect(summaryText(s)).toBe('12 户 40 人 · 错误 2 处 · 提示 1 条');
    expect(refusedText(s)).toBe('文件有 2 处必须先改正的问题，改正后重新选择文件；档案没有任何改动');
  });

  it('says before importing what will be added, updated and done with the members no longer listed', () => {
    expect(confirmText(clean)).toBe('将新增 2 户、更新 3 户（无变化 295 户）；不在新名单的 4 人保持不变。另有 1 条提示，导入后可在数据检查中继续核对。导入前会先备份档案。');
    expect(confirmText(clean, { removeMissing: true, skipRejected: false })).toMatch(/不在新名单的 4 人将标记为转出/);
    expect(confirmText({ ...clean, problems: [], preview: { ...preview, membersMissing: 0 } })).toBe('将新增 2 户、更新 3 户（无变化 295 户）。导入前会先备份档案。');
    expect(confirmText(result, { removeMissing: false, skipRejected: true })).toMatch(/^有问题的户不导入/);
  });

  it('summarises a finished import: counts, members marked as left or kept, households left out', () => {
    const done = { ...clean, applied: true, membersRemoved: 0, rejected: 1 };
    expect(doneItems(done).map((i) => `${i.label}=${i.value}`)).toEqual([
      '新增=2 户',
      '更新=3 户',
      '无变化=295 户',
      '新增成员=1 人',
      '标记转出=0 人',
      '不在新名单但保留=4 人',
      '文件中没有（保持不变）=1 户',
      '有问题未导入=1 户',
      '提示=1 条（可在数据检查中核对）',
    ]);
    const removed = doneItems({ ...done, membersRemoved: 4, rejected: 0, problems: [] }).map((i) => i.key);
    expect(removed).toContain('removed');
    expect(removed).not.toContain('kept');
    expect(removed).not.toContain('rejected');
    const first = doneItems({ ...done, preview: { ...preview, updated: 0, unchanged: 0, notInFile: [], membersMissing: 0 }, rejected: 0, problems: [] });
    expect(first.map((i) => i.key)).toEqual(['added', 'updated', 'unchanged', 'membersAdded']);
  });

  it('names the workbook of rejected rows after the file', () => {
    expect(rejectedFileName('花名册.xlsx')).toBe('待改正-花名册.xlsx');
    expect(rejectedFileName('C:\\导出\\青山镇.XLSX')).toBe('待改正-青山镇.xlsx');
    expect(rejectedFileName('.xlsx')).toBe('待改正-花名册.xlsx');
  });

  it('offers importing the households without errors only when the errors are in single households', () => {
    expect(canSkipRejected(result)).toBe(true);
    expect(refusalReason(result)).toMatch(/^文件有 2 处必须先改正的问题，档案没有任何改动。可以保存有问题的行/);
    const missingColumn = { ...result, problems: [{ sheet: '花名册', row: 3, column: '', message: '缺少必需的列“证件号码”。请检查表头（第3行）。', severity: 'error' as const }, ...result.problems] };
    expect(sheetLevelErrors(missingColumn.problems)).toHaveLength(1);
    expect(canSkipRejected(missingColumn)).toBe(false);
    expect(refusalReason(missingColumn)).toBe('文件不能导入：缺少必需的列“证件号码”。请检查表头（第3行）。档案没有任何改动。');
    expect(canSkipRejected({ ...result, rejectedBase64: null })).toBe(false);
    expect(canSkipRejected(clean)).toBe(false);
  });

  it('orders the steps', () => {
    expect(['pick', 'columns', 'preview', 'import', 'done'].map((k) => stepIndex(k as Parameters<typeof stepIndex>[0]))).toEqual([0, 1, 2, 3, 4]);
  });

  it('filters problems by level and keeps stable keys', () => {
    expect(problemRows(result.problems, 'all').map((r) => r.key)).toEqual([0, 1, 2]);
    expect(problemRows(result.problems, 'error').map((r) => r.row)).toEqual([3, 9]);
    expect(problemRows(result.problems, 'warning')).toEqual([{ ...result.problems[1], key: 1 }]);
  });

  it('refuses files that are too big, empty or not .xlsx before reading them', () => {
    expect(fileRefusal({ name: 'a.XLSX', size: 10 })).toBeNull();
    expect(fileRefusal({ name: 'a.xlsx', size: 11 }, 10)).toMatch(/太大/);
    expect(fileRefusal({ name: 'a.xlsx', size: 0 })).toMatch(/空文件/);
    expect(fileRefusal({ name: 'a.xls', size: 10 })).toMatch(/不是 \.xlsx/);
  });
});
