// Derived values read by components. selectDirty compares drafts, so it remembers its last
// answer for the same pair of objects (every store change re-runs selectors).
import { isDirty } from '../editor/dirty.ts';
import type { EditorDraft } from '../editor/types.ts';
import type { EditorState } from './editor-slice.ts';

let last: { draft: EditorDraft | null; baseline: EditorDraft | null; dirty: boolean } = { draft: null, baseline: null, dirty: false };

export function selectDirty(s: { editor: EditorState }): boolean {
  const { draft, baseline } = s.editor;
  if (draft !== last.draft || baseline !== last.baseline) last = { draft, baseline, dirty: isDirty(draft, baseline) };
  return last.dirty;
}

export const selectDraft = (s: { editor: EditorState }): EditorDraft | null => s.editor.draft;
export const selectFieldErrors = (s: { editor: EditorState }): Record<string, string> => s.editor.fieldErrors;
