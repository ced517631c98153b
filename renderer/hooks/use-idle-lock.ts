// Locks the archive after the archive's set minutes without a key pressed or the mouse used
// (editor/idle-lock.ts holds the timing; here only the page's events and the lock call). The
// timer restarts only when the minutes change: a re-render must not count as use.
import { useEffect, useRef } from 'react';
import { callsRunning } from '../api.ts';
import { startIdleLock } from '../editor/idle-lock.ts';

const EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;

export function useIdleLock(minutes: number | null, lock: () => void): void {
  const lockRef = useRef(lock);
  useEffect(() => {
    lockRef.current = lock;
  }, [lock]);
  useEffect(() => {
    if (minutes == null) return;
    const idle = startIdleLock({ minutes, onIdle: () => lockRef.current(), busy: callsRunning });
    const onActivity = (): void => idle.activity();
    for (const e of EVENTS) window.addEventListener(e, onActivity, { passive: true, capture: true });
    return () => {
      idle.stop();
      for (const e of EVENTS) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [minutes]);
}
