// 乡镇设置: the township's 区划代码, 县 and 省, which the create form lets a station chief leave for
// later ("可以稍后补填"), changed in one audited transaction. (Its contacts are documents.contacts.)
import { writeTransaction } from '../db/handles.ts';
import type { ReadDb } from '../db/handles.ts';
import type { Db } from '../db/open.ts';
import { townshipFacts, updateTownshipFacts } from '../db/repos/archive-info.ts';
import { recordAudit } from '../db/repos/audit.ts';
import { changeStamp } from '../db/repos/stamp.ts';
import type { Actor } from '../shared/actor.ts';
import type { TownshipSettings } from '../shared/api/archive.ts';
import { UserError } from '../shared/errors.ts';

export function townshipSettings(db: ReadDb): TownshipSettings {
  const t = townshipFacts(db);
  if (!t) throw new UserError('档案中没有乡镇信息：请用备份恢复，或重新新建档案。');
  return { name: t.name, code: t.code, county: t.county, province: t.province };
}

export function saveTownshipSettings(db: Db, actor: Actor, input: Pick<TownshipSettings, 'code' | 'county' | 'province'>): TownshipSettings {
  writeTransaction(db, (w) => {
    const before = townshipFacts(w);
    if (!before) throw new UserError('档案中没有乡镇信息：请用备份恢复，或重新新建档案。');
    const facts = { code: input.code, county: input.county, province: input.province };
    updateTownshipFacts(w, before.id, facts, changeStamp(actor));
    recordAudit(w, actor, { action: 'update', tableName: 'townships', recordId: before.id, before: { code: before.code, county: before.county, province: before.province }, after: facts, note: `修改乡镇设置（区划代码、县、省）` });
  });
  return townshipSettings(db);
}
