// Where a data-check finding is on the household page: the tab, and the input (its data-field)
// the cursor goes to — the member's row for a member field, the checked year's income row for an
// income field, the section's input for a household field.
import { fieldOf } from '../../shared/fields/index.ts';
import type { Problem } from '../../shared/quality/types.ts';
import type { EditorTab } from '../store/editor-slice.ts';
import type { EditorDraft } from './types.ts';

export interface FindingPlace {
  tab: EditorTab;
  /** The input to focus (editor path), or null: the tab only. */
  field: string | null;
  /** The member's name input: the row to mark, and the fallback when the field has no input in the grid. */
  memberField: string | null;
}

export function findingPlace(p: Pick<Problem, 'memberId' | 'field'>, draft: EditorDraft | null, checkYear: number | null): FindingPlace {
  if (p.memberId) {
    const row = draft?.members.findIndex((m) => m.id === p.memberId) ?? -1;
    if (row === -1) return { tab: 'members', field: null, memberField: null };
    return { tab: 'members', field: `members.${row}.${p.field ?? 'name'}`, memberField: `members.${row}.name` };
  }
  const f = p.field;
  if (!f) return { tab: 'basic', field: null, memberField: null };
  if (fieldOf('income', f) && !fieldOf('household', f)) {
    const incomes = draft?.incomes ?? [];
    let row = incomes.findIndex((r) => r.year === checkYear);
    if (row === -1) row = incomes.length - 1;
    return { tab: 'incomes', field: row === -1 ? null : `incomes.${row}.${f}`, memberField: null };
  }
  if (fieldOf('household', f)) return f === 'status' ? { tab: 'history', field: null, memberField: null } : { tab: 'basic', field: f, memberField: null };
  // Measures, pairings, monitoring dates: the 帮扶 tab.
  return { tab: 'help', field: null, memberField: null };
}
