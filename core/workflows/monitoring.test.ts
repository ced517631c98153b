// Monitoring on a real archive file: levels at the threshold edges from monthly checks, the
// "due this month" list, risk removal (flagged under six months), and the monitoring and
// risk-removal procedures changing households when announced.
import { afterEach, describe, expect, it } from 'vitest';
import { archiveChecksum, rowsWhere } from '../../db/testing.ts';
import type { WorkflowKind } from '../../shared/workflows/index.ts';
import { createBatch } from './create.ts';
import { saveMeeting } from './meetings.ts';
import { addByHand } from './membership.ts';
import { monitoringBoard } from './monitoring-board.ts';
import { monitoringDetail, recordCheck, removeRisk, saveRemedy, setRisks } from './monitoring-records.ts';
import { closeStep, openStep } from './steps.ts';
import type { Fixture } from './testing.ts';
import { actor, workflowFixture } from './testing.ts';

let fx: Fixture;
afterEach(() => fx.dispose());

const board = (asOf = '2026-11-24') => monitoringBoard(fx.archive.db, { asOf, villageId: null, level: null, dueOnly: false, includeRemoved: false });
const check = (no: string, checkedOn: string, predictedPerCapitaFen: number | null, atRisk: ('housing' | 'water')[] = []) =>
  recordCheck(fx.archive.db, actor, { householdId: fx.id(no), checkedOn, predictedPerCapitaFen, atRisk, findings: '入户走访', actions: null, checkedBy: '驻村工作队' });

describe('monitoring levels and the monthly check', () => {
  it('puts 4,999.99 元 in red, 5,000 and 9,999.99 in yellow, 10,000 in green, and any item at risk in red', () => {
    fx = workflowFixture(['M1', 'M2', 'M3', 'M4', 'M5'].map((no) => ({ no, status: 'unstable' as const })));
    check('M1', '2026-11-02', 499_999);
    check('M2', '2026-11-02', 500_000);
    check('M3', '2026-11-02', 999_999);
    check('M4', '2026-11-02', 1_000_000);
    check('M5', '2026-11-02', 2_000_000, ['housing']);
    const levels = Object.fromEntries(board().objects.map((o) => [o.no, o.level]));
    expect(levels).toEqual({ M1: 'red', M2: 'yellow', M3: 'yellow', M4: 'green', M5: 'red' });
    expect(board().counts).toMatchObject({ red: 2, yellow: 2, green: 1, total: 5, due: 0, overdue: 0 });
    expect(board().objects[0]!.levelReasons).toEqual(['依据 2026-11-02 走访', '预估人均纯收入 4,999.99 元，低于 5,000.00 元']);
  });

  it('without a check, takes the level from the latest income year; lists what is due this month', () => {
    fx = workflowFixture([
      { no: 'M1', status: 'edge', perCapitaYuan: 4800 },
      { no: 'M2', status: 'edge', perCapitaYuan: 12_000, since: '2026-10-20' },
      { no: 'M3', status: 'edge', perCapitaYuan: 7000 },
      { no: 'O1', perCapitaYuan: 3000 },
    ]);
    check('M3', '2026-11-05', 700_000);
    const b = board();
    expect(b.objects.map((o) => [o.no, o.level, o.levelSource, o.due])).toEqual([
      ['M1', 'red', 'income', 'overdue'],
      ['M3', 'yellow', 'check', 'done'],
      ['M2', 'green', 'income', 'due'],
    ]);
    const due = monitoringBoard(fx.archive.db, { asOf: '2026-11-24', villageId: null, level: null, dueOnly: true, includeRemoved: false });
    expect(due.objects.map((o) => o.no)).toEqual(['M1', 'M2']);
    expect(due.counts).toMatchObject({ due: 1, overdue: 1 });
  });

  it('refuses a check on a household that is not monitored, or dated after today, with nothing written', () => {
    fx = workflowFixture([{ no: 'O1' }, { no: 'M1', status: 'sudden' }]);
    const before = archiveChecksum(fx.archive.sqlite);
    expect(() => check('O1', '2026-11-02', 300_000)).toThrow(/O1（户主O1成员1）现为非建档户，不是防返贫监测对象，不能登记月度走访/);
    expect(() => check('M1', '2026-11-25', 300_000)).toThrow(/晚于今天/);
    expect(() => check('M1', '2024-01-10', 300_000)).toThrow(/早于纳入监测的日期 2024-01-15/);
    expect(archiveChecksum(fx.archive.sqlite)).toBe(before);
  });

  it('keeps remedies and risks (at most five, from the list)', () => {
    fx = workflowFixture([{ no: 'M1', status: 'unstable' }]);
    saveRemedy(fx.archive.db, actor, { id: null, householdId: fx.id('M1'), checkId: null, shortfall: '收入', action: '安排公益性岗位', responsible: '镇人社所', dueOn: '2026-12-31', doneOn: null, result: null });
    expect(setRisks(fx.archive.db, actor, { householdId: fx.id('M1'), risks: ['疾病', '因学'] }).risks).toEqual(['因病', '因学']);
    expect(() => setRisks(fx.archive.db, actor, { householdId: fx.id('M1'), risks: ['因病', '中彩票'] })).toThrow(/风险“中彩票”不在致贫\/返贫风险列表中/);
    const d = monitoringDetail(fx.archive.db, fx.id('M1'), '2026-11-24');
    expect(d.object.openRemedies).toBe(1);
    expect(d.remedies[0]).toMatchObject({ shortfall: '收入', action: '安排公益性岗位' });
  });
});

describe('risk removal', () => {
  it('flags a removal sooner than six months after identification, and still records it with the decision', () => {
    fx = workflowFixture([{ no: 'M1', status: 'edge', since: '2026-06-10' }, { no: 'M2', status: 'edge', since: '2026-05-10' }]);
    const early = removeRisk(fx.archive.db, actor, { householdId: fx.id('M1'), method: '帮扶消除', removedOn: '2026-11-09', decision: '青山镇〔2026〕30号', reason: '务工收入稳定' });
    expect(early.early).toMatchObject({ early: true, months: 4 });
    expect(early.object).toMatchObject({ riskRemoved: true, removalMethod: '帮扶消除', removedIn: '202611' });
    const ok = removeRisk(fx.archive.db, actor, { householdId: fx.id('M2'), method: '自然消除', removedOn: '2026-11-10', decision: '青山镇〔2026〕30号', reason: null });
    expect(ok.early).toEqual({ early: false, months: 6, message: null });
    const history = rowsWhere(fx.archive.db, 'statusHistory', { householdId: fx.id('M1') });
    expect(history.at(-1)).toMatchObject({ status: 'edge', effectiveOn: '2026-11-09', decision: '青山镇〔2026〕30号' });
    expect(board().objects).toEqual([]);
    expect(() => removeRisk(fx.archive.db, actor, { householdId: fx.id('M1'), method: '帮扶消除', removedOn: '2026-11-10', decision: 'x', reason: null })).toThrow(/风险已于 202611 消除/);
  });
});

describe('the monitoring procedures', () => {
  it('monitoring identification sets the status from the category; risk removal marks the risk removed', () => {
    fx = workflowFixture([{ no: 'X1', status: 'exited' }, { no: 'O1' }, { no: 'M9', status: 'unstable', since: '2026-01-05' }]);
    const db = fx.archive.db;
    const run = (kind: WorkflowKind, adds: [string, string | null][]): void => {
      const id = createBatch(db, actor, { kind, year: 2026, villageIds: [], title: null, createdOn: '2026-10-01', householdIds: [] });
      for (const [no, choice] of adds) addByHand(db, actor, id, { householdIds: [fx.id(no)], on: '2026-10-01', choice, risks: kind === 'monitoring' ? ['因病'] : [] });
      const days: [string, string][] = [['2026-10-01', '2026-10-02'], ['2026-10-02', '2026-10-03'], ['2026-10-03', '2026-10-04'], ['2026-10-04', '2026-10-09'], ['2026-10-09', '2026-10-10'], ['2026-10-10', '2026-10-11'], ['2026-10-11', '2026-10-12']];
      days.forEach(([from, to], i) => {
        openStep(db, actor, { batchId: id, seq: i + 1, startedOn: from, postedAt: i === 3 ? '村务公开栏' : null, note: null });
        if (i === 2) saveMeeting(db, actor, { batchId: id, seq: 3, id: null, heldOn: from, place: null, host: null, recorder: null, attendeesCount: 9, entitledCount: 12, attendees: null, minutes: null, result: null, votes: [] });
        closeStep(db, actor, { batchId: id, seq: i + 1, closedOn: to, note: null });
      });
    };
    run('monitoring', [['X1', null], ['O1', '突发严重困难户']]);
    const get = (no: string) => rowsWhere(db, 'households', { id: fx.id(no) })[0]!;
    expect(get('X1')).toMatchObject({ status: 'unstable', monitoringCategory: '脱贫不稳定户', monitoringStart: '202610', risks: ['因病'], riskRemoved: false });
    expect(get('O1')).toMatchObject({ status: 'sudden', monitoringCategory: '突发严重困难户' });
    run('risk-removal', [['M9', '自然消除']]);
    expect(get('M9')).toMatchObject({ status: 'unstable', riskRemoved: true, riskRemovalMethod: '自然消除', monitoringEnd: '202610' });
    const last = rowsWhere(db, 'statusHistory', { householdId: fx.id('M9') }).at(-1)!;
    expect(last.reason).toMatch(/风险已消除（自然消除）/);
    expect(last.batchId).not.toBeNull();
  });
});
