// The main window comes back where the clerk left it: size, position and maximized state are
// saved to <userData>/window-state.json (the atomic writer: a crash mid-save leaves the old file)
// when the window is moved or resized (debounced) and when it closes, and read at start. A saved
// place is used only if its title bar is on a screen that is still there (a projector unplugged,
// a laptop undocked); otherwise the window is centred on the primary screen at a size that fits
// (a 1366×768 screen included). A missing or damaged file just means the default place.
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../core/files/atomic-write.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1360, height: 860 } as const;
/** The smallest window the tables need (and the floor of a fitted size). */
export const MIN_SIZE = { width: 1100, height: 700 } as const;
export const SAVE_DELAY_MS = 500;
/** How much of the title bar must be on a screen for the clerk to grab it. */
const GRAB = { width: 160, height: 40 } as const;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;

/** The saved state, or null when there is none or it is not what we wrote. */
export function readWindowState(file: string, log: (message: string) => void = () => undefined): WindowState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    if (isInt(v.x) && isInt(v.y) && isInt(v.width) && isInt(v.height) && v.width > 0 && v.height > 0 && typeof v.maximized === 'boolean') {
      return { x: v.x, y: v.y, width: v.width, height: v.height, maximized: v.maximized };
    }
  } catch {
    // Falls through: a damaged file is ignored, and replaced at the next save.
  }
  log(`窗口位置文件无法读取，已使用默认位置：${file}`);
  return null;
}

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
}

/** Centred on `area`, as large as the default but never larger than the area. */
export function centred(area: Rect): Rect {
  const width = Math.min(DEFAULT_SIZE.width, area.width);
  const height = Math.min(DEFAULT_SIZE.height, area.height);
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

/**
 * Where the window opens: the saved place when its title bar is on one of today's screens (its
 * size cut to that screen), else centred on the primary screen. `workAreas`: each display's work
 * area (screen minus task bar), from screen.getAllDisplays().
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[], primary: Rect): WindowState {
  if (saved) {
    const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(GRAB.height, saved.height) };
    const home = workAreas.find((a) => {
      const o = overlap(titleBar, a);
      return o.width >= Math.min(GRAB.width, saved.width) && o.height >= Math.min(GRAB.height, saved.height);
    });
    if (home) {
      const width = Math.min(saved.width, home.width);
      const height = Math.min(saved.height, home.height);
      // Pulled in so the whole window is on that screen when it fits.
      const x = Math.min(Math.max(saved.x, home.x), home.x + home.width - width);
      const y = Math.min(Math.max(saved.y, home.y), home.y + home.height - height);
      return { x, y, width, height, maximized: saved.maximized };
    }
  }
  return { ...centred(primary), maximized: saved?.maximized ?? false };
}

export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isMinimized(): boolean;
}

export interface TrackOptions {
  log?: (message: string, error?: unknown) => void;
  /** Injected by tests; setTimeout otherwise. */
  schedule?: (run: () => void, ms: number) => () => void;
}

const timer = (run: () => void, ms: number): (() => void) => {
  const t = setTimeout(run, ms);
  return () => {
    clearTimeout(t);
  };
};

/** Saves the window's place after it settles (moves and resizes come in bursts) and at close. */
export function trackWindowState(win: TrackedWindow, file: string, opts: TrackOptions = {}): void {
  const schedule = opts.schedule ?? timer;
  let pending: (() => void) | null = null;
  const save = (): void => {
    pending = null;
    // A minimized window's bounds are not where it should come back.
    if (win.isMinimized()) return;
    const b = win.getNormalBounds();
    const state: WindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
    try {
      writeFileAtomic(file, `${JSON.stringify(state)}\n`);
    } catch (e) {
      // The place of a window is not worth a dialog: logged, and the next save tries again.
      opts.log?.(`窗口位置没有保存：${file}`, e);
    }
  };
  const later = (): void => {
    pending?.();
    pending = schedule(save, SAVE_DELAY_MS);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event, later);
  win.on('close', () => {
    pending?.();
    save();
  });
}
