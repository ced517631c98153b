// The stamp a CLI bundle carries of its sources (written beside it by scripts/cli-bundle.ts):
// every input esbuild's metafile lists — project files one by one, each library by its
// package.json (npm rewrites it on every install or upgrade) — with its size and mtime at build
// time. Checking it is one stat per project file, ~300 in all (a few milliseconds), and needs no
// TypeScript, so the bin can do it before it loads anything. A file added to the tree matters
// only once some input imports it, and that input's mtime then changes too.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const STAMP_VERSION = 1;

/** [path relative to root, size, mtime in ms]: what is recorded for one input. */
export function stampEntry(root, rel) {
  const st = statSync(join(root, rel));
  return [rel, st.size, Math.round(st.mtimeMs)];
}

/** Where the stamp of `bundle` (…/main.cjs) lives: …/main.stamp.json. */
export function stampFileOf(bundle) {
  return bundle.replace(/\.[cm]?js$/, '') + '.stamp.json';
}

/**
 * null when the bundle is as new as its sources; otherwise why not, in Chinese, for the message
 * (“cli/main.ts 已更改”, “尚未构建” …).
 */
export function staleInput(root, bundle) {
  if (!statSync(bundle, { throwIfNoEntry: false })) return '尚未构建';
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFileOf(bundle), 'utf8'));
  } catch {
    return '没有构建记录';
  }
  if (stamp?.version !== STAMP_VERSION || !Array.isArray(stamp.inputs)) return '构建记录的格式已更新';
  for (const [rel, size, mtime] of stamp.inputs) {
    const st = statSync(join(root, rel), { throwIfNoEntry: false });
    if (!st || st.size !== size || Math.round(st.mtimeMs) !== mtime) return `${rel} 已更改`;
  }
  return null;
}
