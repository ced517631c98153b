import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/id-number.ts';
import { nameInitials } from '../../shared/pinyin.ts';
import { households, members, townships, villages } from '../schema/index.ts';
import { freshArchive } from '../testing.ts';
import type { TempArchive } from '../testing.ts';
import { auditOfHousehold } from './audit.ts';
import { changeStatus, householdByNo, listHouseholds } from './households.ts';

const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
const stamp = { version: 1, updatedAt: '2026-11-24T08:00:00Z', updatedBy: 'test' };
let a: TempArchive;

function addHousehold(no: string, villageId: string, people: [string, string, '男' | '女'][]): string {
  const id = randomUUID();
  a.db.insert(households).values({ id, ...stamp, villageId, no, groupName: '一组' }).run();
  people.forEach(([name, relation, gender], i) => {
    a.db
      .insert(members)
      .values({ id: randomUUID(), ...stamp, householdId: id, seq: i + 1, name, nameInitials: nameInitials(name), relation, gender, idNumber: makeIdNumber('511922', `198${i}-0${i + 1}-15`, Number(no.slice(-2)) * 10 + i, gender) })
      .run();
  });
  return id;
}

beforeEach(() => {
  a = freshArchive();
  a.db.insert(townships).values({ id: 't', ...stamp, name: '青山镇' }).run();
  a.db.insert(villages).values([
    { id: 'v1', ...stamp, townshipId: 't', code: '511922101001', name: '青龙村' },
    { id: 'v2', ...stamp, townshipId: 't', code: '511922101002', name: '石桥村' },
  ]).run();
  addHousehold('5119220001000001', 'v1', [['张三', '户主', '男'], ['李梅', '配偶', '女']]);
  addHousehold('5119220001000002', 'v1', [['王小明', '户主', '男']]);
  addHousehold('5119220002000003', 'v2', [['赵四', '户主', '男'], ['赵小花', '之女', '女'], ['钱多', '之儿媳', '女']]);
});
afterEach(() => a.dispose());

describe('household repository', () => {
  it('lists households with head and size, by village', () => {
    expect(listHouseholds(a.db, { villageId: 'v1' }).items).toEqual([
      expect.objectContaining({ no: '5119220001000001', head: '张三', size: 2, status: 'ordinary' }),
      expect.objectContaining({ no: '5119220001000002', head: '王小明', size: 1 }),
    ]);
    expect(listHouseholds(a.db)).toMatchObject({ total: 3 });
    expect(listHouseholds(a.db, { limit: 1, offset: 1 })).toMatchObject({ total: 3, items: [{ no: '5119220001000002', villageName: '青龙村' }] });
  });

  it('uses indexes for the village list and a household’s members', () => {
    const plan = (sql: string, ...args: string[]) =>
      (a.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan('SELECT * FROM households WHERE village_id = ?', 'v1')).toMatch(/USING INDEX households_village_idx/);
    expect(plan('SELECT * FROM members WHERE household_id = ? ORDER BY seq', 'x')).toMatch(/USING INDEX members_household_idx/);
    expect(plan('SELECT * FROM households WHERE no = ?', 'x')).toMatch(/USING INDEX households_no_unique/);
  });

  it('changes a status with its history and audit entry, in one go', () => {
    const h = householdByNo(a.db, '5119220001000001')!;
    changeStatus(a.db, actor, { householdId: h.id, status: 'edge', effectiveOn: '2026-11-24', year: 2026, decision: '镇政府〔2026〕12号' });
    const after = householdByNo(a.db, '5119220001000001')!;
    expect(after).toMatchObject({ status: 'edge', version: 2, updatedBy: '李会计' });
    const history = a.sqlite.prepare('SELECT status, decision FROM status_history WHERE household_id = ?').all(h.id);
    expect(history).toEqual([{ status: 'edge', decision: '镇政府〔2026〕12号' }]);
    const audit = auditOfHousehold(a.db, h.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ operator: '李会计', action: 'status', note: '非建档户 → 边缘易致贫户' });
  });

  it('refuses a status change without a batch or decision, and writes nothing', () => {
    const h = householdByNo(a.db, '5119220001000001')!;
    expect(() => changeStatus(a.db, actor, { householdId: h.id, status: 'poor', effectiveOn: '2026-11-24' })).toThrow(/决定文号/);
    expect(() => changeStatus(a.db, actor, { householdId: 'missing', status: 'poor', effectiveOn: '2026-11-24', decision: 'x' })).toThrow(/找不到这一户/);
    expect(householdByNo(a.db, '5119220001000001')!.status).toBe('ordinary');
    expect(a.sqlite.prepare('SELECT count(*) AS n FROM status_history').get()).toEqual({ n: 0 });
    expect(a.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
  });
});
