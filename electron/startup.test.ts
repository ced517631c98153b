// Startup order and wiring with a fake Electron (the real one cannot load here): single
// instance → ready → session hardened → user-data folder → handlers → menu → window.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { TEST_PASSWORD } from '../core/testing.ts';
import { CHANNELS } from '../shared/api/index.ts';
import { fakeElectron as makeFake } from './fake-electron.ts';
import { startApp } from './startup.ts';

vi.mock('electron', () => {
  throw new Error('electron must not be imported by these tests');
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function fakeElectron(opts: Parameters<typeof makeFake>[0] = {}) {
  const f = makeFake(opts);
  dirs.push(f.root);
  return f;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('startApp', () => {
  it('starts in order: lock → ready → session hardened → handlers → menu → window', async () => {
    const f = fakeElectron();
    startApp(f.electron, {});
    await settle();
    const at = (c: string) => f.calls.indexOf(c);
    for (const c of ['setPath userData', 'enableSandbox', 'lock', 'whenReady', 'harden session', 'handlers', 'menu', 'window']) expect(at(c), c).toBeGreaterThanOrEqual(0);
    expect(at('setPath userData')).toBeLessThan(at('lock'));
    expect(at('lock')).toBeLessThan(at('whenReady'));
    expect(at('harden session')).toBeLessThan(at('handlers'));
    expect(at('handlers')).toBeLessThan(at('menu'));
    expect(at('menu')).toBeLessThan(at('window'));
    expect(f.handled().sort()).toEqual([...CHANNELS].sort());
  });

  it('answers the page over IPC: an archive created and opened in <userData>/archives', async () => {
    const f = fakeElectron();
    startApp(f.electron, {});
    await settle();
    const r = await f.invoke('archive.create', { name: '青山镇', admin: { name: '李会计', password: TEST_PASSWORD } });
    expect(r).toMatchObject({ ok: true, value: { operator: '李会计', archive: { township: '青山镇', file: join(f.paths.userData!, 'archives', '青山镇.db') } } });
    expect(await f.invoke('archive.session', {}, 'https://evil.example/')).toMatchObject({ ok: false, error: { message: '拒绝：调用来自未知页面' } });
    f.appOn.get('will-quit')!();
  });

  it('keeps archives in <userData>/archives, userData under a stable ASCII name', async () => {
    const f = fakeElectron();
    startApp(f.electron, {});
    await settle();
    expect(f.paths.userData).toBe(join(f.root, 'appData', 'relief-archive'));
    expect(existsSync(join(f.paths.userData!, 'archives'))).toBe(true);
  });

  it('loads the built page with the bundled preload, or the dev server', async () => {
    const f = fakeElectron();
    startApp(f.electron, {});
    await settle();
    expect(f.windows).toHaveLength(1);
    expect(f.windows[0]!.url).toBe(pathToFileURL(join(f.root, 'dist', 'renderer', 'index.html')).href);
    expect(f.windows[0]!.options.webPreferences?.preload).toBe(join(f.root, 'dist', 'electron', 'preload.cjs'));
    expect(f.windows[0]!.options.webPreferences?.devTools).toBe(false);

    const d = fakeElectron({ renderer: false });
    startApp(d.electron, { RELIEF_DEV_URL: 'http://localhost:5173/' });
    await settle();
    expect(d.windows[0]!.url).toBe('http://localhost:5173/');
  });

  it('hardens every web contents and focuses the window on a second launch', async () => {
    const f = fakeElectron();
    startApp(f.electron, {});
    await settle();
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    f.appOn.get('web-contents-created')!({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    f.appOn.get('second-instance')!();
    expect(f.windows[0]!.focus).toHaveBeenCalled();
    f.appOn.get('will-quit')!();
  });

  it('a second instance quits at once and touches nothing', async () => {
    const f = fakeElectron({ lock: false });
    startApp(f.electron, {});
    await settle();
    expect(f.app.quit).toHaveBeenCalled();
    expect(f.calls).not.toContain('whenReady');
    expect(f.windows).toHaveLength(0);
  });

  it('says in Chinese why it cannot start (missing UI files, remote dev URL)', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const f = fakeElectron({ renderer: false });
    startApp(f.electron, {});
    await settle();
    expect(f.showErrorBox).toHaveBeenCalledWith('扶贫档案无法启动', expect.stringMatching(/找不到界面文件.*请重新安装/) as string);
    expect(f.app.exit).toHaveBeenCalledWith(1);
    expect(f.windows).toHaveLength(0);

    const r = fakeElectron();
    startApp(r.electron, { RELIEF_DEV_URL: 'http://example.com/' });
    await settle();
    expect(r.showErrorBox).toHaveBeenCalledWith('扶贫档案无法启动', expect.stringMatching(/只能指向本机/) as string);
    expect(r.handled()).toEqual([]);
    expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/启动失败/));
    stderr.mockRestore();
  });
});
