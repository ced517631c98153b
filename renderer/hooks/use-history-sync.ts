// Keeps the screen and the browser in step: the address (#/…) at start, Back/Forward, and
// the question before the window closes with unsaved edits.
import { useEffect } from 'react';
import { flushDraftNow } from '../store/editor-slice.ts';
import { screenOfHash } from '../store/screens.ts';
import type { Screen } from '../store/screens.ts';
import { selectDirty, useStore } from '../store/index.ts';

export function useHistorySync(): void {
  useEffect(() => {
    const start = screenOfHash(window.location.hash);
    useStore.getState().navigate(start, { replace: true });
    window.history.replaceState({ screen: start }, '', window.location.hash || '#/overview');

    const onPop = (e: PopStateEvent): void => {
      const state = e.state as { screen?: Screen } | null;
      useStore.getState().arrivedByHistory(state?.screen ?? screenOfHash(window.location.hash));
    };
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      const st = useStore.getState();
      if (!selectDirty(st)) return;
      flushDraftNow(st, st.session?.archive?.file ?? '');
      e.preventDefault();
    };
    window.addEventListener('popstate', onPop);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);
}
