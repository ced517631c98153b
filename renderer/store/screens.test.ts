import { describe, expect, it } from 'vitest';
import { hashOf, menuKeyOf, sameScreen, screenOfHash } from './screens.ts';
import type { Screen } from './screens.ts';

describe('screen addresses', () => {
  it('round-trip through the hash', () => {
    const all: Screen[] = [
      { name: 'overview' },
      { name: 'villages' },
      { name: 'village', id: 'v 1' },
      { name: 'households' },
      { name: 'household', id: 'abc-123' },
      { name: 'household', id: null },
      { name: 'quality' },
      { name: 'import' },
      { name: 'batches' },
      { name: 'batch', id: 'b-1' },
      { name: 'monitoring' },
      { name: 'keys' },
      { name: 'send' },
      { name: 'receive' },
      { name: 'county' },
      { name: 'township', id: '乡镇 1' },
      { name: 'documents' },
      { name: 'dashboard' },
      { name: 'audit' },
      { name: 'accounts' },
    ];
    for (const s of all) expect(screenOfHash(hashOf(s))).toEqual(s);
  });
  it('falls back to the overview and names the menu entry', () => {
    expect(screenOfHash('')).toEqual({ name: 'overview' });
    expect(screenOfHash('#/nonsense')).toEqual({ name: 'overview' });
    expect(menuKeyOf({ name: 'household', id: null })).toBe('households');
    expect(menuKeyOf({ name: 'batch', id: 'b' })).toBe('batches');
    expect(screenOfHash('#/batch')).toEqual({ name: 'batches' });
    expect(screenOfHash('#/township')).toEqual({ name: 'county' });
    expect(menuKeyOf({ name: 'township', id: 't' })).toBe('county');
    expect(sameScreen({ name: 'household', id: 'a' }, { name: 'household', id: 'b' })).toBe(false);
    expect(screenOfHash('#/documents')).toEqual({ name: 'documents' });
    expect(menuKeyOf({ name: 'dashboard' })).toBe('dashboard');
  });
});
