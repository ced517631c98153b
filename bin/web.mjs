// `npm run web [-- --db FILE] [--demo] …` (options: web/main.ts). Plain JavaScript, so nothing is
// compiled before the checks: the UI (dist/renderer) is built only when its sources are newer
// (bin/renderer-stamp.mjs), and the shell runs from its bundle, dist/web/main.mjs, rebuilt when
// its stamp is stale (bin/cli-stamp.mjs, as for the command line). When that rebuild fails the
// shell runs from the sources through tsx, after saying so.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { staleInput } from './cli-stamp.mjs';
import { ensureRenderer } from './renderer-stamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'web', 'main.mjs');

function bundleReady() {
  const why = staleInput(root, bundle);
  if (why === null) return true;
  process.stderr.write(`浏览器外壳需要重新构建（${why}），请稍候…\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'cli-bundle.ts'), '--web', '--quiet'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status === 0) return true;
  process.stderr.write('浏览器外壳构建失败（见上方信息），改为直接运行源代码（较慢）。\n');
  return false;
}

try {
  ensureRenderer(root);
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
if (bundleReady()) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../web/main.ts');
}
