import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeIdNumber } from '../shared/id-number.ts';
import { DEFAULT_POLICY, POLICY_KINDS } from '../shared/policy.ts';
import { DuplicateIds, duplicateIdProblems, gatherFacts, loadQualityContextParts } from './quality.ts';
import { archiveInfo, households, incomes, measures, members, policyParameters, statusHistory, townships, villages } from './schema/index.ts';
import type { TempArchive } from './testing.ts';
import { freshArchive } from './testing.ts';

const stamp = { version: 1, updatedAt: '2024-01-01T00:00:00.000Z', updatedBy: '测试' };
const ID_A = makeIdNumber('510722', '1975-03-10', 101, '男');

let archive: TempArchive;

const eqId = (id: string) => eq(members.id, id);

function seed(a: TempArchive): void {
  const { db } = a;
  db.insert(townships).values({ id: 't1', ...stamp, name: '青山镇', province: '四川省' }).run();
  db.insert(villages)
    .values([
      { id: 'v2', ...stamp, townshipId: 't1', code: '510722101002', name: '二村', sortOrder: 2 },
      { id: 'v1', ...stamp, townshipId: 't1', code: '510722101001', name: '一村', sortOrder: 1 },
    ])
    .run();
  db.insert(households)
    .values([
      { id: 'h3', ...stamp, villageId: 'v2', no: '0003', status: 'poor' },
      { id: 'h2', ...stamp, villageId: 'v1', no: '0002' },
      { id: 'h1', ...stamp, villageId: 'v1', no: '0001', status: 'poor' },
    ])
    .run();
  db.insert(members)
    .values([
      { id: 'm12', ...stamp, householdId: 'h1', seq: 2, name: '李秀英', relation: '配偶' },
      { id: 'm11', ...stamp, householdId: 'h1', seq: 1, name: '张建国', relation: '户主', idNumber: ID_A },
      { id: 'm21', ...stamp, householdId: 'h2', seq: 1, name: '王五', relation: '户主' },
      // The same person again, in village 2: Q105 for h1 and h3.
      { id: 'm31', ...stamp, householdId: 'h3', seq: 1, name: '张建国', relation: '户主', idNumber: ID_A.toLowerCase() },
      // A member who left h2 with the same ID does not count.
      { id: 'm22', ...stamp, householdId: 'h2', seq: 2, name: '张建国', relation: '其他', idNumber: ID_A, leftReason: '其他转出' },
    ])
    .run();
  db.insert(incomes)
    .values([
      { id: 'i1', ...stamp, householdId: 'h1', year: 2023, householdSize: 2, wageFen: 100 },
      { id: 'i0', ...stamp, householdId: 'h1', year: 2022, householdSize: 2 },
      { id: 'i3', ...stamp, householdId: 'h3', year: 2021, householdSize: 1 },
    ])
    .run();
  db.insert(measures).values({ id: 'me1', ...stamp, householdId: 'h3', year: 2023, category: '产业帮扶' }).run();
  db.insert(statusHistory)
    .values([
      { id: 's2', ...stamp, householdId: 'h1', status: 'exited', effectiveOn: '2019-12-01' },
      { id: 's1', ...stamp, householdId: 'h1', status: 'poor', effectiveOn: '2014-10-01' },
    ])
    .run();
}

beforeEach(() => {
  archive = freshArchive();
  seed(archive);
});
afterEach(() => {
  archive.dispose();
});

describe('loadQualityContextParts', () => {
  it('reads province (from the township when archive_info is missing), policy and the latest income year', () => {
    const { db } = archive;
    for (const p of DEFAULT_POLICY) db.insert(policyParameters).values({ id: `${p.kind}-${p.year}-${p.province}`, ...stamp, ...p, unit: POLICY_KINDS[p.kind].unit }).run();
    db.insert(policyParameters).values({ id: 'odd', ...stamp, kind: 'unknownKind', year: 2020, value: 1, unit: 'fen', source: 'x' }).run();
    const parts = loadQualityContextParts(db);
    expect(parts.province).toBe('四川省');
    expect(parts.latestIncomeYear).toBe(2023);
    expect(parts.policy).toHaveLength(DEFAULT_POLICY.length);
    expect(parts.policy).toContainEqual(DEFAULT_POLICY.find((p) => p.kind === 'monitoringLine' && p.province === '贵州省'));
  });

  it('prefers archive_info.province and gives null without incomes', () => {
    const { db } = archive;
    db.insert(archiveInfo).values({ id: 1, role: 'township', townshipId: 't1', name: '青山镇', province: '贵州省', createdAt: stamp.updatedAt }).run();
    db.delete(incomes).run();
    expect(loadQualityContextParts(db)).toEqual({ province: '贵州省', policy: [], latestIncomeYear: null });
  });
});

describe('gatherFacts', () => {
  it('groups each table per household, in village then 户编号 order', () => {
    const facts = gatherFacts(archive.db);
    expect(facts.map((f) => [f.villageName, f.household.no])).toEqual([
      ['一村', '0001'],
      ['一村', '0002'],
      ['二村', '0003'],
    ]);
    const [h1, h2, h3] = facts;
    expect(h1!.members.map((m) => m.id)).toEqual(['m11', 'm12']);
    expect(h1!.incomes.map((i) => i.year)).toEqual([2022, 2023]);
    expect(h1!.history.map((s) => s.status)).toEqual(['poor', 'exited']);
    expect(h1!.measures).toEqual([]);
    expect(h2!.members.map((m) => m.id)).toEqual(['m21', 'm22']);
    expect(h2!.incomes).toEqual([]);
    // An income row's own id, version and stamps are left unread (UNREAD_INCOME): no rule reads them.
    expect(h3!.incomes).toEqual([expect.objectContaining({ householdId: 'h3', year: 2021, householdSize: 1 })]);
    expect(Object.keys(h3!.incomes[0]!)).not.toContain('id');
    expect(h3!.measures.map((m) => m.id)).toEqual(['me1']);
    expect(h1!.household.status).toBe('poor');
    expect(h1!.incomes[1]!.wageFen).toBe(100);
  });

  it('restricts to one village or to listed households', () => {
    expect(gatherFacts(archive.db, { villageId: 'v2' }).map((f) => [f.household.id, f.members.length])).toEqual([['h3', 1]]);
    const listed = gatherFacts(archive.db, { householdIds: ['h3', 'h1', 'h1'] });
    expect(listed.map((f) => f.household.id)).toEqual(['h1', 'h3']);
    expect(listed[0]!.members).toHaveLength(2);
    expect(gatherFacts(archive.db, { villageId: 'nowhere' })).toEqual([]);
    expect(gatherFacts(archive.db, { householdIds: [] })).toEqual([]);
  });

  it('searches every table through an index for one village (EXPLAIN QUERY PLAN)', () => {
    const seen: string[] = [];
    const prepare = archive.sqlite.prepare.bind(archive.sqlite);
    const spy = vi.spyOn(archive.sqlite, 'prepare').mockImplementation((source: string) => {
      seen.push(source);
      return prepare(source);
    });
    try {
      gatherFacts(archive.db, { villageId: 'v1' });
    } finally {
      spy.mockRestore();
    }
    // The village's households in order, then one chunk: its household rows, six child tables and the monitoring checks' days.
    expect(seen).toHaveLength(9);
    for (const source of seen) {
      const params = Array.from({ length: source.split('?').length - 1 }, () => 'v1');
      const plan = archive.sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[];
      const details = plan.map((r) => r.detail);
      expect(details.filter((d) => /^SCAN /.test(d)), source).toEqual([]);
      // The index gives the rows household by household: no sort of a whole chunk (pairings sort within one household).
      expect(details.filter((d) => /TEMP B-TREE FOR ORDER BY/.test(d) && !source.includes('JOIN villages')), source).toEqual([]);
      expect(details.some((d) => /USING (COVERING )?INDEX \w*household\w*|households_village_idx/.test(d)), source).toBe(true);
    }
  });
});

describe('duplicateIdProblems (Q105)', () => {
  it('reports each household sharing a current member ID, naming the other, and masks the ID', () => {
    const problems = duplicateIdProblems(archive.db, '2026-11-24');
    expect(problems.map((p) => [p.householdId, p.memberId, p.village])).toEqual([
      ['h1', 'm11', '一村'],
      ['h3', 'm31', '二村'],
    ]);
    const [p1, p3] = problems;
    expect(p1).toMatchObject({ code: 'Q105', severity: 'error', title: '同一人在两户', household: '0001', member: '张建国', field: 'idNumber' });
    expect(p1!.message).toContain('0003（二村');
    expect(p3!.message).toContain('0001（一村');
    for (const p of problems) expect(p.message).not.toContain(ID_A);
    expect(p1!.message).toContain('510722********');
  });

  it('is silent once the person left one of the households', () => {
    archive.db.update(members).set({ leftReason: '死亡', leftOn: '2024-01-01' }).where(eqId('m31')).run();
    expect(duplicateIdProblems(archive.db, '2026-11-24')).toEqual([]);
  });

  it('ignores shared placeholder or invalid numbers (Q101/Q102 report those)', () => {
    const placeholder = '999999197503101011';
    archive.db.update(members).set({ idNumber: placeholder }).where(eqId('m11')).run();
    archive.db.update(members).set({ idNumber: placeholder }).where(eqId('m31')).run();
    expect(duplicateIdProblems(archive.db, '2026-11-24')).toEqual([]);
  });

  it('gives the same problems from the candidates a walk over the members found (as SQLite trims and upper-cases)', () => {
    const ID_B = makeIdNumber('510722', '1980-01-02', 12, '女').replace(/.$/, 'x');
    archive.db.update(members).set({ idNumber: `  ${ID_B} ` }).where(eqId('m12')).run();
    archive.db.update(members).set({ idNumber: ID_B.toUpperCase(), leftReason: '   ' }).where(eqId('m22')).run();
    // A tab is not trimmed by SQLite: this one stays apart.
    archive.db.update(members).set({ idNumber: `\t${ID_B}` }).where(eqId('m21')).run();
    const walk = new DuplicateIds();
    gatherFacts(archive.db).forEach((f, household) => {
      for (const m of f.members) walk.add(m, household);
    });
    expect([...walk.found].sort()).toEqual([ID_A, ID_B.toUpperCase()].sort());
    const all = duplicateIdProblems(archive.db, '2026-11-24');
    expect(all.map((p) => p.memberId).sort()).toEqual(['m11', 'm12', 'm22', 'm31']);
    expect(duplicateIdProblems(archive.db, '2026-11-24', { candidates: walk.found })).toEqual(all);
    expect(duplicateIdProblems(archive.db, '2026-11-24', { candidates: new Set() })).toEqual([]);
  });
});
