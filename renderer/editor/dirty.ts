// Whether the clerk changed anything since the household was loaded (or last saved).
import type { EditorDraft } from './types.ts';

/** Row keys are UI bookkeeping, not data: two drafts that differ only in keys are equal. */
function comparable(d: EditorDraft): unknown {
  return {
    ...d,
    members: d.members.map(({ key: _key, ...rest }) => rest),
    incomes: d.incomes.map(({ key: _key, ...rest }) => rest),
  };
}

export function draftsEqual(a: EditorDraft, b: EditorDraft): boolean {
  return JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));
}

export function isDirty(current: EditorDraft | null, baseline: EditorDraft | null): boolean {
  if (!current || !baseline) return false;
  return !draftsEqual(current, baseline);
}
