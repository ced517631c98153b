import { describe, expect, it } from 'vitest';
import type { ImportResultView } from '../../shared/api/index.ts';
import { confirmText, fileRefusal, importSummary, problemRows, refusedText, summaryText } from './import-view.ts';

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
  rejectedBase64: null,
  membersRemoved: 0,
  backupFile: null,
};

describe('import view', () => {
  it('counts errors and warnings and words the summary', () => {
    const s = importSummary(result);
    expect(s).toEqual({ households: 12, members: 40, errors: 2, warnings: 1 });
    expect(summaryText(s)).toBe('12 户 40 人 · 错误 2 处 · 提示 1 条');
    expect(refusedText(s)).toBe('文件有 2 处必须先改正的问题，改正后重新选择文件；档案没有任何改动');
    expect(confirmText(s)).toBe('将导入 12 户 40 人，另有 1 条提示。导入后可在数据检查中继续核对。');
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
