// Unsaved household drafts kept in sessionStorage (this tab only), so a reload or a crash of
// the page can offer them back. One entry per household ('new' for one not yet saved).
import type { EditorDraft } from './types.ts';

const PREFIX = 'relief-archive:draft:';

export interface StoredDraft {
  /** The archive file the draft belongs to: a draft never crosses into another archive. */
  archive: string;
  householdId: string | null;
  label: string;
  savedAt: string;
  draft: EditorDraft;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const keyOf = (householdId: string | null): string => `${PREFIX}${householdId ?? 'new'}`;

export function saveStoredDraft(storage: Store, entry: StoredDraft): void {
  try {
    storage.setItem(keyOf(entry.householdId), JSON.stringify(entry));
  } catch {
    // Quota or disabled storage: the draft still lives in memory; nothing else to do.
  }
}

function parse(raw: string | null): StoredDraft | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as StoredDraft;
    return typeof v.archive === 'string' && typeof v.draft === 'object' ? v : null;
  } catch {
    return null;
  }
}

export function loadStoredDraft(storage: Store, archive: string, householdId: string | null): StoredDraft | null {
  const v = parse(storage.getItem(keyOf(householdId)));
  return v && v.archive === archive ? v : null;
}

export function clearStoredDraft(storage: Store, householdId: string | null): void {
  try {
    storage.removeItem(keyOf(householdId));
  } catch {
    // ignore
  }
}

export function listStoredDrafts(storage: Store, archive: string): StoredDraft[] {
  const out: StoredDraft[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (!k?.startsWith(PREFIX)) continue;
    const v = parse(storage.getItem(k));
    if (v && v.archive === archive) out.push(v);
  }
  return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}
