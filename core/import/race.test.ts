// One writer discipline, import side: a clerk's save that lands while an import is under way —
// during its backup (between its plan and its write), or in the app between the preview and the
// confirm — is never overwritten: the import is refused whole, in Chinese, nothing of it written,
// and the clerk's save stays with its audit entry.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOfHousehold } from '../../db/repos/audit.ts';
import { householdByNo } from '../../db/repos/households.ts';
import { archiveChecksum, countRows, tempDir } from '../../db/testing.ts';
import { householdDraft } from '../../shared/api/index.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import { initArchive } from '../archive.ts';
import type { Archive } from '../archive.ts';
import { householdDetail } from '../households/detail.ts';
import { saveHousehold } from '../households/save.ts';
import { Jobs } from '../jobs.ts';
import { ImportRefused, STALE_PREVIEW, importRoster } from './index.ts';
import { applyUpload, checkUpload } from './upload.ts';
import { writeRosterFile } from './testing/book.ts';

// A clock that moves a second per reading: each import's backup gets its own name.
let tick = 0;
const now = () => new Date(Date.UTC(2026, 10, 24, 8, 0, tick++));
const importer = { operator: '李会计', now };
const clerk = { operator: '王录入', now };
const TODAY = '2026-11-24';
const HEADER = ['县', '乡镇', '行政村', '户编号', '姓名', '证件号码', '与户主关系', '联系电话'];
const person = (no: string, name: string, birth: string, seq: number, relation: string, phone: string) => ['示例县', '青山镇', '石门村', no, name, makeIdNumber('511922', birth, seq, '男'), relation, phone];
const A001 = [person('A001', '王大山', '1968-04-02', 11, '户主', '13800000001'), person('A001', '王小山', '1995-01-02', 13, '之子', '')];
const A002 = [person('A002', '李小河', '1975-09-12', 21, '户主', '13800000002')];
const A003 = [person('A003', '赵新民', '1980-02-03', 31, '户主', '13800000003')];

let dir: string;
let archive: Archive;
let file: string;

const workbook = (name: string, rows: unknown[][]): Promise<string> => writeRosterFile(join(dir, name), rows, HEADER);

/** The household page's draft of `no` as stored, edited as the clerk would. */
function draftOf(no: string, edit: (d: { groupName: string | null; members: { name: string }[]; incomes: { year: number; householdSize?: number; wageFen?: number }[] }) => void) {
  const d = householdDetail(archive, householdByNo(archive.db, no)!.id, TODAY);
  const draft = { ...d.household, otherCauses: d.household.otherCauses ?? [], expectedVersion: d.household.version, members: d.members.map((m) => ({ ...m })), incomes: d.incomes.map((r) => ({ ...r })) };
  edit(draft);
  return householdDraft.parse(draft);
}

/** Runs the import with `between` made just before its backup (after its plan); returns the refusal. */
async function importRacing(between: () => void): Promise<{ refusal: unknown; afterClerk: string }> {
  let afterClerk = '';
  const refusal = await importRoster(archive, importer, file, {
    year: 2025,
    onProgress: (p) => {
      if (p.phase !== 'backup' || p.fraction !== 0) return;
      between();
      afterClerk = archiveChecksum(archive.sqlite);
    },
  }).then(
    () => null,
    (e: unknown) => e,
  );
  return { refusal, afterClerk };
}

beforeAll(async () => {
  dir = tempDir();
  archive = initArchive({ file: join(dir, 'a.db'), name: '青山镇', code: '511922101000' }, importer);
  await importRoster(archive, importer, await workbook('first.xlsx', [...A001, ...A002]), { year: 2025 });
  // The newer roster: A001's phone changed, A003 added.
  const a001 = A001.map((r, i) => (i === 0 ? [...r.slice(0, 7), '13900000009'] : r));
  file = await workbook('newer.xlsx', [...a001, ...A002, ...A003]);
});
afterAll(() => archive.close());

describe('an import racing a clerk’s save', () => {
  const expectRefusedFor = (no: string, r: { refusal: unknown; afterClerk: string }) => {
    expect(r.refusal).toBeInstanceOf(Error);
    expect((r.refusal as Error).message).toBe(`户编号 ${no} 在导入前的检查之后又被修改（或新建）过。为免覆盖这些修改，本次导入没有写入任何内容：请重新导入（会重新检查并预览）。`);
    // Nothing of the import: the archive is exactly as the clerk left it.
    expect(archiveChecksum(archive.sqlite)).toBe(r.afterClerk);
    expect(countRows(archive.db, 'importsLog')).toBe(1);
    expect(householdByNo(archive.db, 'A001')!.phone).not.toBe('13900000009');
  };

  it('refuses when the clerk saved a household it changes during its backup; the save and its audit stay', async () => {
    const r = await importRacing(() => saveHousehold(archive.db, clerk, draftOf('A001', (d) => (d.groupName = '三组'))));
    expectRefusedFor('A001', r);
    const h = householdByNo(archive.db, 'A001')!;
    expect(h.groupName).toBe('三组');
    expect(auditOfHousehold(archive.db, h.id)[0]).toMatchObject({ operator: '王录入', action: 'update' });
  });

  it('refuses after a members-only save (the household version moves with its members)', async () => {
    const v = householdByNo(archive.db, 'A001')!.version;
    const r = await importRacing(() => saveHousehold(archive.db, clerk, draftOf('A001', (d) => (d.members[1]!.name = '王晓山'))));
    expectRefusedFor('A001', r);
    expect(householdByNo(archive.db, 'A001')!.version).toBe(v + 1);
    expect(householdDetail(archive, householdByNo(archive.db, 'A001')!.id, TODAY).members.map((m) => m.name)).toContain('王晓山');
  });

  it('refuses after an income-only save', async () => {
    const v = householdByNo(archive.db, 'A001')!.version;
    const r = await importRacing(() => saveHousehold(archive.db, clerk, draftOf('A001', (d) => d.incomes.push({ year: 2024, householdSize: 2, wageFen: 1_234_500 }))));
    expectRefusedFor('A001', r);
    expect(householdByNo(archive.db, 'A001')!.version).toBe(v + 1);
    expect(householdDetail(archive, householdByNo(archive.db, 'A001')!.id, TODAY).incomes.map((i) => i.wageFen)).toContain(1_234_500);
  });

  it('refuses when the clerk created a household the import adds (same 户编号), instead of failing on a duplicate', async () => {
    const villageId = householdByNo(archive.db, 'A002')!.villageId;
    const r = await importRacing(() =>
      saveHousehold(archive.db, clerk, householdDraft.parse({ villageId, no: 'A003', members: [{ name: '赵新民', relation: '户主', idNumber: makeIdNumber('511922', '1980-02-03', 31, '男') }] })),
    );
    expectRefusedFor('A003', r);
    expect(householdByNo(archive.db, 'A003')!.updatedBy).toBe('王录入');
  });

  it('in the app, refuses the confirm of a preview made before a save, with the new preview; confirming that one imports', async () => {
    const jobs = new Jobs();
    const { readFileSync } = await import('node:fs');
    const upload = { fileName: 'newer.xlsx', dataBase64: readFileSync(file).toString('base64'), mapping: null, year: 2025, jobId: null, skipRejected: false };
    const preview = await checkUpload(archive, importer, jobs, upload);
    expect(preview.refused).toBe(false);
    saveHousehold(archive.db, clerk, draftOf('A001', (d) => (d.groupName = '五组')));
    const afterClerk = archiveChecksum(archive.sqlite);
    const refused = await applyUpload(archive, importer, jobs, { ...upload, removeMissing: false, planStamp: preview.planStamp });
    expect(refused).toMatchObject({ refused: true, applied: false });
    expect(refused.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([STALE_PREVIEW]);
    expect(refused.planStamp).not.toBe(preview.planStamp);
    expect(archiveChecksum(archive.sqlite)).toBe(afterClerk);
    expect(householdByNo(archive.db, 'A001')!.groupName).toBe('五组');
    // The new preview shows what the import does now; confirmed, it is written.
    const again = await checkUpload(archive, importer, jobs, upload);
    expect(again.planStamp).toBe(refused.planStamp);
    expect(await applyUpload(archive, importer, jobs, { ...upload, removeMissing: false, planStamp: again.planStamp })).toMatchObject({ applied: true });
    expect(householdByNo(archive.db, 'A001')!.phone).toBe('13900000009');
    // A stale stamp through the command-line path is an ImportRefused like any other refusal.
    await expect(importRoster(archive, importer, file, { year: 2025, expectedPlanStamp: preview.planStamp })).rejects.toBeInstanceOf(ImportRefused);
  });
});
