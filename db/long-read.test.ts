// A long read holds the archive's page cache small while it runs and gives the archive's own
// size back when the last of several overlapping long reads ends (ending one twice is harmless).
import { afterEach, describe, expect, it } from 'vitest';
import { beginLongRead } from './handles.ts';
import { freshArchive } from './testing.ts';
import type { TempArchive } from './testing.ts';

let a: TempArchive | undefined;
afterEach(() => a?.dispose());

describe('long reads', () => {
  it('hold the page cache small until the last one ends', () => {
    a = freshArchive();
    const cache = () => a!.sqlite.pragma('cache_size', { simple: true }) as number;
    const own = cache();
    const first = beginLongRead(a.db);
    expect(cache()).toBe(-4096);
    const second = beginLongRead(a.db);
    first();
    first();
    expect(cache()).toBe(-4096);
    second();
    expect(cache()).toBe(own);
    expect(own).not.toBe(-4096);
  });
});
