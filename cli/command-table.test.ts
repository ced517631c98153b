// The command table loads only the command that runs: the bundled CLI's `--help` and `stats`
// never resolve exceljs, pdfkit, fontkit or echarts (which `import`/`doc` do, the control that
// the trace sees them). Which modules a run resolved is recorded by a module hook preloaded into
// the real bin (node --import), not timed.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUNDLE, createTestArchive, runCli, tempDir } from '../core/testing.ts';
import { COMMANDS } from './command-table.ts';

/** Prints every module URL the process resolved, on stderr at exit, as one `MODULES [...]` line. */
const TRACE = `data:text/javascript,${encodeURIComponent(
  [
    "import { registerHooks } from 'node:module';",
    "import { writeSync } from 'node:fs';",
    'const seen = new Set();',
    'registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); seen.add(r.url); return r; } });',
    "process.on('exit', () => writeSync(2, 'MODULES ' + JSON.stringify([...seen]) + '\\n'));",
  ].join('\n'),
)}`;

const HEAVY = /\/node_modules\/(exceljs|pdfkit|fontkit|echarts|zrender)\//;

function traced(...args: string[]): { code: number | null; heavy: string[]; modules: string[]; stdout: string; stderr: string } {
  const r = runCli(args, { nodeArgs: ['--import', TRACE] });
  const line = r.stderr.split('\n').find((l) => l.startsWith('MODULES '));
  const modules = line ? (JSON.parse(line.slice('MODULES '.length)) as string[]) : [];
  const heavy = [...new Set(modules.filter((m) => HEAVY.test(m)).map((m) => HEAVY.exec(m)![1]!))].sort();
  return { code: r.code, heavy, modules, stdout: r.stdout, stderr: r.stderr };
}

describe('the command table', { timeout: 120_000 }, () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = tempDir();
    db = join(dir, '青山镇.db');
    (await createTestArchive({ file: db, name: '青山镇', code: '511922101000', county: '示例县', province: '四川省' })).close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names each command with the summary the command itself gives, and loads it from the bundle', () => {
    // One child process loads every chunk of the bundle (in this process: seconds of transforming the sources).
    const script = [
      `const { COMMANDS } = await import(${JSON.stringify(pathToFileURL(CLI_BUNDLE).href)});`,
      'const out = [];',
      'for (const e of COMMANDS) { const c = await e.load(); out.push([e.name, e.summary, c.name, c.summary]); }',
      'process.stdout.write(JSON.stringify(out));',
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const loaded = JSON.parse(r.stdout) as [string, string, string, string][];
    expect(loaded.map(([name]) => name)).toEqual(COMMANDS.map((c) => c.name));
    for (const [name, summary, commandName, commandSummary] of loaded) expect({ name: commandName, summary: commandSummary }).toEqual({ name, summary });
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });

  it('--help and stats run from the bundle without loading exceljs, pdfkit or echarts; each waits for the first workbook, PDF or chart', () => {
    const help = traced('--help');
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('stats');
    // It ran the bundle, not the sources through tsx.
    expect(help.modules.some((m) => m.includes('/dist/cli/main.mjs'))).toBe(true);
    expect(help.modules.filter((m) => m.endsWith('.ts'))).toEqual([]);
    expect(help.heavy).toEqual([]);

    const stats = traced('stats', '--db', db, '--json');
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ households: 0, members: 0 });
    expect(stats.heavy).toEqual([]);

    // The command's chunk is loaded (its usage printed), the libraries it works with are not yet.
    expect(traced('import', '--help').heavy).toEqual([]);
    expect(traced('doc', '--help').heavy).toEqual([]);
  });
});
