// The command line bundled by esbuild (like the Electron main process) into dist/cli/main.mjs and
// its chunks: bin/relief-archive.mjs runs it by default, so no TypeScript is compiled at start.
// Built by `npm install` (postinstall), by vitest's globalSetup once per test run when stale,
// and by the bin itself when a source changed (bin/cli-stamp.mjs). Natives and libraries that
// read their own files stay external, and so does echarts (2.8 MB with zrender, used only by
// the wall chart): parsed only by the command that draws one.
//
//   node --import tsx scripts/cli-bundle.ts [--web] [--if-stale] [--quiet]   (--web: the browser shell)
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';
import { stampEntry, stampFileOf, staleInput, STAMP_VERSION } from '../bin/cli-stamp.mjs';
import type { StampEntry } from '../bin/cli-stamp.mjs';
import { MAIN_EXTERNALS, nodeBundleOptions, ROOT } from './build-electron.ts';

export const CLI_BUNDLE = join(ROOT, 'dist', 'cli', 'main.mjs');
/** The browser shell (`npm run web`, bin/web.mjs), built the same way. */
export const WEB_BUNDLE = join(ROOT, 'dist', 'web', 'main.mjs');
/**
 * Entries bundled beside a shell's: the browser shell's job worker (core/worker/runner.ts finds it
 * beside the bundle), and the parallel check's worker (core/check-parallel.ts finds it there too).
 */
const SIDE_ENTRIES: Record<string, readonly string[]> = {
  'cli/main.ts': ['core/worker/check-worker.ts'],
  'web/main.ts': ['core/worker/job-worker.ts', 'core/worker/check-worker.ts'],
};
export const CLI_EXTERNALS = [...MAIN_EXTERNALS, 'echarts', 'zrender'];
/** The build's own code: a change to it makes the bundle stale too. */
const BUILD_INPUTS = ['scripts/cli-bundle.ts', 'scripts/build-electron.ts', 'bin/cli-stamp.mjs'];

const toPosix = (p: string) => p.split(sep).join('/');

/** A library's files are stamped by its package.json; the project's one by one. */
export function stampPaths(inputs: readonly string[], root: string = ROOT): string[] {
  const paths = new Set<string>(BUILD_INPUTS);
  for (const input of inputs) {
    const rel = toPosix(relative(root, join(root, input)));
    const lib = /^(.*?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(rel);
    paths.add(lib ? `${lib[1]}/package.json` : rel);
  }
  return [...paths].sort();
}

/**
 * ESM with code splitting: main.mjs holds only the entry and the command table (a few KB), and
 * each command's code is a chunk imported when that command runs. One CommonJS file of all of
 * it (3 MB) cost ~300 ms to parse at every start, even with every module evaluated lazily.
 * Like the Electron bundle, `import.meta` of a project module becomes its source location
 * (sourceLocations), here computed from the chunk's own URL; bundled CommonJS libraries get a
 * real `require`.
 */
function esmBundleOptions(entry: string, outfile: string, extra: readonly string[] = []): BuildOptions & { metafile: true; write: false } {
  const base = nodeBundleOptions(join(ROOT, entry), outfile);
  const up = JSON.stringify(toPosix(relative(dirname(outfile), ROOT)) || '.');
  const banner = [
    `import { createRequire as __reliefCreateRequire } from 'node:module';`,
    `import __reliefPath from 'node:path';`,
    `import { fileURLToPath as __reliefToPath, pathToFileURL as __reliefToUrl } from 'node:url';`,
    `const require = __reliefCreateRequire(import.meta.url);`,
    `const __reliefSource = (() => {`,
    `  const root = __reliefPath.join(__reliefPath.dirname(__reliefToPath(import.meta.url)), ${up});`,
    `  const filename = (rel) => __reliefPath.join(root, rel);`,
    `  const worker = __reliefPath.join(__reliefPath.dirname(__reliefToPath(import.meta.url)), 'job-worker.mjs');`,
    `  return { filename, dirname: (rel) => __reliefPath.dirname(filename(rel)), url: (rel) => __reliefToUrl(filename(rel)).href, worker };`,
    `})();`,
  ].join('\n');
  return {
    ...base,
    // The job worker (core/worker/job-worker.ts) is an entry of its own beside the shell's: job-worker.mjs.
    entryPoints: extra.length ? { [basename(outfile, '.mjs')]: join(ROOT, entry), ...Object.fromEntries(extra.map((e) => [basename(e, '.ts'), join(ROOT, e)])) } : [join(ROOT, entry)],
    outfile: undefined,
    outdir: dirname(outfile),
    entryNames: extra.length ? '[name]' : basename(outfile, '.mjs'),
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    splitting: true,
    banner: { js: banner },
    external: CLI_EXTERNALS,
    absWorkingDir: ROOT,
    metafile: true,
    write: false,
  };
}

/**
 * Builds the bundle and its stamp. Each file is written beside and renamed, main.mjs after its
 * chunks and the stamp last, so a CLI starting meanwhile reads whole files of one build. Chunks of
 * builds before the previous one are removed (a command still running from the previous build
 * may yet import its chunks).
 */
export async function buildBundle(entry: string, outfile: string): Promise<string> {
  const r = await build(esmBundleOptions(entry, outfile, SIDE_ENTRIES[entry] ?? []));
  if (r.errors.length) throw new Error(`${entry} bundle failed: ${r.errors.map((e) => e.text).join('; ')}`);
  const dir = dirname(outfile);
  mkdirSync(dir, { recursive: true });
  const stampFile = stampFileOf(outfile);
  const previous = previousOutputs(stampFile);
  const inputs: StampEntry[] = stampPaths(Object.keys(r.metafile.inputs)).map((rel) => stampEntry(ROOT, rel));
  const outputs = r.outputFiles.map((f) => basename(f.path));
  const files = r.outputFiles
    .map((f): { path: string; contents: Uint8Array | string } => ({ path: f.path, contents: f.contents }))
    .sort((a, b) => Number(a.path.startsWith(outfile)) - Number(b.path.startsWith(outfile)));
  files.push({ path: stampFile, contents: JSON.stringify({ version: STAMP_VERSION, inputs, outputs }) });
  for (const f of files) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
  const keep = new Set([...outputs, ...previous, basename(stampFile)]);
  for (const name of readdirSync(dir)) {
    if (/\.mjs(\.map)?$/.test(name) && !keep.has(name)) rmSync(join(dir, name), { force: true });
  }
  return outfile;
}

function previousOutputs(stampFile: string): string[] {
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { outputs?: unknown };
    return Array.isArray(stamp.outputs) ? stamp.outputs.filter((o): o is string => typeof o === 'string') : [];
  } catch {
    return [];
  }
}

export const buildCliBundle = (outfile: string = CLI_BUNDLE): Promise<string> => buildBundle('cli/main.ts', outfile);

/** Builds only when the bundle is missing or older than a source; says whether it built. */
export async function ensureBundle(entry: string, outfile: string): Promise<boolean> {
  if (staleInput(ROOT, outfile) === null) return false;
  await buildBundle(entry, outfile);
  return true;
}

/** The job worker bundled beside the browser shell's bundle. */
export const WEB_JOB_WORKER = join(ROOT, 'dist', 'web', 'job-worker.mjs');

/**
 * vitest globalSetup: the bin's default bundle and the browser shell's (with its job worker),
 * each built at most once per test run. Tests run the shells from source, but their job workers
 * from the fresh bundle (RELIEF_ARCHIVE_JOB_WORKER, read by core/worker/runner.ts): a worker
 * compiling all of core through tsx at each start takes seconds a test cannot spare.
 */
export default async function setup(): Promise<void> {
  await ensureBundle('cli/main.ts', CLI_BUNDLE);
  await ensureBundle('web/main.ts', WEB_BUNDLE);
  process.env.RELIEF_ARCHIVE_JOB_WORKER = WEB_JOB_WORKER;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { web: { type: 'boolean', default: false }, 'if-stale': { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false } } });
  const [entry, outfile, what] = values.web ? ['web/main.ts', WEB_BUNDLE, '浏览器外壳'] : ['cli/main.ts', CLI_BUNDLE, '命令行'];
  try {
    const built = values['if-stale'] ? await ensureBundle(entry, outfile) : (await buildBundle(entry, outfile), true);
    if (!values.quiet) process.stderr.write(built ? `已构建${what}：${relative(ROOT, outfile)}\n` : `${what}已是最新。\n`);
  } catch (e) {
    process.stderr.write(`构建${what}失败：${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
