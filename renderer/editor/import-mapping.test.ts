import { describe, expect, it } from 'vitest';
import type { ImportableColumn, ImportColumnView } from '../../shared/api/index.ts';
import {
  IGNORE,
  columnLetter,
  columnOptions,
  columnRows,
  draftDiffers,
  draftFromColumns,
  labelOf,
  mappingToSend,
  matchingSummary,
  missingRequired,
  rememberedMapping,
  resetToAuto,
  rowOptions,
  setColumn,
} from './import-mapping.ts';

const importable: ImportableColumn[] = [
  { key: 'village', label: '行政村', level: 'place', required: false },
  { key: 'householdNo', label: '户编号', level: 'household', required: false },
  { key: 'name', label: '姓名', level: 'member', required: true },
  { key: 'idNumber', label: '证件号码', level: 'member', required: true },
  { key: 'relation', label: '与户主关系', level: 'member', required: true },
  { key: 'phone', label: '联系电话', level: 'member', required: false },
  { key: 'wages', label: '工资性收入', level: 'income', required: false },
];

/** A file whose ID column is written 公民身份证 (not matched), with a 序号 column nobody reads. */
const columns: ImportColumnView[] = [
  { index: 0, header: '序号', key: null, auto: null },
  { index: 1, header: '户编号', key: 'householdNo', auto: 'householdNo' },
  { index: 2, header: '姓名', key: 'name', auto: 'name' },
  { index: 3, header: '公民身份证', key: null, auto: null },
  { index: 4, header: '与户主关系', key: 'relation', auto: 'relation' },
  { index: 27, header: '电话', key: 'phone', auto: 'phone' },
];

describe('column matching', () => {
  it('starts from the matching as read and finds the required column missing', () => {
    const draft = draftFromColumns(columns);
    expect(draft).toEqual({ 序号: null, 户编号: 'householdNo', 姓名: 'name', 公民身份证: null, 与户主关系: 'relation', 电话: 'phone' });
    expect(missingRequired(columns, draft, importable)).toEqual(['证件号码']);
    expect(mappingToSend(columns, draft)).toEqual({});
    expect(draftDiffers(columns, draft)).toBe(false);
    const rows = columnRows(columns, draft);
    expect(rows.map((r) => `${r.letter}:${r.mark}`)).toEqual(['A:none', 'B:auto', 'C:auto', 'D:none', 'E:auto', 'AB:auto']);
    expect(matchingSummary(rows, ['证件号码'], ['姓名', '证件号码', '与户主关系'])).toBe(
      '文件共 6 列：导入 4 列，忽略 2 列。还缺少必需的列：证件号码。请在下表中找到写着它的表头，在“读作档案中的”一栏选择“证件号码”。',
    );
  });

  it('records the clerk’s correction, marks it and sends only what differs from the automatic match', () => {
    let draft = setColumn(draftFromColumns(columns), '公民身份证', 'idNumber');
    draft = setColumn(draft, '电话', null);
    expect(missingRequired(columns, draft, importable)).toEqual([]);
    expect(draftDiffers(columns, draft)).toBe(true);
    expect(mappingToSend(columns, draft)).toEqual({ 公民身份证: 'idNumber', 电话: null });
    const rows = columnRows(columns, draft);
    expect(rows.find((r) => r.header === '公民身份证')).toMatchObject({ key: 'idNumber', mark: 'changed' });
    expect(rows.find((r) => r.header === '电话')).toMatchObject({ key: null, mark: 'changed' });
    expect(matchingSummary(rows, [], ['姓名', '证件号码', '与户主关系'])).toBe('文件共 6 列：导入 4 列，忽略 2 列。必需的列（姓名、证件号码、与户主关系）都已对应。');
    expect(resetToAuto(columns)).toEqual(draftFromColumns(columns));
  });

  it('flags a second header read as the same column (only the first is read)', () => {
    const draft = setColumn(draftFromColumns(columns), '序号', 'name');
    const rows = columnRows(columns, draft);
    expect(rows[0]).toMatchObject({ key: 'name', duplicateOf: null });
    expect(rows[2]).toMatchObject({ header: '姓名', duplicateOf: '序号' });
    expect(matchingSummary(rows, ['证件号码'], [])).toMatch(/^文件共 6 列：导入 4 列，忽略 2 列。/);
  });

  it('marks a remembered correction, and keeps sending it (an empty correction undoes it)', () => {
    // The archive applied the correction remembered from the last import with this header.
    const read = columns.map((c) => (c.header === '公民身份证' ? { ...c, key: 'idNumber' } : c));
    const remembered = rememberedMapping(read);
    expect(remembered).toEqual({ 公民身份证: 'idNumber' });
    const draft = draftFromColumns(read);
    expect(columnRows(read, draft, remembered)[3]).toMatchObject({ mark: 'remembered' });
    expect(mappingToSend(read, draft)).toEqual({ 公民身份证: 'idNumber' });
    const undone = resetToAuto(read);
    expect(mappingToSend(read, undone)).toEqual({});
    expect(draftDiffers(read, undone)).toBe(true);
    expect(columnRows(read, setColumn(draft, '公民身份证', 'phone'), remembered)[3]).toMatchObject({ mark: 'changed' });
  });

  it('offers 忽略 and the archive’s columns grouped by where they belong, the required ones marked', () => {
    const opts = columnOptions(importable);
    expect(opts[0]).toEqual({ value: IGNORE, label: '忽略（不导入这一列）' });
    expect(opts.slice(1).map((g) => ('options' in g ? `${g.label}:${g.options.map((o) => o.label).join(',')}` : ''))).toEqual([
      '所在地区:行政村',
      '户信息:户编号',
      '成员信息:姓名（必需）,证件号码（必需）,与户主关系（必需）,联系电话',
      '收入:工资性收入',
    ]);
    expect(labelOf(importable, 'idNumber')).toBe('证件号码');
    expect(labelOf(importable, null)).toBe('忽略');
    expect(labelOf(importable, 'seq', '序号')).toBe('序号');
    // 序号 is read only to check others: kept as the row's own first choice, not offered elsewhere.
    expect(rowOptions(opts, importable, { key: 'seq', header: '序号' })[0]).toEqual({ value: 'seq', label: '序号（只作核对）' });
    expect(rowOptions(opts, importable, { key: 'name', header: '姓名' })).toEqual(opts);
    expect(rowOptions(opts, importable, { key: null, header: '备注' })).toEqual(opts);
  });

  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
