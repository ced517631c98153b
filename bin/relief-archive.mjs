#!/usr/bin/env node
// Entry for `npx relief-archive`. better-sqlite3 13 needs Node >= 22 (on 20 it crashes),
// so refuse older Node with a message instead of a segfault.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `relief-archive 需要 Node.js 22 或更高版本（当前 ${process.versions.node}）。` +
      '请在项目目录用 npx relief-archive 或 npm run cli 运行，它们使用项目自带的 Node 22。\n',
  );
  process.exit(2);
}
// What runs: the CLI bundled by scripts/cli-bundle.ts (dist/cli/main.mjs and the chunks it imports
// per command, built by `npm install`), so no TypeScript is compiled at start.
// - RELIEF_ARCHIVE_CLI_BUNDLE=FILE runs that bundle as it is (tests point it at the one their run built).
// - In a development checkout (the sources are here) the bundle's stamp (bin/cli-stamp.mjs) is
//   checked first, a few ms. A stale bundle never runs: it is rebuilt, with one line on stderr —
//   esbuild takes a second or two, less than compiling the sources on the fly would, and the next
//   start is fast again. If it cannot be rebuilt (esbuild not installed, a syntax error) the bin
//   says so in Chinese and runs the sources through tsx instead, which reports a real error where
//   there is one. RELIEF_ARCHIVE_CLI_SOURCE=1 asks for the sources (tsx) directly.
// - Without sources (an installed copy holding only bin/ and dist/) the bundle just runs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import nodeModule from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { staleInput } from './cli-stamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const defaultBundle = join(root, 'dist', 'cli', 'main.mjs');
const hasSources = existsSync(join(root, 'cli', 'main.ts'));

function rebuild(why) {
  process.stderr.write(`命令行需要重新构建（${why}），请稍候…\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'cli-bundle.ts'), '--quiet'], {
    cwd: root,
    stdio: ['ignore', 2, 2], // stdout stays the command's (one JSON object with --json)
  });
  if (r.status === 0) return true;
  process.stderr.write('命令行构建失败（见上方信息），改为直接运行源代码（较慢）。修正后再次运行即会重新构建。\n');
  return false;
}

function chooseBundle() {
  const asked = process.env.RELIEF_ARCHIVE_CLI_BUNDLE;
  if (asked) return asked;
  if (!hasSources) return defaultBundle;
  if (process.env.RELIEF_ARCHIVE_CLI_SOURCE === '1') return null;
  const why = staleInput(root, defaultBundle);
  return why === null || rebuild(why) ? defaultBundle : null;
}

const bundle = chooseBundle();
let main;
if (bundle) {
  // V8's code cache for the bundle (Node ≥ 22.1): later starts skip most of parsing and compiling it.
  nodeModule.enableCompileCache?.(join(dirname(bundle), '.compile-cache'));
  ({ main } = bundle.endsWith('.cjs') ? nodeModule.createRequire(import.meta.url)(bundle) : await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
