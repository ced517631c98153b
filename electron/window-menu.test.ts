// The window's options, its unload prompt, and the Chinese menu, against fakes.
import type { BrowserWindow, BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from './menu.ts';
import { createMainWindow, CRASH_PROMPT, onWillPreventUnload, UNLOAD_PROMPT, windowOptions } from './window.ts';

vi.mock('electron', () => {
  throw new Error('electron must not be imported by these tests');
});

describe('main window', () => {
  it('is titled 扶贫档案, at least 1100×700, hidden until ready, sandboxed', () => {
    const o = windowOptions('/app/preload.cjs', false);
    expect(o).toMatchObject({ title: '扶贫档案', minWidth: 1100, minHeight: 700, show: false });
    expect(o.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/app/preload.cjs' });
  });

  it('asks in Chinese before unsaved changes are thrown away; staying is the default', () => {
    expect(UNLOAD_PROMPT.message).toMatch(/没有保存的修改/);
    expect(UNLOAD_PROMPT.buttons).toEqual(['放弃修改并离开', '留下继续编辑']);
    expect(UNLOAD_PROMPT.defaultId).toBe(1);
    expect(UNLOAD_PROMPT.cancelId).toBe(1);
    const leave = { preventDefault: vi.fn() };
    onWillPreventUnload(leave, () => 0);
    expect(leave.preventDefault).toHaveBeenCalled();
    const stay = { preventDefault: vi.fn() };
    onWillPreventUnload(stay, () => 1);
    expect(stay.preventDefault).not.toHaveBeenCalled();
  });

  it('shows on ready-to-show, loads the page, prompts on unload and on a crashed renderer', () => {
    const handlers = new Map<string, (...a: unknown[]) => void>();
    const once = new Map<string, () => void>();
    const made: { options: BrowserWindowConstructorOptions; win: Record<string, unknown> }[] = [];
    const contents = { on: (n: string, l: (...a: unknown[]) => void) => handlers.set(n, l), reload: vi.fn() };
    class FakeWindow {
      webContents = contents;
      show = vi.fn();
      isDestroyed = () => false;
      loadURL = vi.fn(() => Promise.resolve());
      once = (n: string, l: () => void) => once.set(n, l);
      constructor(options: BrowserWindowConstructorOptions) {
        made.push({ options, win: this as unknown as Record<string, unknown> });
      }
    }
    const ask = vi.fn(() => 1);
    const quit = vi.fn();
    const win = createMainWindow(
      { BrowserWindow: FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow, showMessageBoxSync: ask, quit, log: vi.fn() },
      { pageUrl: 'file:///app/dist/renderer/index.html', preload: '/app/dist/electron/preload.cjs', devTools: false },
    ) as unknown as FakeWindow;
    expect(made).toHaveLength(1);
    expect(win.loadURL).toHaveBeenCalledWith('file:///app/dist/renderer/index.html');
    expect(win.show).not.toHaveBeenCalled();
    once.get('ready-to-show')!();
    expect(win.show).toHaveBeenCalled();

    const event = { preventDefault: vi.fn() };
    handlers.get('will-prevent-unload')!(event);
    expect(ask).toHaveBeenLastCalledWith(win, UNLOAD_PROMPT);
    expect(event.preventDefault).not.toHaveBeenCalled();

    ask.mockReturnValueOnce(0);
    handlers.get('render-process-gone')!({}, { reason: 'crashed' });
    expect(ask).toHaveBeenLastCalledWith(win, CRASH_PROMPT);
    expect(contents.reload).toHaveBeenCalled();
    handlers.get('render-process-gone')!({}, { reason: 'oom' });
    expect(quit).toHaveBeenCalled();
  });
});

describe('application menu', () => {
  const actions = { newArchive: vi.fn(), openArchive: vi.fn(), backup: vi.fn(), restore: vi.fn(), about: vi.fn() };
  const sub = (t: MenuItemConstructorOptions[], label: string) =>
    (t.find((m) => m.label?.startsWith(label))?.submenu ?? []) as MenuItemConstructorOptions[];

  it('文件: 新建档案, 打开档案…, 备份…, 从备份恢复…, 退出 — wired to the actions', () => {
    const t = menuTemplate(actions, { devTools: false });
    expect(t.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    const file = sub(t, '文件').filter((i) => i.type !== 'separator');
    expect(file.map((i) => i.label)).toEqual(['新建档案', '打开档案…', '备份…', '从备份恢复…', '退出']);
    expect(file[4]!.role).toBe('quit');
    const click = (i: MenuItemConstructorOptions) => (i.click as () => void)();
    click(file[0]!);
    click(file[1]!);
    click(file[2]!);
    click(file[3]!);
    expect(actions.newArchive).toHaveBeenCalledTimes(1);
    expect(actions.openArchive).toHaveBeenCalledTimes(1);
    expect(actions.backup).toHaveBeenCalledTimes(1);
    expect(actions.restore).toHaveBeenCalledTimes(1);
  });

  it('编辑 uses the standard roles with Chinese labels; 帮助 has 关于', () => {
    const t = menuTemplate(actions, { devTools: false });
    const edit = sub(t, '编辑').filter((i) => i.type !== 'separator');
    expect(edit.map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(edit.map((i) => i.label)).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选']);
    const help = sub(t, '帮助');
    expect(help.map((i) => i.label)).toEqual(['关于扶贫档案']);
    (help[0]!.click as () => void)();
    expect(actions.about).toHaveBeenCalled();
  });

  it('developer tools and reload only in development', () => {
    const roles = (devTools: boolean) => sub(menuTemplate(actions, { devTools }), '视图').map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
