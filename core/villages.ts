// Villages with their counts and yearly figures; adding a village and editing its facts and
// yearly figures (each change one transaction with its audit entry).
import { randomUUID } from 'node:crypto';
import { writeTransaction } from '../db/handles.ts';
import type { ReadDb } from '../db/handles.ts';
import type { Db } from '../db/open.ts';
import { recordAudit } from '../db/repos/audit.ts';
import { helpersTownshipId } from '../db/repos/help.ts';
import { addVillageRow, putVillageYear, updateVillageRow, villageByCode, villageById as villageRow, villagePopulation, villageYearOf, villageYearRows, villagesInOrder } from '../db/repos/villages.ts';
import type { Actor } from '../shared/actor.ts';
import type { ParsedInputOf, VillageView } from '../shared/api/index.ts';
import type { villagesApi } from '../shared/api/other.ts';
import { UserError } from '../shared/errors.ts';

export function listVillages(db: ReadDb): VillageView[] {
  const byVillage = new Map(villagePopulation(db).map((r) => [r.id, r]));
  const years = villageYearRows(db);
  return villagesInOrder(db).map((v) => ({
    ...v,
    households: byVillage.get(v.id)?.households ?? 0,
    members: byVillage.get(v.id)?.members ?? 0,
    registeredHouseholds: byVillage.get(v.id)?.registeredHouseholds ?? 0,
    registeredMembers: byVillage.get(v.id)?.registeredMembers ?? 0,
    years: years
      .filter((y) => y.villageId === v.id)
      .map(({ year, ruralHouseholds, ruralPopulation, perCapitaIncomeFen, collectiveIncomeFen, checklist }) => ({
        year,
        ruralHouseholds,
        ruralPopulation,
        perCapitaIncomeFen,
        collectiveIncomeFen,
        checklist,
      })),
  }));
}

export function villageById(db: ReadDb, id: string): VillageView {
  if (!villageRow(db, id)) throw new UserError('找不到这个行政村，请返回列表刷新。');
  return listVillages(db).find((v) => v.id === id)!;
}

/** 新增行政村 (id null) or a village's facts changed; a 区划代码 already used by another village is refused. */
export function saveVillage(db: Db, actor: Actor, input: ParsedInputOf<typeof villagesApi.save>): VillageView {
  const { id: given, ...fields } = input;
  const id = given ?? randomUUID();
  writeTransaction(db, (w) => {
    const before = given ? villageRow(w, given) : undefined;
    if (given && !before) throw new UserError('找不到这个行政村，可能已被删除。请返回列表刷新。');
    const clash = villageByCode(w, fields.code);
    if (clash && clash.id !== id) throw new UserError(`区划代码 ${fields.code} 已是“${clash.name}”的代码：每个行政村的区划代码不同，请核对后重填。`, { field: 'code' });
    if (before) updateVillageRow(w, actor, id, fields);
    else {
      const townshipId = helpersTownshipId(w);
      if (!townshipId) throw new UserError('档案中还没有乡镇信息，不能新增行政村。');
      addVillageRow(w, actor, id, townshipId, fields);
    }
    recordAudit(w, actor, { action: before ? 'update' : 'insert', tableName: 'villages', recordId: id, before: before ?? null, after: fields, note: `${before ? '修改' : '新增'}行政村${fields.name}` });
  });
  return villageById(db, id);
}

/** A village's figures and checklist of one year, added or replaced. */
export function saveVillageYear(db: Db, actor: Actor, input: ParsedInputOf<typeof villagesApi.saveYear>): VillageView {
  const { villageId, year, ...fields } = input;
  writeTransaction(db, (w) => {
    const v = villageRow(w, villageId);
    if (!v) throw new UserError('找不到这个行政村，可能已被删除。请返回列表刷新。');
    const before = villageYearOf(w, villageId, year);
    const id = before?.id ?? randomUUID();
    putVillageYear(w, actor, id, villageId, year, fields, before !== undefined);
    recordAudit(w, actor, { action: before ? 'update' : 'insert', tableName: 'village_years', recordId: id, before: before ?? null, after: { year, ...fields }, note: `${v.name}${year}年村情数据` });
  });
  return villageById(db, villageId);
}
