import { describe, expect, it } from 'vitest';
import { batchAtPublicity, householdView } from './workflow-fixture.ts';
import { closeInputFrom, createInputFrom, dateProblem, decisionInputFrom, objectionInputFrom, openInputFrom, outcomeInputFrom, removeInputFrom, settleInputFrom } from './workflow-forms.ts';
import { canDecideAt, candidateFilterFrom, defaultPreset, progressText, quotaNotes, searchRows } from './workflow-households.ts';
import { attendanceLive, attendeeNames, meetingInputFrom, meetingValuesFrom, voteRowsFor, voteVerdict } from './workflow-meeting.ts';

const TODAY = '2026-11-24';

describe('batch forms', () => {
  it('dates: required, real, not after today', () => {
    expect(dateProblem('', '开始日期', TODAY)).toBe('请填写开始日期');
    expect(dateProblem('2026-02-30', '开始日期', TODAY)).toMatch(/格式应为 YYYY-MM-DD/);
    expect(dateProblem('2026-11-25', '开始日期', TODAY)).toMatch(/晚于今天（2026-11-24）/);
    expect(dateProblem('2026-11-24', '开始日期', TODAY)).toBeNull();
  });

  it('create: kind, year and date checked; a blank title lets the archive name it', () => {
    expect(createInputFrom({ kind: null, year: 2026, villageIds: [], createdOn: TODAY, title: '' }, TODAY)).toMatchObject({ ok: false, field: 'kind' });
    expect(createInputFrom({ kind: 'edge', year: 1999, villageIds: [], createdOn: TODAY, title: '' }, TODAY)).toMatchObject({ ok: false, field: 'year' });
    expect(createInputFrom({ kind: 'edge', year: 2026, villageIds: ['v1'], createdOn: ' 2026-10-01 ', title: '  ' }, TODAY)).toEqual({
      ok: true,
      input: { kind: 'edge', year: 2026, villageIds: ['v1'], createdOn: '2026-10-01', title: null },
    });
  });

  it('outcomes: households chosen, a reason for 不通过 and 退回', () => {
    const v = { outcome: 'fail' as const, reason: '', decidedOn: TODAY, decidedBy: '' };
    expect(outcomeInputFrom(v, 'b', 3, [], TODAY)).toMatchObject({ ok: false, field: 'householdIds' });
    expect(outcomeInputFrom(v, 'b', 3, ['h'], TODAY)).toMatchObject({ ok: false, field: 'reason', message: '不通过或退回必须填写理由' });
    expect(outcomeInputFrom({ ...v, outcome: 'pass' }, 'b', 3, ['h'], TODAY)).toMatchObject({ ok: true, input: { outcome: 'pass', reason: null, decidedBy: null } });
  });

  it('open and close: a publicity step needs where it is posted', () => {
    expect(openInputFrom({ startedOn: TODAY, postedAt: ' ', note: '' }, 'b', 4, true, TODAY)).toMatchObject({ ok: false, field: 'postedAt' });
    expect(openInputFrom({ startedOn: TODAY, postedAt: '', note: '' }, 'b', 3, false, TODAY)).toMatchObject({ ok: true, input: { postedAt: null } });
    expect(closeInputFrom({ closedOn: '2026-13-01', note: '' }, 'b', 4, TODAY)).toMatchObject({ ok: false, field: 'closedOn' });
  });

  it('objections, settlement, decisions and removal', () => {
    expect(objectionInputFrom({ householdId: null, raisedBy: '', raisedOn: TODAY, content: ' ' }, 'b', 4, TODAY)).toMatchObject({ ok: false, field: 'content' });
    expect(objectionInputFrom({ householdId: 'h', raisedBy: '赵六', raisedOn: TODAY, content: '有商品房' }, 'b', 4, TODAY)).toMatchObject({ ok: true, input: { raisedBy: '赵六', householdId: 'h' } });
    expect(settleInputFrom({ handling: '入户核实', result: '异议不成立', settledOn: '2026-11-01' }, 'o', '2026-11-02', TODAY)).toMatchObject({ ok: false, field: 'settledOn', message: /早于异议提出日期 2026-11-02/ });
    expect(settleInputFrom({ handling: '', result: 'x', settledOn: TODAY }, 'o', '2026-11-02', TODAY)).toMatchObject({ ok: false, field: 'handling' });
    expect(decisionInputFrom({ decision: '', reason: 'x', decidedOn: TODAY }, 'b', TODAY)).toMatchObject({ ok: false, field: 'decision' });
    expect(decisionInputFrom({ decision: '党委会纪要〔2026〕12号', reason: '漏报收入', decidedOn: TODAY }, 'b', TODAY)).toMatchObject({ ok: true });
    expect(removeInputFrom({ on: TODAY, reason: '' }, 'b', 'h', TODAY)).toMatchObject({ ok: false, field: 'reason' });
  });
});

describe('民主评议 meeting form', () => {
  it('shows two thirds live by the archive rule', () => {
    expect(attendanceLive(null, null).ok).toBe(false);
    expect(attendanceLive(null, 30)).toMatchObject({ minimum: 20, ok: false, text: '应到 30 人，至少需要 20 人到会（三分之二）' });
    expect(attendanceLive(19, 30)).toMatchObject({ ok: false, text: expect.stringContaining('不足三分之二（至少需要 20 人到会）') as unknown });
    expect(attendanceLive(20, 30)).toMatchObject({ ok: true, text: '到会 20 人，应到 30 人，达到三分之二（至少 20 人），会议有效' });
    expect(attendanceLive(31, 30).ok).toBe(false);
  });

  it('counts attendee names however they are separated', () => {
    expect(attendeeNames('张三、李四，王五\n赵六 张三;钱七')).toEqual(['张三', '李四', '王五', '赵六', '钱七']);
  });

  it('votes: more than half of those present carries; totals over attendance are refused', () => {
    expect(voteVerdict({ votesFor: 11, votesAgainst: 9, abstentions: 0 }, 20)).toEqual({ carries: true, text: '赞成 11 票，过半数' });
    expect(voteVerdict({ votesFor: 10, votesAgainst: 10, abstentions: 0 }, 20).carries).toBe(false);
    expect(voteVerdict({ votesFor: 15, votesAgainst: 6, abstentions: 0 }, 20)).toEqual({ carries: null, text: '票数合计 21 多于到会人数 20' });
    const d = batchAtPublicity({}, { households: [householdView('A1'), householdView('A2', { stoppedAt: 1 }), householdView('A3', { removedOn: '2026-09-02' })] });
    const values = meetingValuesFrom(d, 2, null, TODAY);
    expect(values.votes.map((v) => v.household)).toEqual(['A1 户主A1']);
    const over = { ...values, attendeesCount: 20, entitledCount: 30, votes: [{ ...values.votes[0]!, votesFor: 15, votesAgainst: 6 }] };
    expect(meetingInputFrom(over, 'b', 2, null, TODAY)).toMatchObject({ ok: false, field: 'votes', message: /A1 户主A1的票数合计 21 多于到会人数 20/ });
    const ok = meetingInputFrom({ ...over, votes: [{ ...values.votes[0]!, votesFor: 15, votesAgainst: null, abstentions: null }] }, 'b', 2, null, TODAY);
    expect(ok).toMatchObject({ ok: true, input: { votes: [{ householdId: 'h-A1', votesFor: 15, votesAgainst: 0, abstentions: 0 }], attendeesCount: 20, entitledCount: 30 } });
    expect(meetingInputFrom({ ...over, attendeesCount: 31 }, 'b', 2, null, TODAY)).toMatchObject({ ok: false, field: 'attendeesCount' });
    expect(voteRowsFor(d, 1, null)).toHaveLength(2);
  });

  it('times, vote method and counters: checked in Chinese, 9:30 written as 09:30', () => {
    const d = batchAtPublicity({}, { households: [householdView('A1')] });
    const base = { ...meetingValuesFrom(d, 2, null, TODAY), attendeesCount: 20, entitledCount: 30 };
    expect(meetingInputFrom({ ...base, startsAt: '25:00' }, 'b', 2, null, TODAY)).toMatchObject({ ok: false, field: 'startsAt', message: /开始时间“25:00”请写成如 09:30/ });
    expect(meetingInputFrom({ ...base, startsAt: '10:00', endsAt: '9:30' }, 'b', 2, null, TODAY)).toMatchObject({ ok: false, field: 'endsAt', message: '结束时间 09:30 应晚于开始时间 10:00，请核对' });
    expect(meetingInputFrom({ ...base, voteMethod: 'ballot', scrutineer: '王监' }, 'b', 2, null, TODAY)).toMatchObject({ ok: false, field: 'teller', message: '无记名投票须填写计票人' });
    const ok = meetingInputFrom({ ...base, startsAt: '9:30', endsAt: '1100', voteMethod: 'ballot', scrutineer: '王监', teller: '李计' }, 'b', 2, null, TODAY);
    expect(ok).toMatchObject({ ok: true, input: { startsAt: '09:30', endsAt: '11:00', voteMethod: 'ballot', scrutineer: '王监', teller: '李计' } });
    expect(meetingInputFrom(base, 'b', 2, null, TODAY)).toMatchObject({ ok: true, input: { startsAt: null, endsAt: null, voteMethod: null, scrutineer: null, teller: null } });
  });

  it('a second meeting starts from the first: place, people, counts, method; not date, minutes or votes', () => {
    const d = batchAtPublicity({}, { households: [householdView('A1')] });
    const first = {
      id: 'm1', seq: 2, heldOn: '2026-09-06', place: '村委会会议室', host: '张书记', recorder: '李文书', startsAt: '09:00', endsAt: '10:30', voteMethod: 'hands', voteMethodLabel: '举手表决',
      scrutineer: '王五', teller: '赵六', attendeesCount: 19, entitledCount: 30, attendees: '甲、乙', minutes: '第一次', result: '无效', valid: false, problem: '不足', votes: [],
    };
    const d2 = { ...d, steps: d.steps.map((s) => (s.seq === 2 ? { ...s, meetings: [first] } : s)) };
    const v = meetingValuesFrom(d2, 2, null, TODAY);
    expect(v).toMatchObject({ heldOn: TODAY, place: '村委会会议室', host: '张书记', recorder: '李文书', startsAt: '09:00', voteMethod: 'hands', scrutineer: '王五', teller: '赵六', attendees: '甲、乙', entitledCount: 30, minutes: '', result: '' });
    expect(v.votes.every((r) => r.votesFor == null)).toBe(true);
  });
});

describe('households of a batch', () => {
  it('who can get an outcome, and where each stands', () => {
    const stopped = householdView('A2', { stoppedAt: 3, active: false, outcomes: { 3: { outcome: 'fail', label: '不通过', reason: '收入超标', decidedOn: '2026-09-09', decidedBy: null, recordedBy: '李会计' } } });
    expect([canDecideAt(stopped, 3), canDecideAt(stopped, 4), canDecideAt(householdView('A3', { removedOn: '2026-09-02' }), 1)]).toEqual([true, false, false]);
    const d = batchAtPublicity({});
    expect(progressText(stopped, d)).toBe('第3步“入户核实”不通过：收入超标');
    expect(progressText(householdView('A1'), d)).toBe('尚未登记结果');
    expect(progressText(householdView('A1'), { ...d, status: 'closed' })).toBe('已通过全部环节');
  });

  it('search hits are marked when they cannot join', () => {
    const d = batchAtPublicity({});
    const item = (id: string, villageId: string, status: 'ordinary' | 'poor') => ({ id, no: id, villageId, villageName: villageId === 'v1' ? '青山村' : '白马村', groupName: null, status, attribute: null, mainCause: null, monitoringCategory: null, head: null, size: 2 });
    expect(searchRows([item('h-A1', 'v1', 'ordinary'), item('x', 'v2', 'ordinary'), item('y', 'v1', 'poor'), item('z', 'v1', 'ordinary')], d).map((r) => r.conflict)).toEqual([
      '已在本批次中',
      '属于白马村，不在本批次的村范围内',
      '贫困户识别只适用于非建档户、边缘易致贫户',
      null,
    ]);
  });

  it('filters: the presets pass through; a typed income range becomes 分 bounds', () => {
    const v = { preset: 'edge-range' as const, incomeYear: 2025, excludeWelfare: true, above: '', below: '' };
    expect(candidateFilterFrom(v)).toEqual({ ok: true, input: { preset: 'edge-range', incomeYear: 2025, excludeWelfare: true, limit: 500 } });
    expect(candidateFilterFrom({ ...v, preset: 'range', below: '4000' })).toEqual({ ok: true, input: { preset: 'none', incomeYear: 2025, excludeWelfare: true, limit: 500, aboveFen: null, belowFen: 400_000 } });
    expect(candidateFilterFrom({ ...v, preset: 'range' })).toMatchObject({ ok: false, field: 'below' });
    expect(candidateFilterFrom({ ...v, preset: 'range', above: '5000', below: '4000' })).toMatchObject({ ok: false, message: '收入上限应大于收入下限' });
    expect(candidateFilterFrom({ ...v, preset: 'range', above: '四千' })).toMatchObject({ ok: false, field: 'above', message: /收入下限/ });
    expect([defaultPreset('edge'), defaultPreset('monitoring'), defaultPreset('identification'), defaultPreset('exit')]).toEqual(['edge-range', 'below-monitoring', 'range', 'none']);
  });

  it('quota notes behind the 超规模 flag', () => {
    const q = (villageId: string, over: number, kind: 'edge' | 'exit' = 'edge') => ({ villageId, villageName: villageId, villageCode: '', quota: 3, used: 3 + over, over, message: over ? `${villageId}超出 ${over} 户` : null, kind, kindLabel: '', year: 2026 });
    const quotas = [q('v1', 2), q('v2', 1), q('v1', 5, 'exit'), q('v3', 0)];
    expect(quotaNotes({ kind: 'edge', year: 2026, overQuota: true, villages: [{ id: 'v1', code: '', name: '' }] }, quotas)).toEqual(['v1超出 2 户']);
    expect(quotaNotes({ kind: 'edge', year: 2026, overQuota: true, villages: [] }, quotas)).toEqual(['v1超出 2 户', 'v2超出 1 户']);
    expect(quotaNotes({ kind: 'edge', year: 2026, overQuota: false, villages: [] }, quotas)).toEqual([]);
  });
});
