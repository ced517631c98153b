// Who is logged in and which archive is open (all from archive.session: the renderer keeps no
// operator of its own); the login, lock and password calls; the recovery code shown once after
// creating or encrypting an archive; the villages (needed by filters and forms); the newest
// change that can be undone (the header's 撤销 button).
import type { AuditEntryView, SessionState, UndoResult, VillageView } from '../../shared/api/index.ts';
import type { InputOf } from '../../shared/api/index.ts';
import type { Api } from '../../shared/api/index.ts';
import { api } from '../api.ts';
import type { Slice } from './types.ts';

/** Shown once after create or upgrade until the chief confirms it is written down. */
export interface RecoveryNotice {
  code: string;
  /** After an upgrade: the plain copy taken before encrypting (personal data in clear). */
  plainBackup: string | null;
}

export interface SessionSlice {
  session: SessionState | null;
  sessionError: string | null;
  recovery: RecoveryNotice | null;
  villages: VillageView[];
  lastAudit: AuditEntryView | null;
  loadSession: () => Promise<void>;
  openArchive: (file: string) => Promise<void>;
  createArchive: (input: InputOf<Api['archive']['create']>) => Promise<void>;
  login: (input: InputOf<Api['archive']['login']>) => Promise<void>;
  recover: (input: InputOf<Api['archive']['recover']>) => Promise<void>;
  /** Runs the upgrade's call (started by the caller with its job id, for the progress bar). */
  finishUpgrade: (result: SessionState & { recoveryCode: string; plainBackup: string }) => Promise<void>;
  dismissRecovery: () => void;
  lockArchive: () => Promise<void>;
  changePassword: (input: InputOf<Api['archive']['changePassword']>) => Promise<void>;
  closeArchive: () => Promise<void>;
  loadVillages: () => Promise<void>;
  refreshLastAudit: () => Promise<void>;
  undoLast: () => Promise<UndoResult>;
}

/** The archive a session is about, open or waiting for its login. */
const fileOf = (s: SessionState | null | undefined): string | null => s?.archive?.file ?? s?.pending?.file ?? null;

/** Only the session's own fields: a create or upgrade answer also carries its recovery code, which must not linger in the store. */
function sessionOnly(s: SessionState): SessionState {
  return {
    operator: s.operator,
    role: s.role,
    roleLabel: s.roleLabel,
    pending: s.pending,
    idleLockMinutes: s.idleLockMinutes,
    archive: s.archive,
    recent: s.recent,
    dataDir: s.dataDir,
    today: s.today,
    damaged: s.damaged,
  };
}

export const createSessionSlice: Slice<SessionSlice> = (set, get) => {
  /** A new session state: when the archive changed or closed, everything read from the old one goes. */
  const adopt = async (next: SessionState): Promise<void> => {
    const s = sessionOnly(next);
    const prev = get().session;
    const before = fileOf(prev);
    const otherArchive = before !== fileOf(s);
    const wasOpen = !!prev?.archive;
    const reopened = !!s.archive && (!wasOpen || prev.archive?.file !== s.archive.file);
    // Before the new session is set: a pending draft is still filed under the old archive.
    if (otherArchive || (wasOpen && !s.archive)) get().resetEditor();
    set({ session: s, sessionError: null });
    // Another archive: start at its overview (on the first load the address bar decides). A
    // lock and the same archive's login keep the screen the clerk was on.
    if (otherArchive && prev != null && typeof window !== 'undefined') {
      window.history.replaceState({ screen: { name: 'overview' } }, '', '#/overview');
      set({ screen: { name: 'overview' } });
    }
    if (otherArchive || reopened || !s.archive) {
      get().resetList();
      set({ villages: [], lastAudit: null });
    }
    if (reopened) await Promise.all([get().loadVillages(), get().refreshLastAudit()]);
  };
  return {
    session: null,
    sessionError: null,
    recovery: null,
    villages: [],
    lastAudit: null,
    async loadSession() {
      try {
        await adopt(await api.archive.session({}));
      } catch (e) {
        set({ sessionError: e instanceof Error ? e.message : String(e) });
      }
    },
    async openArchive(file) {
      await adopt(await api.archive.open({ file }));
    },
    async createArchive(input) {
      const r = await api.archive.create(input);
      set({ recovery: { code: r.recoveryCode, plainBackup: null } });
      await adopt(r);
    },
    async login(input) {
      await adopt(await api.archive.login(input));
    },
    async recover(input) {
      await adopt(await api.archive.recover(input));
    },
    async finishUpgrade(r) {
      set({ recovery: { code: r.recoveryCode, plainBackup: r.plainBackup } });
      await adopt(r);
    },
    dismissRecovery() {
      set({ recovery: null });
    },
    async lockArchive() {
      await adopt(await api.archive.lock({}));
    },
    async changePassword(input) {
      await adopt(await api.archive.changePassword(input));
    },
    async closeArchive() {
      set({ recovery: null });
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
