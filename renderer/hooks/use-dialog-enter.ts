// Mounts editor/dialog-enter.ts once for the whole app: Enter in a dialog's text field clicks
// the top dialog's OK (its footer's primary, non-dangerous, enabled button).
import { useEffect } from 'react';
import { ENTER_WIDGETS, enterSubmitsDialog } from '../editor/dialog-enter.ts';

function okButtonOf(dialog: Element): HTMLButtonElement | null {
  const buttons = [...dialog.querySelectorAll<HTMLButtonElement>('.ant-modal-footer .ant-btn-primary')];
  const ok = buttons.at(-1) ?? null;
  if (!ok || ok.disabled || ok.classList.contains('ant-btn-dangerous') || ok.classList.contains('ant-btn-loading')) return null;
  return ok;
}

export function useDialogEnter(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const t = e.target instanceof HTMLElement ? e.target : null;
      const dialog = t?.closest('.ant-modal') ?? null;
      const go = enterSubmitsDialog({
        key: e.key,
        composing: e.isComposing,
        modified: e.ctrlKey || e.altKey || e.metaKey || e.shiftKey,
        defaultPrevented: e.defaultPrevented,
        tag: t?.tagName ?? '',
        type: t instanceof HTMLInputElement ? t.type : '',
        inDialog: dialog != null,
        inWidget: t?.closest(ENTER_WIDGETS) != null,
        expanded: t?.getAttribute('aria-expanded') === 'true',
      });
      const ok = go && dialog ? okButtonOf(dialog) : null;
      if (!ok) return;
      // No native form submit besides: the OK button's handler is the one way in.
      e.preventDefault();
      ok.click();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
