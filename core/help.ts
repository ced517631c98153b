// 结对帮扶 and 帮扶措施: helpers of the township, pairings with dates, and measures. Every
// change is one transaction with its audit entry (on the household's history where it has one).
import { randomUUID } from 'node:crypto';
import { writeTransaction } from '../db/handles.ts';
import type { ReadDb } from '../db/handles.ts';
import type { Db } from '../db/open.ts';
import { recordAudit } from '../db/repos/audit.ts';
import {
  deleteMeasureRecord,
  endPairingOn,
  helperById,
  helpersByName,
  helpersTownshipId,
  householdNoOf,
  insertHelper,
  insertPairing,
  measureById,
  openPairingsOf,
  pairedCountsOn,
  pairingById,
  saveMeasureRecord,
  updateHelper,
} from '../db/repos/help.ts';
import type { Actor } from '../shared/actor.ts';
import type { HelperView, ParsedInputOf } from '../shared/api/index.ts';
import type { helpApi } from '../shared/api/help.ts';
import { addDays, todayIso } from '../shared/dates.ts';
import { UserError } from '../shared/errors.ts';
import { formatYuan } from '../shared/money.ts';
import type { MeasureRecord, PairingRecord } from '../shared/records.ts';

/** Helpers with the households paired with them on `today` (the session's day). */
export function listHelpers(db: ReadDb, today: string): HelperView[] {
  const byHelper = pairedCountsOn(db, today);
  return helpersByName(db).map((h) => ({ id: h.id, name: h.name, unit: h.unit, unitLevel: h.unitLevel, post: h.post, phone: h.phone, households: byHelper.get(h.id) ?? 0 }));
}

function townshipIdOf(db: ReadDb): string {
  const id = helpersTownshipId(db);
  if (!id) throw new UserError('档案中还没有乡镇信息，不能登记帮扶责任人。');
  return id;
}

export function saveHelper(db: Db, actor: Actor, input: ParsedInputOf<typeof helpApi.saveHelper>): HelperView {
  const { id: given, ...fields } = input;
  const id = given ?? randomUUID();
  writeTransaction(db, (w) => {
    const before = given ? helperById(w, given) : undefined;
    if (given && !before) throw new UserError('找不到这位帮扶责任人，可能已被删除。请刷新后重试。');
    if (before) updateHelper(w, actor, id, fields);
    else insertHelper(w, actor, id, townshipIdOf(w), fields);
    recordAudit(w, actor, { action: before ? 'update' : 'insert', tableName: 'helpers', recordId: id, before: before ?? null, after: fields, note: `${before ? '修改' : '新增'}帮扶责任人${fields.name}` });
  });
  return listHelpers(db, todayIso(actor.now())).find((h) => h.id === id)!;
}

function requireHousehold(db: ReadDb, id: string): { no: string } {
  const no = householdNoOf(db, id);
  if (no === undefined) throw new UserError('找不到这一户，可能已被删除。请刷新后重试。');
  return { no };
}

/** Pairs a household with a helper from a date; an open pairing with another helper ends the day before. */
export function pairHelper(db: Db, actor: Actor, input: { householdId: string; helperId: string; startOn: string }): PairingRecord {
  return writeTransaction(db, (w) => {
    const h = requireHousehold(w, input.householdId);
    const helper = helperById(w, input.helperId);
    if (!helper) throw new UserError('找不到这位帮扶责任人，请重新选择。');
    const open = openPairingsOf(w, input.householdId);
    if (open.some((p) => p.helperId === input.helperId)) throw new UserError(`${helper.name}已经是这一户的帮扶责任人。`);
    const endOn = addDays(input.startOn, -1);
    for (const p of open) {
      if (p.startOn > endOn) throw new UserError(`新的开始日期 ${input.startOn} 早于现有结对的开始日期 ${p.startOn}，请核对日期。`);
      endPairingOn(w, actor, p, endOn);
    }
    const row = insertPairing(w, actor, { helperId: input.helperId, householdId: input.householdId, startOn: input.startOn });
    recordAudit(w, actor, {
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
  return writeTransaction(db, (w) => {
    const p = pairingById(w, input.pairingId);
    if (!p) throw new UserError('找不到这条结对记录，请刷新后重试。');
    if (p.endOn) throw new UserError(`这条结对已于 ${p.endOn} 结束。`);
    if (input.endOn < p.startOn) throw new UserError(`结束日期 ${input.endOn} 早于开始日期 ${p.startOn}，请核对。`);
    const row = endPairingOn(w, actor, p, input.endOn);
    recordAudit(w, actor, { action: 'update', tableName: 'pairings', recordId: p.id, householdId: p.householdId, before: p, after: row, note: `结束结对（${input.endOn}）` });
    return row;
  });
}

function measureNote(m: { year: number; category: string; amountFen: number | null }): string {
  return `${m.year}年${m.category}${m.amountFen != null ? ` ${formatYuan(m.amountFen)}元` : ''}`;
}

export function saveMeasure(db: Db, actor: Actor, input: ParsedInputOf<typeof helpApi.saveMeasure>): MeasureRecord {
  if (input.startOn && input.endOn && input.endOn < input.startOn) throw new UserError('帮扶措施的结束日期早于开始日期，请核对。', { field: 'endOn' });
  return writeTransaction(db, (w) => {
    requireHousehold(w, input.householdId);
    const { id: given, ...fields } = input;
    const before = given ? measureById(w, given) : undefined;
    if (given && !before) throw new UserError('找不到这条帮扶措施，可能已被删除。请刷新后重试。');
    const row = saveMeasureRecord(w, actor, given ?? randomUUID(), before, fields);
    recordAudit(w, actor, { action: before ? 'update' : 'insert', tableName: 'measures', recordId: row.id, householdId: input.householdId, before: before ?? null, after: row, note: `${before ? '修改' : '添加'}帮扶措施：${measureNote(row)}` });
    return row;
  });
}

export function deleteMeasure(db: Db, actor: Actor, id: string): { deleted: string } {
  writeTransaction(db, (w) => {
    const m = measureById(w, id);
    if (!m) throw new UserError('找不到这条帮扶措施，可能已被删除。请刷新后重试。');
    deleteMeasureRecord(w, id);
    recordAudit(w, actor, { action: 'delete', tableName: 'measures', recordId: id, householdId: m.householdId, before: m, note: `删除帮扶措施：${measureNote(m)}` });
  });
  return { deleted: id };
}
