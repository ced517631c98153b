// Writing an import plan into the archive, all in one transaction: new villages and households,
// changed households and members field by field (each change in the audit log), members no
// longer listed marked as left only when the clerk confirmed it, the year's income, a status
// history entry for every status the file changes, and the import logged with the file's sha256.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { inserter } from '../../db/bulk-insert.ts';
import type { Archive } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { archiveInfo, households, importsLog, incomes, members, statusHistory, townships, villages } from '../../db/schema/index.ts';
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
  const { db } = archive;
  const info = db.select().from(archiveInfo).get();
  if (info?.role === 'county') throw new UserError('这是县级档案：乡镇花名册请导入到乡镇档案中（县级档案通过数据包接收乡镇数据）。');
  const townshipId = info?.townshipId ?? db.select({ id: townships.id }).from(townships).get()?.id;
  if (!townshipId) throw new UserError('档案中没有乡镇信息，无法导入。请先用 init 新建乡镇档案。');
  return townshipId;
}

export function applyPlan(archive: Archive, actor: Actor, input: ApplyInput): ApplyCounts {
  const { db, sqlite } = archive;
  const { plan } = input;
  const townshipId = ensureTownshipArchive(archive);
  const now = actor.now().toISOString();
  const stamp = { version: 1, updatedAt: now, updatedBy: actor.operator };
  const today = now.slice(0, 10);
  const decision = `导入国家系统导出文件“${input.fileName}”`;
  const township = db.select().from(townships).where(eq(townships.id, townshipId)).get()!;
  const code9 = (township.code ?? '000000000000').slice(0, 9);
  const villageIds = new Map(db.select().from(villages).all().map((v) => [v.name, v.id]));
  let nextVillage = villageIds.size + 1;
  const add = {
    village: inserter(sqlite, villages),
    household: inserter(sqlite, households),
    member: inserter(sqlite, members),
    income: inserter(sqlite, incomes),
    history: inserter(sqlite, statusHistory),
  };
  const villageOf = (name: string): string => {
    const villageName = name || '未填写行政村';
    let id = villageIds.get(villageName);
    if (!id) {
      id = randomUUID();
      // The exports carry no village codes: a provisional one, to be corrected in 行政村.
      add.village({ id, ...stamp, townshipId, code: `${code9}${String(nextVillage).padStart(3, '0')}`, name: villageName, sortOrder: nextVillage });
      nextVillage++;
      villageIds.set(villageName, id);
    }
    return id;
  };
  const history = (householdId: string, status: HouseholdStatus) =>
    add.history({ id: randomUUID(), ...stamp, householdId, status, year: input.year, effectiveOn: today, decision, reason: null, batchId: null });

  const counts: ApplyCounts = { households: 0, members: 0, added: plan.added.length, updated: plan.updated.length, membersRemoved: 0 };
  sqlite.transaction(() => {
    for (const h of plan.added) {
      const id = randomUUID();
      const values = householdValues(h);
      add.household({ ...values, id, ...stamp, villageId: villageOf(h.village), no: h.no, groupName: h.groupName, status: h.status ?? 'ordinary' });
      h.members.forEach((m, i) => add.member({ ...memberValues(m, i + 1), id: randomUUID(), ...stamp, householdId: id } as typeof members.$inferInsert));
      const income = incomeValues(h);
      if (income) add.income({ householdSize: h.members.length, ...income, id: randomUUID(), ...stamp, householdId: id, year: input.year });
      if (h.status && h.status !== 'ordinary') history(id, h.status);
      counts.households++;
      counts.members += h.members.length;
    }
    for (const u of plan.updated) {
      const e = u.existing;
      const set = { ...u.household, ...(u.village ? { villageId: villageOf(u.village) } : {}), version: e.version + 1, updatedAt: now, updatedBy: actor.operator };
      if (u.changes.length) db.update(households).set(set).where(eq(households.id, e.id)).run();
      if (u.household.status && u.household.status !== e.status) history(e.id, u.household.status);
      if (u.income) {
        if (u.existingIncome) db.update(incomes).set({ ...u.income, version: u.existingIncome.version + 1, updatedAt: now, updatedBy: actor.operator }).where(eq(incomes.id, u.existingIncome.id)).run();
        else add.income({ householdSize: u.parsed.members.length, ...u.income, id: randomUUID(), ...stamp, householdId: e.id, year: input.year });
      }
      for (const m of u.membersAdded) add.member({ ...m.values, id: randomUUID(), ...stamp, householdId: e.id } as typeof members.$inferInsert);
      for (const m of u.membersChanged) db.update(members).set({ ...m.values, version: m.existing.version + 1, updatedAt: now, updatedBy: actor.operator }).where(eq(members.id, m.existing.id)).run();
      const removed = input.removeMissing ? u.membersMissing : [];
      for (const m of removed) db.update(members).set({ leftReason: MISSING_REASON, leftOn: today, version: m.version + 1, updatedAt: now, updatedBy: actor.operator }).where(eq(members.id, m.id)).run();
      counts.membersRemoved += removed.length;
      recordAudit(db, actor, {
        action: 'import-update',
        tableName: 'households',
        recordId: e.id,
        householdId: e.id,
        before: Object.fromEntries(u.changes.map((c) => [c.label, c.before])),
        after: Object.fromEntries(u.changes.map((c) => [c.label, c.after])),
        note:
          `${decision}：` +
          [
            u.changes.length ? `改动${u.changes.length}项` : '',
            u.membersAdded.length ? `新增成员${u.membersAdded.map((m) => m.parsed.name).join('、')}` : '',
            u.membersChanged.filter((m) => m.change.changes.length).map((m) => `${m.change.name}改动${m.change.changes.map((c) => c.label).join('、')}`).join('；'),
            removed.length ? `${removed.map((m) => m.name).join('、')}已不在名单中，标记为${MISSING_REASON}` : u.membersMissing.length ? `${u.membersMissing.map((m) => m.name).join('、')}不在名单中（未移除）` : '',
          ]
            .filter(Boolean)
            .join('；'),
      });
      counts.households++;
      counts.members += u.parsed.members.length;
    }
    db.insert(importsLog)
      .values({
        at: now,
        operator: actor.operator,
        kind: 'xlsx',
        fileName: input.fileName,
        sha256: input.sha256,
        households: counts.households,
        members: counts.members,
        summary: { sheet: input.sheet, warnings: input.warnings, added: counts.added, updated: counts.updated, unchanged: plan.unchanged, membersRemoved: counts.membersRemoved, notInFile: plan.notInFile.length, year: input.year, signature: input.signature, mapping: input.mapping },
      })
      .run();
    recordAudit(db, actor, {
      action: 'import',
      tableName: 'imports_log',
      recordId: input.sha256,
      note: `导入“${input.fileName}”：新增${counts.added}户，更新${counts.updated}户，未变${plan.unchanged}户，共${counts.members}人`,
    });
  })();
  return counts;
}
