// What every workflow use case needs: the batch and its steps loaded or refused in Chinese,
// dates checked against today, and short descriptions of households (户编号, 户主).
import type { ReadDb } from '../../db/handles.ts';
import { householdBriefs as briefRows } from '../../db/repos/household-briefs.ts';
import type { HouseholdBrief } from '../../db/repos/household-briefs.ts';
import { batchById, stepsOfBatch } from '../../db/repos/workflow-batches.ts';
import type { BatchRow, StepRow } from '../../db/repos/workflow-batches.ts';
import type { Actor } from '../../shared/actor.ts';
import { labelsOf, matchCode } from '../../shared/code-lists/index.ts';
import { todayIso } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { KINDS, isWorkflowKind } from '../../shared/workflows/index.ts';
import type { KindDef } from '../../shared/workflows/index.ts';

export type { BatchRow, HouseholdBrief, StepRow };
export const todayOf = (actor: Actor): string => todayIso(actor.now());

export function requireBatch(db: ReadDb, id: string): BatchRow {
  const b = batchById(db, id);
  if (!b) throw new UserError('找不到这个批次，可能已被删除：请返回批次列表刷新。');
  return b;
}

export function kindOf(batch: BatchRow): KindDef {
  if (!isWorkflowKind(batch.kind)) throw new UserError(`批次“${batch.title}”的程序类型“${batch.kind}”无法识别：这个档案可能来自更新的版本，请升级程序。`);
  return KINDS[batch.kind];
}

/** A batch that may still change: not announced, not cancelled. */
export function requireOpenBatch(db: ReadDb, id: string): BatchRow {
  const b = requireBatch(db, id);
  if (b.status === 'closed') throw new UserError(`批次“${b.title}”已于 ${b.closedOn ?? ''} 公告完成，不能再修改：如需更正，请先记录重新开启的决定。`);
  if (b.status === 'cancelled') throw new UserError(`批次“${b.title}”已撤销，不能再修改：请新建批次。`);
  return b;
}

export const stepsOf = (db: ReadDb, batchId: string): StepRow[] => stepsOfBatch(db, batchId);

export function requireStep(steps: readonly StepRow[], seq: number, batch: BatchRow): StepRow {
  const s = steps.find((x) => x.seq === seq);
  if (!s) throw new UserError(`批次“${batch.title}”没有第${seq}步：共 ${steps.length} 步，请填写 1 到 ${steps.length}。`);
  return s;
}

export function stepLabel(batch: BatchRow, step: StepRow): string {
  return kindOf(batch).steps.find((d) => d.code === step.step)?.label ?? step.step;
}

/** Refuses a date after today: the archive records what happened, not what is planned. */
export function refuseFuture(actor: Actor, date: string, what: string): void {
  const today = todayOf(actor);
  if (date > today) throw new UserError(`${what} ${date} 晚于今天（${today}）：只能登记已经发生的事，请核对日期。`);
}

/** 户编号, 户主, current size, status and village of the given households (or all, with null), by id. */
export function householdBriefs(db: ReadDb, ids: readonly string[] | null): Map<string, HouseholdBrief> {
  return new Map(briefRows(db, ids).map((r) => [r.id, r]));
}

/** Village order (as the village list), then 户编号. */
export function byVillageThenNo(a: Pick<HouseholdBrief, 'villageSort' | 'no'>, b: Pick<HouseholdBrief, 'villageSort' | 'no'>): number {
  return a.villageSort - b.villageSort || (a.no < b.no ? -1 : a.no > b.no ? 1 : 0);
}

/** "户编号（户主）" for messages. */
export function describeHousehold(b: Pick<HouseholdBrief, 'no' | 'head'>): string {
  return b.head ? `${b.no}（户主${b.head}）` : b.no;
}

/** 致贫/返贫风险 as canonical labels (aliases accepted), at most five, no repeats; refuses unknown ones. */
export function normalizeRisks(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const r of raw) {
    const m = matchCode('risk', r);
    if (!m) throw new UserError(`风险“${r}”不在致贫/返贫风险列表中：可填 ${labelsOf('risk').join('、')}。`);
    if (!out.includes(m.label)) out.push(m.label);
  }
  if (out.length > 5) throw new UserError(`致贫/返贫风险最多5项，填写了 ${out.length} 项：请保留最主要的5项。`);
  return out;
}
