import { describe, expect, it } from 'vitest';
import { emptyDraft } from './draft.ts';
import { clearStoredDraft, listStoredDrafts, loadStoredDraft, saveStoredDraft } from './draft-storage.ts';

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    key: (i: number) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
  };
}

describe('draft storage', () => {
  it('keeps a draft per household and per archive', () => {
    const s = memoryStorage();
    const entry = { archive: 'a.db', householdId: 'h1', label: '户编号 1', savedAt: '2026-01-01T00:00:00Z', draft: emptyDraft('v1') };
    saveStoredDraft(s, entry);
    saveStoredDraft(s, { ...entry, householdId: null, savedAt: '2026-01-02T00:00:00Z' });
    expect(loadStoredDraft(s, 'a.db', 'h1')?.draft.villageId).toBe('v1');
    expect(loadStoredDraft(s, 'b.db', 'h1')).toBeNull();
    expect(listStoredDrafts(s, 'a.db').map((e) => e.householdId)).toEqual([null, 'h1']);
    clearStoredDraft(s, 'h1');
    expect(loadStoredDraft(s, 'a.db', 'h1')).toBeNull();
  });
  it('ignores what it cannot read', () => {
    const s = memoryStorage();
    s.setItem('relief-archive:draft:h2', '{oops');
    expect(loadStoredDraft(s, 'a.db', 'h2')).toBeNull();
  });
});
