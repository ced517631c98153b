// Which screen is shown, kept in step with the address bar (#/…) so Back and Forward work,
// and the guard that asks before unsaved household edits would be left behind.
import { hashOf, sameScreen, screenOfHash } from './screens.ts';
import type { Screen } from './screens.ts';
import { selectDirty } from './selectors.ts';
import type { Slice } from './types.ts';

export interface NavSlice {
  screen: Screen;
  /** What to do once the clerk agrees to leave unsaved edits; null when not asking. */
  pendingLeave: (() => void) | null;
  /** Runs `then` now, or after the clerk confirms leaving unsaved edits. */
  guard: (then: () => void) => void;
  /** Goes to a screen (asking first if edits would be lost). */
  navigate: (to: Screen, opts?: { replace?: boolean }) => void;
  /** Back/Forward arrived at `to`: the address bar already shows it. */
  arrivedByHistory: (to: Screen) => void;
  confirmLeave: () => void;
  cancelLeave: () => void;
}

function writeHistory(to: Screen, replace: boolean): void {
  if (typeof window === 'undefined') return;
  const url = hashOf(to);
  if (replace) window.history.replaceState({ screen: to }, '', url);
  else if (window.location.hash !== url) window.history.pushState({ screen: to }, '', url);
}

export const createNavSlice: Slice<NavSlice> = (set, get) => {
  const go = (to: Screen, replace: boolean): void => {
    const from = get().screen;
    if (from.name === 'household' && !(to.name === 'household' && to.id === from.id)) get().resetEditor();
    writeHistory(to, replace);
    set({ screen: to });
  };
  return {
    // The address bar says where a reload should land (#/household/…).
    screen: typeof window === 'undefined' ? { name: 'overview' } : screenOfHash(window.location.hash),
    pendingLeave: null,
    guard(then) {
      if (selectDirty(get())) set({ pendingLeave: then });
      else then();
    },
    navigate(to, opts) {
      if (sameScreen(to, get().screen)) return;
      get().guard(() => {
        go(to, opts?.replace ?? false);
      });
    },
    arrivedByHistory(to) {
      const current = get().screen;
      if (sameScreen(to, current)) return;
      if (!selectDirty(get())) {
        go(to, true);
        return;
      }
      // Put the address back to the page being edited, then ask.
      writeHistory(current, false);
      set({
        pendingLeave: () => {
          go(to, false);
        },
      });
    },
    confirmLeave() {
      const then = get().pendingLeave;
      set({ pendingLeave: null });
      get().discardEditor();
      then?.();
    },
    cancelLeave() {
      set({ pendingLeave: null });
    },
  };
};
