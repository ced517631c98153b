// Every list goes to Excel as the screen shows it: the household list with its search (who
// matched) and column sort, the monitoring board's due list with blank 走访 columns, a batch's
// households with a column per step — read back from the real .xlsx; a bad name, an existing
// file or an empty list are refused in Chinese and leave no file.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, HouseholdPage, ListFile, MonitoringBoard } from '../../shared/api/index.ts';
import { fixedDayClock } from '../../shared/clock.ts';
import { ruleCatalogue } from '../../shared/quality/index.ts';
import { CATEGORY_LABELS } from '../../shared/quality/types.ts';
import type { Problem } from '../../shared/quality/types.ts';
import { createCoreDispatch } from '../api/index.ts';
import { generateDemo } from '../demo/index.ts';
import { insertTestBatch } from '../documents/testing.ts';
import { createSession } from '../session.ts';
import type { Session } from '../session.ts';
import { createTestArchive, tempDir, TEST_OPERATOR } from '../testing.ts';

const DAY = '2026-11-24';
let session: Session;
let dir: string;
let call: <T>(channel: string, input: unknown) => Promise<Envelope<T>>;
const ok = async <T,>(channel: string, input: unknown): Promise<T> => {
  const r = await call<T>(channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

beforeAll(async () => {
  dir = tempDir('lists-');
  const archive = await createTestArchive({ file: join(dir, 'a.db'), name: '青山镇', code: '511922101000' });
  generateDemo(archive, { villages: 2, households: 60, seed: 'lists', asOf: DAY, actor: { operator: TEST_OPERATOR, now: () => new Date(`${DAY}T08:00:00Z`) } });
  session = createSession({ dataDir: dir, clock: fixedDayClock(DAY) });
  session.attach(archive, { name: TEST_OPERATOR, role: 'admin' });
  const dispatch = createCoreDispatch(session);
  call = async (channel, input) => (await dispatch(channel, input)) as Envelope<never>;
});
afterAll(() => session.close());

async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0]!;
}
const rowValues = (ws: ExcelJS.Worksheet, r: number): unknown[] => (ws.getRow(r).values as unknown[]).slice(1);

describe('lists.export', () => {
  it('writes the household list as searched and sorted, with who matched and 户编号 as text', async () => {
    const filter = { search: '张', sort: 'head', desc: true };
    const page = await ok<HouseholdPage>('households.list', { ...filter, limit: 500 });
    expect(page.total).toBeGreaterThan(1);
    const r = await ok<ListFile>('lists.export', { kind: 'households', filter });
    expect(r.rows).toBe(page.total);
    expect(r.file).toMatch(/文档[\\/]农户名单_\d{14}\.xlsx$/);
    const ws = await sheetOf(r.file);
    const header = rowValues(ws, 3);
    expect(header).toEqual(['序号', '户编号', '户主', '行政村', '村民小组', '人数', '户状态', '贫困户属性', '主要致贫原因', '监测对象类别', '查找命中的成员']);
    // The title is merged across the whole table, the filters under it.
    expect(ws.getCell(1, 1).value).toBe('农户名单');
    expect(ws.getCell(1, header.length).master.address).toBe('A1');
    expect(ws.getCell(2, 1).text).toContain(`共 ${page.total} 户（查找“张”）`);
    const body = page.items.map((h, i) => [i + 1, h.no, h.head, h.matched!.join('、')]);
    const written = Array.from({ length: page.total }, (_, i) => rowValues(ws, 4 + i)).map((v) => [v[0], v[1], v[2], v[10]]);
    expect(written).toEqual(body);
    expect(typeof ws.getCell(4, 2).value).toBe('string');
    expect(body.every((b) => String(b[3]).includes('张'))).toBe(true);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:3' });
  });

  it('writes the monitoring board with its filters and blank 走访 columns to fill in by hand', async () => {
    const board = await ok<MonitoringBoard>('monitoring.board', { dueOnly: true });
    expect(board.objects.length).toBeGreaterThan(0);
    const r = await ok<ListFile>('lists.export', { kind: 'monitoring', filter: { dueOnly: true }, out: join(dir, '走访.xlsx') });
    const ws = await sheetOf(r.file);
    expect(ws.getCell(1, 1).value).toBe('本月待走访监测对象名单');
    const header = rowValues(ws, 3);
    expect(header.slice(-2)).toEqual(['走访日期', '走访人签字']);
    expect(r.rows).toBe(board.objects.length);
    expect(rowValues(ws, 4).slice(1, 3)).toEqual([board.objects[0]!.no, board.objects[0]!.head]);
    // The board's own search narrows the same list.
    const one = board.objects[0]!;
    const found = await ok<MonitoringBoard>('monitoring.board', { dueOnly: true, search: one.no });
    expect(found.objects.map((o) => o.no)).toEqual([one.no]);
  });

  it('writes the villages and the batches as their screens list them (batches under the screen’s filters)', async () => {
    const villages = await ok<{ code: string; name: string; households: number; members: number }[]>('villages.list', {});
    const v = await ok<ListFile>('lists.export', { kind: 'villages', out: join(dir, '行政村.xlsx') });
    expect(v.rows).toBe(villages.length);
    const vs = await sheetOf(v.file);
    expect(vs.getCell(1, 1).value).toBe('行政村名单');
    expect(rowValues(vs, 3).slice(0, 7)).toEqual(['序号', '区划代码', '行政村', '贫困村', '出列年度', '总户数', '人数']);
    const first = rowValues(vs, 4);
    expect([first[1], first[2], first[5], first[6]]).toEqual([villages[0]!.code, villages[0]!.name, villages[0]!.households, villages[0]!.members]);
    expect(typeof first[1]).toBe('string');

    const year = 2031;
    const batch = insertTestBatch(session.requireArchive(), { kind: 'edge', year, households: 2 });
    const listed = await ok<{ id: string; title: string; next: string }[]>('workflows.list', { year });
    const b = await ok<ListFile>('lists.export', { kind: 'batches', filter: { year }, out: join(dir, '批次.xlsx') });
    expect(b.rows).toBe(listed.length);
    const bs = await sheetOf(b.file);
    expect(bs.getCell(1, 1).value).toBe('流程批次清单');
    expect(rowValues(bs, 3)).toEqual(['序号', '批次', '程序', '年度', '行政村', '户数', '当前环节', '下一步 / 受阻原因', '状态']);
    expect(listed.map((l) => l.id)).toEqual([batch.id]);
    expect(Array.from({ length: listed.length }, (_, i) => rowValues(bs, 4 + i)[1])).toEqual(listed.map((l) => l.title));
    expect(rowValues(bs, 4)[7]).toBe(listed[0]!.next);
    // A filter that finds nothing writes nothing and says so.
    const none = await call<ListFile>('lists.export', { kind: 'batches', filter: { year: 2099 }, out: join(dir, '空.xlsx') });
    expect(none.ok ? null : none.error.message).toMatch(/^流程批次清单是空的/);
    expect(existsSync(join(dir, '空.xlsx'))).toBe(false);
  });

  it('writes a batch’s households with a column per step', async () => {
    const batch = insertTestBatch(session.requireArchive(), { kind: 'edge', year: 2026, households: 5, failOne: true });
    const r = await ok<ListFile>('lists.export', { kind: 'batch-households', batchId: batch.id });
    expect(r.rows).toBe(5);
    const ws = await sheetOf(r.file);
    const header = rowValues(ws, 3).map(String);
    expect(header.filter((h) => /^\d+\. /.test(h))).toHaveLength(batch.steps.length);
    expect(header.at(-1)).toBe('进展');
    const last = Array.from({ length: header.length }, (_, i) => ws.getCell(8, i + 1).text);
    expect(last.some((v) => v.startsWith('不通过（收入超过标准）'))).toBe(true);
    expect(last.at(-1)).toMatch(/^停在第 \d+ 步$/);
  });

  it('writes the data check as the county’s 问题清单: 村, 户编号, 户主, 成员, 问题, 整改意见 and a blank 整改情况', async () => {
    const check = await ok<{ problems: { severity: string; household: string; code: string }[] }>('quality.check', {});
    const errors = check.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const r = await ok<ListFile>('lists.export', { kind: 'problems', filter: { severity: 'error' } });
    expect(r.rows).toBe(errors.length);
    const ws = await sheetOf(r.file);
    expect(rowValues(ws, 3)).toEqual(['序号', '村', '户编号', '户主', '成员', '级别', '规则', '问题', '整改意见', '整改情况']);
    expect(ws.getCell(2, 1).text).toContain(`共 ${errors.length} 条（错误）`);
    const first = Array.from({ length: 10 }, (_, i) => ws.getCell(4, i + 1).text);
    expect(first.slice(2, 3)).toEqual([errors[0]!.household]);
    expect(first[3]).not.toBe('');
    expect(first[6]).toBe(errors[0]!.code);
    expect(first[8]).not.toBe('');
    expect(first[9]).toBe('');
  });

  it('writes exactly the 数据检查 rows its filters show: 类别, 规则, 行政村, 级别, 查找 and 已核实', async () => {
    type Check = { problems: Problem[]; acknowledged: { problem: Problem }[] };
    const before = await ok<Check>('quality.check', {});
    // The rule that fires most, in the village where it fires most.
    const count = <K,>(keys: K[]): K => [...new Map(keys.map((k) => [k, keys.filter((x) => x === k).length]))].sort((a, b) => b[1] - a[1])[0]![0];
    const code = count(before.problems.map((p) => p.code));
    const village = count(before.problems.filter((p) => p.code === code).map((p) => p.village));
    const villageId = (await ok<{ id: string; name: string }[]>('villages.list', {})).find((v) => v.name === village)!.id;
    const category = ruleCatalogue().find((r) => r.code === code)!.category;
    const other = before.problems.find((p) => p.code !== code && p.village === village && ruleCatalogue().find((r) => r.code === p.code)!.category !== category);
    // 已核实无误 on one of them: out of the list, back in with 显示已核实.
    const target = before.problems.find((p) => p.code === code && p.village === village)!;
    await ok('quality.ack', { householdId: target.householdId, code, memberId: target.memberId, field: target.field, message: target.message, reason: '经入户核实属实' });
    const check = await ok<Check>('quality.check', {});
    const shown = check.problems.filter((p) => p.code === code && p.village === village);
    expect(shown.length).toBeGreaterThan(0);
    let n = 0;
    const read = async (filter: Record<string, unknown>): Promise<{ rows: number; lines: string[][]; subtitle: string }> => {
      const r = await ok<ListFile>('lists.export', { kind: 'problems', filter, out: join(dir, `问题清单-筛选-${++n}.xlsx`) });
      const ws = await sheetOf(r.file);
      const lines = Array.from({ length: ws.rowCount - 3 }, (_, i) => Array.from({ length: 10 }, (_x, c) => ws.getCell(i + 4, c + 1).text));
      return { rows: r.rows, lines, subtitle: ws.getCell(2, 1).text };
    };
    const a = await read({ villageId, category, code });
    expect(a.rows).toBe(shown.length);
    expect(a.lines.map((l) => [l[1], l[2], l[6], l[7]])).toEqual(shown.map((p) => [village, p.household, code, `${p.title}：${p.message}`]));
    expect(a.subtitle).toContain(`共 ${shown.length} 条（${CATEGORY_LABELS[category]}，${village}，规则 ${code}）`);
    // With 显示已核实: the marked one after them, its 整改情况 saying who, when and why.
    const b = await read({ villageId, category, code, showAcked: true });
    expect(b.rows).toBe(shown.length + 1);
    expect(b.lines.at(-1)!.slice(2, 3)).toEqual([target.household]);
    expect(b.lines.at(-1)![9]).toBe(`已核实无误：经入户核实属实（${TEST_OPERATOR} ${DAY}）`);
    // Another category in the same village is left out; the search narrows further.
    if (other) expect(a.lines.some((l) => l[6] === other.code)).toBe(false);
    const c = await read({ villageId, code, severity: shown[0]!.severity, search: shown[0]!.household });
    expect(c.lines.map((l) => l[2])).toEqual(shown.filter((p) => p.household === shown[0]!.household && p.severity === shown[0]!.severity).map((p) => p.household));
    expect(await call('lists.export', { kind: 'problems', filter: { villageId: 'no-such-village' } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('没有这个行政村') as unknown } });
  });

  it('refuses a wrong name, an existing file and an empty list in Chinese, writing nothing', async () => {
    const before = readdirSync(join(dir, '文档')).sort();
    const refusal = async (input: unknown): Promise<string> => {
      const r = await call('lists.export', input);
      return r.ok ? '' : r.error.message;
    };
    expect(await refusal({ kind: 'households', filter: {}, out: join(dir, '名单.pdf') })).toContain('应以 .xlsx 结尾');
    expect(await refusal({ kind: 'monitoring', filter: { dueOnly: true }, out: join(dir, '走访.xlsx') })).toContain('文件已存在');
    expect(await refusal({ kind: 'households', filter: { search: '不存在的名字' } })).toContain('当前筛选条件下没有记录');
    expect(readdirSync(join(dir, '文档')).sort()).toEqual(before);
    expect(existsSync(join(dir, '名单.pdf'))).toBe(false);
  });
});
