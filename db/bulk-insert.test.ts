import { afterEach, describe, expect, it } from 'vitest';
import { households, townships, villages } from './schema/index.ts';
import { inserter } from './bulk-insert.ts';
import { freshArchive } from './testing.ts';
import type { TempArchive } from './testing.ts';

let a: TempArchive | undefined;
afterEach(() => a?.dispose());

describe('bulk inserter', () => {
  it('stores rows exactly as drizzle reads them back (booleans, JSON, defaults)', () => {
    a = freshArchive();
    const stamp = { version: 1, updatedAt: '2026-11-24T08:00:00Z', updatedBy: 't' };
    inserter(a.sqlite, townships)({ id: 't', ...stamp, name: '青山镇' });
    inserter(a.sqlite, villages)({ id: 'v', ...stamp, townshipId: 't', code: '511922101001', name: '青龙村', isPoorVillage: true });
    inserter(a.sqlite, households)({ id: 'h', ...stamp, villageId: 'v', no: '1', otherCauses: ['因学', '缺技术'], drinkingWaterSafe: false });
    const h = a.db.select().from(households).get()!;
    expect(h).toMatchObject({ status: 'ordinary', otherCauses: ['因学', '缺技术'], drinkingWaterSafe: false, hasElectricity: null });
    expect(a.db.select().from(villages).get()).toMatchObject({ isPoorVillage: true, sortOrder: 0 });
  });
});
