import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshArchive, insertRows, rowsWhere, sqlRun } from '../db/testing.ts';
import type { TempArchive } from '../db/testing.ts';
import { makeIdNumber } from '../shared/id-number.ts';
import { nameInitials } from '../shared/pinyin.ts';
import { listHouseholds } from '../db/repos/households.ts';
import { searchPage } from './households/search.ts';
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

describe('the list page of a search', () => {
  it('says which member matched, sorts by a column on request, and filters households without a helper', () => {
    add('5119220002000004', [['王昌', '户主', null], ['张诗小', '之子', null]]);
    const index = SearchIndex.build(a.db);
    const page = searchPage(a.db, { search: 'zs', limit: 50 }, index);
    const byNo = Object.fromEntries(page.items.map((h) => [h.no, h]));
    expect(byNo['5119220002000004']).toMatchObject({ head: '王昌', matched: ['张诗小'] });
    expect(byNo['5119220001000001']!.matched).toEqual(['张三']);
    // A 户编号 hit names no member.
    expect(searchPage(a.db, { search: '0002000003', limit: 50 }, index).items[0]!.matched).toEqual([]);
    // Sorted by the head's pinyin, then reversed; by size, largest first.
    const heads = (sort: 'head' | 'size', desc: boolean) => listHouseholds(a.db, { sort, desc }).items.map((h) => h.head);
    expect(heads('head', false)).toEqual(['王昌', '王小明', '张三', '赵四']);
    expect(heads('head', true)).toEqual(['赵四', '张三', '王小明', '王昌']);
    expect(heads('size', true).slice(0, 3).sort()).toEqual(['张三', '王昌', '赵四'].sort());
    expect(heads('size', true)[3]).toBe('王小明');
    // A sorted search goes through SQL and still names who matched.
    const sorted = searchPage(a.db, { search: 'zs', limit: 50, sort: 'head', desc: true }, index);
    expect(sorted.items.map((h) => [h.head, h.matched])).toEqual([['赵四', ['赵四']], ['张三', ['张三']], ['王昌', ['张诗小']]]);
    // Without a helper: only households in a registered status count.
    sqlRun(a, "UPDATE households SET status = 'poor' WHERE no IN ('5119220001000001', '5119220002000003')");
    sqlRun(a, "INSERT INTO helpers (id, version, updated_at, updated_by, township_id, name) VALUES ('hp', 1, '2026-11-24', 'test', 't', '李干部')");
    insertRows(a.db, 'pairings', [{ id: 'pr', ...stamp, householdId: ids['5119220001000001']!, helperId: 'hp', startOn: '2026-01-01' }]);
    expect(listHouseholds(a.db, { noHelperOn: '2026-11-24' }).items.map((h) => h.no)).toEqual(['5119220002000003']);
    // A pairing that ended before the day no longer covers the household.
    sqlRun(a, "UPDATE pairings SET end_on = '2026-06-30'");
    expect(listHouseholds(a.db, { noHelperOn: '2026-11-24' }).total).toBe(2);
  });
});
