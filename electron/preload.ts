// Runs in the sandboxed, isolated preload world, bundled (a sandboxed preload cannot
// require project files). The page gets exactly `window.reliefArchive = { invoke }`; never
// ipcRenderer. Menu commands from main arrive as a DOM event the page can listen to:
// window.addEventListener('relief-archive:shell', (e) => e.detail) — see shell-events.ts.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../shared/api/index.ts';
import { createBridge, SHELL_EVENT } from './preload-bridge.ts';
import { isShellEvent } from './shell-events.ts';

contextBridge.exposeInMainWorld(
  'reliefArchive',
  createBridge(CHANNELS, (channel, input) => ipcRenderer.invoke(channel, input)),
);

ipcRenderer.on(SHELL_EVENT, (_event, name: unknown) => {
  // Only a known event name crosses into the page; a string detail survives the world boundary.
  if (isShellEvent(name)) (globalThis as unknown as EventTarget).dispatchEvent(new CustomEvent(SHELL_EVENT, { detail: name }));
});
