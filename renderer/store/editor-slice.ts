// The household being edited: the loaded detail, the baseline draft it gave, the clerk's
// current draft, errors by field, and saving. Unsaved drafts are mirrored to sessionStorage.
import { ApiError } from '../../shared/api/index.ts';
import type { AuditEntryView, HouseholdDetail } from '../../shared/api/index.ts';
import { api } from '../api.ts';
import { draftsEqual } from '../editor/dirty.ts';
import { draftFromDetail, emptyDraft } from '../editor/draft.ts';
import { clearStoredDraft, loadStoredDraft, saveStoredDraft } from '../editor/draft-storage.ts';
import type { StoredDraft } from '../editor/draft-storage.ts';
import { editorField, tabOfField, toHouseholdDraft } from '../editor/to-draft.ts';
import type { EditorDraft, FieldError } from '../editor/types.ts';
import type { Slice } from './types.ts';

export type EditorTab = 'basic' | 'members' | 'incomes' | 'help' | 'history' | 'problems' | 'files' | 'audit';

export interface EditorState {
  /** The household shown (null: a new one); undefined when nothing is open. */
  householdId: string | null | undefined;
  detail: HouseholdDetail | null;
  draft: EditorDraft | null;
  baseline: EditorDraft | null;
  loading: boolean;
  loadError: string | null;
  saving: boolean;
  fieldErrors: Record<string, string>;
  tab: EditorTab;
  /** Asks the page to focus an input (by its data-field); n makes a repeat request distinct. */
  focusRequest: { field: string; n: number } | null;
  restoreOffer: StoredDraft | null;
  audit: AuditEntryView[] | null;
  auditError: string | null;
}

export type SaveOutcome =
  | { status: 'saved'; created: boolean }
  | { status: 'invalid'; message: string }
  | { status: 'failed'; message: string };

export interface EditorSlice {
  editor: EditorState;
  openHousehold: (id: string | null, defaults?: { villageId?: string; groupName?: string }) => Promise<void>;
  /** Applies an edit; `field` (an API path) clears that field's error. */
  edit: (fn: (d: EditorDraft) => EditorDraft, field?: string) => void;
  setTab: (tab: EditorTab) => void;
  requestFocus: (field: string) => void;
  saveHousehold: () => Promise<SaveOutcome>;
  acceptRestore: () => void;
  declineRestore: () => void;
  loadAudit: () => Promise<void>;
  /** Re-fetches the shown household after a change made outside the draft (帮扶); the draft and its dirty state stay as they are. */
  reloadDetail: () => Promise<void>;
  /** Drops unsaved edits (and their stored copy). */
  discardEditor: () => void;
  resetEditor: () => void;
}

const CLOSED: EditorState = {
  householdId: undefined,
  detail: null,
  draft: null,
  baseline: null,
  loading: false,
  loadError: null,
  saving: false,
  fieldErrors: {},
  tab: 'basic',
  focusRequest: null,
  restoreOffer: null,
  audit: null,
  auditError: null,
};

const storage = (): Storage | null => (typeof window === 'undefined' ? null : window.sessionStorage);
let persistTimer: ReturnType<typeof setTimeout> | undefined;
let openSeq = 0;
let focusSeq = 0;

function labelOf(d: EditorDraft): string {
  const head = d.members.find((m) => m.relation === '户主')?.name.trim();
  return `${d.no.trim() || '新户'}${head ? ` ${head}` : ''}`;
}

export const createEditorSlice: Slice<EditorSlice> = (set, get) => {
  const patch = (p: Partial<EditorState>): void => set({ editor: { ...get().editor, ...p } });
  const archiveFile = (): string => get().session?.archive?.file ?? '';

  /** Mirrors the draft to sessionStorage shortly after typing stops (at once with `now`). */
  const persist = (now = false): void => {
    clearTimeout(persistTimer);
    const write = (): void => {
      const s = storage();
      const { draft, baseline, householdId } = get().editor;
      if (!s || !draft || !baseline || householdId === undefined) return;
      if (draftsEqual(draft, baseline)) clearStoredDraft(s, householdId);
      else saveStoredDraft(s, { archive: archiveFile(), householdId, label: labelOf(draft), savedAt: new Date().toISOString(), draft });
    };
    if (now) write();
    else persistTimer = setTimeout(write, 300);
  };

  const focusOn = (field: string): EditorState['focusRequest'] => ({ field, n: ++focusSeq });

  return {
    editor: CLOSED,
    async openHousehold(id, defaults) {
      const seq = ++openSeq;
      set({ editor: { ...CLOSED, householdId: id, loading: id !== null } });
      let detail: HouseholdDetail | null = null;
      if (id !== null) {
        try {
          detail = await api.households.get({ id });
        } catch (e) {
          if (seq === openSeq) patch({ loading: false, loadError: e instanceof Error ? e.message : String(e) });
          return;
        }
      }
      if (seq !== openSeq) return;
      const baseline = detail ? draftFromDetail(detail) : emptyDraft(defaults?.villageId ?? '', defaults?.groupName ?? '');
      const s = storage();
      const stored = s ? loadStoredDraft(s, archiveFile(), id) : null;
      const offer = stored && !draftsEqual(stored.draft, baseline) ? stored : null;
      if (stored && !offer && s) clearStoredDraft(s, id);
      patch({ detail, baseline, draft: baseline, loading: false, restoreOffer: offer, focusRequest: id === null ? focusOn(defaults?.villageId ? 'no' : 'villageId') : null });
    },
    edit(fn, field) {
      const { draft, fieldErrors } = get().editor;
      if (!draft) return;
      const next = fn(draft);
      if (next === draft) return;
      let errors = fieldErrors;
      if (field && field in fieldErrors) errors = Object.fromEntries(Object.entries(fieldErrors).filter(([k]) => k !== field));
      patch({ draft: next, fieldErrors: errors });
      persist();
    },
    setTab(tab) {
      patch({ tab });
      if (tab === 'audit' && get().editor.audit === null) void get().loadAudit();
    },
    requestFocus(field) {
      patch({ tab: tabOfField(field), focusRequest: focusOn(field) });
    },
    async saveHousehold() {
      const { draft, householdId, saving } = get().editor;
      if (!draft || saving) return { status: 'failed', message: '正在保存，请稍候' };
      const today = get().session?.today;
      const conv = toHouseholdDraft(draft, today ? new Date(`${today}T00:00:00Z`) : undefined);
      const toEditor = (e: FieldError): FieldError => ({ ...e, field: editorField(e.field, conv.memberRows) });
      if (conv.errors.length) {
        const errs = conv.errors.map(toEditor);
        patch({ fieldErrors: Object.fromEntries(errs.map((e) => [e.field, e.message])), tab: tabOfField(errs[0]!.field), focusRequest: focusOn(errs[0]!.field) });
        return { status: 'invalid', message: `有 ${errs.length} 处需要改正：${errs[0]!.message}` };
      }
      patch({ saving: true });
      try {
        const detail = await api.households.save(conv.draft);
        const baseline = draftFromDetail(detail);
        const s = storage();
        if (s) clearStoredDraft(s, householdId ?? null);
        clearTimeout(persistTimer);
        patch({ detail, baseline, draft: baseline, householdId: detail.household.id, saving: false, fieldErrors: {}, audit: null, auditError: null });
        if (get().editor.tab === 'audit') void get().loadAudit();
        get().markListStale();
        void get().refreshLastAudit();
        if (householdId === null) get().navigate({ name: 'household', id: detail.household.id }, { replace: true });
        return { status: 'saved', created: householdId === null };
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const field = e instanceof ApiError && e.field ? editorField(e.field, conv.memberRows) : null;
        patch({
          saving: false,
          ...(field ? { fieldErrors: { [field]: message }, tab: tabOfField(field), focusRequest: focusOn(field) } : {}),
        });
        return { status: 'failed', message };
      }
    },
    acceptRestore() {
      const offer = get().editor.restoreOffer;
      if (!offer) return;
      patch({ draft: offer.draft, restoreOffer: null });
    },
    declineRestore() {
      const s = storage();
      if (s) clearStoredDraft(s, get().editor.householdId ?? null);
      patch({ restoreOffer: null });
    },
    async loadAudit() {
      const id = get().editor.householdId;
      if (!id) return;
      try {
        const audit = await api.audit.ofHousehold({ id });
        if (get().editor.householdId === id) patch({ audit, auditError: null });
      } catch (e) {
        patch({ auditError: e instanceof Error ? e.message : String(e) });
      }
    },
    async reloadDetail() {
      const id = get().editor.householdId;
      if (!id) return;
      const seq = openSeq;
      const detail = await api.households.get({ id });
      if (seq !== openSeq || get().editor.householdId !== id) return;
      patch({ detail, audit: null, auditError: null });
      if (get().editor.tab === 'audit') void get().loadAudit();
      get().markListStale();
      void get().refreshLastAudit();
    },
    discardEditor() {
      clearTimeout(persistTimer);
      const { householdId } = get().editor;
      const s = storage();
      if (s && householdId !== undefined) clearStoredDraft(s, householdId);
      const { baseline } = get().editor;
      patch({ draft: baseline, fieldErrors: {}, restoreOffer: null });
    },
    resetEditor() {
      persist(true);
      openSeq++;
      set({ editor: CLOSED });
    },
  };
};

/** Flushes a pending draft write (before the page unloads). */
export function flushDraftNow(state: { editor: EditorState }, archive: string): void {
  const { draft, baseline, householdId } = state.editor;
  const s = storage();
  if (!s || !draft || !baseline || householdId === undefined || draftsEqual(draft, baseline)) return;
  saveStoredDraft(s, { archive, householdId, label: labelOf(draft), savedAt: new Date().toISOString(), draft });
}
