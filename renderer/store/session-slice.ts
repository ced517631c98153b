// Who is working and which archive is open; the villages (needed by filters and forms); the
// newest change that can be undone (the header's 撤销 button).
import type { AuditEntryView, SessionState, UndoResult, VillageView } from '../../shared/api/index.ts';
import type { InputOf } from '../../shared/api/index.ts';
import type { Api } from '../../shared/api/index.ts';
import { api } from '../api.ts';
import type { Slice } from './types.ts';

export const OPERATOR_KEY = 'relief-archive:operator';

export interface SessionSlice {
  session: SessionState | null;
  sessionError: string | null;
  villages: VillageView[];
  lastAudit: AuditEntryView | null;
  loadSession: () => Promise<void>;
  setOperator: (name: string) => Promise<void>;
  openArchive: (file: string) => Promise<void>;
  createArchive: (input: InputOf<Api['archive']['create']>) => Promise<void>;
  closeArchive: () => Promise<void>;
  loadVillages: () => Promise<void>;
  refreshLastAudit: () => Promise<void>;
  undoLast: () => Promise<UndoResult>;
}

function rememberOperator(name: string | null): void {
  if (!name) return;
  try {
    localStorage.setItem(OPERATOR_KEY, name);
  } catch {
    // storage disabled: the name is still set in the session
  }
}

export const createSessionSlice: Slice<SessionSlice> = (set, get) => {
  /** A new session state: when the archive changed, everything read from the old one goes. */
  const adopt = async (s: SessionState): Promise<void> => {
    const before = get().session?.archive?.file;
    const changed = before !== s.archive?.file;
    // Before the new session is set: a pending draft is still filed under the old archive.
    if (changed) get().resetEditor();
    set({ session: s, sessionError: null });
    // Another archive: start at its overview (on the first load the address bar decides).
    if (changed && before !== undefined && typeof window !== 'undefined') {
      window.history.replaceState({ screen: { name: 'overview' } }, '', '#/overview');
      set({ screen: { name: 'overview' } });
    }
    rememberOperator(s.operator);
    if (changed) {
      get().resetList();
      set({ villages: [], lastAudit: null });
      if (s.archive) await Promise.all([get().loadVillages(), get().refreshLastAudit()]);
    }
  };
  return {
    session: null,
    sessionError: null,
    villages: [],
    lastAudit: null,
    async loadSession() {
      try {
        await adopt(await api.archive.session({}));
      } catch (e) {
        set({ sessionError: e instanceof Error ? e.message : String(e) });
      }
    },
    async setOperator(name) {
      await adopt(await api.archive.setOperator({ name }));
    },
    async openArchive(file) {
      await adopt(await api.archive.open({ file }));
    },
    async createArchive(input) {
      await adopt(await api.archive.create(input));
    },
    async closeArchive() {
      await adopt(await api.archive.close({}));
    },
    async loadVillages() {
      set({ villages: await api.villages.list({}) });
    },
    async refreshLastAudit() {
      try {
        set({ lastAudit: get().session?.archive ? await api.audit.last({}) : null });
      } catch {
        set({ lastAudit: null });
      }
    },
    async undoLast() {
      const result = await api.audit.undoLast({});
      get().markListStale();
      await get().refreshLastAudit();
      return result;
    },
  };
};
