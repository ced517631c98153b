import { describe, expect, it } from 'vitest';
import { batchAtPublicity, stepView } from './workflow-fixture.ts';
import { countsText, dueOf, plannedPeriod, shortDate, stepDates, stepVisual } from './workflow-timeline.ts';

const objection = (settledOn: string | null) => ({
  id: 'o1', seq: 4, householdId: null, household: null, raisedBy: '村民赵六', raisedOn: '2026-11-22', content: '该户有商品房', handling: null, result: null, settledOn,
});

describe('what is due on a batch', () => {
  it('a running publicity says until when it runs and from which day it can close, with the core reasons', () => {
    const reason = '公示期为 2026-11-20 至 2026-11-26（不少于7天），公示期未满：2026-11-27 起才能完成本环节';
    const d = batchAtPublicity({ startedOn: '2026-11-20', endsOn: '2026-11-26', gate: { canOpen: false, canClose: false, blockers: [reason], from: '2026-11-27' } });
    const due = dueOf(d);
    expect(due).toMatchObject({ tone: 'warning', blockers: [reason], fromText: '11月27日起可以完成', action: { kind: 'close', seq: 4, enabled: false } });
    expect(due.headline).toBe('第4步“村级公示”进行中：公示期到 2026年11月26日 为止，11月27日起可以完成');
  });

  it('an open objection is named, and without a date when the calendar is not the only obstacle', () => {
    const d = batchAtPublicity({
      startedOn: '2026-11-01',
      endsOn: '2026-11-07',
      objections: [objection(null), { ...objection('2026-11-23'), id: 'o2' }],
      gate: { canOpen: false, canClose: false, blockers: ['还有 1 条异议没有办结：村民赵六（2026-11-22）。请先记录处理情况和结果，办结后才能完成本环节'], from: null },
    });
    const due = dueOf(d);
    expect(due.headline).toBe('第4步“村级公示”进行中：有 1 条异议未处理');
    expect(due.fromText).toBeNull();
    expect(due.blockers[0]).toMatch(/村民赵六/);
  });

  it('a step that may close says so and what closing does to the households without an outcome', () => {
    const d = batchAtPublicity({ startedOn: '2026-11-01', endsOn: '2026-11-07', counts: { pass: 0, fail: 0, return: 0, pending: 2 }, gate: { canOpen: false, canClose: true, blockers: [], from: '2026-11-08' } });
    expect(dueOf(d)).toMatchObject({
      tone: 'success',
      headline: '第4步“村级公示”可以完成；完成时尚未登记结果的 2 户登记为通过（公示期满无异议）',
      action: { kind: 'close', seq: 4, enabled: true },
    });
  });

  it('a meeting step names the missing or short meeting', () => {
    const base = batchAtPublicity({});
    const steps = base.steps.map((s) => (s.seq === 2 ? stepView(2, { status: 'open', startedOn: '2026-09-05', gate: { canOpen: false, canClose: false, blockers: ['x'], from: null } }) : s.seq > 2 ? stepView(s.seq) : s));
    const d = { ...base, steps, currentStep: { seq: 2, label: '民主评议', status: 'open' as const } };
    expect(dueOf(d).headline).toBe('第2步“民主评议”进行中：需要先记录民主评议会议');
    const short = { id: 'm', seq: 2, heldOn: '2026-09-06', place: null, host: null, recorder: null, startsAt: null, endsAt: null, voteMethod: null, voteMethodLabel: null, scrutineer: null, teller: null, attendeesCount: 19, entitledCount: 30, attendees: null, minutes: null, result: null, valid: false, problem: '不足', votes: [] };
    const d2 = { ...d, steps: d.steps.map((s) => (s.seq === 2 ? { ...s, meetings: [short] } : s)) };
    expect(dueOf(d2).headline).toMatch(/评议会议到会人数不足三分之二，需重新召开并记录/);
  });

  it('a pending step that may open, one that may not, a first step with no households, a closed and a cancelled batch', () => {
    const base = batchAtPublicity({});
    const pending = { ...base, currentStep: { seq: 4, label: '村级公示', status: 'pending' as const }, steps: base.steps.map((s) => (s.seq === 4 ? stepView(4, { gate: { canOpen: true, canClose: false, blockers: [], from: '2026-09-10' } }) : s)) };
    expect(dueOf(pending)).toMatchObject({ tone: 'info', headline: '下一步：开始第4步“村级公示”（开始时填写张贴地点）', action: { kind: 'open', enabled: true } });
    const refused = { ...pending, steps: pending.steps.map((s) => (s.seq === 4 ? stepView(4, { gate: { canOpen: false, canClose: false, blockers: ['上一环节还没有完成'], from: null } }) : s)) };
    expect(dueOf(refused)).toMatchObject({ tone: 'warning', headline: '第4步“村级公示”还不能开始', blockers: ['上一环节还没有完成'], action: { enabled: false } });
    const empty = { ...base, householdCount: 0, currentStep: { seq: 1, label: '农户申请', status: 'open' as const }, steps: base.steps.map((s) => (s.seq === 1 ? stepView(1, { status: 'open', gate: { canOpen: false, canClose: true, blockers: [], from: '2026-09-01' } }) : s)) };
    expect(dueOf(empty)).toMatchObject({ headline: '第1步“农户申请”进行中：还没有农户，请先加入农户', action: { enabled: false } });
    expect(dueOf({ ...base, status: 'closed', closedOn: '2026-10-15', currentStep: null })).toMatchObject({ tone: 'success', headline: '本批次已于 2026-10-15 公告完成', action: null });
    expect(dueOf({ ...base, status: 'cancelled', closedOn: '2026-10-01' })).toMatchObject({ tone: 'error', action: null });
  });
});

describe('the timeline lines', () => {
  it('states, dates and counts', () => {
    const d = batchAtPublicity({ startedOn: '2026-11-20', endsOn: '2026-11-26', postedAt: '村务公开栏', counts: { pass: 1, fail: 1, return: 0, pending: 1 } });
    expect(d.steps.map((s) => stepVisual(s, d))).toEqual(['finish', 'finish', 'finish', 'process', 'wait', 'wait', 'wait', 'wait']);
    expect(stepVisual(d.steps[3]!, { ...d, status: 'cancelled' })).toBe('error');
    expect(stepDates(d.steps[3]!, 7)).toBe('公示期 2026-11-20 至 2026-11-26（不少于7天）');
    expect(stepDates(d.steps[0]!, 7)).toBe('2026-09-01 开始 · 2026-09-10 完成');
    expect(stepDates(d.steps[5]!, 7)).toBe('公示不少于7天');
    expect(stepDates(d.steps[4]!, 7)).toBe('');
    expect(countsText(d.steps[3]!)).toBe('通过 1 · 不通过 1 · 待定 1');
  });

  it('short dates drop the year only within the same year; a planned period', () => {
    expect(shortDate('2026-12-02', '2026-11-30')).toBe('12月2日');
    expect(shortDate('2027-01-03', '2026-12-31')).toBe('2027年1月3日');
    expect(plannedPeriod('2026-11-20', 7)).toEqual({ end: '2026-11-26', closableFrom: '2026-11-27' });
  });
});
