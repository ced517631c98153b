import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUSY_RETRY_MS, startIdleLock } from './idle-lock.ts';

describe('the idle lock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('locks after the set minutes without use, once', () => {
    const onIdle = vi.fn();
    startIdleLock({ minutes: 15, onIdle });
    vi.advanceTimersByTime(15 * 60_000 - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('starts the idle time again on each activity', () => {
    const onIdle = vi.fn();
    const lock = startIdleLock({ minutes: 2, onIdle });
    vi.advanceTimersByTime(90_000);
    lock.activity();
    vi.advanceTimersByTime(90_000);
    expect(onIdle).not.toHaveBeenCalled();
    lock.activity();
    vi.advanceTimersByTime(119_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('waits while a call is running, then locks', () => {
    const onIdle = vi.fn();
    let busy = true;
    startIdleLock({ minutes: 1, onIdle, busy: () => busy });
    vi.advanceTimersByTime(60_000 + BUSY_RETRY_MS);
    expect(onIdle).not.toHaveBeenCalled();
    busy = false;
    vi.advanceTimersByTime(BUSY_RETRY_MS);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never locks once stopped (the archive closed or the minutes changed)', () => {
    const onIdle = vi.fn();
    const lock = startIdleLock({ minutes: 1, onIdle });
    lock.stop();
    vi.advanceTimersByTime(10 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('takes less than a minute as one', () => {
    const onIdle = vi.fn();
    startIdleLock({ minutes: 0, onIdle });
    vi.advanceTimersByTime(59_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalled();
  });
});
