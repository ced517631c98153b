// Households in and out of a batch. By hand, every household must fit (right status, right
// village, not already in an open batch of the same kind) or nothing is added; from a filter,
// the ones that do not fit are skipped and listed.
import { writeTransaction } from '../../db/handles.ts';
import type { ReadDb, WriteDb } from '../../db/handles.ts';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { batchVillageIds } from '../../db/repos/workflow-batches.ts';
import { busyInOtherBatches, riskRemovedAmong } from '../../db/repos/workflow-candidates.ts';
import { markMemberRemoved, memberOfBatch, membersOfBatch, saveMember } from '../../db/repos/workflow-members.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { STATUS_LABELS } from '../../shared/status.ts';
import { beforeBatchStart, defaultChoice } from '../../shared/workflows/index.ts';
import type { BatchRow, HouseholdBrief } from './common.ts';
import { describeHousehold, householdBriefs, kindOf, normalizeRisks, refuseFuture, requireOpenBatch, stepsOf } from './common.ts';

export interface AddInput {
  householdIds: string[];
  on: string;
  choice: string | null;
  risks: string[];
}

/** Why each household cannot join the batch; households that can are absent from the map. */
export function conflicts(db: ReadDb, batch: BatchRow, briefs: ReadonlyMap<string, HouseholdBrief>, ids: readonly string[]): Map<string, string> {
  const def = kindOf(batch);
  const out = new Map<string, string>();
  const villages = new Set(batchVillageIds(db, batch.id));
  const removed = new Set(riskRemovedAmong(db, ids));
  const members = new Set(membersOfBatch(db, batch.id).filter((m) => m.removedOn == null).map((m) => m.householdId));
  const busyIn = new Map(busyInOtherBatches(db, batch, ids).map((r) => [r.householdId, r.title]));
  for (const id of ids) {
    const b = briefs.get(id);
    if (!b) out.set(id, '这一户已不在档案中');
    else if (members.has(id)) out.set(id, '已在本批次中');
    else if (busyIn.has(id)) out.set(id, `已在进行中的同类批次“${busyIn.get(id)!}”中，同一户不能同时在两个${def.label}批次中`);
    else if (villages.size > 0 && !villages.has(b.villageId)) out.set(id, `属于${b.villageName}，不在本批次的村范围内`);
    else if (!def.eligible.includes(b.status)) out.set(id, `现为${STATUS_LABELS[b.status]}，${def.label}只适用于${def.eligible.map((s) => STATUS_LABELS[s]).join('、')}`);
    else if (def.effect.type === 'risk-removal' && removed.has(id)) out.set(id, '风险已经消除');
  }
  return out;
}

/** Households may join only while the first step is not completed: later they would skip it. */
function requireJoinable(db: ReadDb, batch: BatchRow): void {
  const first = stepsOf(db, batch.id)[0];
  if (first && first.status === 'closed') {
    throw new UserError(`批次“${batch.title}”的第1步已经完成，不能再加入农户（新加入的农户会跳过已完成的环节）：请为这些农户新建一个批次。`);
  }
}

function validChoice(batch: BatchRow, choice: string | null): void {
  const def = kindOf(batch);
  if (choice == null) return;
  if (!def.choice) throw new UserError(`${def.label}不需要选择类别，请不要填写“${choice}”。`);
  if (!def.choice.options.includes(choice)) throw new UserError(`${def.choice.label}“${choice}”无效：应为 ${def.choice.options.join('、')}。`);
}

function insertMembers(w: WriteDb, actor: Actor, batch: BatchRow, briefs: ReadonlyMap<string, HouseholdBrief>, input: AddInput): number {
  const def = kindOf(batch);
  const risks = def.effect.type === 'monitoring' && input.risks.length ? normalizeRisks(input.risks) : null;
  const existing = new Map(membersOfBatch(w, batch.id).map((m) => [m.householdId, m]));
  for (const hid of input.householdIds) {
    const b = briefs.get(hid)!;
    const values = { category: input.choice ?? defaultChoice(def.kind, b.status), risks, addedOn: input.on, removedOn: null, removalReason: null };
    saveMember(w, actor, existing.get(hid)?.id ?? null, batch.id, hid, values);
    recordAudit(w, actor, {
      action: 'insert',
      tableName: 'batch_households',
      recordId: `${batch.id}:${hid}`,
      householdId: hid,
      after: values,
      note: `加入批次“${batch.title}”${values.category ? `（${values.category}）` : ''}`,
    });
  }
  return input.householdIds.length;
}

/** Adds the listed households, all or none (one transaction, or a savepoint of the caller's). */
export function addByHand(db: Db, actor: Actor, batchId: string, input: AddInput): number {
  return writeTransaction(db, (w) => addAll(w, actor, batchId, input));
}

function addAll(w: WriteDb, actor: Actor, batchId: string, input: AddInput): number {
  const batch = requireOpenBatch(w, batchId);
  refuseFuture(actor, input.on, '加入日期');
  if (input.on < batch.createdOn) throw new UserError(`${beforeBatchStart('加入日期', input.on, batch.createdOn)}。`, { field: 'on' });
  requireJoinable(w, batch);
  validChoice(batch, input.choice);
  const ids = [...new Set(input.householdIds)];
  const briefs = householdBriefs(w, ids);
  const bad = conflicts(w, batch, briefs, ids);
  if (bad.size > 0) {
    const lines = [...bad].map(([id, why]) => `${briefs.get(id) ? describeHousehold(briefs.get(id)!) : id}：${why}`);
    throw new UserError(`有 ${bad.size} 户不能加入批次“${batch.title}”，本次没有加入任何农户：${lines[0]!}${bad.size > 1 ? ' 等' : ''}。请去掉这些农户后重试。`, {
      details: lines,
    });
  }
  return insertMembers(w, actor, batch, briefs, { ...input, householdIds: ids });
}

/** Adds the ones that fit among `ids`; returns the others with the reason. */
export function addFitting(db: Db, actor: Actor, batchId: string, ids: readonly string[], input: Omit<AddInput, 'householdIds'>): { added: number; skipped: { householdId: string; household: string; reason: string }[] } {
  const batch = requireOpenBatch(db, batchId);
  const briefs = householdBriefs(db, ids);
  const bad = conflicts(db, batch, briefs, ids);
  const fit = ids.filter((id) => !bad.has(id));
  const added = fit.length ? addByHand(db, actor, batchId, { ...input, householdIds: fit }) : 0;
  const skipped = [...bad].map(([householdId, reason]) => ({ householdId, household: briefs.get(householdId) ? describeHousehold(briefs.get(householdId)!) : householdId, reason }));
  return { added, skipped };
}

export function removeHousehold(db: Db, actor: Actor, input: { batchId: string; householdId: string; on: string; reason: string }): void {
  writeTransaction(db, (w) => {
    const batch = requireOpenBatch(w, input.batchId);
    refuseFuture(actor, input.on, '移出日期');
    const m = memberOfBatch(w, batch.id, input.householdId);
    if (!m || m.removedOn != null) throw new UserError(`这一户不在批次“${batch.title}”中，无需移出：请刷新后核对。`);
    if (input.on < m.addedOn) throw new UserError(`移出日期 ${input.on} 早于加入日期 ${m.addedOn}：请核对日期。`);
    markMemberRemoved(w, actor, m.id, { removedOn: input.on, removalReason: input.reason });
    recordAudit(w, actor, {
      action: 'update',
      tableName: 'batch_households',
      recordId: `${batch.id}:${input.householdId}`,
      householdId: input.householdId,
      before: { removedOn: null },
      after: { removedOn: input.on, removalReason: input.reason },
      note: `移出批次“${batch.title}”：${input.reason}`,
    });
  });
}
