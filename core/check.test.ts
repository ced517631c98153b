import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempArchive } from '../db/testing.ts';
import { freshArchive, insertRows } from '../db/testing.ts';
import { makeIdNumber } from '../shared/id-number.ts';
import { ruleCatalogue } from '../shared/quality/index.ts';
import { checkArchive } from './check.ts';

const stamp = { version: 1, updatedAt: '2024-01-01T00:00:00.000Z', updatedBy: '测试' };
const ID = makeIdNumber('510722', '1975-03-10', 101, '男');

let archive: TempArchive;

beforeEach(() => {
  archive = freshArchive();
  const { db } = archive;
  insertRows(db, 'townships', [{ id: 't1', ...stamp, name: '青山镇', province: '四川省' }]);
  insertRows(db, 'villages', [
    { id: 'v2', ...stamp, townshipId: 't1', code: '510722101002', name: '二村', sortOrder: 2 },
    { id: 'v1', ...stamp, townshipId: 't1', code: '510722101001', name: '一村', sortOrder: 1 },
  ]);
  insertRows(db, 'households', [
    { id: 'hb', ...stamp, villageId: 'v2', no: '0001' },
    { id: 'ha2', ...stamp, villageId: 'v1', no: '0009', farmlandMu: 500 },
    { id: 'ha1', ...stamp, villageId: 'v1', no: '0002', status: 'poor', mainCause: '因病', attribute: '一般贫困户' },
  ]);
  insertRows(db, 'members', [
    { id: 'b1', ...stamp, householdId: 'hb', seq: 1, name: '张建国', relation: '户主', idNumber: ID, gender: '男' },
    { id: 'a21', ...stamp, householdId: 'ha2', seq: 1, name: '王五', relation: '户主', idNumber: makeIdNumber('510722', '1980-01-01', 11, '男') },
    { id: 'a11', ...stamp, householdId: 'ha1', seq: 1, name: '张建国', relation: '户主', idNumber: ID, gender: '女' },
  ]);
  insertRows(db, 'statusHistory', [{ id: 's1', ...stamp, householdId: 'ha1', status: 'poor', effectiveOn: '2014-10-01' }]);
});
afterEach(() => {
  archive.dispose();
});

describe('checkArchive', () => {
  it('without incomes: year null, the check-year rules silent, everything else reported in village order', () => {
    const r = checkArchive(archive, { asOf: '2024-06-30' });
    expect(r.year).toBeNull();
    expect(r.asOf).toBe('2024-06-30');
    // The sparse registered household 0002 also misses most required fields (完整性): counted apart.
    const completeness = new Set(ruleCatalogue().filter((x) => x.category === 'completeness').map((x) => x.code));
    const missing = r.problems.filter((p) => completeness.has(p.code));
    expect(new Set(missing.map((p) => p.household))).toEqual(new Set(['0002']));
    expect(missing.map((p) => p.code)).toEqual(expect.arrayContaining(['Q114', 'Q118', 'Q136', 'Q156']));
    expect(r.problems.filter((p) => !completeness.has(p.code)).map((p) => [p.village, p.household, p.code])).toEqual([
      ['一村', '0002', 'Q103'],
      ['一村', '0002', 'Q105'],
      ['一村', '0002', 'Q501'],
      ['一村', '0002', 'Q705'],
      ['一村', '0009', 'Q601'],
      ['二村', '0001', 'Q105'],
    ]);
    expect(r.counts).toEqual({ error: 3, warning: 3 + missing.length });
  });

  it('with incomes the latest year is checked and Q403 speaks for the registered household', () => {
    insertRows(archive.db, 'incomes', [{ id: 'i1', ...stamp, householdId: 'ha2', year: 2023, householdSize: 1, wageFen: 1_000_000 }]);
    const r = checkArchive(archive, { asOf: '2024-06-30' });
    expect(r.year).toBe(2023);
    expect(r.problems.filter((p) => p.code === 'Q403').map((p) => p.household)).toEqual(['0002']);
    expect(checkArchive(archive, { asOf: '2024-06-30', year: 2022 }).year).toBe(2022);
  });

  it('restricts to one village, keeping Q105 for its households only', () => {
    const r = checkArchive(archive, { asOf: '2024-06-30', villageId: 'v2' });
    expect(r.problems.map((p) => [p.household, p.code])).toEqual([['0001', 'Q105']]);
  });

  it('flags stored values the editor would refuse (Q801): a bidi override, an overlong name, a formula phone', () => {
    insertRows(archive.db, 'households', [{ id: 'hx', ...stamp, villageId: 'v2', no: '0003', phone: "=cmd|' /C calc'!A0" }]);
    insertRows(archive.db, 'members', [
      { id: 'x1', ...stamp, householdId: 'hx', seq: 1, name: '李'.repeat(10_000), relation: '户主', idNumber: makeIdNumber('510722', '1970-01-01', 21, '男') },
      { id: 'x2', ...stamp, householdId: 'hx', seq: 2, name: '钱\u202E七', relation: '配偶', idNumber: makeIdNumber('510722', '1972-01-01', 22, '女') },
    ]);
    const q801 = checkArchive(archive, { asOf: '2024-06-30' }).problems.filter((p) => p.code === 'Q801');
    expect(q801.map((p) => [p.household, p.severity, p.memberId, p.field, p.message.slice(0, 40)])).toEqual([
      ['0003', 'error', null, 'phone', '联系电话不能超过13个字。请在户信息中改正，否则这一户无法保存'],
      ['0003', 'error', 'x1', 'name', `成员${'李'.repeat(20)}…（户主，54岁）：姓名不能超过20个字。`.slice(0, 40)],
      ['0003', 'error', 'x2', 'name', '成员钱[U+202E]七（配偶，52岁）：姓名含有看不见的控制字符（U+202E），请删去后重新输入。请在成员信息中改正，否则这一户无法保存'.slice(0, 40)],
    ]);
    expect(checkArchive(archive, { asOf: '2024-06-30' }).problems.filter((p) => p.code === 'Q801' && p.household !== '0003')).toEqual([]);
  });

  it('refuses a malformed date', () => {
    expect(() => checkArchive(archive, { asOf: '2024-13-01' })).toThrow(/检查日期/);
  });
});
