// `batch` and `monitor` end to end: the real bin on a real archive file — JSON shapes, exit
// codes, a refused step leaving the archive unchanged, and a batch scripted to its announcement.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestArchive, loginEnv, rowsChecksum, runCli, tempDir } from '../../core/testing.ts';
import type { Command } from '../command.ts';
import { batch } from './batch.ts';
import { monitor } from './monitor.ts';
import { setInvocation } from '../with-archive.ts';

const run = (...args: string[]) => runCli(args);

/** Runs a command in this process and returns what it printed with --json. */
async function json(command: Command, verb: string, ...args: string[]): Promise<unknown> {
  const out: string[] = [];
  const argv = [verb, '--db', db, '--json', ...args];
  setInvocation(argv, command.acts(argv)); // as main() does: the login and role check see this command
  const code = await command.run(argv, { json: true, out: (t) => out.push(t), err: () => undefined });
  expect(code).toBe(0);
  return JSON.parse(out.join('')) as unknown;
}

let db: string;
let key: Buffer;
const checksum = (file: string): string => rowsChecksum(file, key);

interface ListJson {
  batches: { id: string; kind: string; year: number; village: string | null; status: string; next: string }[];
}

afterAll(() => vi.unstubAllEnvs());

describe('relief-archive batch / monitor', () => {
  beforeAll(async () => {
    db = join(tempDir(), '青山镇.db');
    const a = await createTestArchive({ file: db, name: '青山镇', code: '511922101000', province: '四川省' });
    key = a.key!;
    a.close();
    // The in-process runs log in as the bin does, from the environment.
    for (const [k, v] of Object.entries(loginEnv())) vi.stubEnv(k, v);
    expect(run('demo', '--db', db, '--villages', '3', '--households', '150', '--seed', 'batch-cli', '--as-of', '2026-11-24').code).toBe(0);
  });

  it('batch list --json prints { batches: [ { id, kind, year, village, status } ] } as CLI.md says', () => {
    const r = run('batch', 'list', '--db', db, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ListJson;
    expect(Object.keys(out)).toEqual(['batches']);
    expect(out.batches.length).toBeGreaterThanOrEqual(4);
    for (const b of out.batches) {
      expect(b).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown, kind: expect.any(String) as unknown, year: expect.any(Number) as unknown, status: expect.stringMatching(/^(open|closed|cancelled)$/) as unknown });
      expect(b.village === null || typeof b.village === 'string').toBe(true);
    }
    expect(new Set(out.batches.map((b) => b.kind))).toEqual(new Set(['identification', 'edge', 'exit', 'return', 'monitoring', 'risk-removal']));
    const filtered = JSON.parse(run('batch', 'list', '--db', db, '--kind', '贫困户识别', '--json').stdout) as ListJson;
    expect(filtered.batches.map((b) => [b.kind, b.status])).toEqual([['identification', 'closed']]);
  });

  it('refuses an early close with exit 1, a Chinese reason and the archive unchanged', () => {
    const edge = (JSON.parse(run('batch', 'list', '--db', db, '--kind', 'edge', '--json').stdout) as ListJson).batches[0]!;
    const before = checksum(db);
    const r = run('batch', 'close-step', '--db', db, '--batch', edge.id.slice(0, 8), '--step', '村级公示', '--on', '2026-11-24', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/公示期未满：2026-11-27 起才能完成本环节/);
    expect(r.stderr).toMatch(/异议没有办结/);
    expect(checksum(db)).toBe(before);
  });

  it('wrong usage exits 2', () => {
    const r = run('batch', 'frobnicate', '--db', db);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/未知的 batch 操作“frobnicate”。可用：list、show、create/);
    // A batch number that is not in the archive: refused (exit 1), saying which command lists them.
    const none = run('batch', 'show', '--db', db, '--batch', 'ffffffff', '--json');
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^找不到编号为“ffffffff”的批次：请核对编号（batch list 命令或“程序”页面列出各批次的编号）。/);
  });

  it('scripts an edge batch from creation to announcement (in process)', async () => {
    const identification = (await json(batch, 'list', '--kind', 'identification')) as ListJson;
    const shown = (await json(batch, 'show', '--batch', identification.batches[0]!.id)) as { households: { no: string; status: string }[] };
    const no = shown.households.find((h) => h.status === 'ordinary')!.no;
    await expect(json(batch, 'create', '--kind', 'nonsense', '--year', '2025')).rejects.toThrow(/程序类型“nonsense”无效/);
    const created = (await json(batch, 'create', '--kind', 'edge', '--year', '2025', '--title', '脚本批次', '--household', no, '--on', '2026-06-01')) as { id: string };
    const id = created.id.slice(0, 8);
    await expect(json(batch, 'open-step', '--batch', id, '--step', '2', '--on', '2026-06-01')).rejects.toThrow(/上一环节“农户申请”还没有完成/);
    const dates: [string, string][] = [['2026-06-01', '2026-06-02'], ['2026-06-02', '2026-06-03'], ['2026-06-03', '2026-06-04'], ['2026-06-04', '2026-06-11'], ['2026-06-11', '2026-06-12'], ['2026-06-12', '2026-06-19'], ['2026-06-19', '2026-06-20'], ['2026-06-20', '2026-06-27']];
    let applied: { household: string; to: string }[] = [];
    for (const [i, [from, to]] of dates.entries()) {
      await json(batch, 'open-step', '--batch', id, '--step', String(i + 1), '--on', from, '--posted-at', '村务公开栏');
      if (i === 1) await json(batch, 'meeting', '--batch', id, '--step', '民主评议', '--on', from, '--attendees', '20', '--entitled', '30', '--votes', `${no}:15:3:2`);
      applied = ((await json(batch, 'close-step', '--batch', id, '--step', String(i + 1), '--on', to)) as { applied: typeof applied }).applied;
    }
    expect(applied).toEqual([expect.objectContaining({ household: expect.stringContaining(no) as unknown, to: 'edge' })]);
    expect(await json(batch, 'show', '--batch', id)).toMatchObject({ status: 'closed', closedOn: '2026-06-27' });
  });

  it('monitor due lists the month’s checks still to do', async () => {
    const out = (await json(monitor, 'due', '--as-of', '2026-11-24')) as { month: string; counts: Record<string, number>; objects: { due: string; level: string }[] };
    expect(out.month).toBe('2026-11');
    expect(out.objects.length).toBe(out.counts.due! + out.counts.overdue!);
    expect(out.objects.every((o) => o.due !== 'done')).toBe(true);
  });
});
