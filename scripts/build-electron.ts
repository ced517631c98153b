// Bundles the Electron shell: electron/main.ts → dist/electron/main.cjs, its job worker
// core/worker/job-worker.ts → dist/electron/job-worker.cjs, and electron/preload.ts
// → dist/electron/preload.cjs (a sandboxed preload cannot require project files). Natives and
// libraries that read their own data files from disk stay external and ship in node_modules:
// better-sqlite3, pdfkit, fontkit, exceljs, @resvg/resvg-js (native: the wall chart's pictures).
//
// Project modules that find files beside themselves (db/migrate.ts: `new URL('./migrations',
// import.meta.url)`; fonts in templates/) keep working: a CJS bundle has no import.meta, so each
// module's `import.meta.url` becomes the URL its source file would have in the app folder
// (<app>/db/migrate.ts), computed at run time from the bundle's own location. electron-builder
// ships db/migrations/** and templates/fonts/** there.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { BuildOptions, Message, Plugin } from 'esbuild';
import { CHANNELS } from '../shared/api/index.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const MAIN_EXTERNALS = ['electron', 'better-sqlite3', 'pdfkit', 'fontkit', 'exceljs', '@resvg/resvg-js'];

const toPosix = (p: string) => p.split(sep).join('/');

/** Replaces import.meta.url / .dirname / .filename in project modules by their app-folder location. */
export function sourceLocations(root: string): Plugin {
  return {
    name: 'relief-source-locations',
    setup(b) {
      b.onLoad({ filter: /\.tsx?$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta')) return undefined;
        const rel = JSON.stringify(toPosix(relative(root, args.path)));
        return {
          contents: text
            .replaceAll('import.meta.url', `__reliefSource.url(${rel})`)
            .replaceAll('import.meta.dirname', `__reliefSource.dirname(${rel})`)
            .replaceAll('import.meta.filename', `__reliefSource.filename(${rel})`),
          loader: extname(args.path) === '.tsx' ? 'tsx' : 'ts',
        };
      });
    },
  };
}

/** The options for a main-process (Node) bundle; exported so the test can bundle other entries the same way. */
export function nodeBundleOptions(entry: string, outfile: string, root: string = ROOT): BuildOptions {
  const up = JSON.stringify(toPosix(relative(dirname(outfile), root)) || '.');
  const banner = [
    `'use strict';`,
    `const __reliefSource = (() => {`,
    `  const path = require('node:path');`,
    `  const root = path.join(__dirname, ${up});`,
    `  const filename = (rel) => path.join(root, rel);`,
    `  const worker = path.join(__dirname, 'job-worker.cjs');`,
    `  return { filename, dirname: (rel) => path.dirname(filename(rel)), url: (rel) => require('node:url').pathToFileURL(filename(rel)).href, worker };`,
    `})();`,
  ].join('\n');
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: MAIN_EXTERNALS,
    plugins: [sourceLocations(root)],
    banner: { js: banner },
    sourcemap: 'linked',
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  };
}

/**
 * The preload needs only the channel names, not the contract's zod schemas (≈700 KB):
 * its import of shared/api is replaced by the list, computed here at build time.
 */
export function channelsOnly(channels: readonly string[] = CHANNELS): Plugin {
  return {
    name: 'relief-channels-only',
    setup(b) {
      b.onResolve({ filter: /shared[\\/]api[\\/]index\.ts$/ }, (args) => ({ path: args.path, namespace: 'relief-channels' }));
      b.onLoad({ filter: /.*/, namespace: 'relief-channels' }, () => ({
        contents: `export const CHANNELS = Object.freeze(${JSON.stringify(channels)});`,
        loader: 'js',
      }));
    },
  };
}

export function preloadBundleOptions(entry: string, outfile: string): BuildOptions {
  return {
    plugins: [channelsOnly()],
    entryPoints: [entry],
    outfile,
    bundle: true,
    // The sandboxed preload has a browser-like world plus a few Electron modules, not Node.
    platform: 'browser',
    format: 'cjs',
    target: 'chrome130',
    external: ['electron'],
    sourcemap: 'linked',
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  };
}

export interface BuiltShell {
  main: string;
  preload: string;
  warnings: Message[];
}

export async function buildElectron(opts: { root?: string; outDir?: string } = {}): Promise<BuiltShell> {
  const root = opts.root ?? ROOT;
  const outDir = opts.outDir ?? join(root, 'dist', 'electron');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const main = join(outDir, 'main.cjs');
  const preload = join(outDir, 'preload.cjs');
  const results = await Promise.all([
    build(nodeBundleOptions(join(root, 'electron', 'main.ts'), main, root)),
    // Long work's worker thread (core/worker/runner.ts finds it beside main.cjs).
    build(nodeBundleOptions(join(root, 'core', 'worker', 'job-worker.ts'), join(outDir, 'job-worker.cjs'), root)),
    // The parallel check's worker threads (core/check-parallel.ts finds it beside job-worker.cjs).
    build(nodeBundleOptions(join(root, 'core', 'worker', 'check-worker.ts'), join(outDir, 'check-worker.cjs'), root)),
    build(preloadBundleOptions(join(root, 'electron', 'preload.ts'), preload)),
  ]);
  return { main, preload, warnings: results.flatMap((r) => r.warnings) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const built = await buildElectron();
    for (const w of built.warnings) process.stderr.write(`警告：${w.text}\n`);
    process.stdout.write(`已构建 Electron 外壳：${built.main}\n`);
    if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
      process.stdout.write('提示：界面尚未构建（dist/renderer），请运行 npm run build:renderer。\n');
    }
  } catch (e) {
    process.stderr.write(`构建 Electron 外壳失败：${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
