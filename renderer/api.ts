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

export const api: Client = createClient(pickTransport());
export const isElectron = (): boolean => window.reliefArchive !== undefined;
