// A batch through its steps on a real archive file: gating (order, publicity length,
// objections, two thirds), status changes with history when announced, reopening by decision.
import { afterEach, describe, expect, it } from 'vitest';
import { archiveChecksum, rowsWhere } from '../../db/testing.ts';
import { UserError } from '../../shared/errors.ts';
import { createBatch } from './create.ts';
import { reopenBatch } from './decisions.ts';
import { batchDetail } from './detail.ts';
import { saveMeeting } from './meetings.ts';
import { addByHand } from './membership.ts';
import { raiseObjection, settleObjection } from './objections.ts';
import { recordOutcome } from './outcomes.ts';
import { closeStep, openStep } from './steps.ts';
import type { Fixture } from './testing.ts';
import { actor, workflowFixture } from './testing.ts';

let fx: Fixture;
afterEach(() => fx.dispose());

const meeting = (batchId: string, attendeesCount: number, entitledCount: number, heldOn = '2026-09-06', votes: { householdId: string; votesFor: number; votesAgainst: number; abstentions: number }[] = []) => ({
  batchId, seq: 2, id: null, heldOn, place: '村委会会议室', host: '李书记', recorder: '王文书', attendeesCount, entitledCount, attendees: null, minutes: '逐户评议', result: null, votes,
});
const open = (batchId: string, seq: number, startedOn: string, postedAt: string | null = null) => openStep(fx.archive.db, actor, { batchId, seq, startedOn, postedAt, note: null });
const close = (batchId: string, seq: number, closedOn: string) => closeStep(fx.archive.db, actor, { batchId, seq, closedOn, note: null });

/** Identification batch of the given households, created 2026-09-01, first step open. */
function identification(nos: string[]): string {
  const id = createBatch(fx.archive.db, actor, { kind: 'identification', year: 2026, villageIds: [fx.villageIds[0]], title: null, createdOn: '2026-09-01', householdIds: nos.map((n) => fx.id(n)) });
  open(id, 1, '2026-09-01');
  return id;
}

/** Steps 1–3 done (a valid meeting at step 2); step 4 (村级公示, 7 days) open from 2026-09-10. */
function toVillagePublicity(id: string): void {
  close(id, 1, '2026-09-05');
  open(id, 2, '2026-09-05');
  saveMeeting(fx.archive.db, actor, meeting(id, 30, 40));
  close(id, 2, '2026-09-07');
  open(id, 3, '2026-09-07');
  close(id, 3, '2026-09-10');
  open(id, 4, '2026-09-10', '青山村村务公开栏');
}

function refusedUnchanged(fn: () => unknown, message: RegExp): void {
  const before = archiveChecksum(fx.archive.sqlite);
  expect(fn).toThrow(UserError);
  expect(fn).toThrow(message);
  expect(archiveChecksum(fx.archive.sqlite)).toBe(before);
}

describe('an identification batch from application to announcement', () => {
  it('announces the households that passed every step: new status, history linked to the batch, audit', () => {
    fx = workflowFixture([{ no: 'A1' }, { no: 'A2' }]);
    const id = identification(['A1', 'A2']);
    toVillagePublicity(id);
    // A2 was turned down at the verification step before the publicity.
    expect(() => recordOutcome(fx.archive.db, actor, { batchId: id, seq: 3, householdIds: [fx.id('A2')], outcome: 'fail', reason: '核实收入超标', decidedOn: '2026-09-09', decidedBy: '驻村工作队' })).toThrow(/已于 2026-09-10 完成/);
    close(id, 4, '2026-09-17');
    open(id, 5, '2026-09-17');
    recordOutcome(fx.archive.db, actor, { batchId: id, seq: 5, householdIds: [fx.id('A2')], outcome: 'fail', reason: '乡镇审核：家庭有经营性货车，收入超标', decidedOn: '2026-09-19', decidedBy: '乡镇审核组' });
    close(id, 5, '2026-09-20');
    open(id, 6, '2026-09-20', '青山村村务公开栏');
    close(id, 6, '2026-09-27');
    open(id, 7, '2026-09-27');
    close(id, 7, '2026-10-08');
    open(id, 8, '2026-10-08', '县政府网站及青山村村务公开栏');
    const r = close(id, 8, '2026-10-15');

    expect(r.applied).toEqual([{ householdId: fx.id('A1'), household: 'A1（户主A1成员1）', from: 'ordinary', to: 'poor' }]);
    const a1 = rowsWhere(fx.archive.db, 'households', { id: fx.id('A1') })[0]!;
    expect(a1).toMatchObject({ status: 'poor', identificationYear: 2026, identificationStandard: '国家标准', version: 2 });
    expect(rowsWhere(fx.archive.db, 'households', { id: fx.id('A2') })[0]!.status).toBe('ordinary');
    const history = rowsWhere(fx.archive.db, 'statusHistory', { householdId: fx.id('A1') });
    expect(history).toEqual([expect.objectContaining({ status: 'poor', batchId: id, effectiveOn: '2026-10-15', year: 2026, decision: '青山村2026年贫困户识别公告' })]);
    const audit = rowsWhere(fx.archive.db, 'auditLog', { action: 'status' });
    expect(audit).toEqual([expect.objectContaining({ householdId: fx.id('A1'), operator: '测试员', before: { status: 'ordinary', identificationYear: null, identificationStandard: null, batchId: id } })]);

    const d = batchDetail(fx.archive.db, id, '2026-11-24');
    expect(d).toMatchObject({ status: 'closed', closedOn: '2026-10-15', currentStep: null, next: '已于 2026-10-15 公告完成' });
    expect(d.steps.every((s) => s.status === 'closed')).toBe(true);
    expect(d.steps[3]).toMatchObject({ endsOn: '2026-09-16', postedAt: '青山村村务公开栏', counts: { pass: 2, fail: 0, return: 0, pending: 0 } });
    expect(d.households.find((h) => h.no === 'A2')).toMatchObject({ active: false, stoppedAt: 5 });
    expect(d.households.find((h) => h.no === 'A1')!.outcomes[4]).toMatchObject({ outcome: 'pass', reason: '公示期满无异议', decidedOn: '2026-09-17' });
  });

  it('reopens an announced batch only by a recorded decision, putting the statuses back with history', () => {
    fx = workflowFixture([{ no: 'A1' }]);
    const id = identification(['A1']);
    toVillagePublicity(id);
    const steps: [number, string, string, string | null][] = [[4, '', '2026-09-17', null], [5, '2026-09-17', '2026-09-18', null], [6, '2026-09-18', '2026-09-25', '公开栏'], [7, '2026-09-25', '2026-09-26', null], [8, '2026-09-26', '2026-10-03', '公开栏']];
    for (const [seq, from, to, posted] of steps) {
      if (from) open(id, seq, from, posted);
      close(id, seq, to);
    }
    expect(rowsWhere(fx.archive.db, 'households', { id: fx.id('A1') })[0]!.status).toBe('poor');
    expect(() => reopenBatch(fx.archive.db, actor, { batchId: id, decision: '青山镇党委会议纪要〔2026〕12号', reason: '县级复审发现漏报收入', decidedOn: '2026-10-02' })).toThrow(/决定日期 2026-10-02 早于/);
    reopenBatch(fx.archive.db, actor, { batchId: id, decision: '青山镇党委会议纪要〔2026〕12号', reason: '县级复审发现漏报收入', decidedOn: '2026-10-20' });
    const a1 = rowsWhere(fx.archive.db, 'households', { id: fx.id('A1') })[0]!;
    expect(a1).toMatchObject({ status: 'ordinary', identificationYear: null });
    const history = rowsWhere(fx.archive.db, 'statusHistory', { householdId: fx.id('A1') });
    expect(history.map((h) => [h.status, h.effectiveOn, h.batchId])).toEqual([['poor', '2026-10-03', id], ['ordinary', '2026-10-20', id]]);
    const d = batchDetail(fx.archive.db, id, '2026-11-24');
    expect(d).toMatchObject({ status: 'open', currentStep: { seq: 8, status: 'open' } });
    expect(d.decisions).toEqual([expect.objectContaining({ action: 'reopen', seq: 8, decision: '青山镇党委会议纪要〔2026〕12号', decidedBy: '测试员' })]);
  });
});

describe('step gating', () => {
  it('refuses to close a publicity step before its end date, saying from when, and leaves the archive unchanged', () => {
    fx = workflowFixture([{ no: 'A1' }]);
    const id = identification(['A1']);
    toVillagePublicity(id);
    refusedUnchanged(() => close(id, 4, '2026-09-16'), /公示期为 2026-09-10 至 2026-09-16（不少于7天），公示期未满：2026-09-17 起才能完成本环节/);
    const step = batchDetail(fx.archive.db, id, '2026-09-12').steps[3]!;
    expect(step.gate).toMatchObject({ canClose: false, from: '2026-09-17' });
    expect(batchDetail(fx.archive.db, id, '2026-09-12').next).toMatch(/^第4步“村级公示”进行中：公示期为/);
    expect(close(id, 4, '2026-09-17').implied).toBe(1);
  });

  it('refuses to close while an objection is open, and closes once it is settled', () => {
    fx = workflowFixture([{ no: 'A1' }]);
    const id = identification(['A1']);
    toVillagePublicity(id);
    raiseObjection(fx.archive.db, actor, { batchId: id, seq: 4, householdId: fx.id('A1'), raisedBy: '村民赵六', raisedOn: '2026-09-12', content: '该户在县城有商品房' });
    refusedUnchanged(() => close(id, 4, '2026-09-20'), /还有 1 条异议没有办结：村民赵六（2026-09-12）/);
    const objection = batchDetail(fx.archive.db, id, '2026-09-20').steps[3]!.objections[0]!;
    expect(objection).toMatchObject({ household: 'A1（户主A1成员1）', settledOn: null });
    settleObjection(fx.archive.db, actor, { id: objection.id, handling: '驻村工作队入户核实，房屋为其子所有', result: '异议不成立', settledOn: '2026-09-15' });
    expect(close(id, 4, '2026-09-20').implied).toBe(1);
  });

  it('two-thirds rule: a meeting below two thirds does not count; votes decide the households', () => {
    fx = workflowFixture([{ no: 'A1' }, { no: 'A2' }]);
    const id = identification(['A1', 'A2']);
    close(id, 1, '2026-09-05');
    open(id, 2, '2026-09-05');
    saveMeeting(fx.archive.db, actor, meeting(id, 19, 30));
    refusedUnchanged(() => close(id, 2, '2026-09-07'), /到会 19 人，应到 30 人，不足三分之二（至少需要 20 人到会）/);
    saveMeeting(fx.archive.db, actor, meeting(id, 20, 30, '2026-09-07', [
      { householdId: fx.id('A1'), votesFor: 15, votesAgainst: 5, abstentions: 0 },
      { householdId: fx.id('A2'), votesFor: 10, votesAgainst: 8, abstentions: 2 },
    ]));
    expect(close(id, 2, '2026-09-07').implied).toBe(2);
    const d = batchDetail(fx.archive.db, id, '2026-09-08');
    expect(d.steps[1]!.meetings.map((m) => m.valid)).toEqual([false, true]);
    expect(d.households.find((h) => h.no === 'A1')!.outcomes[2]).toMatchObject({ outcome: 'pass' });
    expect(d.households.find((h) => h.no === 'A2')!.outcomes[2]).toMatchObject({ outcome: 'fail', reason: '民主评议赞成 10 票（到会 20 人），未过半数' });
  });

  it('refuses to skip a step or to add households once the first step is done', () => {
    fx = workflowFixture([{ no: 'A1' }, { no: 'A2' }]);
    const id = identification(['A1']);
    refusedUnchanged(() => open(id, 2, '2026-09-02'), /上一环节“农户申请”还没有完成/);
    close(id, 1, '2026-09-05');
    refusedUnchanged(() => open(id, 2, '2026-09-04'), /开始日期 2026-09-04 早于上一环节“农户申请”的完成日期 2026-09-05/);
    refusedUnchanged(() => addByHand(fx.archive.db, actor, id, { householdIds: [fx.id('A2')], on: '2026-09-06', choice: null, risks: [] }), /第1步已经完成，不能再加入农户/);
    refusedUnchanged(() => open(id, 4, '2026-09-06', '公开栏'), /上一环节“入户核实”还没有完成/);
  });
});

describe('bad input is refused in Chinese with nothing written', () => {
  it('an outcome dated before the step started', () => {
    fx = workflowFixture([{ no: 'A1' }]);
    const id = identification(['A1']);
    refusedUnchanged(
      () => recordOutcome(fx.archive.db, actor, { batchId: id, seq: 1, householdIds: [fx.id('A1')], outcome: 'pass', reason: null, decidedOn: '2026-08-31', decidedBy: null }),
      /结果日期 2026-08-31 早于第1步“农户申请”的开始日期 2026-09-01/,
    );
  });

  it('an outcome for a household not in the batch', () => {
    fx = workflowFixture([{ no: 'A1' }, { no: 'B9' }]);
    const id = identification(['A1']);
    refusedUnchanged(
      () => recordOutcome(fx.archive.db, actor, { batchId: id, seq: 1, householdIds: [fx.id('A1'), fx.id('B9')], outcome: 'pass', reason: null, decidedOn: '2026-09-02', decidedBy: null }),
      /B9（户主B9成员1）不在批次“青山村2026年贫困户识别”中，不能登记/,
    );
  });

  it('a second open batch of the same kind for the same household', () => {
    fx = workflowFixture([{ no: 'A1' }, { no: 'A2' }]);
    identification(['A1']);
    const create = () => createBatch(fx.archive.db, actor, { kind: 'identification', year: 2026, villageIds: [], title: '第二批', createdOn: '2026-09-03', householdIds: [fx.id('A2'), fx.id('A1')] });
    refusedUnchanged(create, /有 1 户不能加入批次“第二批”，本次没有加入任何农户：A1（户主A1成员1）：已在进行中的同类批次“青山村2026年贫困户识别”中/);
    // Another kind is another procedure: an exit batch does not block identification and vice versa.
    const other = createBatch(fx.archive.db, actor, { kind: 'edge', year: 2026, villageIds: [], title: null, createdOn: '2026-09-03', householdIds: [fx.id('A1')] });
    expect(batchDetail(fx.archive.db, other, '2026-09-03').householdCount).toBe(1);
  });

  it('a date after today, and a step number the kind does not have', () => {
    fx = workflowFixture([{ no: 'A1' }]);
    const id = identification(['A1']);
    refusedUnchanged(() => close(id, 1, '2026-12-01'), /晚于今天（2026-11-24）/);
    refusedUnchanged(() => open(id, 9, '2026-09-02'), /没有第9步：共 8 步/);
  });
});

describe('meeting time, vote method and counters', () => {
  it('are recorded and shown with the batch; bad values are refused in Chinese with nothing written', () => {
    fx = workflowFixture([{ no: 'A1' }]);
    const id = identification(['A1']);
    close(id, 1, '2026-09-05');
    open(id, 2, '2026-09-05');
    const m = meeting(id, 30, 40);
    refusedUnchanged(() => saveMeeting(fx.archive.db, actor, { ...m, startsAt: '10:00', endsAt: '09:30' }), /结束时间 09:30 应晚于开始时间 10:00，请核对/);
    refusedUnchanged(() => saveMeeting(fx.archive.db, actor, { ...m, startsAt: '9点' }), /开始时间“9点”不是时:分格式，请写成如 09:30/);
    refusedUnchanged(() => saveMeeting(fx.archive.db, actor, { ...m, voteMethod: 'ballot', scrutineer: '王监' }), /无记名投票须登记监票人和计票人/);
    refusedUnchanged(() => saveMeeting(fx.archive.db, actor, { ...m, voteMethod: 'raise' }), /投票方式“raise”无法识别/);
    saveMeeting(fx.archive.db, actor, { ...m, startsAt: '09:30', endsAt: '11:00', voteMethod: 'ballot', scrutineer: '王监', teller: '李计' });
    const shown = batchDetail(fx.archive.db, id, '2026-09-06').steps[1]!.meetings[0]!;
    expect(shown).toMatchObject({ startsAt: '09:30', endsAt: '11:00', voteMethod: 'ballot', voteMethodLabel: '无记名投票', scrutineer: '王监', teller: '李计' });
  });
});
