import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshArchive, insertRows, rowsWhere, sqlRun } from '../db/testing.ts';
import type { TempArchive } from '../db/testing.ts';
import { makeIdNumber } from '../shared/id-number.ts';
import { nameInitials } from '../shared/pinyin.ts';
import { SearchIndex } from './search-index.ts';

const stamp = { version: 1, updatedAt: '2026-11-24T08:00:00Z', updatedBy: 'test' };
let a: TempArchive;
const ids: Record<string, string> = {};

function add(no: string, people: [string, string, string | null][]): void {
  const id = randomUUID();
  ids[no] = id;
  insertRows(a.db, 'households', [{ id, ...stamp, villageId: 'v1', no }]);
  insertRows(
    a.db,
    'members',
    people.map(([name, relation, left], i) => ({ id: randomUUID(), ...stamp, householdId: id, seq: i + 1, name, nameInitials: nameInitials(name), relation, leftReason: left, idNumber: makeIdNumber('511922', '1980-05-0' + String(i + 1), Number(no.slice(-1)) * 10 + i, '男') })),
  );
}

beforeEach(() => {
  a = freshArchive();
  insertRows(a.db, 'townships', [{ id: 't', ...stamp, name: '青山镇' }]);
  insertRows(a.db, 'villages', [{ id: 'v1', ...stamp, townshipId: 't', code: '511922101001', name: '青龙村' }]);
  add('5119220001000001', [['张三', '户主', null], ['李梅', '配偶', null]]);
  add('5119220001000002', [['王小明', '户主', null], ['赵六', '之父', '死亡']]);
  add('5119220002000003', [['赵四', '户主', null], ['赵小花', '之女', null]]);
});
afterEach(() => a.dispose());

describe('household search', () => {
  it('finds by pinyin initials, part of a name, ID tail and 户编号', () => {
    add('5119220002000004', [['谢芳', '户主', null]]);
    const index = SearchIndex.build(a.db);
    const find = (q: string) => index.match(q).map((id) => Object.keys(ids).find((no) => ids[no] === id)).sort();
    // "x" alone is the initial of 谢, not the end of an ID number (those start with a digit).
    expect(find('x')).toEqual(['5119220002000004']);
    expect(find('XF')).toEqual(['5119220002000004']);
    expect(find('zs')).toEqual(['5119220001000001', '5119220002000003']); // 张三 and 赵四
    expect(find('ZXH')).toEqual(['5119220002000003']);
    expect(find('小')).toEqual(['5119220001000002', '5119220002000003']);
    expect(find('赵六')).toEqual([]); // left the household
    const tail = rowsWhere(a.db, 'members', { name: '王小明' })[0]!.idNumber!.slice(-6);
    expect(find(tail)).toEqual(['5119220001000002']);
    expect(find('0002000003')).toEqual(['5119220002000003']);
    expect(find('123')).toEqual([]); // too short for an ID tail, in no 户编号
    expect(find('  ')).toEqual([]);
  });

  it('built in slices finds the same; a saved household is updated in place, a deleted one drops out', async () => {
    const sliced = await SearchIndex.buildInSlices(a.db, () => Promise.resolve(), () => true);
    const whole = SearchIndex.build(a.db);
    for (const q of ['zs', '小', 'x', '0002000003']) expect(sliced!.match(q)).toEqual(whole.match(q));
    expect(await SearchIndex.buildInSlices(a.db, () => Promise.resolve(), () => false)).toBeNull();
    const index = whole;
    // In list order (户编号), not insertion order.
    expect(index.match('zs')).toEqual([ids['5119220001000001'], ids['5119220002000003']]);
    sqlRun(a, "UPDATE members SET name = '张新', name_initials = 'zx' WHERE name = '张三'");
    add('5119220002000009', [['周九', '户主', null]]);
    sqlRun(a, 'DELETE FROM members WHERE household_id = ?', ids['5119220002000003']);
    sqlRun(a, 'DELETE FROM households WHERE id = ?', ids['5119220002000003']);
    expect(index.match('zj')).toEqual([]); // not yet told
    index.update(a.db, [ids['5119220001000001']!, ids['5119220002000009']!, ids['5119220002000003']!]);
    expect(index.match('zx')).toEqual([ids['5119220001000001']]);
    expect(index.match('zj')).toEqual([ids['5119220002000009']]);
    expect(index.match('zs')).toEqual([]);
    expect(index.match('0002000003')).toEqual([]);
    expect(index.match('9')).toContain(ids['5119220002000009']);
  });
});
