// 结对帮扶 and 帮扶措施: helpers of the township, pairings with dates, and measures. Every
// change is one transaction with its audit entry (on the household's history where it has one).
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { recordAudit } from '../db/repos/audit.ts';
import { archiveInfo, helpers, households, measures, pairings, townships } from '../db/schema/index.ts';
import type { Actor } from '../shared/actor.ts';
import type { HelperView, ParsedInputOf } from '../shared/api/index.ts';
import type { helpApi } from '../shared/api/help.ts';
import { addDays, todayIso } from '../shared/dates.ts';
import { UserError } from '../shared/errors.ts';
import { formatYuan } from '../shared/money.ts';
import type { MeasureRecord, PairingRecord } from '../shared/records.ts';

const stampOf = (actor: Actor) => ({ updatedAt: actor.now().toISOString(), updatedBy: actor.operator });

/** Helpers with the households paired with them on `today` (the session's day). */
export function listHelpers(db: Db, today: string): HelperView[] {
  const counts = db
    .select({ helperId: pairings.helperId, n: sql<number>`count(*)` })
    .from(pairings)
    .where(sql`${pairings.startOn} <= ${today} AND (${pairings.endOn} IS NULL OR ${pairings.endOn} >= ${today})`)
    .groupBy(pairings.helperId)
    .all();
  const byHelper = new Map(counts.map((c) => [c.helperId, c.n]));
  return db
    .select()
    .from(helpers)
    .orderBy(asc(helpers.name))
    .all()
    .map((h) => ({ id: h.id, name: h.name, unit: h.unit, unitLevel: h.unitLevel, post: h.post, phone: h.phone, households: byHelper.get(h.id) ?? 0 }));
}

function townshipIdOf(db: Db): string {
  const info = db.select().from(archiveInfo).get();
  const id = info?.townshipId ?? db.select({ id: townships.id }).from(townships).limit(1).get()?.id;
  if (!id) throw new UserError('档案中还没有乡镇信息，不能登记帮扶责任人。');
  return id;
}

export function saveHelper(db: Db, actor: Actor, input: ParsedInputOf<typeof helpApi.saveHelper>): HelperView {
  const stamp = stampOf(actor);
  const { id: given, ...fields } = input;
  const id = given ?? randomUUID();
  db.transaction((tx) => {
    const before = given ? tx.select().from(helpers).where(eq(helpers.id, given)).get() : undefined;
    if (given && !before) throw new UserError('找不到这位帮扶责任人，可能已被删除。请刷新后重试。');
    if (before) tx.update(helpers).set({ ...fields, ...stamp, version: before.version + 1 }).where(eq(helpers.id, id)).run();
    else tx.insert(helpers).values({ ...fields, id, townshipId: townshipIdOf(db), version: 1, ...stamp }).run();
    recordAudit(tx, actor, { action: before ? 'update' : 'insert', tableName: 'helpers', recordId: id, before: before ?? null, after: fields, note: `${before ? '修改' : '新增'}帮扶责任人${fields.name}` });
  });
  return listHelpers(db, todayIso(actor.now())).find((h) => h.id === id)!;
}

function requireHousehold(db: Db, id: string): { no: string } {
  const h = db.select({ no: households.no }).from(households).where(eq(households.id, id)).get();
  if (!h) throw new UserError('找不到这一户，可能已被删除。请刷新后重试。');
  return h;
}

/** Pairs a household with a helper from a date; an open pairing with another helper ends the day before. */
export function pairHelper(db: Db, actor: Actor, input: { householdId: string; helperId: string; startOn: string }): PairingRecord {
  const stamp = stampOf(actor);
  return db.transaction((tx) => {
    const h = requireHousehold(db, input.householdId);
    const helper = tx.select().from(helpers).where(eq(helpers.id, input.helperId)).get();
    if (!helper) throw new UserError('找不到这位帮扶责任人，请重新选择。');
    const open = tx.select().from(pairings).where(and(eq(pairings.householdId, input.householdId), isNull(pairings.endOn))).all();
    if (open.some((p) => p.helperId === input.helperId)) throw new UserError(`${helper.name}已经是这一户的帮扶责任人。`);
    const endOn = addDays(input.startOn, -1);
    for (const p of open) {
      if (p.startOn > endOn) throw new UserError(`新的开始日期 ${input.startOn} 早于现有结对的开始日期 ${p.startOn}，请核对日期。`);
      tx.update(pairings).set({ endOn, version: p.version + 1, ...stamp }).where(eq(pairings.id, p.id)).run();
    }
    const row = { id: randomUUID(), version: 1, ...stamp, helperId: input.helperId, householdId: input.householdId, startOn: input.startOn, endOn: null };
    tx.insert(pairings).values(row).run();
    recordAudit(tx, actor, {
      action: 'insert',
      tableName: 'pairings',
      recordId: row.id,
      householdId: input.householdId,
      after: row,
      note: `户编号 ${h.no} 结对帮扶责任人${helper.name}（自 ${input.startOn}）${open.length ? `，原结对于 ${endOn} 结束` : ''}`,
    });
    return row;
  });
}

export function endPairing(db: Db, actor: Actor, input: { pairingId: string; endOn: string }): PairingRecord {
  return db.transaction((tx) => {
    const p = tx.select().from(pairings).where(eq(pairings.id, input.pairingId)).get();
    if (!p) throw new UserError('找不到这条结对记录，请刷新后重试。');
    if (p.endOn) throw new UserError(`这条结对已于 ${p.endOn} 结束。`);
    if (input.endOn < p.startOn) throw new UserError(`结束日期 ${input.endOn} 早于开始日期 ${p.startOn}，请核对。`);
    const row = { ...p, endOn: input.endOn, version: p.version + 1, ...stampOf(actor) };
    tx.update(pairings).set(row).where(eq(pairings.id, p.id)).run();
    recordAudit(tx, actor, { action: 'update', tableName: 'pairings', recordId: p.id, householdId: p.householdId, before: p, after: row, note: `结束结对（${input.endOn}）` });
    return row;
  });
}

function measureNote(m: { year: number; category: string; amountFen: number | null }): string {
  return `${m.year}年${m.category}${m.amountFen != null ? ` ${formatYuan(m.amountFen)}元` : ''}`;
}

export function saveMeasure(db: Db, actor: Actor, input: ParsedInputOf<typeof helpApi.saveMeasure>): MeasureRecord {
  if (input.startOn && input.endOn && input.endOn < input.startOn) throw new UserError('帮扶措施的结束日期早于开始日期，请核对。', { field: 'endOn' });
  const stamp = stampOf(actor);
  return db.transaction((tx) => {
    requireHousehold(db, input.householdId);
    const { id: given, ...fields } = input;
    const before = given ? tx.select().from(measures).where(eq(measures.id, given)).get() : undefined;
    if (given && !before) throw new UserError('找不到这条帮扶措施，可能已被删除。请刷新后重试。');
    const row = { ...fields, id: given ?? randomUUID(), version: (before?.version ?? 0) + 1, ...stamp };
    if (before) tx.update(measures).set(row).where(eq(measures.id, row.id)).run();
    else tx.insert(measures).values(row).run();
    recordAudit(tx, actor, { action: before ? 'update' : 'insert', tableName: 'measures', recordId: row.id, householdId: input.householdId, before: before ?? null, after: row, note: `${before ? '修改' : '添加'}帮扶措施：${measureNote(row)}` });
    return row;
  });
}

export function deleteMeasure(db: Db, actor: Actor, id: string): { deleted: string } {
  db.transaction((tx) => {
    const m = tx.select().from(measures).where(eq(measures.id, id)).get();
    if (!m) throw new UserError('找不到这条帮扶措施，可能已被删除。请刷新后重试。');
    tx.delete(measures).where(eq(measures.id, id)).run();
    recordAudit(tx, actor, { action: 'delete', tableName: 'measures', recordId: id, householdId: m.householdId, before: m, note: `删除帮扶措施：${measureNote(m)}` });
  });
  return { deleted: id };
}
