// Enter in a dialog's text field presses the dialog's OK button (保存 / 建立 / 登记 …), as a clerk
// expects from a desktop form: no reach for the mouse after typing the last field. Only plain
// one-line fields take part: lists, dates, searches and multi-line text keep their own Enter, and
// a dangerous OK (删除, 消除 …) is never pressed by Enter.

/** What matters about one keydown, read from the DOM by hooks/use-dialog-enter.ts. */
export interface EnterKey {
  key: string;
  composing: boolean;
  /** Ctrl, Alt, Meta or Shift held. */
  modified: boolean;
  defaultPrevented: boolean;
  /** The focused element's tag (upper case) and, for an input, its type. */
  tag: string;
  type: string;
  /** Inside an open dialog (not a drawer or the page). */
  inDialog: boolean;
  /** Inside a widget with an Enter of its own: a select, a date picker, a search box, a combobox. */
  inWidget: boolean;
  /** A list open on the field (aria-expanded). */
  expanded: boolean;
}

const TEXT_TYPES = new Set(['', 'text', 'number', 'tel', 'email', 'password', 'url']);

/** Whether this Enter should press the dialog's OK button. */
export function enterSubmitsDialog(k: EnterKey): boolean {
  if (k.key !== 'Enter' || k.composing || k.modified || k.defaultPrevented) return false;
  if (!k.inDialog || k.inWidget || k.expanded) return false;
  return k.tag === 'INPUT' && TEXT_TYPES.has(k.type.toLowerCase());
}

/** Widgets whose own Enter wins (antd class names). */
export const ENTER_WIDGETS = '.ant-select, .ant-picker, .ant-input-search, .ant-cascader, .ant-mentions, [role="combobox"], [data-enter="own"]';
