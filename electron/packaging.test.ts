// Packaging and launching, as far as this machine allows (no Electron binary, no network):
// the bundle really builds and carries its migrations, electron-builder.yml passes
// electron-builder's own schema, `npm run dist` fails fast offline, `npm start` falls back.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readMigrations, tempDir } from '../core/testing.ts';
import { buildElectron, MAIN_EXTERNALS, nodeBundleOptions } from '../scripts/build-electron.ts';
import type { BuiltShell } from '../scripts/build-electron.ts';
import { checkDistPrerequisites, DIST_TARGETS, electronCacheDir, electronZipName } from '../scripts/dist.ts';
import type { DistCheckDeps } from '../scripts/dist.ts';
import { defaultDataDir } from '../core/paths.ts';
import { decideLaunch, FALLBACK_LINE, findElectronBinary } from '../scripts/start.ts';

vi.mock('electron', () => {
  throw new Error('electron must not be imported by these tests');
});
const child = vi.hoisted(() => ({ spawn: vi.fn(), spawnSync: vi.fn(), execFile: vi.fn(), exec: vi.fn() }));
vi.mock('node:child_process', () => child);

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const NODE_BUILTINS = new Set(['node:fs', 'node:path', 'node:url', 'node:crypto', 'node:os', 'node:util', 'node:module', 'node:stream', 'node:stream/promises', 'node:fs/promises', 'node:worker_threads']);

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  publish: null;
  win: { icon: string; target: { target: string; arch: string[] }[] };
  nsis: { oneClick: boolean; perMachine: boolean; createDesktopShortcut: string | boolean; installerLanguages: string[] };
  linux: { icon: string; category: string; maintainer: string; synopsis: string; target: { target: string; arch: string[] }[] };
}

function loadConfig(): BuilderConfig {
  const yaml = require('js-yaml') as { load: (text: string) => unknown };
  return yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

describe('electron-builder.yml', () => {
  const config = loadConfig();

  it('passes electron-builder’s own configuration schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (c: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, bogusOption: 1 }, new DebugLogger(false))).rejects.toThrow(/bogusOption/);
  });

  it('names the app and builds NSIS x64 and deb amd64 + arm64, publishing nothing', () => {
    expect(config.appId).toBe('cn.gov.fupin.relief-archive');
    expect(config.productName).toBe('扶贫档案');
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }]);
    expect(config.publish).toBeNull();
    expect(config.npmRebuild).toBe(false);
    // scripts/dist.ts checks the Electron zips for exactly these.
    expect(DIST_TARGETS.win32.map((t) => t.arch)).toEqual(config.win.target[0]!.arch);
    expect(DIST_TARGETS.linux.map((t) => t.arch)).toEqual(config.linux.target[0]!.arch);
  });

  it('installs per user with a desktop shortcut and a Chinese installer; deb for 统信UOS / 麒麟', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, createDesktopShortcut: 'always', installerLanguages: ['zh_CN'] });
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.linux.synopsis).toMatch(/[\u4e00-\u9fff]/);
  });

  it('ships the bundle, the renderer, the migrations and the fonts; unpacks the native module', () => {
    for (const f of ['dist/electron/**', 'dist/renderer/**', 'db/migrations/**', 'templates/fonts/**']) expect(config.files).toContain(f);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    const excluded = config.files.filter((f) => f.startsWith('!node_modules/')).join(' ');
    for (const external of MAIN_EXTERNALS.filter((e) => e !== 'electron')) expect(excluded).not.toMatch(new RegExp(`[{,]${external}[,}]`));
  });

  it('has its icons: 512×512 PNG, multi-size ICO, the Linux icon set', () => {
    const png = readFileSync(join(root, config.linux.icon, '512x512.png'));
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(readFileSync(join(root, 'build', 'icon.png')).readUInt32BE(16)).toBe(512);
    const ico = readFileSync(join(root, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5); // sizes
  });
});

describe('the Electron bundle', () => {
  let out: string;
  let built: BuiltShell;
  beforeAll(async () => {
    out = tempDir('relief-electron-build-');
    built = await buildElectron({ outDir: out });
  });
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  });

  const requires = (file: string) => [...readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);

  it('builds main.cjs and preload.cjs without warnings', () => {
    expect(built.warnings).toEqual([]);
    expect(existsSync(built.main)).toBe(true);
    expect(existsSync(built.preload)).toBe(true);
  });

  it('main requires only Node built-ins and the declared externals', () => {
    const allowed = new Set([...MAIN_EXTERNALS, ...NODE_BUILTINS]);
    expect(requires(built.main).filter((r) => !allowed.has(r))).toEqual([]);
    expect(requires(built.main)).toContain('better-sqlite3');
  });

  it('the preload requires only electron and carries the channel list, not the schemas', () => {
    expect([...new Set(requires(built.preload))]).toEqual(['electron']);
    const text = readFileSync(built.preload, 'utf8');
    expect(text).toContain('"households.list"');
    expect(text.length).toBeLessThan(20_000);
  });

  it('finds the migrations where the app ships them, as the source does', async () => {
    // Bundle db/migrate.ts exactly as main is bundled: import.meta.url is the module's place in the app folder.
    const probe = join(out, 'migrate-probe.cjs');
    await build({ ...nodeBundleOptions(join(root, 'db', 'migrate.ts'), probe), sourcemap: false });
    const bundled = require(probe) as { readMigrations: typeof readMigrations; MIGRATIONS_DIR: string };
    expect(bundled.MIGRATIONS_DIR).toBe(join(root, 'db', 'migrations'));
    expect(bundled.readMigrations().map((m) => [m.tag, m.hash])).toEqual(readMigrations().map((m) => [m.tag, m.hash]));
    // …and every one of them is in what electron-builder packs.
    expect(loadConfig().files).toContain('db/migrations/**');
    expect(readdirSync(join(root, 'db', 'migrations'))).toContain('meta');
  });
});

describe('npm run dist: offline check', () => {
  const deps = (over: Partial<DistCheckDeps>): DistCheckDeps => ({
    version: '45.4.1',
    targets: DIST_TARGETS.linux,
    mirror: 'https://github.com/electron/electron/releases/download/',
    cached: () => false,
    builderToolsCached: () => false,
    reachable: () => Promise.resolve(false),
    electronCache: '/root/.cache/electron',
    ...over,
  });

  it('fails at once with a Chinese message, without spawning electron-builder', async () => {
    const reachable = vi.fn(() => Promise.resolve(false));
    const r = await checkDistPrerequisites(deps({ reachable }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/无法构建安装包.*github\.com.*electron-v45\.4\.1-linux-x64\.zip、electron-v45\.4\.1-linux-arm64\.zip.*能联网的电脑上构建/);
    expect(reachable).toHaveBeenCalledTimes(1);
    expect(reachable).toHaveBeenCalledWith('https://github.com/electron/electron/releases/download/v45.4.1/electron-v45.4.1-linux-x64.zip');
    expect(child.spawn).not.toHaveBeenCalled();
    expect(child.spawnSync).not.toHaveBeenCalled();
  });

  it('goes ahead online, or offline when everything is cached', async () => {
    await expect(checkDistPrerequisites(deps({ reachable: () => Promise.resolve(true) }))).resolves.toEqual({ ok: true, offline: false });
    const cached = await checkDistPrerequisites(deps({ cached: () => true, builderToolsCached: () => true }));
    expect(cached).toMatchObject({ ok: true, offline: true });
    const noTools = await checkDistPrerequisites(deps({ cached: () => true }));
    expect(!noTools.ok && noTools.message).toMatch(/打包工具/);
  });

  it('knows the zip names and cache folders electron-builder uses', () => {
    expect(electronZipName('45.4.1', { platform: 'win32', arch: 'x64' })).toBe('electron-v45.4.1-win32-x64.zip');
    expect(electronCacheDir({}, 'linux', '/home/a')).toBe('/home/a/.cache/electron');
    expect(electronCacheDir({ ELECTRON_CACHE: '/c' }, 'linux', '/home/a')).toBe('/c');
  });
});

describe('npm start: Electron or the browser shell', () => {
  const probe = (files: Record<string, string>, env: Record<string, string> = {}, electronDir: string | null = '/p/node_modules/electron') => ({
    env,
    platform: 'linux',
    electronDir,
    exists: (p: string) => p in files,
    read: (p: string) => files[p] ?? null,
  });

  it('finds the binary only when it is really there, never downloading', () => {
    expect(findElectronBinary(probe({}, {}, null))).toBeNull();
    expect(findElectronBinary(probe({}))).toBeNull(); // this machine: package without dist/
    expect(findElectronBinary(probe({ '/p/node_modules/electron/path.txt': 'electron' }))).toBeNull();
    expect(findElectronBinary(probe({ '/p/node_modules/electron/path.txt': 'electron', '/p/node_modules/electron/dist/electron': '' }))).toBe(
      '/p/node_modules/electron/dist/electron',
    );
    expect(findElectronBinary(probe({ '/opt/electron/electron': '' }, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }))).toBe('/opt/electron/electron');
  });

  it('falls back to the browser shell with one Chinese line', () => {
    expect(decideLaunch(null, { web: false })).toEqual({ shell: 'browser', reason: 'no-electron' });
    expect(decideLaunch('/x/electron', { web: false })).toEqual({ shell: 'electron', binary: '/x/electron' });
    expect(decideLaunch('/x/electron', { web: true })).toEqual({ shell: 'browser', reason: 'asked' });
    expect(FALLBACK_LINE).toBe('未找到 Electron 运行文件，改为在浏览器中打开（浏览器外壳）');
  });

  it('the browser shell uses the archives folder Electron uses', () => {
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/relief-archive/archives');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toMatch(/Roaming.relief-archive.archives$/);
  });
});
