// 部门筛查预警 on a real archive file: one generated list per department imports and matches (by
// ID number, then by name and birth date); bad lists are refused or their rows listed by row and
// column with the archive unchanged; the register's filters and the hit's status transitions.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveChecksum, countRows, rowsWhere, tempDir } from '../../db/testing.ts';
import { DEPARTMENTS } from '../../shared/screening/departments.ts';
import { initArchive } from '../archive.ts';
import type { Archive } from '../archive.ts';
import { generateDemo } from '../demo/index.ts';
import { writeSampleLists } from '../demo/screening-lists.ts';
import type { SampleList } from '../demo/screening-lists.ts';
import { loadExcelJS } from '../files/exceljs.ts';
import { alertRegister, checkList, dismissAlert, importList, startMonitoring, verifyAlert } from './index.ts';

const TODAY = '2026-11-24';
const actor = { operator: '李会计', now: () => new Date(`${TODAY}T08:00:00Z`) };
const opts = { department: null, listDate: null, medicalThresholdFen: null, today: TODAY };
let archive: Archive;
let dir: string;
let lists: SampleList[];

beforeAll(async () => {
  dir = tempDir('relief-screening-');
  archive = initArchive({ file: join(dir, 'a.db'), name: '青山镇', code: '511922101000', county: '仁寿县', province: '四川省' }, actor);
  generateDemo(archive, { villages: 2, households: 60, seed: 'screening', asOf: TODAY, actor });
  lists = await writeSampleLists(archive.db, dir);
}, 60_000);
afterAll(() => archive.close());

const register = (f: Partial<Parameters<typeof alertRegister>[2]> = {}, today = TODAY) =>
  alertRegister(archive.db, today, { department: null, status: null, villageId: null, overdue: false, householdId: null, ...f });

async function workbook(name: string, rows: (string | number)[][]): Promise<string> {
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('department lists', () => {
  it('recognises each department from its list, matches by ID then by name and birth date, and lists the rest by row and column', async () => {
    expect(lists.map((l) => l.department)).toEqual([...DEPARTMENTS]);
    for (const l of lists) {
      const before = archiveChecksum(archive.sqlite);
      const r = await checkList(archive.db, l.file, opts);
      expect(archiveChecksum(archive.sqlite)).toBe(before);
      expect(r.department, l.file).toBe(l.department);
      expect(r.refused).toBe(false);
      expect(r.counts).toMatchObject({ rows: l.rows, hits: l.hits, byId: l.byId, byNameBirth: l.byNameBirth, malformedIds: l.malformedIds, duplicates: l.duplicates, notInArchive: l.notInArchive, notFlagged: l.notFlagged, alreadyPending: 0 });
      expect(r.hits.map((h) => h.householdNo)).toEqual(l.households);
      // Rows 3–6 by ID number; row 7 (check digit wrong) and row 8 (no ID) by name and birth date.
      expect(r.hits.map((h) => [h.rowNo, h.matchedBy])).toEqual([[3, 'id'], [4, 'id'], [5, 'id'], [6, 'id'], [7, 'name-birth'], [8, 'name-birth']]);
      const idHeader = r.columns['idNumber'];
      expect(r.problems.map((p) => [p.row, p.column])).toEqual([
        [7, idHeader],
        [9, idHeader],
        [10, idHeader],
        [11, idHeader],
      ]);
      expect(r.problems[0]!.message).toMatch(/^身份证号“\d{17}[\dX]”有误：.*校验.*改按姓名和出生日期比对/);
      expect(r.problems[1]!.message).toBe('与第 3 行的身份证号重复：这一行不再比对，只按第 3 行登记。请核对名单是否重复列出。');
      expect(r.problems[2]!.message).toMatch(/^身份证号 511922\*{8}\d{3}[\dX]不在档案的现有成员中/);
    }
    const medical = await checkList(archive.db, lists[0]!.file, opts);
    expect(medical.hits[0]!.reason).toBe('医保：自付 12,345.00 元 超过 阈值 10,000.00 元');
    expect(medical.hits[0]!.figures).toMatchObject({ 合规自付: '12,345.00 元', 阈值: '10,000.00 元' });
    const higher = await checkList(archive.db, lists[0]!.file, { ...opts, medicalThresholdFen: 1_500_000 });
    expect(higher.counts.hits).toBeLessThan(medical.counts.hits);
  });

  it('imports on confirmation: one list record and a 待核实 hit per person, due 15 days after the context today, audited', async () => {
    const auditBefore = countRows(archive.db, 'auditLog');
    for (const l of lists) {
      const checked = await checkList(archive.db, l.file, opts);
      const r = await importList(archive.db, actor, l.file, { ...opts, planStamp: checked.planStamp });
      expect(r.applied).toBe(true);
      expect(r.counts.hits).toBe(l.hits);
    }
    expect(countRows(archive.db, 'auditLog')).toBe(auditBefore + lists.length);
    const reg = register();
    expect(reg.counts.total).toBe(lists.length * 6);
    expect(reg.counts.byStatus.pending).toBe(lists.length * 6);
    expect(reg.counts.byDepartment.map((d) => [d.label, d.pending])).toContainEqual(['医保', 6]);
    expect(new Set(reg.alerts.map((a) => a.dueOn))).toEqual(new Set(['2026-12-09']));
    expect(register({ department: 'police' }).alerts.map((a) => a.householdNo)).toEqual(expect.arrayContaining(lists[4]!.households));
    // The same list again: nobody is raised twice while the first hit waits.
    const again = await checkList(archive.db, lists[1]!.file, opts);
    expect(again.counts).toMatchObject({ hits: 0, alreadyPending: 6 });
    expect(register({ overdue: true }).alerts).toHaveLength(0);
    expect(register({ overdue: true }, '2026-12-10').alerts).toHaveLength(lists.length * 6);
  });

  it('refuses a stale preview and writes nothing', async () => {
    const before = archiveChecksum(archive.sqlite);
    await expect(importList(archive.db, actor, lists[2]!.file, { ...opts, planStamp: 'not-the-preview' })).rejects.toThrow(/比对结果与预览的不同：本次没有写入任何内容/);
    expect(archiveChecksum(archive.sqlite)).toBe(before);
  });
});

describe('bad lists', () => {
  it('refuses a list with no ID column (and no name + birth date), an unknown layout, an unknown department — archive unchanged', async () => {
    const noId = await workbook('no-id.xlsx', [['青山镇医保高额费用名单'], ['序号', '姓名', '合规自付金额'], [1, '张三', 20000]]);
    const unknown = await workbook('unknown.xlsx', [['编号', '内容', '备注'], [1, 'x', 'y']]);
    const noDept = await workbook('no-dept.xlsx', [['名单'], ['姓名', '身份证号', '备注'], ['张三', '110105194912310029', '']]);
    const before = archiveChecksum(archive.sqlite);
    const a = await checkList(archive.db, noId, opts);
    expect(a.refused).toBe(true);
    expect(a.department).toBe(null);
    expect(a.problems.map((p) => [p.row, p.severity])).toEqual([[2, 'error']]);
    expect(a.problems[0]!.message).toContain('没有“身份证号”（或“证件号码”）列，也没有“姓名”和“出生日期”两列');
    const b = await checkList(archive.db, unknown, opts);
    expect(b.problems[0]!.message).toMatch(/找不到名单的表头.*不是可识别的部门名单格式/);
    const c = await checkList(archive.db, noDept, opts);
    expect(c.problems[0]!.message).toMatch(/无法从标题“名单”和表头认出这是哪个部门的名单：请选择部门（医保、民政/);
    const d = await checkList(archive.db, noDept, { ...opts, department: 'housing' });
    expect(d.problems[0]!.message).toMatch(/这份住建名单的表头中没有“危房等级”列/);
    for (const f of [noId, unknown, noDept]) await expect(importList(archive.db, actor, f, { ...opts, planStamp: null })).rejects.toThrow(/不能导入，档案没有任何改动/);
    expect(archiveChecksum(archive.sqlite)).toBe(before);
  });
});

describe('the register', () => {
  it('records a 核实 result, dismisses with a reason, starts a 监测识别 batch; a handled hit cannot change again', () => {
    const [a, b, c] = register({ department: 'medical', status: 'pending' }).alerts;
    const v = verifyAlert(archive.db, actor, TODAY, { id: a!.id, outcome: 'no_risk', result: '已入户核实，医疗费用已报销，收入稳定' });
    expect(v).toMatchObject({ status: 'no_risk', statusLabel: '已核实-无风险', resolvedBy: '李会计', resolvedOn: TODAY });
    expect(() => dismissAlert(archive.db, actor, TODAY, { id: a!.id, reason: '重复' })).toThrow(/这条预警已处理（已核实-无风险，2026-11-24，李会计）：只有“待核实”的预警/);
    const d = dismissAlert(archive.db, actor, TODAY, { id: b!.id, reason: '名单有误，已与医保局核对' });
    expect(d).toMatchObject({ status: 'dismissed', result: '名单有误，已与医保局核对' });
    const batchesBefore = countRows(archive.db, 'batches');
    const m = startMonitoring(archive.db, actor, TODAY, { id: c!.id, year: 2026, createdOn: TODAY, title: null });
    expect(m.status).toBe('monitor');
    expect(countRows(archive.db, 'batches')).toBe(batchesBefore + 1);
    const batch = rowsWhere(archive.db, 'batches', { id: m.batchId! })[0]!;
    expect(batch.kind).toBe('monitoring');
    expect(rowsWhere(archive.db, 'batchHouseholds', { batchId: batch.id }).map((h) => h.householdId)).toEqual([c!.householdId]);
    expect(register({ department: 'medical' }).counts.byStatus).toMatchObject({ pending: lists.length * 6 - 3, monitor: 1, no_risk: 1, dismissed: 1 });
    expect(rowsWhere(archive.db, 'auditLog', { tableName: 'screening_alerts' }).map((r) => r.note).sort()).toEqual([
      '医保预警核实：已核实-无风险（已入户核实，医疗费用已报销，收入稳定）',
      '排除医保预警：名单有误，已与医保局核对',
      '医保预警：发起监测对象识别批次',
    ].sort());
  });
});
