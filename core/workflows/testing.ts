// Test fixture: a real archive file (init: township, value lists, policy defaults) with two
// villages and households made to order — status, size, one year's per-capita income, 低保.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import type { Archive } from '../../db/open.ts';
import { insertRows, rowsWhere, tempDir } from '../../db/testing.ts';
import type { Actor } from '../../shared/actor.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import { initArchive } from '../archive.ts';

export const TODAY = '2026-11-24';
export const actor: Actor = { operator: '测试员', now: () => new Date(`${TODAY}T10:00:00+08:00`) };

export interface HouseholdSpec {
  no: string;
  village?: 0 | 1;
  status?: HouseholdStatus;
  size?: number;
  /** Per-capita net income in 元 for `year`. */
  perCapitaYuan?: number;
  year?: number;
  dibao?: boolean;
  /** Adds a 两不愁三保障 assessment for `year`, all met unless overridden. */
  assessment?: Partial<Record<'foodOk' | 'clothingOk' | 'educationOk' | 'medicalOk' | 'housingOk' | 'waterOk', boolean>> | null;
  seriouslyIll?: boolean;
  monitoringStart?: string;
  since?: string;
}

export interface Fixture {
  archive: Archive;
  villageIds: [string, string];
  /** Household id by 户编号. */
  id(no: string): string;
  add(spec: HouseholdSpec): string;
  dispose(): void;
}

const stamp = { version: 1, updatedAt: `${TODAY}T02:00:00.000Z`, updatedBy: '测试员' };

export function workflowFixture(specs: readonly HouseholdSpec[] = []): Fixture {
  const dir = tempDir('relief-workflows-');
  const archive = initArchive({ file: join(dir, 'a.db'), name: '青山镇', code: '511922101000', county: '仁寿县', province: '四川省' }, actor);
  const { db } = archive;
  const townshipId = rowsWhere(db, 'archiveInfo')[0]!.townshipId!;
  const villageIds: [string, string] = [randomUUID(), randomUUID()];
  insertRows(
    db,
    'villages',
    ['青山村', '白马村'].map((name, i) => ({ id: villageIds[i]!, ...stamp, townshipId, code: `51192210100${i + 1}`, name, sortOrder: i })),
  );
  const ids = new Map<string, string>();
  const add = (s: HouseholdSpec): string => {
    const id = randomUUID();
    const status = s.status ?? 'ordinary';
    const size = s.size ?? 3;
    const year = s.year ?? 2025;
    const monitored = status === 'edge' || status === 'unstable' || status === 'sudden';
    insertRows(db, 'households', [
      {
        id,
        ...stamp,
        villageId: villageIds[s.village ?? 0],
        no: s.no,
        status,
        housingArea: 90,
        monitoringCategory: monitored ? { edge: '边缘易致贫户', unstable: '脱贫不稳定户', sudden: '突发严重困难户' }[status] : null,
        monitoringStart: monitored ? (s.monitoringStart ?? '202401') : null,
        risks: monitored ? ['因病'] : null,
      },
    ]);
    insertRows(
      db,
      'members',
      Array.from({ length: size }, (_, i) => ({ id: randomUUID(), ...stamp, householdId: id, seq: i + 1, name: `${s.no}成员${i + 1}`, relation: i === 0 ? '户主' : '其他', isDibao: s.dibao === true && i === 0, health: s.seriouslyIll && i === 0 ? '患有大病' : '健康', medicalInsurance: true, seriousIllnessInsurance: !s.seriouslyIll })),
    );
    if (s.perCapitaYuan != null) insertRows(db, 'incomes', [{ id: randomUUID(), ...stamp, householdId: id, year, householdSize: size, wageFen: Math.round(s.perCapitaYuan * 100) * size }]);
    if (s.assessment !== undefined && s.assessment !== null) {
      const ok = { foodOk: true, clothingOk: true, educationOk: true, medicalOk: true, housingOk: true, waterOk: true, ...s.assessment };
      insertRows(db, 'assessments', [{ id: randomUUID(), ...stamp, householdId: id, year, ...ok }]);
    }
    if (status !== 'ordinary') {
      insertRows(db, 'statusHistory', [{ id: randomUUID(), ...stamp, householdId: id, status, year: 2024, effectiveOn: s.since ?? '2024-01-15', batchId: null, decision: '测试', reason: null }]);
    }
    ids.set(s.no, id);
    return id;
  };
  specs.forEach(add);
  return {
    archive,
    villageIds,
    id: (no) => {
      const v = ids.get(no);
      if (!v) throw new Error(`no household ${no} in the fixture`);
      return v;
    },
    add,
    dispose() {
      archive.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
