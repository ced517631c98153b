// Township → county → township with real archives (a small demo township): the export, its
// preview and import into the county archive (a second snapshot replaces the first), the county's
// opinions and review result, and the township applying it — ending with the right statuses.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveChecksum, sqlAll, sqlRun, sqlValue, tempDir } from '../../db/testing.ts';
import { batchDetail } from '../workflows/detail.ts';
import { closeStep, openStep } from '../workflows/steps.ts';
import { countyBatches, countyHouseholds, countyTownships, listOpinions, packReview, recordOpinion } from './county-review.ts';
import { packTownship } from './export.ts';
import { countyActor, batchToCounty, makePair, townshipActor } from './testing.ts';
import type { Pair } from './testing.ts';
import { townshipReviews } from './township-review.ts';
import { unpackPackage } from './unpack.ts';

let p: Pair;
let batchId: string;
let first: { file: string; packageId: string };

beforeAll(async () => {
  p = await makePair(tempDir('relief-exchange-'));
  batchId = batchToCounty(p.township);
}, 60_000);
afterAll(() => {
  p.township.close();
  p.county.close();
  rmSync(p.dir, { recursive: true, force: true });
});

const count = (sql: string): number => sqlValue(p.county, sql) as number;

describe('township export into the county archive', () => {
  it('packs the whole archive, encrypted to the registered county key', async () => {
    const file = join(p.dir, '报送1.fpkg');
    const r = await packTownship(p.township, townshipActor, { type: 'all' }, { out: file });
    expect(r).toMatchObject({ kind: 'township-export', seq: 1, passphrase: null });
    expect(r.tables.find((t) => t.name === 'households')!.rows).toBe(40);
    expect(readdirSync(p.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    first = { file, packageId: r.packageId };
  });

  it('previews without writing (dry run), then imports with a backup', async () => {
    const before = archiveChecksum(p.county.sqlite);
    const preview = await unpackPackage(p.county, countyActor, first.file, { dryRun: true });
    expect(preview).toMatchObject({ applied: false, alreadyImported: false, authenticated: true, households: { added: 40, changed: 0, removed: 0 } });
    expect(preview.township?.name).toBe('青山镇');
    expect(archiveChecksum(p.county.sqlite)).toBe(before);

    const r = await unpackPackage(p.county, countyActor, first.file, { backupDir: join(p.dir, '备份') });
    expect(r.applied).toBe(true);
    expect(r.backupFile).toMatch(/导入数据包前/);
    expect(count('SELECT count(*) FROM households')).toBe(40);
    expect(count('SELECT count(*) FROM members')).toBe(sqlValue(p.township, 'SELECT count(*) FROM members'));
    // Row for row the same as the township's (the travelling tables).
    for (const t of ['households', 'members', 'incomes', 'batch_steps', 'step_outcomes', 'status_history']) {
      const dump = (a: typeof p.county) => JSON.stringify(sqlAll(a, `SELECT * FROM "${t}" ORDER BY id`));
      expect(dump(p.county), t).toBe(dump(p.township));
    }
    expect(readdirSync(p.dir).filter((f) => f.startsWith('.交换暂存')).flatMap((d) => readdirSync(join(p.dir, d)))).toEqual([]);
  });

  it('shows the township, its households and the batch awaiting county review', () => {
    const [t] = countyTownships(p.county);
    expect(t).toMatchObject({ name: '青山镇', households: 40, lastPackage: { seq: 1, scope: 'all' } });
    const page = countyHouseholds(p.county, { townshipId: t!.id, villageId: null, search: null, limit: 5, offset: 0 });
    expect(page.total).toBe(40);
    const batch = countyBatches(p.county, t!.id).find((b) => b.id === batchId)!;
    expect(batch).toMatchObject({ readyForReview: true, countyStep: { seq: 6, status: 'pending' } });
    expect(t!.awaitingReview).toBeGreaterThanOrEqual(1);
  });

  it('imports the same package again as a no-op', async () => {
    const before = archiveChecksum(p.county.sqlite);
    const r = await unpackPackage(p.county, countyActor, first.file);
    expect(r).toMatchObject({ applied: false, alreadyImported: true });
    expect(r.notes[0]).toMatch(/已导入过/);
    expect(archiveChecksum(p.county.sqlite)).toBe(before);
  });
});

describe('a second snapshot replaces the first', () => {
  it('updates changed households and removes those no longer in the township', async () => {
    // The township edits one household and deletes the rows of another (as a clean re-registration would).
    const victim = sqlValue(p.township, "SELECT id FROM households WHERE status = 'ordinary' AND id NOT IN (SELECT household_id FROM batch_households) AND id NOT IN (SELECT household_id FROM objections WHERE household_id IS NOT NULL) LIMIT 1") as string;
    sqlRun(p.township, 'DELETE FROM households WHERE id = ?', victim);
    const edited = sqlValue(p.township, "SELECT id FROM households WHERE status = 'ordinary' LIMIT 1") as string;
    sqlRun(p.township, "UPDATE households SET address = '新地址 1 号', version = version + 1, updated_at = '2026-12-10T08:00:00.000Z' WHERE id = ?", edited);
    const file = join(p.dir, '报送2.fpkg');
    const packed = await packTownship(p.township, townshipActor, { type: 'all' }, { out: file });
    expect(packed.seq).toBe(2);
    const r = await unpackPackage(p.county, countyActor, file);
    expect(r.households).toEqual({ added: 0, changed: 1, removed: 1 });
    expect(count('SELECT count(*) FROM households')).toBe(39);
    expect(sqlValue(p.county, 'SELECT address FROM households WHERE id = ?', edited)).toBe('新地址 1 号');
    expect(count(`SELECT count(*) FROM members WHERE household_id = '${victim}'`)).toBe(0);
    expect(count(`SELECT count(*) FROM exchange_rows WHERE row_id = '${victim}'`)).toBe(0);
  });
});

describe('county review back to the township', () => {
  let returned: string;
  let reviewFile: string;

  it('records opinions on the county step and packs the review result answering the latest package', async () => {
    const t = countyTownships(p.county)[0]!;
    const detail = batchDetail(p.county.db, batchId, '2026-12-10');
    const inBatch = detail.households.filter((h) => h.stoppedAt === null).map((h) => h.householdId);
    expect(inBatch.length).toBeGreaterThan(1);
    returned = inBatch[0]!;
    recordOpinion(p.county, countyActor, { batchId, seq: null, householdIds: [returned], opinion: 'return', reason: '家庭人均纯收入核算有误，请重新核算', reviewer: '县核查组', reviewedOn: '2026-12-05' });
    const ops = recordOpinion(p.county, countyActor, { batchId, seq: null, householdIds: [], opinion: 'pass', reason: null, reviewer: '县核查组', reviewedOn: '2026-12-06' });
    expect(ops).toHaveLength(2);
    expect(listOpinions(p.county, t.id, null).every((o) => !o.stale)).toBe(true);
    reviewFile = join(p.dir, '审核结果1.fpkg');
    const r = await packReview(p.county, countyActor, t.id, { out: reviewFile });
    expect(r).toMatchObject({ kind: 'review-result', seq: 1, opinions: 2 });
    expect(listOpinions(p.county, t.id, null).every((o) => o.sentIn === r.packageId)).toBe(true);
  });

  it('previews the review result on the township without writing, then applies it', async () => {
    expect(townshipReviews(p.township, null).awaiting.map((a) => a.seq)).toEqual([2, 1]);
    const before = archiveChecksum(p.township.sqlite);
    const preview = await unpackPackage(p.township, townshipActor, reviewFile, { dryRun: true });
    expect(preview.review).toMatchObject([{ batchId, effect: 'advanced', returned: 1 }]);
    expect(archiveChecksum(p.township.sqlite)).toBe(before);

    const r = await unpackPackage(p.township, townshipActor, reviewFile, { backupDir: join(p.dir, '备份') });
    expect(r.applied).toBe(true);
    const detail = batchDetail(p.township.db, batchId, '2026-12-10');
    expect(detail.steps.find((s) => s.seq === 6)!.status).toBe('closed');
    const h = detail.households.find((x) => x.householdId === returned)!;
    const o = h.outcomes[6]!;
    expect(o.outcome).toBe('return');
    expect(o.reason).toMatch(/家庭人均纯收入核算有误/);
    expect(detail.households.filter((x) => x.householdId !== returned && x.stoppedAt === null).every((x) => x.outcomes[6]?.outcome === 'pass')).toBe(true);
    // The announcement can follow.
    openStep(p.township.db, townshipActor, { batchId, seq: 7, startedOn: '2026-12-07', postedAt: null, note: null });
    const announced = closeStep(p.township.db, townshipActor, { batchId, seq: 7, closedOn: '2026-12-08', note: null });
    const passed = detail.households.filter((x) => x.householdId !== returned).map((x) => x.householdId).sort();
    expect(announced.applied.map((c) => c.householdId).sort()).toEqual(passed);
    const status = (id: string) => sqlValue(p.township, 'SELECT status FROM households WHERE id = ?', id);
    expect(passed.every((id) => ['edge', 'unstable', 'sudden'].includes(status(id) as string))).toBe(true);
    expect(status(returned)).toBe('ordinary');
    const view = townshipReviews(p.township, batchId);
    expect(view.received).toHaveLength(2);
    expect(view.received.find((x) => x.householdId === returned)).toMatchObject({ opinion: 'return', effect: 'returned' });
    expect(view.awaiting.map((a) => a.seq)).toEqual([1]); // export 2 is answered
  });

  it('imports the same review result again as a no-op', async () => {
    const before = archiveChecksum(p.township.sqlite);
    const r = await unpackPackage(p.township, townshipActor, reviewFile);
    expect(r.alreadyImported).toBe(true);
    expect(archiveChecksum(p.township.sqlite)).toBe(before);
  });
});
