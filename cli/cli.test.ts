// End to end: the real bin, real archive files in a temp folder, exit codes and JSON shapes.
// Every run logs in (core/testing.ts runCli: the test account through RELIEF_ARCHIVE_OPERATOR /
// RELIEF_ARCHIVE_PASSWORD); the shared archive is made in this process with a cheap key
// derivation so that each run unlocks fast, and `init` is run through the bin for its own test.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addOperator } from '../core/accounts/manage.ts';
import { createTestArchive, keyFromRecoveryCode, readMigrations, rowsChecksum, runCli, TEST_KDF, TEST_OPERATOR, TEST_PASSWORD, tempDir } from '../core/testing.ts';

const AS_OF = '2026-11-24';

const run = (...args: string[]) => runCli(args);
const runWith = (env: Record<string, string | undefined>, ...args: string[]) => runCli(args, { env });
const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

// Each run of the bin takes seconds on a loaded machine; most tests run it several times.
describe('relief-archive CLI', { timeout: 180_000 }, () => {
  let dir: string;
  let db: string;
  let key: Buffer;
  /** Every row of the shared archive (the login stamp left out): what a refused command must not change. */
  const rows = () => rowsChecksum(db, key);
  let demoResult: { villages: number; households: number; members: number; planted: { code: string; household: string }[] };

  beforeAll(async () => {
    dir = tempDir();
    db = join(dir, '青山镇.db');
    const a = await createTestArchive({ file: db, name: '青山镇', code: '511922101000', county: '示例县', province: '四川省' });
    await addOperator(a, { operator: TEST_OPERATOR, now: () => new Date(`${AS_OF}T08:00:00Z`) }, { name: '赵只读', role: 'viewer', password: TEST_PASSWORD }, { kdf: TEST_KDF });
    key = a.key!;
    a.close();
    const d = run('demo', '--db', db, '--villages', '3', '--households', '120', '--seed', 'cli', '--as-of', AS_OF, '--json');
    expect(d.code, d.stderr).toBe(0);
    demoResult = JSON.parse(d.stdout) as typeof demoResult;
  });

  it('init makes an encrypted archive with its first account and prints the recovery code once', () => {
    const file = join(dir, 'second.db');
    const r = runWith({ RELIEF_ARCHIVE_OPERATOR: '王站长' }, 'init', '--db', file, '--township', '白马镇', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const made = json(r.stdout);
    expect(made).toMatchObject({ township: '白马镇', role: 'township', schemaVersion: readMigrations().length, admin: '王站长', keyFile: `${file}.key` });
    expect(made.recoveryCode).toEqual(expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){10}$/));
    expect(() => rowsChecksum(file, keyFromRecoveryCode(made.recoveryCode as string))).not.toThrow(); // the code is the archive's key
    expect(existsSync(`${file}.key`)).toBe(true);
    expect(readFileSync(file).includes(Buffer.from('白马镇'))).toBe(false);
    const county = runWith({ RELIEF_ARCHIVE_OPERATOR: '王科长' }, 'init', '--db', join(dir, 'county.db'), '--township', '示例县', '--role', 'county');
    expect(county.code, county.stderr).toBe(0);
    expect(county.stdout).toMatch(/已新建县级档案（已加密）：示例县/);
    expect(county.stdout).toMatch(/管理员账户：王科长/);
    expect(county.stdout).toMatch(/恢复码（只显示这一次/);
  });

  it('init without a login in the environment and no terminal refuses, saying which variables to set, and makes nothing', () => {
    const file = join(dir, 'nobody.db');
    const r = runWith({ RELIEF_ARCHIVE_OPERATOR: undefined, RELIEF_ARCHIVE_PASSWORD: undefined }, 'init', '--db', file, '--township', '白马镇', '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/管理员账户.*请设置环境变量 RELIEF_ARCHIVE_OPERATOR.*RELIEF_ARCHIVE_PASSWORD/);
    const noPassword = runWith({ RELIEF_ARCHIVE_PASSWORD: undefined }, 'init', '--db', file, '--township', '白马镇');
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toMatch(/需要“测试”的管理员密码：请设置环境变量.*RELIEF_ARCHIVE_PASSWORD/);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.key`)).toBe(false);
  });

  it('a wrong password or an unknown operator is refused with the core’s message, the archive and key file byte for byte unchanged', () => {
    const before = [sha(db), sha(`${db}.key`)];
    const wrong = runWith({ RELIEF_ARCHIVE_PASSWORD: 'not-the-password' }, 'stats', '--db', db, '--json');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toMatch(/^姓名或密码不对，档案没有打开。/);
    const unknown = runWith({ RELIEF_ARCHIVE_OPERATOR: '县长' }, 'stats', '--db', db, '--json');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(wrong.stderr); // the message does not tell whether the account exists
    expect([sha(db), sha(`${db}.key`)]).toEqual(before);
  });

  it('a 只读 account reads, and is refused a write with the role message, nothing changed', () => {
    expect(json(runCli(['stats', '--db', db, '--json'], { as: '赵只读' }).stdout)).toMatchObject({ households: 120 });
    const before = rows();
    const sample = join(import.meta.dirname, '..', '..', 'shared', 'data', 'sample-roster-2019.xlsx');
    const r = runCli(['import', sample, '--db', db, '--json'], { as: '赵只读' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/您当前的身份是“只读”，不能做这项操作（需要“管理员”或“录入员”身份）/);
    expect(rows()).toBe(before);
  });

  it('init refuses an existing file with exit 1 and leaves it unchanged', () => {
    const before = [sha(db), sha(`${db}.key`)];
    const r = run('init', '--db', db, '--township', '青山镇', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/档案旁已有密钥文件/);
    expect([sha(db), sha(`${db}.key`)]).toEqual(before);
  });

  it('wrong usage exits 2 with a Chinese hint', () => {
    const none = run();
    expect(none.code).toBe(2);
    expect(none.stdout).toBe(''); // the help goes to stderr: this is wrong usage, not a result
    expect(none.stderr).toMatch(/^请写明要运行的命令。[\s\S]*export-xlsx {2}把整个档案/);
    // node:util's parse errors, in Chinese, with the usage; stdout empty also with --json.
    const usage = (r: { code: number | null; stdout: string; stderr: string }, message: RegExp) => {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/Unknown option|argument|ambiguous/);
    };
    usage(run('stats', '--db', db, '--bogus', '--json'), /^没有参数 --bogus（拼写错误？）：请删去它，或按下面的用法改正。\n用法：relief-archive stats --db 文件/);
    usage(run('stats', '--db', db, '--year', '--json'), /^参数 --year 后面缺少它的值：请在 --year 后面写上值/);
    usage(run('stats', '--db', db, '--json=yes'), /^参数 --json 不带值/);
    // A bare word is no longer silently dropped (a missing option name: `--year` forgotten).
    usage(run('stats', '--db', db, '2026', '--json'), /^多余的参数：2026。请删去，或在前面写上它所属的参数名/);
    usage(run('export-xlsx', '--db', db, '--out', join(dir, 'x.xlsx'), 'extra'), /^多余的参数：extra/);
    // Impossible dates and years: the day Date.parse would roll over into March too.
    usage(run('stats', '--db', db, '--as-of', '2026-02-30', '--json'), /^参数 --as-of 应为日期，格式 YYYY-MM-DD，例如 2026-11-24；收到“2026-02-30”。/);
    usage(run('stats', '--db', db, '--as-of', '2026-13-01', '--json'), /收到“2026-13-01”/);
    usage(run('stats', '--db', db, '--year', '20x6', '--json'), /^参数 --year 应为 2000 到 2100 之间的整数，收到“20x6”。/);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
    // Each command's help lists its options and the common ones, and the exit codes.
    const help = run('stats', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/relief-archive stats --db 文件 \[--year 年度\] \[--as-of YYYY-MM-DD\]/);
    expect(help.stdout).toMatch(/通用选项：--db 档案文件 {2}--json 输出一个 JSON 对象/);
    expect(help.stdout).toMatch(/退出码：0 完成，1 被拒绝（档案没有改动，原因见提示），2 用法有误。/);
    // With --json even the help is one JSON object on stdout.
    const helpJson = run('stats', '--help', '--json');
    expect(helpJson.code).toBe(0);
    expect(json(helpJson.stdout)).toMatchObject({ command: 'stats', usage: expect.stringContaining('--as-of') as unknown, help: help.stdout.trimEnd() });
    expect((json(run('--help', '--json').stdout).commands as { name: string }[]).map((c) => c.name)).toContain('export-xlsx');
    const unknown = run('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/未知命令/);
    const noDb = run('stats', '--json');
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toMatch(/缺少参数 --db/);
    const badCode = run('init', '--db', join(dir, 'x.db'), '--township', '某镇', '--code', '123');
    expect(badCode.code).toBe(2);
    expect(badCode.stderr).toMatch(/12位数字/);
    expect(run('stats', '--db', db, '--bogus').code).toBe(2);
  });

  it('refuses a file that is not an archive, leaving it byte for byte unchanged', () => {
    const file = join(dir, '花名册.xlsx');
    writeFileSync(file, 'PK\u0003\u0004 not an archive at all, just some bytes');
    const before = sha(file);
    const r = run('stats', '--db', file, '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/不是扶贫档案文件/);
    expect(sha(file)).toBe(before);
  });

  it('demo fills the archive and refuses to run twice', () => {
    expect(demoResult).toMatchObject({ villages: 3, households: 120 });
    expect(demoResult.members).toBeGreaterThan(200);
    const before = rows();
    const again = run('demo', '--db', db, '--seed', 'cli', '--json');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/已有数据/);
    expect(rows()).toBe(before);
  });

  it('stats --json gives the counts behind the wall chart', () => {
    const r = run('stats', '--db', db, '--json', '--as-of', AS_OF);
    expect(r.code).toBe(0);
    const s = json(r.stdout) as {
      villages: number;
      households: number;
      members: number;
      byStatus: Record<string, { households: number; members: number }>;
      byCause: Record<string, number>;
      perVillage: { code: string; name: string; households: number; members: number }[];
    };
    expect(s.villages).toBe(3);
    expect(s.households).toBe(120);
    expect(s.members).toBe(demoResult.members);
    expect(Object.values(s.byStatus).reduce((n, b) => n + b.households, 0)).toBe(120);
    expect(s.perVillage).toHaveLength(3);
    expect(s.perVillage.reduce((n, v) => n + v.members, 0)).toBe(demoResult.members);
    expect(s.perVillage[0]).toMatchObject({ code: expect.stringMatching(/^\d{12}$/) as unknown, name: expect.stringMatching(/村$/) as unknown });
    expect(Object.keys(s.byCause).length).toBeGreaterThan(0);
  });

  it('check --json reports exactly the problems the demo planted', () => {
    const r = run('check', '--db', db, '--json', '--as-of', AS_OF);
    expect(r.code).toBe(0);
    const out = json(r.stdout) as { problems: { code: string; severity: string; household: string; member: string | null; message: string }[] };
    for (const p of out.problems) {
      expect(p).toMatchObject({ code: expect.stringMatching(/^Q\d{3}$/) as unknown, severity: expect.stringMatching(/^(error|warning)$/) as unknown });
      expect(p.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(p.message).not.toMatch(/\d{17}[\dX]/);
    }
    const found = out.problems.map((p) => `${p.code} ${p.household}`).sort();
    const planted = demoResult.planted.map((p) => `${p.code} ${p.household}`).sort();
    expect(found).toEqual(planted);
  });

  it('RELIEF_ARCHIVE_TODAY fixes the day --as-of defaults to; a bad one is wrong usage', () => {
    const r = runWith({ RELIEF_ARCHIVE_TODAY: AS_OF }, 'check', '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ asOf: AS_OF });
    const bad = runWith({ RELIEF_ARCHIVE_TODAY: '2026-13-01' }, 'check', '--db', db);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/日期“2026-13-01”无效/);
  });

  it('check --ack marks a finding 已核实无误 (reason required), --json lists it apart; --unack brings it back', () => {
    const before = json(run('check', '--db', db, '--json', '--as-of', AS_OF).stdout) as { problems: { code: string; household: string; member: string | null }[]; acknowledged: unknown[] };
    expect(before.acknowledged).toEqual([]);
    const p = before.problems.find((q) => q.member !== null) ?? before.problems[0]!;
    const spec = `${p.code}:${p.household}${p.member ? `:${p.member}` : ''}`;
    const noReason = run('check', '--db', db, '--ack', spec, '--as-of', AS_OF);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/已核实无误要写明理由：请加 --reason/);
    const acked = run('check', '--db', db, '--ack', spec, '--reason', '经入户核实情况属实', '--as-of', AS_OF, '--json');
    expect(acked.code).toBe(0);
    const ids = (json(acked.stdout) as { acknowledged: { id: string; acknowledgedOn: string }[] }).acknowledged;
    expect(ids.length).toBeGreaterThan(0);
    expect(ids[0]!.acknowledgedOn).toBe(AS_OF);
    const after = json(run('check', '--db', db, '--json', '--as-of', AS_OF).stdout) as { problems: unknown[]; acknowledged: { problem: { code: string; household: string } }[] };
    expect(after.problems).toHaveLength(before.problems.length - ids.length);
    expect(after.acknowledged.map((a) => `${a.problem.code}:${a.problem.household}`)).toEqual(ids.map(() => `${p.code}:${p.household}`));
    for (const a of ids) expect(run('check', '--db', db, '--unack', a.id).code).toBe(0);
    expect((json(run('check', '--db', db, '--json', '--as-of', AS_OF).stdout) as { problems: unknown[] }).problems).toHaveLength(before.problems.length);
  });

  it('human output is Chinese text, not JSON', () => {
    const r = run('stats', '--db', db);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/个村/);
  });

  it('backup and restore round-trip through the command line', () => {
    const out = join(dir, '青山镇-备份.db');
    const b = run('backup', '--db', db, '--out', out, '--json');
    expect(b.code).toBe(0);
    expect(json(b.stdout)).toEqual({ file: out, keyFile: `${out}.key` });
    expect(readFileSync(`${out}.key`).equals(readFileSync(`${db}.key`))).toBe(true);
    expect(readFileSync(out).includes(Buffer.from('青山镇'))).toBe(false);
    expect(run('backup', '--db', db, '--out', out).code).toBe(1);
    const r = run('restore', out, '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ file: db, previous: expect.stringContaining('备份') as unknown });
    expect(json(run('stats', '--db', db, '--json').stdout)).toMatchObject({ households: 120 });
    expect(run('restore', '--db', db).code).toBe(2);
  });

  it('import: reads the sample roster, and refuses a bad file with exit 1 and the archive unchanged', async () => {
    const file = join(dir, '导入.db');
    const a = await createTestArchive({ file, name: '青山镇', code: '513722101000' });
    const fileKey = a.key!;
    a.close();
    const sample = join(import.meta.dirname, '..', '..', 'shared', 'data', 'sample-roster-2019.xlsx');
    const dry = run('import', sample, '--db', file, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(json(dry.stdout)).toMatchObject({ households: 300, members: 1078, applied: false, problems: [] });
    const ok = run('import', sample, '--db', file, '--json');
    expect(json(ok.stdout)).toMatchObject({ households: 300, members: 1078, applied: true });
    const bogus = join(dir, 'bogus.xlsx');
    writeFileSync(bogus, 'not a workbook');
    const before = rowsChecksum(file, fileKey);
    const bad = run('import', bogus, '--db', file, '--json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/不是可以读取的 Excel 工作簿/);
    expect(rowsChecksum(file, fileKey)).toBe(before);
    expect(run('import', '--db', file).code).toBe(2);
  });
});
