import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/api/index.ts';
import { changeRows, changeSummary, changesNote, filterChangeRows, firstPreviewTab, isReimport, notInFileText, previewCounts, removeMissingText, shownValue } from './import-preview.ts';

const preview: ImportPreview = {
  added: 1,
  updated: 3,
  unchanged: 296,
  notInFile: [],
  membersAdded: 1,
  membersChanged: 1,
  membersMissing: 1,
  addedList: [],
  changes: [
    {
      no: '5137220001000001',
      head: '牛鹏建',
      fields: [{ field: 'phone', label: '联系电话', before: '17747519029', after: '13800000000' }],
      membersAdded: ['牛小花'],
      membersChanged: [{ name: '余爱英', changes: [{ field: 'education', label: '文化程度', before: '初中', after: '' }] }],
      membersMissing: ['牛莲'],
    },
    { no: '5137220001000002', head: '张三', fields: [{ field: 'attribute', label: '贫困户属性', before: '一般贫困户', after: '低保贫困户' }], membersAdded: [], membersChanged: [], membersMissing: [] },
  ],
};

describe('import preview', () => {
  it('lists the counts, the ones to look at marked', () => {
    expect(previewCounts(preview).map((c) => `${c.label} ${c.value}${c.unit}${c.attention ? '!' : ''}`)).toEqual([
      '新增 1户',
      '有变更 3户!',
      '无变化 296户',
      '文件中没有 0户!',
      '新增成员 1人',
      '成员信息变更 1人!',
      '不在新名单的成员 1人!',
    ]);
    expect(isReimport(preview)).toBe(true);
    const first: ImportPreview = { added: 300, updated: 0, unchanged: 0, notInFile: [], membersAdded: 1078, membersChanged: 0, membersMissing: 0, addedList: [], changes: [] };
    expect(isReimport(first)).toBe(false);
    expect(previewCounts(first).map((c) => `${c.label} ${c.value}${c.unit}`)).toEqual(['新增 300户', '新增成员 1078人']);
    expect(isReimport({ ...first, notInFile: [{ no: '1', head: '王五' }] })).toBe(true);
  });

  it('gives one row per changed household with its fields before → after, household first then members', () => {
    const rows = changeRows(preview);
    expect(rows.map((r) => r.summary)).toEqual(['户信息 1 项变更；新增成员 1 人；成员信息变更 1 人；不在新名单 1 人', '户信息 1 项变更']);
    expect(rows[0]!.fields.map((f) => `${f.who}·${f.label}：${f.before} → ${f.after}`)).toEqual(['户信息·联系电话：17747519029 → 13800000000', '余爱英·文化程度：初中 → （空）']);
    expect(new Set(rows[0]!.fields.map((f) => f.key)).size).toBe(2);
    expect(rows[0]).toMatchObject({ membersAdded: ['牛小花'], membersMissing: ['牛莲'] });
    expect(changeSummary({ ...preview.changes[1]!, fields: [] })).toBe('有变更');
  });

  it('opens the changes first, else the problems, else the households the file lacks', () => {
    const warning = { sheet: '花名册', row: 4, column: '人数', message: '人数不符', severity: 'warning' as const };
    expect(firstPreviewTab({ preview, problems: [warning] })).toBe('changes');
    const none = { ...preview, updated: 0, changes: [] };
    expect(firstPreviewTab({ preview: none, problems: [warning] })).toBe('problems');
    expect(firstPreviewTab({ preview: { ...none, notInFile: [{ no: '1', head: '王五' }] }, problems: [] })).toBe('notInFile');
    expect(firstPreviewTab({ preview: null, problems: [] })).toBe('problems');
  });

  it('says when only the first changed households are listed', () => {
    expect(changesNote(preview)).toBe('有变更的共 3 户，下表列出前 2 户。');
    expect(changesNote({ ...preview, updated: 2 })).toBeNull();
  });

  it('finds changed households by 户编号, 户主 or a member’s name', () => {
    const rows = changeRows(preview);
    expect(filterChangeRows(rows, ' ').map((r) => r.head)).toEqual(['牛鹏建', '张三']);
    expect(filterChangeRows(rows, '000002').map((r) => r.head)).toEqual(['张三']);
    expect(filterChangeRows(rows, '余爱英').map((r) => r.head)).toEqual(['牛鹏建']);
    expect(filterChangeRows(rows, '牛莲').map((r) => r.head)).toEqual(['牛鹏建']);
    expect(filterChangeRows(rows, '李四')).toEqual([]);
  });

  it('words the removal choice and the households the file no longer has', () => {
    expect(removeMissingText(2, false)).toMatch(/^这 2 人在档案中有、新文件中没有。不勾选时他们保持不变/);
    expect(removeMissingText(2, true)).toMatch(/^将把这 2 人标记为“其他转出”/);
    expect(notInFileText(5)).toMatch(/^档案中有、新文件中没有的 5 户保持不变（不会删除）/);
    expect(shownValue(' ')).toBe('（空）');
    expect(shownValue('0')).toBe('0');
  });
});
