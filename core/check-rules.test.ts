// The rules over whole archives: a clean generated township (generateDemo with plant: false)
// raises nothing, and the 2022 lists' 危房户 是/否 is read by the import as a housing state the
// housing rules see.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../db/testing.ts';
import { cleanFacts, findings } from '../shared/quality/test-fixture.ts';
import { initArchive } from './archive.ts';
import { checkArchive } from './check.ts';
import { generateDemo } from './demo/index.ts';
import { COLUMNS } from './import/columns.ts';
import { readCell } from './import/values.ts';

describe('危房户 是/否 (the 2022 lists)', () => {
  const column = COLUMNS.find((c) => c.field === 'housingSafety')!;

  it('the import reads 是 as a 危房 and 否 as 安全, without a warning', () => {
    expect(readCell(column, '是')).toEqual({ value: '危房' });
    expect(readCell(column, '否')).toEqual({ value: '安全' });
    expect(readCell(column, 'C级危房')).toEqual({ value: 'C级' });
  });

  it('a 危房 read that way makes the housing rules speak', () => {
    const facts = cleanFacts();
    facts.household.status = 'exited';
    facts.household.housingSafety = readCell(column, '是').value as string;
    expect(findings('Q605', facts)).toHaveLength(1);
    expect(findings('Q611', facts)).toHaveLength(1);
    expect(findings('Q829', facts)).toEqual([]);
  });
});

describe('a clean generated township', () => {
  const dir = tempDir('relief-rules-clean-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('raises nothing (generateDemo with plant: false)', () => {
    const asOf = '2026-11-24';
    const actor = { operator: '测试', now: () => new Date(`${asOf}T08:00:00Z`) };
    const archive = initArchive({ file: join(dir, 'clean.db'), name: '青山镇', code: '511922101000', county: '仁寿县', province: '四川省' }, actor);
    try {
      generateDemo(archive, { villages: 2, households: 600, seed: 'rules-clean', asOf, actor, plant: false });
      const r = checkArchive(archive, { asOf });
      expect(r.problems.map((p) => `${p.code} ${p.household} ${p.message}`)).toEqual([]);
    } finally {
      archive.close();
    }
  });
});
