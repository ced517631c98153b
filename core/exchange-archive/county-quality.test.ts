// County per-township quality (issue 16, item 5): two small generated townships with problems of
// their own, sent to one county; each township's row counts exactly what its own archive's check
// finds, the findings are the same list, and a snapshot's result is kept until a new package.
// Also the townships' 预警 as the county sees them.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allBlobs, openSnapshot, townshipRefs, travellingRows } from '../../db/repos/exchange-snapshot.ts';
import { sqlRun, sqlValue, tempDir } from '../../db/testing.ts';
import type { Archive } from '../../db/open.ts';
import { maskIdNumber } from '../../shared/mask.ts';
import { acknowledge, applyAcks } from '../check-acks.ts';
import { checkArchive } from '../check.ts';
import type { JsonObject } from '../exchange/canonical.ts';
import { writePackage } from '../exchange/index.ts';
import type { EntrySource } from '../exchange/index.ts';
import { alertRegister, countyScreening } from '../screening/index.ts';
import { fixedDayClock } from '../../shared/clock.ts';
import { createSession } from '../session.ts';
import { countyQuality, townshipProblems } from './county-quality.ts';
import { townshipProblemsTable } from '../lists/county-tables.ts';
import { Q105X } from '../../shared/quality/county-rules.ts';
import { countyQualityOf } from './county-quality-session.ts';
import type { CountyQualityCache } from './county-quality.ts';
import { countyOfTwo } from './county-testing.ts';
import type { CountyOfTwo } from './county-testing.ts';
import { entryIdOf } from './export.ts';
import { ownKey } from './own-key.ts';
import { TABLES } from './tables.ts';
import { AS_OF, countyActor, refusal, townshipActor } from './testing.ts';
import { unpackPackage } from './unpack.ts';

let p: CountyOfTwo;
let second: Archive;
const now = () => new Date('2026-12-10T09:30:00Z');
const send = (t: Archive, name: string) => p.send(t, name);

beforeAll(async () => {
  p = await countyOfTwo('relief-county-quality-');
  second = p.second;
}, 120_000);
afterAll(() => p.close());

describe('county per-township quality', () => {
  it('counts per township what each township’s own check finds', async () => {
    const q = await countyQuality(p.county, { asOf: AS_OF, now });
    expect(q.townships.map((t) => t.name).sort()).toEqual(['白水乡', '青山镇']);
    for (const [name, own] of [['青山镇', p.township], ['白水乡', second]] as const) {
      const mine = checkArchive(own, { asOf: AS_OF });
      const row = q.townships.find((t) => t.name === name)!;
      expect(mine.counts.error + mine.counts.warning).toBeGreaterThan(0);
      expect({ errors: row.errors, warnings: row.warnings, year: row.year }).toEqual({ errors: mine.counts.error, warnings: mine.counts.warning, year: mine.year });
      expect(row.households).toBe(sqlValue(own, 'SELECT count(*) FROM households'));
      expect(row.members).toBe(sqlValue(own, 'SELECT count(*) FROM members WHERE left_reason IS NULL'));
      const errorHouseholds = new Set(mine.problems.filter((x) => x.severity === 'error').map((x) => x.householdId)).size;
      expect(row.errorHouseholds).toBe(errorHouseholds);
      expect(row.errorHouseholdShare).toBeCloseTo(errorHouseholds / row.households, 10);
      expect(row.top.length).toBeGreaterThan(0);
      expect(row.top.length).toBeLessThanOrEqual(3);
      expect(row.top[0]!.count).toBe(Math.max(...[...new Set(mine.problems.map((x) => x.code))].map((c) => mine.problems.filter((x) => x.code === c).length)));
      expect(row.checkedAt).toBe('2026-12-10T09:30:00.000Z');
      // The findings: the same list, in the same order.
      const list = townshipProblems(p.county, row.townshipId, { asOf: AS_OF, now });
      expect(list.problems.map((x) => [x.code, x.household, x.memberId, x.message])).toEqual(mine.problems.map((x) => [x.code, x.household, x.memberId, x.message]));
      expect(list.problems.some((x) => x.code === 'Q105')).toBe(false);
    }
    expect(q.totals.errors).toBe(q.townships.reduce((n, t) => n + t.errors, 0));
  });

  it('keeps a snapshot’s result until that township sends a new package', async () => {
    const cache: CountyQualityCache = new Map();
    let at = 0;
    const clock = () => new Date(Date.UTC(2026, 11, 10, 10, at++));
    const first = await countyQuality(p.county, { asOf: AS_OF, now: clock, cache });
    const again = await countyQuality(p.county, { asOf: AS_OF, now: clock, cache });
    expect(again.townships.map((t) => t.checkedAt)).toEqual(first.townships.map((t) => t.checkedAt));
    // 白水乡 fixes its over-60 workers and sends again: only 白水乡 is checked anew, with fewer findings.
    sqlRun(second, `UPDATE members SET labour_ability = '弱劳动力或半劳动力', version = version + 1 WHERE birth_date < '1960-01-01' AND labour_ability = '普通劳动力'`);
    await send(second, '白水乡-2');
    const after = await countyQuality(p.county, { asOf: AS_OF, now: clock, cache });
    const by = (v: typeof first, n: string) => v.townships.find((t) => t.name === n)!;
    expect(by(after, '青山镇').checkedAt).toBe(by(first, '青山镇').checkedAt);
    expect(by(after, '白水乡').checkedAt).not.toBe(by(first, '白水乡').checkedAt);
    expect(by(after, '白水乡').errors + by(after, '白水乡').warnings).toBeLessThan(by(first, '白水乡').errors + by(first, '白水乡').warnings);
    expect(by(after, '白水乡').errors + by(after, '白水乡').warnings).toBe(checkArchive(second, { asOf: AS_OF }).problems.length);
  });

  it('is a county view: a township archive is refused, and so is a township the county does not hold', async () => {
    const r = await refusal(p.township, () => countyQuality(p.township, { asOf: AS_OF, now }));
    // Not the review's refusal (审核意见…): what this view is and where to look instead.
    expect(r.error.message).toBe('这是乡镇档案：各乡镇的数据质量汇总只在县级档案中查看（导入乡镇报送的数据包之后）；本乡镇的数据请用“数据检查”（命令行 check）。');
    expect(r.unchanged).toBe(true);
    expect(() => townshipProblems(p.county, 'no-such-township', { asOf: AS_OF, now })).toThrow(/县级档案中没有这个乡镇/);
  });
});

describe('county per-township quality as a job', () => {
  it('reports each township on the bar, and 取消 stops between townships with the plain message', async () => {
    const s = createSession({ dataDir: tempDir(), clock: fixedDayClock(AS_OF) });
    s.archive = p.county;
    try {
      const q = await countyQualityOf(s, 'job-county-q1');
      expect(q.townships).toHaveLength(2);
      expect(s.jobs.status('job-county-q1')).toMatchObject({ state: 'done', fraction: 1 });
      expect(s.jobs.phases('job-county-q1')).toEqual(['各乡镇数据检查']);
      s.cache.clear();
      const cancelled = countyQualityOf(s, 'job-county-q2');
      s.jobs.cancel('job-county-q2');
      await expect(cancelled).rejects.toThrow(/^各乡镇数据检查已取消，没有写入任何内容。$/);
      expect(s.jobs.status('job-county-q2').state).toBe('cancelled');
    } finally {
      s.archive = null;
    }
  });
});

describe('county: the townships’ 预警', () => {
  const all = { department: null, status: null, villageId: null, overdue: false, householdId: null };
  it('counts per township what the township’s own register counts, and lists them read-only', () => {
    const today = '2026-12-10';
    const c = countyScreening(p.county, today);
    const mine = alertRegister(p.township.db, today, all);
    expect(mine.counts.total).toBeGreaterThan(1);
    expect(mine.counts.byStatus.dismissed).toBe(1);
    expect(mine.counts.overdue).toBeGreaterThan(0);
    const qs = c.townships.find((t) => t.name === '青山镇')!;
    const { total, overdue, byStatus, byDepartment } = qs;
    expect({ total, overdue, byStatus, byDepartment }).toEqual(mine.counts);
    expect(c.townships.find((t) => t.name === '白水乡')).toMatchObject({ total: 0, overdue: 0 });
    expect(c.totals).toEqual({ total: mine.counts.total, pending: mine.counts.byStatus.pending, overdue: mine.counts.overdue });
    const list = alertRegister(p.county.db, today, { ...all, townshipId: qs.townshipId });
    expect(list.alerts.map((a) => [a.householdNo, a.reason, a.status])).toEqual(mine.alerts.map((a) => [a.householdNo, a.reason, a.status]));
    expect(alertRegister(p.county.db, today, { ...all, townshipId: c.townships.find((t) => t.name === '白水乡')!.townshipId }).alerts).toEqual([]);
  });

  it('is a county view', () => {
    expect(() => countyScreening(p.township, '2026-12-10')).toThrow(/这是乡镇档案/);
  });
});

describe('county: what only the county sees, and the townships’ 已核实无误', () => {
  it('reports a person registered in two townships (Q105X), naming both townships, households and members', async () => {
    const q = await countyQuality(p.county, { asOf: AS_OF, now });
    const shared = sqlValue(p.township, 'SELECT id_number FROM members WHERE left_reason IS NULL ORDER BY id LIMIT 1') as string;
    const mine = (a: Archive) => ({ no: sqlValue(a, 'SELECT h.no FROM members m JOIN households h ON h.id = m.household_id WHERE m.id_number = ?', shared) as string, name: sqlValue(a, 'SELECT name FROM members WHERE id_number = ?', shared) as string });
    const qs = mine(p.township);
    const bs = mine(second);
    const byName = [...q.countyFindings].sort((a, b) => (a.township < b.township ? -1 : 1));
    expect(byName.map((f) => [f.code, f.severity, f.township, f.household, f.member, f.field])).toEqual([
      ['Q105X', 'error', '白水乡', bs.no, bs.name, 'idNumber'],
      ['Q105X', 'error', '青山镇', qs.no, qs.name, 'idNumber'],
    ]);
    expect(new Set(byName.map((f) => f.person))).toEqual(new Set([1]));
    const [fq, fb] = ['青山镇', '白水乡'].map((n) => q.countyFindings.find((f) => f.township === n)!);
    expect(fq!.message).toContain(`白水乡户编号${bs.no}`);
    expect(fq!.message).toContain(bs.name);
    expect(fb!.message).toContain(`青山镇户编号${qs.no}`);
    expect(fq!.message).toContain(maskIdNumber(shared));
    expect(fq!.message).not.toContain(shared);
    // Not in either township's own counts; listed with the township's findings.
    const list = townshipProblems(p.county, fq!.townshipId, { asOf: AS_OF, now });
    expect(list.countyFindings).toEqual([fq]);
    expect(list.problems.some((x) => x.code === 'Q105X')).toBe(false);
    // One side's member leaves: nothing left to report.
    const cache: CountyQualityCache = new Map();
    expect((await countyQuality(p.county, { asOf: AS_OF, now, cache })).countyFindings).toHaveLength(2);
    sqlRun(second, "UPDATE members SET left_reason = '迁出', version = version + 1 WHERE id_number = ?", shared);
    await send(second, '白水乡-迁出');
    expect((await countyQuality(p.county, { asOf: AS_OF, now, cache })).countyFindings).toEqual([]);
    sqlRun(second, 'UPDATE members SET left_reason = NULL, version = version + 1 WHERE id_number = ?', shared);
    await send(second, '白水乡-迁回');
  });

  it('shows a township’s 已核实无误 as it does, and raises it again once the township’s data changed', async () => {
    const own = checkArchive(p.township, { asOf: AS_OF });
    const target = own.problems.find((x) => x.memberId !== null && x.code !== 'Q105')!;
    acknowledge(p.township, townshipActor, AS_OF, { householdId: target.householdId, code: target.code, memberId: target.memberId, reason: '经入户核实属实' });
    await send(p.township, '青山镇-核实');
    const cache: CountyQualityCache = new Map();
    const q = await countyQuality(p.county, { asOf: AS_OF, now, cache });
    const row = q.townships.find((t) => t.name === '青山镇')!;
    const mine = applyAcks(p.township.db, checkArchive(p.township, { asOf: AS_OF }));
    expect(mine.acknowledged.length).toBeGreaterThan(0);
    expect({ errors: row.errors, warnings: row.warnings }).toEqual({ errors: mine.counts.error, warnings: mine.counts.warning });
    const list = townshipProblems(p.county, row.townshipId, { asOf: AS_OF, now, cache });
    expect(list.acknowledged.map((a) => [a.problem.code, a.problem.memberId, a.ack.reason, a.ack.acknowledgedBy, a.ack.acknowledgedOn])).toEqual(
      mine.acknowledged.map((a) => [a.problem.code, a.problem.memberId, '经入户核实属实', '李会计', AS_OF]),
    );
    expect(list.problems.map((x) => x.message)).toEqual(mine.problems.map((x) => x.message));
    // The township's 问题清单 from the county: the person in two townships first, the marked one left out.
    const session = createSession({ dataDir: tempDir(), clock: fixedDayClock(AS_OF) });
    session.archive = p.county;
    try {
      const table = townshipProblemsTable(session, row.townshipId);
      expect(table.rows.map((r) => r[6])).toEqual(['Q105X', ...mine.problems.map((x) => x.code)]);
      expect(table.rows[0]![8]).toBe(Q105X.hint);
      expect(table.subtitle).toContain(`同一人在两个乡镇 1 项 · 乡镇已核实无误 ${mine.acknowledged.length} 项（不列入）`);
    } finally {
      session.archive = null;
    }
    // The township edits that member (without a new 核实) and sends again: the county raises it again.
    sqlRun(p.township, "UPDATE members SET phone = '13800000000', version = version + 1 WHERE id = ?", target.memberId);
    await send(p.township, '青山镇-修改');
    const again = townshipProblems(p.county, row.townshipId, { asOf: AS_OF, now, cache });
    expect(again.acknowledged).toEqual([]);
    expect(again.problems.some((x) => x.code === target.code && x.memberId === target.memberId)).toBe(true);
    expect(again.counts.error + again.counts.warning).toBe(checkArchive(p.township, { asOf: AS_OF }).problems.length);
  });

  it('still imports a whole-archive package from before 已核实无误 and 部门筛查 travelled (read as none)', async () => {
    const file = join(p.dir, '青山镇-旧版.fpkg');
    const snap = openSnapshot(p.township.file, p.township.key);
    try {
      const older = new Set(['quality_acks', 'screening_lists', 'screening_alerts']);
      const entries: EntrySource[] = TABLES.filter((t) => !older.has(t.name)).map((t) => ({ type: 'table', name: t.name, rows: [...travellingRows(snap.db, t.name)] as JsonObject[] }));
      for (const b of allBlobs(snap.db)) entries.push({ type: 'attachment', id: entryIdOf(b.sha256), sha256: b.sha256, size: b.size, data: [b.data] });
      await writePackage({ file, sender: ownKey(p.township), kind: 'township-export', seq: 900, to: { recipients: [ownKey(p.county).publicKey] }, entries, schemaVersion: p.township.schemaVersion, meta: { scope: 'all', batchIds: [], township: { ...townshipRefs(snap.db, 1)[0]! } } });
    } finally {
      snap.close();
    }
    const r = await unpackPackage(p.county, countyActor, file);
    expect(r.applied).toBe(true);
    const t = (await countyQuality(p.county, { asOf: AS_OF, now })).townships.find((x) => x.name === '青山镇')!;
    expect(sqlValue(p.county, 'SELECT count(*) FROM quality_acks h JOIN households x ON x.id = h.household_id JOIN villages v ON v.id = x.village_id WHERE v.township_id = ?', t.townshipId)).toBe(0);
    expect(sqlValue(p.county, 'SELECT count(*) FROM screening_alerts')).toBe(0);
    expect(t.errors + t.warnings).toBe(checkArchive(p.township, { asOf: AS_OF }).problems.length);
  });
});
