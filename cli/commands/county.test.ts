// `relief-archive county`: the per-township quality and the townships' 预警 as printed and as
// workbooks (read back with exceljs); bad --out and an unknown township refused.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { countyOfTwo } from '../../core/exchange-archive/county-testing.ts';
import type { CountyOfTwo } from '../../core/exchange-archive/county-testing.ts';
import { AS_OF } from '../../core/exchange-archive/testing.ts';
import { loadExcelJS } from '../../core/files/exceljs.ts';
import { loginEnv } from '../../core/testing.ts';
import type { CountyQualityView } from '../../shared/api/index.ts';
import { setInvocation } from '../with-archive.ts';
import { county } from './county.ts';

let p: CountyOfTwo;
beforeAll(async () => {
  p = await countyOfTwo('relief-county-cli-', { login: true });
  for (const [k, v] of Object.entries(loginEnv('王科长'))) vi.stubEnv(k, v);
}, 120_000);
afterAll(() => {
  vi.unstubAllEnvs();
  p.close();
});

describe('relief-archive county', () => {
  /** Runs the command in this process: its exit code and what it printed with --json. */
  async function json(...argv: string[]): Promise<{ code: number; value: Record<string, unknown> }> {
    const out: string[] = [];
    const args = [...argv, '--db', p.county.file, '--json', '--as-of', AS_OF];
    setInvocation(args, county.acts(args));
    const code = await county.run(args, { json: true, out: (t) => out.push(t), err: () => undefined });
    return { code, value: JSON.parse(out.join('')) as Record<string, unknown> };
  }
  async function sheetRows(file: string): Promise<unknown[][]> {
    const wb = new (await loadExcelJS()).Workbook();
    await wb.xlsx.readFile(file);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    return rows;
  }

  it('prints the per-township quality and writes it as a workbook', async () => {
    const out = join(p.dir, '各乡镇数据质量.xlsx');
    const r = await json('quality', '--out', out);
    expect(r.code).toBe(0);
    const q = r.value as unknown as CountyQualityView;
    expect(q.townships.map((t) => t.name).sort()).toEqual(['白水乡', '青山镇']);
    const rows = await sheetRows(out);
    expect(rows[0]![0]).toBe('各乡镇数据质量汇总');
    const header = rows.findIndex((x) => x[1] === '乡镇');
    expect(rows[header]).toEqual(expect.arrayContaining(['乡镇', '户数', '人数', '错误', '疑点', '错误户占比', '最常见问题', '检查时间']));
    const body = rows.slice(header + 1);
    expect(body.map((x) => x[1])).toEqual(q.townships.map((t) => t.name));
    expect(body.map((x) => x[5])).toEqual(q.townships.map((t) => t.errors));
    // The person registered in both townships: a county-level finding, named in the summary's subtitle.
    expect(q.countyFindings.map((f) => [f.code, f.township]).sort()).toEqual([['Q105X', '白水乡'], ['Q105X', '青山镇']]);
    expect(String(rows[1]![0])).toContain('同一人在两个乡镇 2 条');
    await expect(json('quality', '--out', out)).rejects.toThrow(/文件已存在/);
    await expect(json('quality', '--out', join(p.dir, 'x.txt'))).rejects.toThrow(/应以 \.xlsx 结尾/);
  });

  it('prints the townships’ 预警 and one township’s register as a workbook', async () => {
    const out = join(p.dir, '青山镇预警.xlsx');
    const r = await json('screening', '--township', '青山镇', '--out', out);
    expect(r.code).toBe(0);
    const alerts = r.value.alerts as { householdNo: string }[];
    expect(alerts.length).toBeGreaterThan(1);
    const rows = await sheetRows(out);
    expect(String(rows[0]![0])).toMatch(/^青山镇部门筛查预警台账/);
    expect(rows.slice(2).map((x) => x[3])).toEqual(alerts.map((a) => a.householdNo));
    await expect(json('screening', '--township', '红岩镇')).rejects.toThrow(/县级档案中没有乡镇“红岩镇”/);
  });
});
