// `npm start`: the desktop window when an Electron binary is present, otherwise the same UI
// in the browser shell. Electron ≥ 42 downloads its binary on first `require('electron')`,
// so this never requires the package: it looks for the binary file itself.
//
//   npm start [-- --web] [--port N] [--db FILE]   (the operator logs in on the app's login screen)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureRenderer } from '../bin/renderer-stamp.mjs';
import { buildElectron, ROOT } from './build-electron.ts';
import { defaultDataDir } from '../core/paths.ts';
import { TODAY_ENV } from '../shared/clock.ts';

export const FALLBACK_LINE = '未找到 Electron 运行文件，改为在浏览器中打开（浏览器外壳）';

const EXECUTABLE: Record<string, string> = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

export interface BinaryProbe {
  env: Record<string, string | undefined>;
  platform: string;
  /** node_modules/electron, or null when the package is not installed. */
  electronDir: string | null;
  exists: (path: string) => boolean;
  read: (path: string) => string | null;
}

/** Where the Electron binary is, if it is really there (the package's path.txt names it). */
export function findElectronBinary(p: BinaryProbe): string | null {
  if (!p.electronDir) return null;
  const rel = p.read(join(p.electronDir, 'path.txt'))?.trim() || EXECUTABLE[p.platform] || 'electron';
  const override = p.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, rel) : join(p.electronDir, 'dist', rel);
  return p.exists(binary) ? binary : null;
}

export type Launch = { shell: 'electron'; binary: string } | { shell: 'browser'; reason: 'no-electron' | 'asked' };

export function decideLaunch(binary: string | null, opts: { web: boolean }): Launch {
  if (opts.web) return { shell: 'browser', reason: 'asked' };
  return binary ? { shell: 'electron', binary } : { shell: 'browser', reason: 'no-electron' };
}

function electronDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

async function launchElectron(binary: string): Promise<void> {
  await buildElectron();
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary a plain Node
  const child = spawn(binary, ['.'], { cwd: ROOT, stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function launchBrowser(values: { port?: string; db?: string }): Promise<void> {
  const { startWebShell } = await import('../web/server.ts');
  const shell = await startWebShell({
    dataDir: defaultDataDir(process.env, process.platform, homedir()),
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values.db ? { db: values.db } : {}),
    today: process.env[TODAY_ENV] || null,
    log: (l) => process.stderr.write(`${l}\n`),
  });
  process.stdout.write(`请在浏览器中打开：${shell.url}\n按 Ctrl+C 退出。\n`);
  const stop = () => void shell.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { web: { type: 'boolean', default: false }, port: { type: 'string' }, db: { type: 'string' } },
  });
  const binary = findElectronBinary({
    env: process.env,
    platform: process.platform,
    electronDir: electronDir(),
    exists: existsSync,
    read: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : null),
  });
  const launch = decideLaunch(binary, { web: values.web });
  ensureRenderer(ROOT); // only when its sources are newer (bin/renderer-stamp.mjs)
  if (launch.shell === 'electron') {
    await launchElectron(launch.binary);
    return;
  }
  if (launch.reason === 'no-electron') process.stdout.write(`${FALLBACK_LINE}\n`);
  await launchBrowser(values);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
