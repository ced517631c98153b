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

/** Counts the calls still under way: the idle lock waits for them (locking closes the archive under a running import). */
function counted(t: Transport): Transport {
  return async (channel, input) => {
    running++;
    try {
      return await t(channel, input);
    } finally {
      running--;
    }
  };
}

export const api: Client = createClient(counted(pickTransport()));
/** True while any call to the archive has not answered yet. */
export const callsRunning = (): boolean => running > 0;
export const isElectron = (): boolean => window.reliefArchive !== undefined;
