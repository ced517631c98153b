// The window comes back where it was: saved after moves and resizes settle and at close,
// restored at start on a screen that is still there, pulled back on screen or centred (fitting a
// 1366×768 screen) when it is not, maximized kept; a damaged file means the default place.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../core/testing.ts';
import { fakeElectron } from './fake-electron.ts';
import { startApp, USER_DATA_FOLDER } from './startup.ts';
import type { Rect, TrackedWindow } from './window-state.ts';
import { centred, placeWindow, readWindowState, SAVE_DELAY_MS, trackWindowState, WINDOW_STATE_FILE } from './window-state.ts';

vi.mock('electron', () => {
  throw new Error('electron must not be imported by these tests');
});

const dir = tempDir('window-state-');
const roots: string[] = [];
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

const FULL_HD: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const SMALL: Rect = { x: 0, y: 0, width: 1366, height: 728 };
const RIGHT: Rect = { x: 1920, y: 0, width: 1280, height: 984 };

describe('placeWindow', () => {
  it('keeps a saved place on a screen that is still there, maximized included', () => {
    const saved = { x: 2000, y: 40, width: 1200, height: 900, maximized: true };
    expect(placeWindow(saved, [FULL_HD, RIGHT], FULL_HD)).toEqual(saved);
  });

  it('centres the window on the primary screen when the screen it was on is gone', () => {
    expect(placeWindow({ x: 2000, y: 40, width: 1200, height: 900, maximized: false }, [FULL_HD], FULL_HD)).toEqual({ x: 280, y: 90, width: 1360, height: 860, maximized: false });
  });

  it('fits a 1366×768 screen (its work area): never larger than the screen', () => {
    expect(centred(SMALL)).toEqual({ x: 3, y: 0, width: 1360, height: 728 });
    expect(placeWindow({ x: 0, y: 0, width: 1800, height: 1000, maximized: false }, [SMALL], SMALL)).toEqual({ x: 0, y: 0, width: 1366, height: 728, maximized: false });
  });

  it('pulls a window half off the edge back on screen; a title bar out of reach means centred', () => {
    expect(placeWindow({ x: 1500, y: 100, width: 1200, height: 800, maximized: false }, [FULL_HD], FULL_HD)).toEqual({ x: 720, y: 100, width: 1200, height: 800, maximized: false });
    // Above the top of the screen: the title bar cannot be grabbed.
    expect(placeWindow({ x: 100, y: -500, width: 1200, height: 800, maximized: false }, [FULL_HD], FULL_HD)).toEqual({ ...centred(FULL_HD), maximized: false });
  });

  it('without a saved place: centred, not maximized', () => {
    expect(placeWindow(null, [FULL_HD], FULL_HD)).toEqual({ ...centred(FULL_HD), maximized: false });
  });
});

describe('readWindowState', () => {
  it('reads what was saved; a missing, damaged or foreign file is ignored (defaults), and logged when damaged', () => {
    const file = join(dir, 'state.json');
    const log = vi.fn();
    expect(readWindowState(file, log)).toBeNull();
    expect(log).not.toHaveBeenCalled();
    for (const text of ['{"x":1,', '{"x":"1","y":2,"width":3,"height":4,"maximized":false}', '[]', '{"x":1,"y":2,"width":0,"height":4,"maximized":false}', 'null']) {
      writeFileSync(file, text);
      expect(readWindowState(file, log), text).toBeNull();
    }
    expect(log).toHaveBeenCalledTimes(5);
    expect(log.mock.calls[0]![0]).toMatch(/^窗口位置文件无法读取，已使用默认位置/);
    writeFileSync(file, '{"x":10,"y":20,"width":1300,"height":800,"maximized":true}');
    expect(readWindowState(file)).toEqual({ x: 10, y: 20, width: 1300, height: 800, maximized: true });
  });
});

function fakeWindow() {
  const listeners = new Map<string, () => void>();
  const state = { bounds: { x: 5, y: 6, width: 1200, height: 800 }, maximized: false, minimized: false };
  const win: TrackedWindow = {
    on: (e, l) => listeners.set(e, l),
    getNormalBounds: () => state.bounds,
    isMaximized: () => state.maximized,
    isMinimized: () => state.minimized,
  };
  return { win, state, fire: (e: string) => listeners.get(e)!() };
}

describe('trackWindowState', () => {
  it('saves once after a burst of moves settles, and at close; a minimized window is not saved', () => {
    const file = join(dir, 'tracked.json');
    const timers: { run: () => void; cancelled: boolean; ms: number }[] = [];
    const schedule = (run: () => void, ms: number) => {
      const t = { run, cancelled: false, ms };
      timers.push(t);
      return () => {
        t.cancelled = true;
      };
    };
    const { win, state, fire } = fakeWindow();
    trackWindowState(win, file, { schedule });
    fire('move');
    fire('move');
    fire('resize');
    expect(timers.map((t) => t.cancelled)).toEqual([true, true, false]);
    expect(timers[2]!.ms).toBe(SAVE_DELAY_MS);
    expect(existsSync(file)).toBe(false);
    timers[2]!.run();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 5, y: 6, width: 1200, height: 800, maximized: false });

    state.maximized = true;
    fire('maximize');
    fire('close');
    expect(timers.at(-1)!.cancelled).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ maximized: true });

    state.minimized = true;
    state.bounds = { x: -32000, y: -32000, width: 160, height: 28 };
    fire('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ x: 5, y: 6 });
    // Only the state file: the atomic writer leaves no part file behind.
    expect(existsSync(`${file}.part`)).toBe(false);
  });
});

describe('the main window at start', () => {
  const run = async (displays: Rect[], saved: string) => {
    const f = fakeElectron({ displays });
    roots.push(f.root);
    const file = join(f.root, 'appData', USER_DATA_FOLDER, WINDOW_STATE_FILE);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, saved);
    startApp(f.electron, {});
    await new Promise((r) => setTimeout(r, 0));
    const main = f.windows[0]!;
    return { f, file, main };
  };

  it('opens where it was closed, and saves its place when closed', async () => {
    const { f, file, main } = await run([FULL_HD, RIGHT], '{"x":2000,"y":40,"width":1200,"height":900,"maximized":false}');
    expect(main.options).toMatchObject({ x: 2000, y: 40, width: 1200, height: 900 });
    main.bounds = { x: 100, y: 50, width: 1250, height: 820 };
    main.emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 100, y: 50, width: 1250, height: 820, maximized: false });
    f.appOn.get('will-quit')?.();
  });

  it('a place on an unplugged screen or a damaged file: centred on the primary screen, fitting it', async () => {
    const gone = await run([SMALL], '{"x":2000,"y":40,"width":1200,"height":900,"maximized":true}');
    expect(gone.main.options).toMatchObject({ x: 3, y: 0, width: 1360, height: 728, minHeight: 700 });
    gone.f.appOn.get('will-quit')?.();
    const damaged = await run([FULL_HD], '{"x": 2000, "y"');
    expect(damaged.main.options).toMatchObject(centred(FULL_HD));
    damaged.f.appOn.get('will-quit')?.();
  });
});
