// Households in and out of a batch. By hand, every household must fit (right status, right
// village, not already in an open batch of the same kind) or nothing is added; from a filter,
// the ones that do not fit are skipped and listed.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { batchHouseholds, batchVillages } from '../../db/schema/index.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { STATUS_LABELS } from '../../shared/status.ts';
import { defaultChoice } from '../../shared/workflows/index.ts';
import type { BatchRow, HouseholdBrief } from './common.ts';
import { describeHousehold, householdBriefs, kindOf, normalizeRisks, refuseFuture, requireOpenBatch, stampOf, stepsOf } from './common.ts';

export interface AddInput {
  householdIds: string[];
  on: string;
  choice: string | null;
  risks: string[];
}

interface Member {
  id: string;
  householdId: string;
  removedOn: string | null;
  version: number;
}

/** Why each household cannot join the batch; households that can are absent from the map. */
export function conflicts(db: Db, batch: BatchRow, briefs: ReadonlyMap<string, HouseholdBrief>, ids: readonly string[]): Map<string, string> {
  const def = kindOf(batch);
  const out = new Map<string, string>();
  const villages = new Set(db.select().from(batchVillages).where(eq(batchVillages.batchId, batch.id)).all().map((v) => v.villageId));
  const json = JSON.stringify(ids);
  const removed = new Set(
    (db.$client.prepare('SELECT id FROM households WHERE risk_removed = 1 AND id IN (SELECT value FROM json_each(?))').all(json) as { id: string }[]).map((r) => r.id),
  );
  const members = new Set(
    db.select().from(batchHouseholds).where(eq(batchHouseholds.batchId, batch.id)).all().filter((m) => m.removedOn == null).map((m) => m.householdId),
  );
  const busy = db.$client
    .prepare(
      `SELECT bh.household_id AS householdId, b.title FROM batch_households bh JOIN batches b ON b.id = bh.batch_id
        WHERE b.kind = ? AND b.status = 'open' AND b.id <> ? AND bh.removed_on IS NULL
          AND bh.household_id IN (SELECT value FROM json_each(?))
          AND NOT EXISTS (SELECT 1 FROM step_outcomes so WHERE so.batch_household_id = bh.id AND so.outcome <> 'pass')`,
    )
    .all(batch.kind, batch.id, json) as { householdId: string; title: string }[];
  const busyIn = new Map(busy.map((r) => [r.householdId, r.title]));
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
function requireJoinable(db: Db, batch: BatchRow): void {
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

function insertMembers(db: Db, actor: Actor, batch: BatchRow, briefs: ReadonlyMap<string, HouseholdBrief>, input: AddInput): number {
  const def = kindOf(batch);
  const risks = def.effect.type === 'monitoring' && input.risks.length ? normalizeRisks(input.risks) : null;
  const existing = new Map<string, Member>(
    db.select().from(batchHouseholds).where(eq(batchHouseholds.batchId, batch.id)).all().map((m) => [m.householdId, m]),
  );
  const stamp = stampOf(actor);
  for (const hid of input.householdIds) {
    const b = briefs.get(hid)!;
    const values = { category: input.choice ?? defaultChoice(def.kind, b.status), risks, addedOn: input.on, removedOn: null, removalReason: null };
    const prev = existing.get(hid);
    if (prev) db.update(batchHouseholds).set({ ...values, ...stamp, version: prev.version + 1 }).where(eq(batchHouseholds.id, prev.id)).run();
    else db.insert(batchHouseholds).values({ id: randomUUID(), version: 1, ...stamp, batchId: batch.id, householdId: hid, ...values }).run();
    recordAudit(db, actor, {
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

/** Adds the listed households, all or none. Call inside a transaction. */
export function addByHand(db: Db, actor: Actor, batchId: string, input: AddInput): number {
  const batch = requireOpenBatch(db, batchId);
  refuseFuture(actor, input.on, '加入日期');
  if (input.on < batch.createdOn) throw new UserError(`加入日期 ${input.on} 早于批次建立日期 ${batch.createdOn}：请核对日期。`);
  requireJoinable(db, batch);
  validChoice(batch, input.choice);
  const ids = [...new Set(input.householdIds)];
  const briefs = householdBriefs(db, ids);
  const bad = conflicts(db, batch, briefs, ids);
  if (bad.size > 0) {
    const lines = [...bad].map(([id, why]) => `${briefs.get(id) ? describeHousehold(briefs.get(id)!) : id}：${why}`);
    throw new UserError(`有 ${bad.size} 户不能加入批次“${batch.title}”，本次没有加入任何农户：${lines[0]!}${bad.size > 1 ? ' 等' : ''}。请去掉这些农户后重试。`, {
      details: lines,
    });
  }
  return insertMembers(db, actor, batch, briefs, { ...input, householdIds: ids });
}

/** Adds the ones that fit among `ids`; returns the others with the reason. Call inside a transaction. */
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
  db.transaction(() => {
    const batch = requireOpenBatch(db, input.batchId);
    refuseFuture(actor, input.on, '移出日期');
    const m = db.select().from(batchHouseholds).where(and(eq(batchHouseholds.batchId, batch.id), eq(batchHouseholds.householdId, input.householdId))).get();
    if (!m || m.removedOn != null) throw new UserError(`这一户不在批次“${batch.title}”中，无需移出：请刷新后核对。`);
    if (input.on < m.addedOn) throw new UserError(`移出日期 ${input.on} 早于加入日期 ${m.addedOn}：请核对日期。`);
    db.update(batchHouseholds).set({ removedOn: input.on, removalReason: input.reason, version: m.version + 1, ...stampOf(actor) }).where(eq(batchHouseholds.id, m.id)).run();
    recordAudit(db, actor, {
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
