// The one client the UI uses: `api.households.list({...})` etc., typed by the contract.
import { createClient } from '../shared/api/index.ts';
import type { Client, Transport } from '../shared/api/index.ts';
import { httpTransport, ipcTransport, takeToken } from './transport.ts';
import type { ReliefBridge } from './transport.ts';

declare global {
  interface Window {
    reliefArchive?: ReliefBridge;
  }
}

function pickTransport(): Transport {
  if (window.reliefArchive) return ipcTransport(window.reliefArchive);
  const token = takeToken({
    href: window.location.href,
    storage: window.sessionStorage,
    replaceUrl: (url) => {
      window.history.replaceState(window.history.state, '', url);
    },
  });
  return httpTransport((url, init) => fetch(url, init), token);
}

let running = 0;
let onRefused: (() => void) | null = null;

/**
 * Called after a call the core refused: a refusal may mean the session changed under the page
 * (the archive found damaged and now read-only, an idle lock), so the session state is asked
 * again — the banner then shows at once, not at the next focus.
 */
export function whenCallRefused(fn: (() => void) | null): void {
  onRefused = fn;
}

/** Counts the calls still under way: the idle lock waits for them (locking closes the archive under a running import). */
function counted(t: Transport): Transport {
  return async (channel, input) => {
    running++;
    try {
      const r = await t(channel, input);
      if (!r.ok && channel !== 'archive.session') onRefused?.();
      return r;
    } finally {
      running--;
    }
  };
}

export const api: Client = createClient(counted(pickTransport()));
/** True while any call to the archive has not answered yet. */
export const callsRunning = (): boolean => running > 0;
export const isElectron = (): boolean => window.reliefArchive !== undefined;
