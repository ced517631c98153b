// Households from a filter (income between the poverty and edge lines, not 低保/特困), quota
// flags, and the exit check with its veto reasons — on a real archive file.
import { afterEach, describe, expect, it } from 'vitest';
import { archiveChecksum, rowsWhere } from '../../db/testing.ts';
import { workflowsApi } from '../../shared/api/workflows.ts';
import { candidates } from './candidates.ts';
import { createBatch } from './create.ts';
import { batchDetail } from './detail.ts';
import { exitChecks } from './exit-checks.ts';
import { listBatches } from './list.ts';
import { saveMeeting } from './meetings.ts';
import { addByHand, addFitting } from './membership.ts';
import { recordOutcome } from './outcomes.ts';
import { listQuotas, saveQuota } from './quotas.ts';
import { saveKindSettings } from './settings.ts';
import { closeStep, openStep } from './steps.ts';
import type { Fixture } from './testing.ts';
import { actor, workflowFixture } from './testing.ts';

let fx: Fixture;
afterEach(() => fx.dispose());

const filter = (over: object = {}) => workflowsApi.candidates.input.parse({ batchId: 'x', filter: over }).filter;

describe('households from a filter', () => {
  // 2019: poverty line 3,218 元, edge line 4,000 元 (policy defaults).
  const specs = [
    { no: 'P1', perCapitaYuan: 3218, year: 2019 },
    { no: 'E1', perCapitaYuan: 3218.01, year: 2019 },
    { no: 'E2', perCapitaYuan: 3999.99, year: 2019 },
    { no: 'O1', perCapitaYuan: 4000, year: 2019 },
    { no: 'D1', perCapitaYuan: 3600, year: 2019, dibao: true },
    { no: 'X1', perCapitaYuan: 3600, year: 2019, status: 'exited' as const },
    { no: 'W1', perCapitaYuan: 3500, year: 2019, village: 1 as const },
    { no: 'N1' },
  ];

  it('finds households above the poverty line and below the edge line, without 低保/特困, in the batch villages', () => {
    fx = workflowFixture(specs);
    const id = createBatch(fx.archive.db, actor, { kind: 'edge', year: 2019, villageIds: [fx.villageIds[0]], title: null, createdOn: '2019-10-08', householdIds: [] });
    const found = candidates(fx.archive.db, id, filter({ preset: 'edge-range' }));
    expect(found.map((c) => [c.no, c.perCapitaFen, c.incomeYear])).toEqual([['E1', 321_801, 2019], ['E2', 399_999, 2019]]);
    const all = candidates(fx.archive.db, id, filter({ excludeWelfare: false, aboveFen: 300_000 }));
    expect(all.map((c) => c.no).sort()).toEqual(['D1', 'E1', 'E2', 'O1', 'P1']);
  });

  it('adds the ones that fit and lists the others with the reason', () => {
    fx = workflowFixture(specs);
    const first = createBatch(fx.archive.db, actor, { kind: 'edge', year: 2019, villageIds: [], title: '第一批', createdOn: '2019-10-08', householdIds: [fx.id('E1')] });
    const id = createBatch(fx.archive.db, actor, { kind: 'edge', year: 2019, villageIds: [], title: '第二批', createdOn: '2019-10-08', householdIds: [] });
    const found = candidates(fx.archive.db, id, filter({ preset: 'edge-range' }));
    expect(found.find((c) => c.no === 'E1')!.conflict).toBe('已在进行中的同类批次“第一批”中，同一户不能同时在两个贫困边缘户认定批次中');
    const r = addFitting(fx.archive.db, actor, id, found.map((c) => c.householdId), { on: '2019-10-09', choice: null, risks: [] });
    expect(r.added).toBe(2);
    expect(r.skipped).toEqual([{ householdId: fx.id('E1'), household: 'E1（户主E1成员1）', reason: expect.stringMatching(/第一批/) as unknown }]);
    expect(batchDetail(fx.archive.db, id, '2019-10-09').households.map((h) => h.no)).toEqual(['E2', 'W1']);
    expect(batchDetail(fx.archive.db, first, '2019-10-09').householdCount).toBe(1);
  });

  it('refuses a household whose status the kind does not take', () => {
    fx = workflowFixture(specs);
    const id = createBatch(fx.archive.db, actor, { kind: 'edge', year: 2019, villageIds: [], title: null, createdOn: '2019-10-08', householdIds: [] });
    expect(() => addByHand(fx.archive.db, actor, id, { householdIds: [fx.id('X1')], on: '2019-10-08', choice: null, risks: [] })).toThrow(/X1（户主X1成员1）：现为已脱贫，贫困边缘户认定只适用于非建档户/);
  });

  it('says so when the year has no edge range in the policy', () => {
    fx = workflowFixture(specs);
    const id = createBatch(fx.archive.db, actor, { kind: 'edge', year: 2025, villageIds: [], title: null, createdOn: '2025-10-08', householdIds: [] });
    expect(() => candidates(fx.archive.db, id, filter({ preset: 'edge-range', incomeYear: 2025 }))).toThrow(/收入范围为空：高于 4,000.00 元且低于 4,000.00 元/);
  });
});

describe('quota', () => {
  it('flags a batch over its village’s quota with the numbers, without blocking it', () => {
    fx = workflowFixture([{ no: 'A1' }, { no: 'A2' }, { no: 'A3' }]);
    saveQuota(fx.archive.db, actor, { villageId: fx.villageIds[0], year: 2026, kind: 'edge', households: 2 });
    const id = createBatch(fx.archive.db, actor, { kind: 'edge', year: 2026, villageIds: [fx.villageIds[0]], title: null, createdOn: '2026-09-01', householdIds: [fx.id('A1'), fx.id('A2')] });
    expect(batchDetail(fx.archive.db, id, '2026-09-01')).toMatchObject({ overQuota: false, quota: [{ quota: 2, used: 2, over: 0, message: null }] });
    addByHand(fx.archive.db, actor, id, { householdIds: [fx.id('A3')], on: '2026-09-02', choice: null, risks: [] });
    const d = batchDetail(fx.archive.db, id, '2026-09-02');
    expect(d.overQuota).toBe(true);
    expect(d.quota).toEqual([expect.objectContaining({ villageName: '青山村', quota: 2, used: 3, over: 1, message: '青山村2026年贫困边缘户认定规模为 2 户，已纳入 3 户，超出 1 户：请核实是否报县里调整规模' })]);
    expect(listBatches(fx.archive.db, { kind: 'edge' }, '2026-09-02')[0]!.overQuota).toBe(true);
    expect(listQuotas(fx.archive.db, 2026, 'edge')).toEqual([expect.objectContaining({ villageCode: '511922101001', quota: 2, used: 3, over: 1 })]);
  });
});

describe('exit check', () => {
  it('shows why a household does not qualify: income, assessment, veto items, two years running', () => {
    fx = workflowFixture([
      { no: 'Q1', status: 'poor', perCapitaYuan: 6500, assessment: {} },
      { no: 'Q2', status: 'poor', perCapitaYuan: 3900, assessment: { housingOk: false } },
      { no: 'Q3', status: 'poor', perCapitaYuan: 6500, assessment: {}, seriouslyIll: true },
      { no: 'Q4', status: 'poor', perCapitaYuan: 6500 },
    ]);
    const id = createBatch(fx.archive.db, actor, { kind: 'exit', year: 2025, villageIds: [], title: null, createdOn: '2025-11-01', householdIds: ['Q1', 'Q2', 'Q3', 'Q4'].map((n) => fx.id(n)) });
    const rows = new Map(exitChecks(fx.archive.db, { year: 2025, batchId: id, householdIds: [] }).map((r) => [r.household.slice(0, 2), r]));
    expect(rows.get('Q1')).toMatchObject({ qualifies: true, reasons: [] });
    expect(rows.get('Q2')!.reasons).toEqual(['【一票否决】人均纯收入：2025年人均纯收入 3,900.00 元，脱贫标准 4,000.00 元，未高于标准', '住房安全有保障：未达标']);
    expect(rows.get('Q3')!.reasons).toEqual(['【一票否决】大病救助：Q3成员1患有大病，未同时参加基本医保和大病保险']);
    expect(rows.get('Q4')!.reasons).toEqual(['“两不愁三保障”及饮水安全：没有2025年“两不愁三保障”评估记录，请先入户评估']);

    saveKindSettings(fx.archive.db, actor, { kind: 'exit', publicityDays: 7, requireTwoYears: true });
    const q1 = exitChecks(fx.archive.db, { year: 2025, batchId: null, householdIds: [fx.id('Q1')] })[0]!;
    expect(q1.qualifies).toBe(false);
    expect(q1.reasons).toEqual(['连续两年达到脱贫标准：没有2024年的收入记录，请先录入收入']);
  });

  it('announces an exit only for households that meet the standard: the others must be recorded 不通过 first', () => {
    fx = workflowFixture([
      { no: 'Q1', status: 'poor', perCapitaYuan: 6500, assessment: {} },
      { no: 'Q2', status: 'poor', perCapitaYuan: 3900, assessment: {} },
    ]);
    const db = fx.archive.db;
    const id = createBatch(db, actor, { kind: 'exit', year: 2025, villageIds: [], title: null, createdOn: '2026-01-05', householdIds: [fx.id('Q1'), fx.id('Q2')] });
    const days: [string, string][] = [['2026-01-05', '2026-01-06'], ['2026-01-06', '2026-01-07'], ['2026-01-07', '2026-01-14'], ['2026-01-14', '2026-01-15'], ['2026-01-15', '2026-01-22']];
    days.slice(0, 4).forEach(([from, to], i) => {
      openStep(db, actor, { batchId: id, seq: i + 1, startedOn: from, postedAt: '村务公开栏', note: null });
      if (i === 0) saveMeeting(db, actor, { batchId: id, seq: 1, id: null, heldOn: from, place: null, host: null, recorder: null, attendeesCount: 20, entitledCount: 25, attendees: null, minutes: null, result: null, votes: [] });
      closeStep(db, actor, { batchId: id, seq: i + 1, closedOn: to, note: null });
    });
    openStep(db, actor, { batchId: id, seq: 5, startedOn: '2026-01-15', postedAt: '县政府网站', note: null });
    const before = archiveChecksum(fx.archive.sqlite);
    expect(() => closeStep(db, actor, { batchId: id, seq: 5, closedOn: '2026-01-22', note: null })).toThrow(/有 1 户未达到2025年脱贫退出标准，不能公告退出：Q2（户主Q2成员1）：【一票否决】人均纯收入/);
    expect(archiveChecksum(fx.archive.sqlite)).toBe(before);
    recordOutcome(db, actor, { batchId: id, seq: 5, householdIds: [fx.id('Q2')], outcome: 'fail', reason: '人均纯收入未超过脱贫标准', decidedOn: '2026-01-20', decidedBy: '县级核查组' });
    const r = closeStep(db, actor, { batchId: id, seq: 5, closedOn: '2026-01-22', note: null });
    expect(r.applied.map((a) => [a.household, a.to])).toEqual([['Q1（户主Q1成员1）', 'exited']]);
    expect(rowsWhere(db, 'households', { id: fx.id('Q1') })[0]).toMatchObject({ status: 'exited', exitYear: 2025, householdType: '脱贫户' });
  });
});
