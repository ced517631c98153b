// Is the built UI (dist/renderer, vite) as new as what it is built from? The renderer imports only
// shared/ and libraries, so: the newest mtime under renderer/ and shared/, vite.config.ts,
// package.json and npm's own record of the installed tree (node_modules/.package-lock.json,
// rewritten by every install) against the built index.html. ~400 stats, a few ms; a vite build
// is seconds and 600 MB, which `npm run web` and `npm start` used to pay at every start.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['renderer', 'shared', 'vite.config.ts', 'package.json', 'node_modules/.package-lock.json'];

function newestMtime(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a file deleted or renamed changes its folder's mtime
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** null when dist/renderer is up to date; otherwise why not, in Chinese. */
export function rendererStale(root) {
  const index = statSync(join(root, 'dist', 'renderer', 'index.html'), { throwIfNoEntry: false });
  if (!index) return '界面尚未构建';
  const newest = Math.max(...SOURCES.map((p) => newestMtime(join(root, p))));
  return newest > index.mtimeMs ? '界面的源代码已更改' : null;
}

/** Builds the UI when it is stale (vite's own output on stderr); throws when the build fails. */
export function ensureRenderer(root) {
  const why = rendererStale(root);
  if (why === null) return false;
  process.stderr.write(`正在构建界面（${why}）…\n`);
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (r.status !== 0) throw new Error('界面构建失败（见上方 vite 的输出）。修正后再次运行即会重新构建。');
  return true;
}
