// The Chinese application menu. Pure: the template is data plus callbacks, tested as such.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newArchive(): void | Promise<void>;
  openArchive(): void | Promise<void>;
  backup(): void | Promise<void>;
  restore(): void | Promise<void>;
  about(): void | Promise<void>;
}

const run = (fn: () => void | Promise<void>) => () => {
  void fn();
};

export function menuTemplate(actions: MenuActions, opts: { devTools: boolean }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  if (opts.devTools) view.push({ type: 'separator' }, { label: '重新加载', role: 'reload' }, { label: '开发者工具', role: 'toggleDevTools' });
  return [
    {
      label: '文件(&F)',
      submenu: [
        { label: '新建档案', accelerator: 'CmdOrCtrl+N', click: run(() => actions.newArchive()) },
        { label: '打开档案…', accelerator: 'CmdOrCtrl+O', click: run(() => actions.openArchive()) },
        { type: 'separator' },
        { label: '备份…', click: run(() => actions.backup()) },
        { label: '从备份恢复…', click: run(() => actions.restore()) },
        { type: 'separator' },
        { label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图(&V)', submenu: view },
    { label: '帮助(&H)', submenu: [{ label: '关于扶贫档案', click: run(() => actions.about()) }] },
  ];
}
