import { describe, expect, it } from 'vitest';
import { closeGate, openGate, publicityEnd } from './gating.ts';
import type { GateMeeting, GateObjection, GateStep } from './gating.ts';
import { attendanceProblem, meetsTwoThirds, twoThirdsMinimum, voteCarries } from './meeting.ts';

const publicity = (over: Partial<GateStep> = {}): GateStep => ({
  seq: 4,
  label: '村级公示',
  publicity: true,
  meeting: false,
  minDays: 7,
  status: 'open',
  startedOn: '2026-11-01',
  closedOn: null,
  ...over,
});
const deliberation = (over: Partial<GateStep> = {}): GateStep => ({ ...publicity(), seq: 2, label: '民主评议', publicity: false, meeting: true, minDays: null, ...over });
const meeting = (attendeesCount: number, entitledCount: number, heldOn = '2026-11-03'): GateMeeting => ({ heldOn, attendeesCount, entitledCount });

describe('publicity period', () => {
  it('a 7-day publicity started on the 1st ends on the 7th and may close from the 8th', () => {
    expect(publicityEnd(publicity())).toBe('2026-11-07');
    const early = closeGate(publicity(), [], [], '2026-11-07');
    expect(early.ok).toBe(false);
    expect(early.from).toBe('2026-11-08');
    expect(early.blockers[0]).toMatch(/公示期为 2026-11-01 至 2026-11-07（不少于7天），公示期未满：2026-11-08 起才能完成本环节/);
    expect(closeGate(publicity(), [], [], '2026-11-08')).toEqual({ ok: true, blockers: [], from: '2026-11-08' });
  });

  it('counts the minimum from the archive setting (5 days for monitoring), across a month end', () => {
    const step = publicity({ minDays: 5, startedOn: '2026-02-26' });
    expect(publicityEnd(step)).toBe('2026-03-02');
    expect(closeGate(step, [], [], '2026-03-02').ok).toBe(false);
    expect(closeGate(step, [], [], '2026-03-03').ok).toBe(true);
  });

  it('refuses a close dated before the step began', () => {
    const g = closeGate({ ...publicity(), publicity: false, minDays: null }, [], [], '2026-10-31');
    expect(g.ok).toBe(false);
    expect(g.blockers[0]).toMatch(/完成日期 2026-10-31 早于本环节的开始日期 2026-11-01/);
  });
});

describe('objections', () => {
  const open: GateObjection = { raisedBy: '王五', raisedOn: '2026-11-03', settledOn: null };

  it('an open objection blocks the close, says who and when, and gives no date', () => {
    const g = closeGate(publicity(), [open], [], '2026-11-10');
    expect(g.ok).toBe(false);
    expect(g.from).toBeNull();
    expect(g.blockers).toEqual([expect.stringMatching(/还有 1 条异议没有办结：王五（2026-11-03）。请先记录处理情况和结果/)]);
  });

  it('a settled objection does not, unless it was settled after the close date', () => {
    expect(closeGate(publicity(), [{ ...open, settledOn: '2026-11-06' }], [], '2026-11-10').ok).toBe(true);
    expect(closeGate(publicity(), [{ ...open, settledOn: '2026-11-12' }], [], '2026-11-10').ok).toBe(false);
  });

  it('an early close with an open objection gives both reasons', () => {
    const g = closeGate(publicity(), [open], [], '2026-11-05');
    expect(g.blockers).toHaveLength(2);
  });
});

describe('two-thirds rule', () => {
  it('needs at least ⌈2n/3⌉ of n present', () => {
    expect(twoThirdsMinimum(30)).toBe(20);
    expect(twoThirdsMinimum(31)).toBe(21);
    expect(meetsTwoThirds(20, 30)).toBe(true);
    expect(meetsTwoThirds(19, 30)).toBe(false);
    expect(meetsTwoThirds(21, 31)).toBe(true);
    expect(meetsTwoThirds(20, 31)).toBe(false);
    expect(meetsTwoThirds(5, 0)).toBe(false);
    expect(meetsTwoThirds(31, 30)).toBe(false);
  });

  it('explains a meeting that does not count', () => {
    expect(attendanceProblem(19, 30)).toBe('到会 19 人，应到 30 人，不足三分之二（至少需要 20 人到会）');
    expect(attendanceProblem(31, 30)).toMatch(/多于应到人数/);
    expect(attendanceProblem(null, 30)).toMatch(/缺少到会人数/);
    expect(attendanceProblem(20, 30)).toBeNull();
  });

  it('a deliberation step closes only with a meeting where two thirds were present', () => {
    const none = closeGate(deliberation(), [], [], '2026-11-05');
    expect(none.blockers[0]).toMatch(/需要民主评议会议记录/);
    const thin = closeGate(deliberation(), [], [meeting(19, 30)], '2026-11-05');
    expect(thin.ok).toBe(false);
    expect(thin.blockers[0]).toMatch(/民主评议会议（2026-11-03）到会 19 人，应到 30 人，不足三分之二（至少需要 20 人到会）：会议无效，请重新召开会议/);
    expect(closeGate(deliberation(), [], [meeting(19, 30), meeting(20, 30, '2026-11-04')], '2026-11-05').ok).toBe(true);
    expect(closeGate(deliberation(), [], [meeting(25, 30, '2026-11-06')], '2026-11-05').blockers[0]).toMatch(/会议日期晚于关闭日期/);
  });

  it('a household carries with more than half of those present', () => {
    expect(voteCarries(11, 20)).toBe(true);
    expect(voteCarries(10, 20)).toBe(false);
    expect(voteCarries(0, 0)).toBe(false);
  });
});

describe('opening steps in order', () => {
  const closed = (over: Partial<GateStep> = {}): GateStep => ({ ...deliberation(), status: 'closed', closedOn: '2026-11-05', ...over });
  const pending = publicity({ status: 'pending', startedOn: null });

  it('refuses to skip a step', () => {
    const g = openGate(pending, deliberation(), '2026-10-01', '2026-11-06');
    expect(g.ok).toBe(false);
    expect(g.blockers[0]).toMatch(/上一环节“民主评议”还没有完成：请先完成第2步，不能跳过环节/);
  });

  it('refuses a start before the previous step was completed, naming the first possible day', () => {
    const g = openGate(pending, closed(), '2026-10-01', '2026-11-04');
    expect(g).toMatchObject({ ok: false, from: '2026-11-05' });
    expect(g.blockers[0]).toMatch(/开始日期 2026-11-04 早于上一环节“民主评议”的完成日期 2026-11-05/);
    expect(openGate(pending, closed(), '2026-10-01', '2026-11-05').ok).toBe(true);
  });

  it('the first step opens from the batch start, the refusal saying how to move the start back', () => {
    const first = { ...pending, seq: 1, label: '农户申请' };
    expect(openGate(first, null, '2026-10-01', '2026-09-30').blockers[0]).toMatch(/早于本批次的实际开始日期 2026-10-01：如果已在纸面上于 2026-09-30 办理，请先在批次页点“修改开始日期”/);
    expect(openGate(first, null, '2026-10-01', '2026-10-01').ok).toBe(true);
  });

  it('a running or completed step is not opened again', () => {
    expect(openGate(publicity(), closed(), '2026-10-01', '2026-11-09').ok).toBe(false);
    expect(openGate(closed(), null, '2026-10-01', '2026-11-09').blockers[0]).toMatch(/已经完成/);
  });
});
