// Keyboard entry without the mouse: Enter moves to the next field of the form (Shift+Enter
// back), in the order the fields appear. Inputs take part by carrying `data-nav`; a field's
// identity (its API path, e.g. 'members.2.idNumber') is `data-field`.

/** Props that put an input into Enter navigation and name it for focusing and tests. */
export function navProps(field: string, end?: 'add-member' | 'members-tab'): Record<string, string> {
  return { 'data-nav': '', 'data-field': field, 'data-testid': `field-${field}`, ...(end ? { 'data-nav-end': end } : {}) };
}

function isVisible(el: HTMLElement): boolean {
  return el.getClientRects().length > 0;
}

function isDisabled(el: HTMLElement): boolean {
  return el.matches(':disabled') || el.classList.contains('ant-select-disabled') || el.getAttribute('aria-disabled') === 'true';
}

/** The element that takes focus for a nav element (a Select's inner input). */
function focusTarget(el: HTMLElement): HTMLElement | null {
  if (el.matches('input, textarea, button, select')) return el;
  return el.querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled])');
}

/**
 * Focuses a nav element. Moving with Enter selects the text, as Tab does, so typing replaces
 * it; going to a field to correct it puts the caret at the end instead.
 */
export function focusElement(el: HTMLElement, how: 'select' | 'caret-end' = 'select'): boolean {
  const t = focusTarget(el);
  if (!t) return false;
  t.focus();
  if (t instanceof HTMLInputElement && !t.readOnly && t.type === 'text') {
    if (how === 'select') t.select();
    else t.setSelectionRange(t.value.length, t.value.length);
  }
  return true;
}

export function navElements(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-nav]')].filter((el) => isVisible(el) && !isDisabled(el));
}

/** Focuses the nav element `delta` steps from `from`; false when there is none. */
export function moveFocus(root: ParentNode, from: HTMLElement, delta: 1 | -1): boolean {
  const list = navElements(root);
  const at = list.indexOf(from);
  if (at === -1) return false;
  for (let i = at + delta; i >= 0 && i < list.length; i += delta) {
    if (focusElement(list[i]!)) return true;
  }
  return false;
}

export function focusField(root: ParentNode, field: string): boolean {
  const el = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
  if (!el) return false;
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  return focusElement(el, 'caret-end');
}

/** True when some dialog is open (its own keys win over the page's). */
export function dialogOpen(): boolean {
  return [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap')].some((el) => getComputedStyle(el).display !== 'none');
}
