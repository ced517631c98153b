// `screening` end to end: the real bin imports a generated 医保 list (check, then --confirm), the
// register lists its hits, one is dismissed; a bad list exits 1 with the archive unchanged.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestArchive, loginEnv, rowsChecksum, runCli, tempDir } from '../../core/testing.ts';
import { setInvocation } from '../with-archive.ts';
import { screening } from './screening.ts';

let db: string;
let dir: string;
let key: Buffer;
const checksum = (): string => rowsChecksum(db, key);
const TODAY = { RELIEF_ARCHIVE_TODAY: '2026-11-24' };

/** Runs the command in this process and returns its exit code and what it printed with --json. */
async function json(...argv: string[]): Promise<{ code: number; value: unknown }> {
  const out: string[] = [];
  const args = [...argv, '--db', db, '--json'];
  setInvocation(args, (screening).acts(args));
  const code = await screening.run(args, { json: true, out: (t) => out.push(t), err: () => undefined });
  return { code, value: JSON.parse(out.join('')) as unknown };
}

afterAll(() => vi.unstubAllEnvs());

describe('relief-archive screening', () => {
  beforeAll(async () => {
    dir = tempDir('relief-screening-cli-');
    db = join(dir, '青山镇.db');
    const a = await createTestArchive({ file: db, name: '青山镇', code: '511922101000', province: '四川省' });
    key = a.key!;
    a.close();
    for (const [k, v] of Object.entries({ ...loginEnv(), ...TODAY })) vi.stubEnv(k, v);
    expect(runCli(['demo', '--db', db, '--villages', '2', '--households', '60', '--seed', 'screening-cli', '--as-of', '2026-11-24'], { env: TODAY }).code).toBe(0);
  }, 120_000);

  it('writes sample lists, checks one without writing, imports it with --confirm, lists and dismisses a hit', async () => {
    const samples = (await json('samples', '--out', dir)).value as { files: { department: string; file: string; hits: number }[] };
    expect(samples.files).toHaveLength(11);
    const medical = samples.files.find((f) => f.department === 'medical')!;
    const before = checksum();
    const bin = runCli(['screening', 'import', medical.file, '--db', db], { env: TODAY });
    expect(bin.code).toBe(0);
    expect(bin.stdout).toMatch(/检查完成（未写入，核对后加 --confirm 导入）：医保名单“青山镇医保部门筛查名单（2026年11月）”10 人，比中 6 人（按身份证号 4，按姓名和出生日期 2）/);
    expect(bin.stdout).toContain('医保：自付 12,345.00 元 超过 阈值 10,000.00 元');
    expect(checksum()).toBe(before);
    const done = await json('import', medical.file, '--confirm');
    expect(done.value).toMatchObject({ applied: true, department: 'medical', counts: { hits: 6 } });
    const reg = (await json('list', '--status', 'pending')).value as { counts: { total: number; overdue: number }; alerts: { id: string; dueOn: string }[] };
    expect(reg.counts).toMatchObject({ total: 6, overdue: 0 });
    expect(reg.alerts[0]!.dueOn).toBe('2026-12-09');
    const dismissed = await json('dismiss', '--alert', reg.alerts[0]!.id.slice(0, 8), '--reason', '名单有误');
    expect(dismissed.value).toMatchObject({ status: 'dismissed', statusLabel: '已排除', result: '名单有误' });
    const overdue = runCli(['screening', 'list', '--db', db, '--overdue', '--as-of', '2026-12-10'], { env: TODAY });
    expect(overdue.stdout).toMatch(/^预警 6 条：待核实 5（逾期 5），已核实-纳入监测 0，已核实-无风险 0，已排除 1/);
  });

  it('refuses a department it does not know (exit 2) and a list without an ID column (exit 1), changing nothing', () => {
    const before = checksum();
    const usage = runCli(['screening', 'import', join(dir, '医保筛查名单.xlsx'), '--db', db, '--department', '卫健'], { env: TODAY });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/参数 --department 应为 医保、民政、残联/);
    const wrong = runCli(['screening', 'import', join(dir, '医保筛查名单.xlsx'), '--db', db, '--department', '住建', '--confirm'], { env: TODAY });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/这份住建名单的表头中没有“危房等级”列/);
    expect(checksum()).toBe(before);
  });
});
