// The 数据检查 screen's place, kept while the clerk is on a household: filters, scroll position,
// the row opened (marked on return), the previous result (for 重新检查's 已整改/新增/仍存在), and
// the household opened from the list (its page then offers 返回数据检查, and Esc goes back there).
import { create } from 'zustand';
import type { Category, Problem, Severity } from '../../../shared/quality/types.ts';
import type { CheckDiff } from '../../../shared/quality/diff.ts';
import { findingPlace } from '../../editor/problem-field.ts';
import { useStore } from '../../store/index.ts';
import type { Screen } from '../../store/screens.ts';

export interface QualityFilters {
  category: Category | null;
  severity: Severity | null;
  village: string | null;
  code: string | null;
  /** Show the 已核实无误 ones too (greyed). */
  showAcked: boolean;
  text: string;
}

export const NO_FILTERS: QualityFilters = { category: null, severity: null, village: null, code: null, showAcked: false, text: '' };

interface QualityView {
  filters: QualityFilters;
  scrollTop: number;
  /** The row last opened (its key), marked in the list. */
  marked: string | null;
  /** The household opened from the list: its page offers 返回数据检查. */
  openedFrom: string | null;
  /** The findings of the result before the one shown. */
  baseline: Problem[] | null;
  diff: CheckDiff | null;
  setFilters: (f: Partial<QualityFilters>) => void;
  setScrollTop: (top: number) => void;
  setDiff: (baseline: Problem[], diff: CheckDiff | null) => void;
}

export const useQualityView = create<QualityView>()((set) => ({
  filters: NO_FILTERS,
  scrollTop: 0,
  marked: null,
  openedFrom: null,
  baseline: null,
  diff: null,
  setFilters: (f) => set((s) => ({ filters: { ...s.filters, ...f }, scrollTop: 0 })),
  setScrollTop: (scrollTop) => set({ scrollTop }),
  setDiff: (baseline, diff) => set({ baseline, diff }),
}));

// Leaving the household for anywhere else ends the trip from the list.
useStore.subscribe((s, prev) => {
  if (s.screen !== prev.screen && s.screen.name !== 'household' && useQualityView.getState().openedFrom !== null) useQualityView.setState({ openedFrom: null });
});

/** Where Esc and 返回 lead from a household: back to 数据检查 when it was opened from there. */
export function backFromHousehold(householdId: string | null | undefined): Screen {
  return householdId != null && useQualityView.getState().openedFrom === householdId ? { name: 'quality' } : { name: 'households' };
}

const MARK_ROW = 'finding-row';
const MARK_FIELD = 'finding-field';

function mark(field: string | null, memberField: string | null): boolean {
  for (const el of document.querySelectorAll(`.${MARK_ROW}, .${MARK_FIELD}`)) el.classList.remove(MARK_ROW, MARK_FIELD);
  const page = document.querySelector<HTMLElement>('[data-testid="household-page"]');
  if (!page) return false;
  const at = (f: string | null): HTMLElement | null => (f ? page.querySelector<HTMLElement>(`[data-field="${CSS.escape(f)}"]`) : null);
  const input = at(field);
  const row = at(memberField)?.closest('tr');
  row?.classList.add(MARK_ROW);
  (input?.closest('.ant-select, .ant-input-affix-wrapper, .ant-input') ?? input)?.classList.add(MARK_FIELD);
  return input !== null || row != null;
}

/**
 * Opens the finding's household on the right tab with the member's row marked and the field's
 * input focused and highlighted (the member's name when the field has no input in the grid).
 */
export function openFinding(p: Problem, rowKey: string, scrollTop: number, checkYear: number | null): void {
  useQualityView.setState({ marked: rowKey, scrollTop, openedFrom: p.householdId });
  const st = useStore.getState();
  st.navigate({ name: 'household', id: p.householdId });
  const started = Date.now();
  const wait = (): void => {
    const s = useStore.getState();
    if (s.screen.name !== 'household' || s.screen.id !== p.householdId) return;
    const ready = s.editor.householdId === p.householdId && !s.editor.loading && s.editor.draft !== null;
    if (!ready) {
      if (Date.now() - started < 10_000) setTimeout(wait, 50);
      return;
    }
    const place = findingPlace(p, s.editor.draft, checkYear);
    const target = place.field ?? place.memberField;
    if (target && place.tab !== 'help' && place.tab !== 'history') s.requestFocus(target);
    else s.setTab(place.tab);
    // The grid has inputs for its columns only: a field of the row's 更多 form focuses the name.
    let tries = 0;
    const highlight = (): void => {
      if (mark(place.field, place.memberField)) {
        if (place.field && !document.querySelector(`[data-field="${CSS.escape(place.field)}"]`) && place.memberField) s.requestFocus(place.memberField);
        return;
      }
      if (++tries < 40) setTimeout(highlight, 50);
      else if (place.memberField) s.requestFocus(place.memberField);
    };
    setTimeout(highlight, 60);
  };
  setTimeout(wait, 0);
}
