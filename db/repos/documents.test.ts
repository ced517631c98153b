// The document and export repositories on a hand-made archive: records come typed and decoded
// (booleans, JSON lists), in the order the papers need, left members and later years left out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeTransaction } from '../handles.ts';
import { households, incomes, members, townships, villages } from '../schema/index.ts';
import { freshArchive } from '../testing.ts';
import type { TempArchive } from '../testing.ts';
import { householdFormChunk } from './document-households.ts';
import { exitCandidateIds, householdIdsInOrder } from './document-scope.ts';
import { exportMembers, fieldHasData, riskSlotHasData } from './export.ts';

const stamp = { version: 1, updatedAt: '2026-11-24T08:00:00Z', updatedBy: 'test' };
let a: TempArchive;

beforeEach(() => {
  a = freshArchive();
  writeTransaction(a.db, (w) => {
    w.insert(townships).values({ id: 't', ...stamp, name: '青山镇' }).run();
    // The second village sorts first: papers follow the villages' order, not their codes.
    w.insert(villages).values([
      { id: 'v1', ...stamp, townshipId: 't', code: '511922101001', name: '青龙村', sortOrder: 2 },
      { id: 'v2', ...stamp, townshipId: 't', code: '511922101002', name: '石桥村', sortOrder: 1 },
    ]).run();
    w.insert(households).values([
      { id: 'h1', ...stamp, villageId: 'v1', no: '0001', status: 'poor', risks: ['因病'], drinkingWaterSafe: true },
      { id: 'h2', ...stamp, villageId: 'v2', no: '0002', status: 'exited', exitYear: 2025 },
      { id: 'h3', ...stamp, villageId: 'v1', no: '0003', status: 'ordinary' },
    ]).run();
    w.insert(members).values([
      { id: 'm1', ...stamp, householdId: 'h1', seq: 2, name: '李梅', relation: '配偶', medicalInsurance: false },
      { id: 'm2', ...stamp, householdId: 'h1', seq: 1, name: '张三', relation: '户主', medicalInsurance: true },
      { id: 'm3', ...stamp, householdId: 'h1', seq: 3, name: '张老', relation: '之父', leftReason: '死亡' },
      { id: 'm4', ...stamp, householdId: 'h2', seq: 1, name: '王五', relation: '户主' },
    ]).run();
    w.insert(incomes).values([
      { id: 'i1', ...stamp, householdId: 'h1', year: 2025, householdSize: 2, wageFen: 100 },
      { id: 'i2', ...stamp, householdId: 'h1', year: 2026, householdSize: 2, wageFen: 200 },
    ]).run();
  });
});
afterEach(() => a.dispose());

describe('document repositories', () => {
  it('reads a chunk of households with current members and the incomes up to the year, in the order asked', () => {
    const chunk = householdFormChunk(a.db, ['h2', 'missing', 'h1'], { year: 2025, asOf: '2026-11-24' });
    expect(chunk.map((r) => r.household.id)).toEqual(['h2', 'h1']);
    const h1 = chunk[1]!;
    expect(h1).toMatchObject({ villageName: '青龙村', villageCode: '511922101001', assessment: null, helpers: [], measures: [] });
    expect(h1.household).toMatchObject({ risks: ['因病'], drinkingWaterSafe: true, status: 'poor' });
    expect(h1.members.map((m) => [m.name, m.medicalInsurance])).toEqual([['张三', true], ['李梅', false]]);
    expect(h1.incomes.map((i) => i.year)).toEqual([2025]);
  });

  it('lists household ids in village order, by status, and the exit candidates of a year', () => {
    expect(householdIdsInOrder(a.db, {})).toEqual(['h2', 'h1', 'h3']);
    expect(householdIdsInOrder(a.db, { villageId: 'v1', statuses: ['poor', 'exited'] })).toEqual(['h1']);
    expect(exitCandidateIds(a.db, { year: 2025, villageId: null })).toEqual(['h2', 'h1']);
    expect(exitCandidateIds(a.db, { year: 2024, villageId: null })).toEqual(['h1']);
  });
});

describe('export repository', () => {
  it('iterates current members in roster order, decoded as drizzle decodes them', () => {
    const rows = [...exportMembers(a.db, null)];
    expect(rows.map((m) => m.name)).toEqual(['王五', '张三', '李梅']);
    expect(rows[1]).toMatchObject({ householdId: 'h1', medicalInsurance: true, leftReason: null, nameInitials: '' });
    expect([...exportMembers(a.db, 'v1')].map((m) => m.id)).toEqual(['m2', 'm1']);
  });

  it('tells which fields hold data', () => {
    expect(fieldHasData(a.db, 'household', 'drinkingWaterSafe')).toBe(true);
    expect(fieldHasData(a.db, 'household', 'fuelType')).toBe(false);
    expect(fieldHasData(a.db, 'member', 'medicalInsurance')).toBe(true);
    expect(fieldHasData(a.db, 'income', 'wageFen', 2026)).toBe(true);
    expect(fieldHasData(a.db, 'income', 'dibaoFen', 2026)).toBe(false);
    expect(riskSlotHasData(a.db, 1)).toBe(true);
    expect(riskSlotHasData(a.db, 2)).toBe(false);
  });
});
