// Writing an import plan into the archive, all in one transaction through the household write
// path (db/repos/household-write.ts): new villages and households,
// changed households and members field by field (each change in the audit log), members no
// longer listed marked as left only when the clerk confirmed it, the year's income, a status
// history entry for every status the file changes, and the import logged with the file's sha256.
import { randomUUID } from 'node:crypto';
import { bulkWriteTransaction } from '../../db/handles.ts';
import type { Archive } from '../../db/open.ts';
import { archiveInfoOf, ownTownship } from '../../db/repos/archive-info.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { appendStatusHistory } from '../../db/repos/household-status.ts';
import { STALE_MESSAGE, createHousehold, updateHousehold } from '../../db/repos/household-write.ts';
import type { HouseholdChange } from '../../db/repos/household-write.ts';
import { householdsByNos, logImport, villageNames } from '../../db/repos/imports.ts';
import { insertVillage } from '../../db/repos/villages.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import type { ImportPlan } from './plan.ts';
import { householdValues, incomeValues, memberValues } from './records.ts';

export interface ApplyInput {
  plan: ImportPlan;
  sheet: string;
  warnings: number;
  fileName: string;
  sha256: string;
  year: number;
  /** Mark members the file no longer lists as left (其他转出); otherwise they are only reported. */
  removeMissing: boolean;
  /** The header's signature and the clerk's column corrections, remembered for next time. */
  signature: string | null;
  mapping: Readonly<Record<string, string | null>> | null;
}

export interface ApplyCounts {
  households: number;
  members: number;
  added: number;
  updated: number;
  membersRemoved: number;
}

export const MISSING_REASON = '其他转出';

export function ensureTownshipArchive(archive: Archive): string {
  if (archiveInfoOf(archive.db)?.role === 'county') throw new UserError('这是县级档案：乡镇花名册请导入到乡镇档案中（县级档案通过数据包接收乡镇数据）。');
  const township = ownTownship(archive.db);
  if (!township) throw new UserError('档案中没有乡镇信息，无法导入：请先新建乡镇档案，再导入。');
  return township.id;
}

/** A change the clerk saved after the check: the import is refused whole, nothing written. */
function staleRefusal(no: string): UserError {
  return new UserError(`户编号 ${no} 在导入前的检查之后又被修改（或新建）过。为免覆盖这些修改，本次导入没有写入任何内容：请重新导入（会重新检查并预览）。`);
}

function memberNote(decision: string, u: ImportPlan['updated'][number], removed: readonly { name: string }[]): string {
  return (
    `${decision}：` +
    [
      u.changes.length ? `改动${u.changes.length}项` : '',
      u.membersAdded.length ? `新增成员${u.membersAdded.map((m) => m.parsed.name).join('、')}` : '',
      u.membersChanged.filter((m) => m.change.changes.length).map((m) => `${m.change.name}改动${m.change.changes.map((c) => c.label).join('、')}`).join('；'),
      removed.length ? `${removed.map((m) => m.name).join('、')}已不在名单中，标记为${MISSING_REASON}` : u.membersMissing.length ? `${u.membersMissing.map((m) => m.name).join('、')}不在名单中（未移除）` : '',
    ]
      .filter(Boolean)
      .join('；')
  );
}

/** Writes the plan through the household write path (versions, search keys, audit), all in one transaction. */
export function applyPlan(archive: Archive, actor: Actor, input: ApplyInput): ApplyCounts {
  const { plan } = input;
  const township = ownTownship(archive.db);
  if (!township) ensureTownshipArchive(archive);
  const townshipId = township!.id;
  const now = actor.now().toISOString();
  const today = now.slice(0, 10);
  const decision = `导入国家系统导出文件“${input.fileName}”`;
  const code9 = (township!.code ?? '000000000000').slice(0, 9);
  const counts: ApplyCounts = { households: 0, members: 0, added: plan.added.length, updated: plan.updated.length, membersRemoved: 0 };
  bulkWriteTransaction(archive.db, (w) => {
    const villageIds = new Map(villageNames(w).map((v) => [v.name, v.id]));
    let nextVillage = villageIds.size + 1;
    const villageOf = (name: string): string => {
      const villageName = name || '未填写行政村';
      let id = villageIds.get(villageName);
      if (!id) {
        id = randomUUID();
        // The exports carry no village codes: a provisional one, to be corrected in 行政村.
        insertVillage(w, { id, version: 1, updatedAt: now, updatedBy: actor.operator, townshipId, code: `${code9}${String(nextVillage).padStart(3, '0')}`, name: villageName, sortOrder: nextVillage });
        nextVillage++;
        villageIds.set(villageName, id);
      }
      return id;
    };
    const history = (householdId: string, status: HouseholdStatus) =>
      appendStatusHistory(w, actor, { householdId, status, year: input.year, effectiveOn: today, decision, reason: null, batchId: null });

    // A household the plan adds may have been created since the plan was made (a clerk's save
    // during the backup): refused like a changed one, before anything is written.
    const taken = householdsByNos(w, plan.added.map((h) => h.no))[0];
    if (taken) throw staleRefusal(taken.no);
    for (const h of plan.added) {
      const income = incomeValues(h);
      const id = createHousehold(
        w,
        actor,
        { ...householdValues(h), villageId: villageOf(h.village), no: h.no, groupName: h.groupName, status: h.status ?? 'ordinary' },
        { members: h.members.map((m, i) => ({ id: null, fields: memberValues(m, i + 1) })), incomes: income ? [{ year: input.year, fields: { householdSize: h.members.length, ...income } }] : [] },
        { action: 'import-insert', note: `${decision}：新增农户（${h.members.length}人）`, images: null },
      );
      if (h.status && h.status !== 'ordinary') history(id, h.status);
      counts.households++;
      counts.members += h.members.length;
    }
    for (const u of plan.updated) {
      const e = u.existing;
      const removed = input.removeMissing ? u.membersMissing : [];
      const change: HouseholdChange = {
        household: { ...u.household, ...(u.village ? { villageId: villageOf(u.village) } : {}) },
        members: [
          ...u.membersAdded.map((m) => ({ id: null, fields: m.values })),
          ...u.membersChanged.map((m) => ({ id: m.existing.id, fields: m.values })),
          ...removed.map((m) => ({ id: m.id, fields: { leftReason: MISSING_REASON, leftOn: today } })),
        ],
        incomes: u.income ? [{ year: input.year, fields: u.existingIncome ? u.income : { householdSize: u.parsed.members.length, ...u.income } }] : [],
      };
      try {
        updateHousehold(w, actor, e.id, change, { expectedVersion: e.version }, {
          action: 'import-update',
          note: memberNote(decision, u, removed),
          images: { before: Object.fromEntries(u.changes.map((c) => [c.label, c.before])), after: Object.fromEntries(u.changes.map((c) => [c.label, c.after])) },
        });
      } catch (err) {
        throw err instanceof UserError && err.message === STALE_MESSAGE ? staleRefusal(e.no) : err;
      }
      if (u.household.status && u.household.status !== e.status) history(e.id, u.household.status);
      counts.membersRemoved += removed.length;
      counts.households++;
      counts.members += u.parsed.members.length;
    }
    logImport(w, {
      at: now,
      operator: actor.operator,
      kind: 'xlsx',
      fileName: input.fileName,
      sha256: input.sha256,
      households: counts.households,
      members: counts.members,
      summary: { sheet: input.sheet, warnings: input.warnings, added: counts.added, updated: counts.updated, unchanged: plan.unchanged, membersRemoved: counts.membersRemoved, notInFile: plan.notInFile.length, year: input.year, signature: input.signature, mapping: input.mapping },
    });
    recordAudit(w, actor, {
      action: 'import',
      tableName: 'imports_log',
      recordId: input.sha256,
      note: `导入“${input.fileName}”：新增${counts.added}户，更新${counts.updated}户，未变${plan.unchanged}户，共${counts.members}人`,
    });
  });
  return counts;
}
