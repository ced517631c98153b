import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOfHousehold } from '../db/repos/audit.ts';
import { measureById, openPairingsOf, pairingsOfHousehold } from '../db/repos/help.ts';
import { countRows, rowsWhere, tempDir } from '../db/testing.ts';
import { helperInput, measureInput } from '../shared/api/help.ts';
import { initArchive } from './archive.ts';
import type { Archive } from './archive.ts';
import { generateDemo } from './demo/index.ts';
import { deleteMeasure, endPairing, listHelpers, pairHelper, saveHelper, saveMeasure } from './help.ts';

const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
let archive: Archive;
let householdId: string;
const count = (t: 'measures' | 'pairings' | 'auditLog') => countRows(archive.db, t);

beforeEach(() => {
  archive = initArchive({ file: `${tempDir()}/a.db`, name: '青山镇', code: '511922101000' }, actor);
  generateDemo(archive, { villages: 1, households: 20, seed: 'help', asOf: '2026-11-24', actor });
  householdId = rowsWhere(archive.db, 'households', { status: 'ordinary' })[0]!.id;
});
afterEach(() => archive.close());

describe('helpers, pairings and measures', () => {
  it('registers a helper and pairs; a change of helper ends the old pairing the day before', () => {
    const a = saveHelper(archive.db, actor, helperInput.parse({ name: '王干部', unit: '县农业农村局' }));
    const b = saveHelper(archive.db, actor, helperInput.parse({ name: '赵干部', unit: '镇政府' }));
    pairHelper(archive.db, actor, { householdId, helperId: a.id, startOn: '2025-03-01' });
    pairHelper(archive.db, actor, { householdId, helperId: b.id, startOn: '2026-11-24' });
    expect(pairingsOfHousehold(archive.db, householdId).map((p) => ({ h: p.helperId, s: p.startOn, e: p.endOn }))).toEqual([
      { h: a.id, s: '2025-03-01', e: '2026-11-23' },
      { h: b.id, s: '2026-11-24', e: null },
    ]);
    expect(listHelpers(archive.db, '2026-11-24').find((h) => h.id === b.id)?.households).toBe(1);
    expect(() => pairHelper(archive.db, actor, { householdId, helperId: b.id, startOn: '2026-12-01' })).toThrow(/已经是这一户的帮扶责任人/);
    const open = openPairingsOf(archive.db, householdId);
    expect(() => endPairing(archive.db, actor, { pairingId: open[0]!.id, endOn: '2026-01-01' })).toThrow(/早于开始日期/);
    endPairing(archive.db, actor, { pairingId: open[0]!.id, endOn: '2026-12-31' });
    expect(auditOfHousehold(archive.db, householdId).map((e) => e.note)).toEqual([
      '结束结对（2026-12-31）',
      expect.stringMatching(/结对帮扶责任人赵干部（自 2026-11-24），原结对于 2026-11-23 结束/) as unknown,
      expect.stringMatching(/结对帮扶责任人王干部/) as unknown,
    ]);
  });

  it('adds, changes and deletes a measure, audited, amounts in fen', () => {
    const m = saveMeasure(archive.db, actor, measureInput.parse({ householdId, year: 2026, category: '产业帮扶', content: '发放鸡苗100只', amountFen: 150_000 }));
    saveMeasure(archive.db, actor, measureInput.parse({ ...m, amountFen: 180_000 }));
    expect(measureById(archive.db, m.id)).toMatchObject({ amountFen: 180_000, version: 2 });
    deleteMeasure(archive.db, actor, m.id);
    expect(measureById(archive.db, m.id)).toBeUndefined();
    expect(auditOfHousehold(archive.db, householdId).map((e) => e.note)).toEqual([
      '删除帮扶措施：2026年产业帮扶 1,800.00元',
      '修改帮扶措施：2026年产业帮扶 1,800.00元',
      '添加帮扶措施：2026年产业帮扶 1,500.00元',
    ]);
  });

  it('refuses bad input with a Chinese message and writes nothing', () => {
    const before = (['measures', 'pairings', 'auditLog'] as const).map(count);
    expect(() => saveMeasure(archive.db, actor, measureInput.parse({ householdId, year: 2026, category: '产业帮扶', startOn: '2026-05-01', endOn: '2026-04-01' }))).toThrow(/结束日期早于开始日期/);
    expect(() => saveMeasure(archive.db, actor, measureInput.parse({ householdId: 'missing', year: 2026, category: '产业帮扶' }))).toThrow(/找不到这一户/);
    expect(() => pairHelper(archive.db, actor, { householdId, helperId: 'missing', startOn: '2026-11-24' })).toThrow(/找不到这位帮扶责任人/);
    expect(() => deleteMeasure(archive.db, actor, 'missing')).toThrow(/找不到这条帮扶措施/);
    expect(measureInput.safeParse({ householdId, year: 2026, category: '产业帮扶', amountFen: -5 }).success).toBe(false);
    expect((['measures', 'pairings', 'auditLog'] as const).map(count)).toEqual(before);
  });
});
