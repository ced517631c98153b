// Commands from the Electron main process (its menu), re-dispatched by the preload as a
// window event 'relief-archive:shell' whose detail names the command. The browser shell
// never sends any. Names mirror electron/shell-events.ts (the renderer may not import it).
import { useEffect } from 'react';
import { useStore } from '../store/index.ts';

export const SHELL_EVENT = 'relief-archive:shell';

export function useShellEvents(handlers: { newArchive: () => void }): void {
  const { newArchive } = handlers;
  useEffect(() => {
    const onEvent = (e: Event): void => {
      const name = (e as CustomEvent<unknown>).detail;
      const st = useStore.getState();
      if (name === 'menu.newArchive') st.guard(newArchive);
      // Main opened another archive itself: read the session again (drafts stay in sessionStorage).
      else if (name === 'session.changed') st.guard(() => void st.loadSession());
    };
    window.addEventListener(SHELL_EVENT, onEvent);
    return () => window.removeEventListener(SHELL_EVENT, onEvent);
  }, [newArchive]);
}
