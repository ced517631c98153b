import { describe, expect, it } from 'vitest';
import type { CountyBatchView, CountyTownshipView, OpinionView, ReceivedReviewView } from '../../shared/api/index.ts';
import { batchOpinions, canReview, stillAwaiting, countyStepText, emptyOpinionForm, groupReceived, householdLabel, householdOpinion, opinionInput, opinionProblems, reviewPackProblem, townshipLastLine } from './exchange-review.ts';

const opinion = (over: Partial<OpinionView>): OpinionView => ({
  id: 'o',
  townshipId: 't',
  batchId: 'b1',
  batchTitle: '甲',
  stepSeq: 5,
  stepLabel: '县级复审',
  householdId: null,
  householdNo: null,
  head: null,
  opinion: 'pass',
  reason: null,
  reviewer: '赵',
  reviewedOn: '2026-11-24',
  packageId: 'p',
  stale: false,
  sentIn: null,
  ...over,
});

const batch = (over: Partial<CountyBatchView> = {}): CountyBatchView => ({
  id: 'b1',
  kind: 'identify',
  kindLabel: '贫困户识别',
  year: 2026,
  title: '甲',
  status: 'open',
  village: null,
  householdCount: 3,
  countyStep: { seq: 5, label: '县级复审', status: 'pending' },
  readyForReview: true,
  opinions: 0,
  ...over,
});

const received = (over: Partial<ReceivedReviewView>): ReceivedReviewView => ({
  id: 'r',
  packageId: 'p2',
  receivedAt: '2026-11-25T02:00:00Z',
  batchId: 'b1',
  batchTitle: '甲',
  stepSeq: 5,
  stepLabel: '县级复审',
  householdId: null,
  householdNo: null,
  head: null,
  opinion: 'pass',
  reason: null,
  reviewer: '赵',
  reviewedOn: '2026-11-24',
  effect: 'advanced',
  note: null,
  ...over,
});

describe('the opinion form', () => {
  it('needs 通过 or 退回, a reason to return, the reviewer and the day', () => {
    const f = emptyOpinionForm('王', '2026-11-24');
    expect(opinionProblems(f).map((p) => p.field)).toEqual(['opinion']);
    expect(opinionProblems({ ...f, opinion: 'pass' })).toEqual([]);
    expect(opinionProblems({ ...f, opinion: 'return', reason: ' ' })).toEqual([{ field: 'reason', message: '退回必须填写理由，乡镇才知道要改什么' }]);
    expect(opinionProblems({ ...f, opinion: 'pass', reviewer: '', reviewedOn: '' }).map((p) => p.field)).toEqual(['reviewer', 'reviewedOn']);
    expect(opinionInput({ ...f, opinion: 'return', reason: ' 收入有误 ' }, 'b1', ['h1'], 5)).toEqual({
      batchId: 'b1',
      seq: 5,
      householdIds: ['h1'],
      opinion: 'return',
      reason: '收入有误',
      reviewer: '王',
      reviewedOn: '2026-11-24',
    });
    expect(opinionInput({ ...f, opinion: 'pass' }, 'b1', [], null).reason).toBeNull();
  });
});

describe('a batch’s opinions', () => {
  it('holds a household’s own opinion over the step’s', () => {
    const all = [opinion({ id: 's' }), opinion({ id: 'h', householdId: 'h1', opinion: 'return', reason: '有误', sentIn: 'pk' }), opinion({ id: 'x', batchId: 'b2', stale: true })];
    const b = batchOpinions(all, 'b1');
    expect(b.step?.id).toBe('s');
    expect(b.unsent).toBe(1);
    expect(b.stale).toBe(0);
    expect(householdOpinion(b, 'h1')).toMatchObject({ own: true, opinion: { id: 'h' } });
    expect(householdOpinion(b, 'h2')).toMatchObject({ own: false, opinion: { id: 's' } });
    expect(householdOpinion(batchOpinions([], 'b1'), 'h2')).toBeNull();
  });

  it('says where the county step stands', () => {
    expect(countyStepText(batch())).toEqual({ text: '待县级复审', color: 'orange' });
    expect(countyStepText(batch({ readyForReview: false })).text).toBe('乡镇尚未报到县级复审');
    expect(countyStepText(batch({ countyStep: { seq: 5, label: '县级复审', status: 'closed' } })).text).toBe('县级复审已完成');
    expect(countyStepText(batch({ status: 'closed' })).text).toBe('批次已公告完成');
    expect(countyStepText(batch({ countyStep: null })).text).toBe('无县级环节');
    expect(canReview(batch())).toBe(true);
    expect(canReview(batch({ readyForReview: false }))).toBe(true);
    expect(canReview(batch({ status: 'cancelled' }))).toBe(false);
    expect(canReview(batch({ countyStep: { seq: 5, label: '县级复审', status: 'closed' } }))).toBe(false);
  });

  it('sends a review result only on the latest package, with current opinions', () => {
    const t = { lastPackage: null } as unknown as CountyTownshipView;
    expect(reviewPackProblem(t, [])).toMatch(/还没有报送过/);
    const t2 = { lastPackage: { packageId: 'p', seq: 2, createdAt: '2026-11-24T02:00:00Z', appliedAt: '2026-11-24T03:00:00Z', scope: 'batches' } } as CountyTownshipView;
    expect(reviewPackProblem(t2, [opinion({ stale: true })])).toMatch(/还没有对最新报送/);
    expect(reviewPackProblem(t2, [opinion({})])).toBeNull();
    expect(townshipLastLine(t2)).toMatch(/^第 2 号（部分批次），2026-11-24 \d\d:00 制作，2026-11-24 \d\d:00 导入$/);
  });
});

describe('the county’s answer at the township', () => {
  it('groups per batch, the latest result only, returned households first', () => {
    const groups = groupReceived([
      received({ id: 'old', packageId: 'p1', receivedAt: '2026-11-20T00:00:00Z', householdId: 'h9', householdNo: '009', opinion: 'return', reason: '旧', effect: 'returned' }),
      received({ id: 's', batchId: 'b1' }),
      received({ id: 'r2', householdId: 'h2', householdNo: '002', head: '李四', opinion: 'return', reason: '收入核算有误', effect: 'returned' }),
      received({ id: 'p1', householdId: 'h1', householdNo: '001', head: '张三' }),
      received({ id: 'b2', batchId: 'b2', batchTitle: '乙', effect: 'skipped', note: '上一环节没完成' }),
    ]);
    expect(groups.map((g) => g.batchId)).toEqual(['b1', 'b2']);
    const [a, b] = groups;
    expect(a!.returned.map((r) => r.reason)).toEqual(['收入核算有误']);
    expect(a!.passed.map(householdLabel)).toEqual(['001 张三']);
    expect(a!.step?.id).toBe('s');
    // The step passed as a whole (and completed); the household returned stays listed apart.
    expect(a!.effect).toBe('advanced');
    expect(b!).toMatchObject({ effect: 'skipped', note: '上一环节没完成' });
    expect(householdLabel({ householdNo: null, head: null })).toBe('（该户已不在档案中）');
  });

  it('puts a batch returned as a whole before one that passed', () => {
    const groups = groupReceived([
      received({ id: 'a', batchId: 'ok', batchTitle: '甲' }),
      received({ id: 'b', batchId: 'back', batchTitle: '乙', opinion: 'return', reason: '材料不全', effect: 'returned' }),
    ]);
    expect(groups.map((g) => g.batchId)).toEqual(['back', 'ok']);
    expect(groups[0]!.effect).toBe('returned');
  });

  it('says a batch was not applied when any of its opinions was skipped, and why', () => {
    const [g] = groupReceived([
      received({ id: 's', effect: 'skipped', note: '上一环节没完成' }),
      received({ id: 'h', householdId: 'h1', householdNo: '001', opinion: 'return', reason: '有误', effect: 'skipped', note: '上一环节没完成' }),
    ]);
    expect(g).toMatchObject({ effect: 'skipped', note: '上一环节没完成' });
    const [h] = groupReceived([received({ id: 'h', householdId: 'h1', householdNo: '001', opinion: 'return', reason: '有误', effect: 'returned' })]);
    expect(h!.effect).toBe('returned');
    const [p] = groupReceived([received({ id: 'p', householdId: 'h2', householdNo: '002', effect: 'recorded' })]);
    expect(p!.effect).toBe('recorded');
  });
});

describe('exports awaiting the county', () => {
  it('drops those older than one already answered', () => {
    const awaiting = [{ seq: 1 }, { seq: 3 }];
    const sent = [
      { packageId: 'e1', seq: 1, kind: 'township-export' as const, direction: 'out' as const },
      { packageId: 'e2', seq: 2, kind: 'township-export' as const, direction: 'out' as const },
      { packageId: 'e3', seq: 3, kind: 'township-export' as const, direction: 'out' as const },
    ];
    expect(stillAwaiting(awaiting, sent, [{ answersTo: 'e2' }, { answersTo: null }])).toEqual([{ seq: 3 }]);
    expect(stillAwaiting(awaiting, sent, [])).toEqual(awaiting);
  });
});
