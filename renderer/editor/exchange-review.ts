// County review and its result back at the township, the pure parts: the opinion form (通过 /
// 退回 + reason, for the whole county step or chosen households), the opinions of a batch by
// household, a batch's county step in words, and — township side — the county's opinions as
// received, grouped per batch with the returned households first.
import type { CountyBatchView, CountyTownshipView, OpinionView, PackageLogView, ReceivedReviewView, ReviewEffectView } from '../../shared/api/index.ts';
import { shortTime } from './exchange-keys.ts';

export type OpinionValue = 'pass' | 'return';

export const OPINION_TAG: Record<OpinionValue, { text: string; color: string }> = {
  pass: { text: '通过', color: 'green' },
  return: { text: '退回', color: 'red' },
};

export interface OpinionForm {
  opinion: OpinionValue | null;
  reason: string;
  reviewer: string;
  reviewedOn: string;
}

export function emptyOpinionForm(reviewer: string | null, today: string): OpinionForm {
  return { opinion: null, reason: '', reviewer: reviewer ?? '', reviewedOn: today };
}

/** Why the opinion cannot be recorded yet (Chinese, by field); empty when it can. */
export function opinionProblems(f: OpinionForm): { field: 'opinion' | 'reason' | 'reviewer' | 'reviewedOn'; message: string }[] {
  const out: { field: 'opinion' | 'reason' | 'reviewer' | 'reviewedOn'; message: string }[] = [];
  if (!f.opinion) out.push({ field: 'opinion', message: '请选择 通过 或 退回' });
  if (f.opinion === 'return' && !f.reason.trim()) out.push({ field: 'reason', message: '退回必须填写理由，乡镇才知道要改什么' });
  if (!f.reviewer.trim()) out.push({ field: 'reviewer', message: '请填写审核人' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.reviewedOn)) out.push({ field: 'reviewedOn', message: '请填写审核日期' });
  return out;
}

export function opinionInput(f: OpinionForm, batchId: string, householdIds: string[], seq: number | null) {
  return {
    batchId,
    seq,
    householdIds,
    opinion: f.opinion ?? 'pass',
    reason: f.reason.trim() || null,
    reviewer: f.reviewer.trim(),
    reviewedOn: f.reviewedOn,
  };
}

export interface BatchOpinions {
  /** The opinion on the whole step (households without their own). */
  step: OpinionView | null;
  byHousehold: Map<string, OpinionView>;
  unsent: number;
  stale: number;
}

export function batchOpinions(opinions: OpinionView[], batchId: string): BatchOpinions {
  const out: BatchOpinions = { step: null, byHousehold: new Map(), unsent: 0, stale: 0 };
  for (const o of opinions) {
    if (o.batchId !== batchId) continue;
    if (o.householdId) out.byHousehold.set(o.householdId, o);
    else out.step = o;
    if (!o.sentIn) out.unsent++;
    if (o.stale) out.stale++;
  }
  return out;
}

/** The opinion that holds for one household: its own, else the step's. */
export function householdOpinion(b: BatchOpinions, householdId: string): { opinion: OpinionView; own: boolean } | null {
  const own = b.byHousehold.get(householdId);
  if (own) return { opinion: own, own: true };
  return b.step ? { opinion: b.step, own: false } : null;
}

export function countyStepText(b: CountyBatchView): { text: string; color: string } {
  if (!b.countyStep) return { text: '无县级环节', color: 'default' };
  if (b.status !== 'open') return { text: b.status === 'closed' ? '批次已公告完成' : '批次已撤销', color: 'default' };
  if (b.countyStep.status === 'closed') return { text: `${b.countyStep.label}已完成`, color: 'green' };
  if (b.readyForReview) return { text: `待${b.countyStep.label}`, color: 'orange' };
  return { text: `乡镇尚未报到${b.countyStep.label}`, color: 'default' };
}

/** The review can be recorded on an open batch that has a county step (ready or not: the township may be told early). */
export function canReview(b: CountyBatchView): boolean {
  return b.status === 'open' && b.countyStep !== null && b.countyStep.status !== 'closed';
}

export function townshipLastLine(t: CountyTownshipView): string {
  if (!t.lastPackage) return '尚未导入报送数据包';
  return `第 ${t.lastPackage.seq} 号（${t.lastPackage.scope === 'all' ? '全部档案' : '部分批次'}），${shortTime(t.lastPackage.createdAt)} 制作，${shortTime(t.lastPackage.appliedAt)} 导入`;
}

/** Whether a review result can be sent to this township now, and why not. */
export function reviewPackProblem(t: CountyTownshipView, opinions: OpinionView[]): string | null {
  if (!t.lastPackage) return '这个乡镇还没有报送过数据包，没有可回复的审核结果。';
  const current = opinions.filter((o) => !o.stale);
  if (current.length === 0) return '还没有对最新报送的数据登记任何审核意见。';
  return null;
}

/** Township side: the county's opinions on one batch. */
export interface ReceivedBatch {
  batchId: string;
  batchTitle: string;
  stepLabel: string;
  /** Households returned, with the county's reason (shown first, prominently). */
  returned: ReceivedReviewView[];
  passed: ReceivedReviewView[];
  /** The opinion on the whole step, if any. */
  step: ReceivedReviewView | null;
  effect: ReviewEffectView['effect'];
  /** Why it was not applied, or what to do next. */
  note: string | null;
  receivedAt: string;
  packageId: string;
}

const EFFECT_RANK: Record<ReviewEffectView['effect'], number> = { skipped: 0, returned: 1, recorded: 2, advanced: 3 };

/**
 * What happened to the batch's step: not applied if any opinion was skipped; else what the
 * whole-step opinion did (households returned within an advanced step stay listed apart);
 * else the households' own: advanced if any passed the step, returned if all were returned.
 */
function batchEffect(rows: ReceivedReviewView[]): ReviewEffectView['effect'] {
  if (rows.some((r) => r.effect === 'skipped')) return 'skipped';
  const step = rows.find((r) => !r.householdId);
  if (step) return step.effect;
  if (rows.some((r) => r.effect === 'advanced')) return 'advanced';
  if (rows.some((r) => r.effect === 'recorded')) return 'recorded';
  return 'returned';
}

/**
 * The latest result per batch (an older package's opinions on the same batch are history),
 * batches with returned households first.
 */
export function groupReceived(received: ReceivedReviewView[]): ReceivedBatch[] {
  const latest = new Map<string, string>();
  for (const r of received) {
    const at = latest.get(r.batchId);
    if (at === undefined || r.receivedAt > at) latest.set(r.batchId, r.receivedAt);
  }
  const groups = new Map<string, ReceivedBatch>();
  for (const r of received) {
    if (latest.get(r.batchId) !== r.receivedAt) continue;
    let g = groups.get(r.batchId);
    if (!g) {
      g = { batchId: r.batchId, batchTitle: r.batchTitle, stepLabel: r.stepLabel, returned: [], passed: [], step: null, effect: r.effect, note: null, receivedAt: r.receivedAt, packageId: r.packageId };
      groups.set(r.batchId, g);
    }
    if (!r.householdId) g.step = r;
    else if (r.opinion === 'return') g.returned.push(r);
    else g.passed.push(r);
    if (r.note && (!g.note || r.effect === 'skipped')) g.note = r.note;
  }
  for (const g of groups.values()) {
    g.effect = batchEffect([...(g.step ? [g.step] : []), ...g.returned, ...g.passed]);
    g.returned.sort((a, b) => (a.householdNo ?? '').localeCompare(b.householdNo ?? ''));
    g.passed.sort((a, b) => (a.householdNo ?? '').localeCompare(b.householdNo ?? ''));
  }
  const hasReturn = (g: ReceivedBatch) => g.returned.length > 0 || g.step?.opinion === 'return';
  return [...groups.values()].sort((a, b) => Number(hasReturn(b)) - Number(hasReturn(a)) || EFFECT_RANK[a.effect] - EFFECT_RANK[b.effect] || b.receivedAt.localeCompare(a.receivedAt) || a.batchTitle.localeCompare(b.batchTitle));
}

export function householdLabel(r: { householdNo: string | null; head: string | null }): string {
  return [r.householdNo, r.head].filter(Boolean).join(' ') || '（该户已不在档案中）';
}

/**
 * Exports still worth waiting for: an export older than one the county has already answered is
 * superseded (the county reviews the latest data it holds).
 */
export function stillAwaiting<T extends { seq: number }>(
  awaiting: T[],
  sent: Pick<PackageLogView, 'packageId' | 'seq' | 'kind' | 'direction'>[],
  received: Pick<PackageLogView, 'answersTo'>[],
): T[] {
  const answered = new Set(received.map((r) => r.answersTo).filter((a): a is string => a !== null));
  let latest = 0;
  for (const p of sent) if (p.direction === 'out' && p.kind === 'township-export' && answered.has(p.packageId) && p.seq > latest) latest = p.seq;
  return awaiting.filter((a) => a.seq > latest);
}
