// What the bin runs: in a copy of the tree with stand-ins for the bundle, its build script and the
// sources (each prints which it is), a fresh bundle runs; a stale one is rebuilt first, with one
// Chinese line on stderr; a failed rebuild says so and runs the sources through tsx; and without
// sources the bundle runs unchecked. No real build: the stand-in build script writes the bundle.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUNDLE, tempDir } from '../core/testing.ts';
import { stampEntry, staleInput } from './cli-stamp.mjs';
import { rendererStale } from './renderer-stamp.mjs';

const HERE = import.meta.dirname;

const bundleText = (says: string) => `export async function main(argv) { process.stdout.write(${JSON.stringify(says)} + ' ' + argv.join(' ')); return 0; }\n`;

describe('bin/relief-archive.mjs', { timeout: 120_000 }, () => {
  let root: string;
  const write = (rel: string, text: string) => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  /** The stand-in build: a bundle that says `rebuilt`, stamped with the sources as they are now (or exit 1). */
  const buildScript = (ok: boolean) =>
    write(
      'scripts/cli-bundle.ts',
      ok
        ? [
            "import { writeFileSync } from 'node:fs';",
            "import { stampEntry } from '../bin/cli-stamp.mjs';",
            `writeFileSync(new URL('../dist/cli/main.mjs', import.meta.url), ${JSON.stringify(bundleText('rebuilt'))});`,
            "const root = new URL('..', import.meta.url).pathname;",
            "writeFileSync(new URL('../dist/cli/main.stamp.json', import.meta.url), JSON.stringify({ version: 1, inputs: [stampEntry(root, 'cli/main.ts')] }));",
            "process.stdout.write('build output goes to stderr');",
          ].join('\n')
        : "process.stderr.write('语法错误（演示）'); process.exit(1);",
    );
  const stamp = () => write('dist/cli/main.stamp.json', JSON.stringify({ version: 1, inputs: [stampEntry(root, 'cli/main.ts')] }));
  const run = () => {
    const env = { ...process.env };
    delete env.RELIEF_ARCHIVE_CLI_BUNDLE;
    delete env.RELIEF_ARCHIVE_CLI_SOURCE;
    const r = spawnSync(process.execPath, [join(root, 'bin', 'relief-archive.mjs'), 'stats', '--json'], { encoding: 'utf8', env });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  beforeAll(() => {
    root = tempDir('relief-bin-');
    mkdirSync(join(root, 'bin'));
    for (const f of ['relief-archive.mjs', 'cli-stamp.mjs']) copyFileSync(join(HERE, f), join(root, 'bin', f));
    symlinkSync(join(HERE, '..', 'node_modules'), join(root, 'node_modules'));
    write('package.json', '{ "type": "module" }');
    write('cli/main.ts', `const says: string = 'sources';\nexport async function main(argv: string[]): Promise<number> { process.stdout.write(says + ' ' + argv.join(' ')); return 0; }\n`);
    write('dist/cli/main.mjs', bundleText('bundle'));
    stamp();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('runs a fresh bundle; rebuilds a stale one first, saying why on stderr, stdout left to the command', () => {
    expect(run()).toEqual({ code: 0, stdout: 'bundle stats --json', stderr: '' });

    write('cli/main.ts', `// edited\nexport async function main(): Promise<number> { return 0; }\n`);
    expect(staleInput(root, join(root, 'dist', 'cli', 'main.mjs'))).toBe('cli/main.ts 已更改');
    buildScript(true);
    const r = run();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('rebuilt stats --json');
    expect(r.stderr).toContain('命令行需要重新构建（cli/main.ts 已更改），请稍候…');
    expect(r.stderr).toContain('build output goes to stderr');
    // Fresh again: the next run just runs it.
    expect(run()).toEqual({ code: 0, stdout: 'rebuilt stats --json', stderr: '' });
  });

  it('when the rebuild fails: says so in Chinese and runs the sources through tsx; with no bundle at all it builds one', () => {
    write('cli/main.ts', `const says: string = 'sources';\nexport async function main(argv: string[]): Promise<number> { process.stdout.write(says + ' ' + argv.join(' ')); return 0; }\n`);
    buildScript(false);
    const r = run();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('sources stats --json');
    expect(r.stderr).toContain('语法错误（演示）');
    expect(r.stderr).toContain('命令行构建失败（见上方信息），改为直接运行源代码（较慢）');

    rmSync(join(root, 'dist'), { recursive: true });
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    buildScript(true);
    const built = run();
    expect(built.stdout).toBe('rebuilt stats --json');
    expect(built.stderr).toContain('命令行需要重新构建（尚未构建）');
  });

  it('without sources (an installed copy) runs the bundle unchecked', () => {
    write('dist/cli/main.mjs', bundleText('bundle'));
    rmSync(join(root, 'cli'), { recursive: true });
    rmSync(join(root, 'dist', 'cli', 'main.stamp.json'));
    expect(run()).toEqual({ code: 0, stdout: 'bundle stats --json', stderr: '' });
  });
});

describe('the real bundle (built by the test run, scripts/cli-bundle.ts)', () => {
  it('is stamped fresh, by every project source one by one and each library by its package.json', () => {
    const root = join(HERE, '..');
    expect(staleInput(root, CLI_BUNDLE)).toBeNull();
    const stamp = JSON.parse(readFileSync(join(root, 'dist', 'cli', 'main.stamp.json'), 'utf8')) as { inputs: [string, number, number][]; outputs: string[] };
    const paths = stamp.inputs.map(([p]) => p);
    expect(paths).toEqual(expect.arrayContaining(['cli/main.ts', 'cli/commands/stats.ts', 'core/stats.ts', 'scripts/cli-bundle.ts']));
    expect(paths.filter((p) => p.includes('node_modules/')).every((p) => /node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(p))).toBe(true);
    expect(paths.some((p) => p.endsWith('node_modules/zod/package.json'))).toBe(true);
    expect(stamp.outputs).toContain('main.mjs');
  });
});

describe('the UI build check (bin/renderer-stamp.mjs)', () => {
  it('asks for a build when dist/renderer is missing or older than a source under renderer/ or shared/, not otherwise', () => {
    const root = tempDir('relief-renderer-');
    try {
      const at = (rel: string, seconds: number) => {
        mkdirSync(join(root, rel, '..'), { recursive: true });
        writeFileSync(join(root, rel), 'x');
        utimesSync(join(root, rel), seconds, seconds);
      };
      at('renderer/App.tsx', 1000);
      at('shared/fields/limits.ts', 1000);
      for (const d of ['renderer', 'shared/fields', 'shared']) utimesSync(join(root, d), 1000, 1000);
      expect(rendererStale(root)).toBe('界面尚未构建');
      at('dist/renderer/index.html', 2000);
      expect(rendererStale(root)).toBeNull();
      at('shared/fields/limits.ts', 3000);
      expect(rendererStale(root)).toBe('界面的源代码已更改');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
