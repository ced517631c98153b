// What the main process tells the page (menu commands and changes it made itself), sent on
// one IPC channel and re-dispatched by the preload as `window` event 'relief-archive:shell'
// with the name as `detail`. The page's answer, if any, is an ordinary API call.
export const SHELL_EVENTS = [
  /** 文件 → 新建档案: the page shows its new-archive form. */
  'menu.newArchive',
  /** Main opened another archive (文件 → 打开档案…): drop drafts, re-read archive.session. */
  'session.changed',
] as const;

export type ShellEvent = (typeof SHELL_EVENTS)[number];

export function isShellEvent(value: unknown): value is ShellEvent {
  return typeof value === 'string' && (SHELL_EVENTS as readonly string[]).includes(value);
}
