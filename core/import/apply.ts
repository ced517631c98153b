// Writing a parsed roster into the archive: one transaction, villages found by name (or added),
// households, members, a status-history entry for every registered household, and the import
// logged with the file's sha256. Nothing is written if the roster has any refusal.
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { inserter } from '../../db/bulk-insert.ts';
import type { Archive } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { archiveInfo, households, importsLog, members, statusHistory, townships, villages } from '../../db/schema/index.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { nameInitials } from '../../shared/pinyin.ts';
import type { ParsedRoster } from './types.ts';

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export interface ApplyInput {
  roster: ParsedRoster;
  fileName: string;
  sha256: string;
  year: number;
}

/** The 户编号 among `nos` that the archive already holds. */
export function existingNos(archive: Archive, nos: readonly string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < nos.length; i += 500) {
    const chunk = nos.slice(i, i + 500);
    found.push(...archive.db.select({ no: households.no }).from(households).where(inArray(households.no, chunk)).all().map((r) => r.no));
  }
  return found;
}

export function applyRoster(archive: Archive, actor: Actor, input: ApplyInput): { households: number; members: number } {
  const { db, sqlite } = archive;
  const { roster } = input;
  const info = db.select().from(archiveInfo).get();
  if (info?.role === 'county') throw new UserError('这是县级档案：乡镇花名册请导入到乡镇档案中（县级档案通过数据包接收乡镇数据）。');
  const townshipId = info?.townshipId ?? db.select({ id: townships.id }).from(townships).get()?.id;
  if (!townshipId) throw new UserError('档案中没有乡镇信息，无法导入。请先用 init 新建乡镇档案。');
  const existing = existingNos(archive, roster.households.map((h) => h.no));
  if (existing.length) {
    throw new UserError(
      `档案中已有 ${existing.length} 户与这个文件的户编号相同（例如 ${existing.slice(0, 3).join('、')}）。本次导入不会覆盖已有的户，没有写入任何数据。请先核对是否重复导入了同一个文件。`,
    );
  }
  const stamp = { version: 1, updatedAt: actor.now().toISOString(), updatedBy: actor.operator };
  const today = stamp.updatedAt.slice(0, 10);
  const township = db.select().from(townships).all().find((t) => t.id === townshipId)!;
  const code9 = (township.code ?? '000000000000').slice(0, 9);
  const villageIds = new Map(db.select().from(villages).all().map((v) => [v.name, v.id]));
  let nextVillage = villageIds.size + 1;
  const add = {
    village: inserter(sqlite, villages),
    household: inserter(sqlite, households),
    member: inserter(sqlite, members),
    history: inserter(sqlite, statusHistory),
  };
  let memberCount = 0;
  sqlite.transaction(() => {
    for (const h of roster.households) {
      const villageName = h.village || '未填写行政村';
      let villageId = villageIds.get(villageName);
      if (!villageId) {
        villageId = randomUUID();
        // The exports carry no village codes: a provisional one, to be corrected in 行政村.
        add.village({ id: villageId, ...stamp, townshipId, code: `${code9}${String(nextVillage).padStart(3, '0')}`, name: villageName, sortOrder: nextVillage });
        nextVillage++;
        villageIds.set(villageName, villageId);
      }
      const id = randomUUID();
      add.household({
        id,
        ...stamp,
        villageId,
        no: h.no,
        groupName: h.groupName,
        phone: text(h.values.phone),
        status: h.status,
        attribute: text(h.values.attribute),
        mainCause: text(h.values.mainCause),
        householdType: text(h.values.householdType),
        monitoringCategory: text(h.values.monitoringCategory),
      });
      h.members.forEach((m, i) => {
        add.member({
          id: randomUUID(),
          ...stamp,
          householdId: id,
          seq: i + 1,
          name: m.name,
          nameInitials: nameInitials(m.name),
          idNumber: m.idNumber,
          gender: m.gender,
          birthDate: m.birthDate,
          relation: m.relation,
          ethnicity: text(m.values.ethnicity),
          education: text(m.values.education),
          schoolStatus: text(m.values.schoolStatus),
          health: text(m.values.health),
          labourAbility: text(m.values.labourAbility),
          workStatus: text(m.values.workStatus),
          workMonths: int(m.values.workMonths),
          phone: text(m.values.memberPhone),
          medicalInsurance: bool(m.values.medicalInsurance),
          pensionInsurance: bool(m.values.pensionInsurance),
          seriousIllnessInsurance: bool(m.values.seriousIllnessInsurance),
        });
      });
      memberCount += h.members.length;
      if (h.status !== 'ordinary') {
        add.history({ id: randomUUID(), ...stamp, householdId: id, status: h.status, year: input.year, effectiveOn: today, decision: `导入国家系统导出文件“${input.fileName}”`, reason: null, batchId: null });
      }
    }
    db.insert(importsLog)
      .values({ at: stamp.updatedAt, operator: actor.operator, kind: 'xlsx', fileName: input.fileName, sha256: input.sha256, households: roster.households.length, members: memberCount, summary: { sheet: roster.sheet, warnings: roster.problems.length } })
      .run();
    recordAudit(db, actor, { action: 'import', tableName: 'imports_log', recordId: input.sha256, note: `导入“${input.fileName}”：${roster.households.length}户${memberCount}人` });
  })();
  return { households: roster.households.length, members: memberCount };
}
