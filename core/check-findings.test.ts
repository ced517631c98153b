// The whole check over a generated township, roughened on purpose, gives exactly the findings
// recorded in check-findings.fixture.json (made by the check as it was before the facts were
// gathered in chunks). Guards every rule's result while the gathering is made faster.
// Regenerate only for an intended rule change: UPDATE_CHECK_FIXTURE=1 npx vitest run core/check-findings.test.ts
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sqlRun, sqlValue, tempDir } from '../db/testing.ts';
import { initArchive } from './archive.ts';
import { checkArchive } from './check.ts';
import type { Actor } from './context.ts';
import { generateDemo } from './demo/index.ts';

const AS_OF = '2026-11-24';
const actor: Actor = { operator: '测试', now: () => new Date(`${AS_OF}T08:00:00Z`) };
const FIXTURE = join(import.meta.dirname, 'check-findings.fixture.json');
const dir = tempDir('relief-check-findings-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Every n-th row (in rowid order) of a table gets a change: many rules fire, in many households.
const ROUGHEN = [
  "UPDATE members SET id_number = NULL WHERE rowid % 7 = 0",
  "UPDATE members SET gender = CASE gender WHEN '男' THEN '女' ELSE '男' END WHERE rowid % 11 = 0",
  "UPDATE members SET birth_date = '1901-01-01' WHERE rowid % 13 = 0",
  "UPDATE members SET left_reason = '迁出' WHERE rowid % 17 = 0",
  'UPDATE members SET seq = 40 - seq WHERE rowid % 19 = 0',
  'UPDATE members SET work_months = 15 WHERE rowid % 23 = 0',
  "UPDATE members SET health = '残疾', disability_grade = NULL WHERE rowid % 29 = 0",
  'UPDATE members SET medical_insurance = 0 WHERE rowid % 31 = 0',
  "UPDATE members SET school_status = '非在校生' WHERE rowid % 37 = 0",
  "UPDATE members SET name = name || char(8238) WHERE rowid % 41 = 0",
  'UPDATE households SET farmland_mu = 500 WHERE rowid % 5 = 0',
  "UPDATE households SET main_cause = '因病' WHERE rowid % 9 = 0",
  'UPDATE households SET monitoring_category = NULL WHERE rowid % 14 = 0',
  'UPDATE households SET distance_to_road_km = 12 WHERE rowid % 16 = 0',
  "UPDATE households SET status = 'exited', exit_year = NULL WHERE rowid % 18 = 0",
  'DELETE FROM status_history WHERE rowid % 12 = 0',
  'UPDATE incomes SET household_size = 0 WHERE rowid % 6 = 0',
  'UPDATE incomes SET wage_fen = -100 WHERE rowid % 10 = 0',
  'DELETE FROM incomes WHERE rowid % 8 = 0',
  "UPDATE pairings SET end_on = '2020-01-01' WHERE rowid % 4 = 0",
  'DELETE FROM measures WHERE rowid % 3 = 0',
];

describe('the quality check over a generated township', () => {
  it('finds exactly the recorded findings, in the recorded order', () => {
    const archive = initArchive({ file: join(dir, 'a.db'), name: '青山镇', code: '511922101000', county: '仁寿县', province: '四川省' }, actor);
    try {
      generateDemo(archive, { villages: 3, households: 240, seed: 'check-findings', asOf: AS_OF, actor });
      for (const sql of ROUGHEN) sqlRun(archive, sql);
      const r = checkArchive(archive, { asOf: AS_OF });
      const lines = r.problems.map((p) => [p.code, p.village, p.household, p.member ?? '', p.field ?? '', p.message].join(' | '));
      if (process.env.UPDATE_CHECK_FIXTURE === '1') writeFileSync(FIXTURE, `${JSON.stringify({ year: r.year, counts: r.counts, lines }, null, 1)}\n`);
      const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { year: number; counts: unknown; lines: string[] };
      expect(new Set(lines.map((l) => l.slice(0, 4))).size).toBeGreaterThan(20);
      expect({ year: r.year, counts: r.counts, lines }).toEqual(expected);
      // One village's check is the whole check's findings for that village (Q105 included).
      const village = r.problems[0]!.village;
      const villageId = sqlValue(archive, 'SELECT id FROM villages WHERE name = ?', village) as string;
      expect(checkArchive(archive, { asOf: AS_OF, villageId }).problems).toEqual(r.problems.filter((p) => p.village === village));
    } finally {
      archive.close();
    }
  });
});
