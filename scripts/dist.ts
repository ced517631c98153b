// `npm run dist [-- --linux] [--win]`: the installers (electron-builder.yml). electron-builder
// downloads the Electron zips and its own tools (fpm, NSIS …) and, offline, waits and fails
// slowly. So first: can they be fetched or are they cached? If not, stop at once with a
// Chinese message — installers are built on a connected machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildElectron, ROOT } from './build-electron.ts';

export type DistPlatform = 'linux' | 'win32';
export interface DistTarget {
  platform: DistPlatform;
  arch: 'x64' | 'arm64';
}

/** Must match electron-builder.yml (a test checks it). */
export const DIST_TARGETS: Record<DistPlatform, DistTarget[]> = {
  linux: [
    { platform: 'linux', arch: 'x64' },
    { platform: 'linux', arch: 'arm64' },
  ],
  win32: [{ platform: 'win32', arch: 'x64' }],
};

export const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';

export function electronZipName(version: string, t: DistTarget): string {
  return `electron-v${version}-${t.platform}-${t.arch}.zip`;
}

/** Where @electron/get keeps downloaded zips (one subfolder per download URL). */
export function electronCacheDir(env: Record<string, string | undefined>, platform: string, home: string): string {
  if (env.ELECTRON_CACHE) return env.ELECTRON_CACHE;
  if (env.electron_config_cache) return env.electron_config_cache;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'electron', 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'electron');
  return join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'electron');
}

export function builderCacheDir(env: Record<string, string | undefined>, platform: string, home: string): string {
  if (env.ELECTRON_BUILDER_CACHE) return env.ELECTRON_BUILDER_CACHE;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'electron-builder', 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'electron-builder');
  return join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'electron-builder');
}

export interface DistCheckDeps {
  version: string;
  targets: DistTarget[];
  mirror: string;
  /** Is this Electron zip in the local cache? */
  cached: (zipName: string) => boolean;
  /** Does electron-builder's own tool cache hold anything (fpm, NSIS …)? */
  builderToolsCached: () => boolean;
  /** Any answer from the server within a few seconds counts. */
  reachable: (url: string) => Promise<boolean>;
  electronCache: string;
}

export type DistCheck = { ok: true; offline: boolean; note?: string } | { ok: false; message: string };

export async function checkDistPrerequisites(d: DistCheckDeps): Promise<DistCheck> {
  const zips = d.targets.map((t) => electronZipName(d.version, t));
  const probe = `${d.mirror.replace(/\/?$/, '/')}v${d.version}/${zips[0] ?? ''}`;
  if (await d.reachable(probe)) return { ok: true, offline: false };
  const missing = zips.filter((z) => !d.cached(z));
  if (missing.length === 0 && d.builderToolsCached()) {
    return { ok: true, offline: true, note: '本机离线：使用本地缓存的 Electron 与打包工具构建。' };
  }
  const host = new URL(probe).host;
  const what = missing.length > 0 ? missing.join('、') : 'electron-builder 的打包工具（fpm、NSIS 等）';
  return {
    ok: false,
    message:
      `无法构建安装包：本机连不上下载地址（${host}），本地缓存中也没有 ${what}。` +
      `安装包必须在能联网的电脑上构建（npm ci，然后 npm run dist）；` +
      `也可以先把这些文件放进缓存目录 ${d.electronCache}，或用 ELECTRON_MIRROR 指定可访问的镜像。`,
  };
}

function hasFileBelow(dir: string, name: string, depth = 2): boolean {
  if (!existsSync(dir)) return false;
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (entry === name) return true;
    if (depth > 0 && statSync(p).isDirectory() && hasFileBelow(p, name, depth - 1)) return true;
  }
  return false;
}

export async function reachable(url: string, timeoutMs = 5000): Promise<boolean> {
  try {
    const res = await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    return res.status < 500;
  } catch {
    return false;
  }
}

function run(command: string, args: string[], what: string): void {
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${what}失败（见上方输出）。`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { linux: { type: 'boolean' }, win: { type: 'boolean' } } });
  const host: DistPlatform = process.platform === 'win32' ? 'win32' : 'linux';
  const platforms: DistPlatform[] = values.linux || values.win ? [...(values.linux ? ['linux' as const] : []), ...(values.win ? ['win32' as const] : [])] : [host];
  const version = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const electronCache = electronCacheDir(process.env, process.platform, homedir());
  const builderCache = builderCacheDir(process.env, process.platform, homedir());
  const check = await checkDistPrerequisites({
    version,
    targets: platforms.flatMap((p) => DIST_TARGETS[p]),
    mirror: process.env.ELECTRON_MIRROR ?? DEFAULT_MIRROR,
    cached: (zip) => hasFileBelow(electronCache, zip),
    builderToolsCached: () => existsSync(builderCache) && readdirSync(builderCache).length > 0,
    reachable: (url) => reachable(url),
    electronCache,
  });
  if (!check.ok) {
    process.stderr.write(`${check.message}\n`);
    process.exit(1);
  }
  if (check.note) process.stderr.write(`${check.note}\n`);

  run(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], '界面构建');
  await buildElectron();
  const flags = platforms.map((p) => (p === 'win32' ? '--win' : '--linux'));
  run(process.execPath, [join(ROOT, 'node_modules', 'electron-builder', 'cli.js'), '--config', 'electron-builder.yml', '--publish', 'never', ...flags], '打包');
  process.stdout.write(`安装包已生成：${join(ROOT, 'out', 'installers')}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
