// Showing and printing a PDF inside the page: bytes → blob URL, and whether this page may frame
// a blob at all (its content security policy may refuse; the page then learns it from a
// `securitypolicyviolation` event, or from a one-off probe when the screen opens).
import { useSyncExternalStore } from 'react';
import { isElectron } from '../../api.ts';
import { hasPrintDialog, isFrameBlock } from '../../editor/documents-output.ts';
import type { PrintShell } from '../../editor/documents-output.ts';

export function blobUrlOf(base64: string, mime: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}

export type FrameSupport = 'unknown' | 'allowed' | 'blocked';

let support: FrameSupport = 'unknown';
const listeners = new Set<() => void>();
const setSupport = (s: FrameSupport): void => {
  if (support === s || support === 'blocked') return;
  support = s;
  for (const l of listeners) l();
};

document.addEventListener('securitypolicyviolation', (e) => {
  if (isFrameBlock(e)) setSupport('blocked');
});

let probed = false;
/** Frames an empty blob once, out of sight, to learn whether previews can show in the page. */
export function probeFrames(): void {
  if (probed) return;
  probed = true;
  const url = URL.createObjectURL(new Blob([''], { type: 'text/plain' }));
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
  frame.addEventListener('load', () => {
    // A refused frame also "loads" (an error page): the violation event comes first.
    setTimeout(() => {
      setSupport(support === 'blocked' ? 'blocked' : 'allowed');
      frame.remove();
      URL.revokeObjectURL(url);
    }, 0);
  });
  frame.src = url;
  document.body.appendChild(frame);
}

export function frameSupport(): FrameSupport {
  return support;
}

export function useFrameSupport(): FrameSupport {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => support,
  );
}

/** What printPlan needs to know of this shell. */
export function printShell(): PrintShell {
  return { frameBlocked: support === 'blocked', electron: isElectron(), printDialog: hasPrintDialog(navigator.userAgent) };
}

/** Prints a loaded PDF frame with the browser's (Electron: the system's) print dialog. */
export function printFrame(frame: HTMLIFrameElement | null): boolean {
  const w = frame?.contentWindow;
  if (!w) return false;
  try {
    w.focus();
    w.print();
    return true;
  } catch {
    return false;
  }
}

/** Saves bytes through the browser's download (the web shell's way to hand over a file). */
export function downloadBlob(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
}
