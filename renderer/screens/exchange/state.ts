// The exchange screens' state kept outside the screens, so a running package job (and what it
// produced: the result, the passphrase shown once, the preview) survives a visit to another
// screen. One job at a time: packing, checking or importing a package. Switching archives
// starts afresh (and asks a running job to stop).
import { create } from 'zustand';
import type { PackageInfoView, PackResultView, UnpackResultView } from '../../../shared/api/index.ts';
import { ApiError } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import { runJob } from '../../editor/import-job.ts';
import type { JobProgress, RunningJob } from '../../editor/import-job.ts';
import type { ImportChoices, Outcome } from '../../editor/exchange-import.ts';

/** The bar's words until the archive reports the job. */
const START_LABEL = '正在开始';

export type JobKey = 'pack' | 'preview' | 'unpack' | 'review';

export interface Running {
  key: JobKey;
  /** What the bar says before the label: 正在制作报送数据包 … */
  title: string;
  progress: JobProgress;
  job: RunningJob<unknown> | null;
  cancelWanted: boolean;
}

export interface Failure {
  message: string;
  details: string[];
  cancelled: boolean;
}

export type JobResult<T> = { ok: true; value: T } | ({ ok: false } & Failure);

export interface ReceiveState {
  path: string;
  info: PackageInfoView | null;
  inspecting: boolean;
  inspectError: Failure | null;
  choices: ImportChoices;
  preview: UnpackResultView | null;
  previewError: Failure | null;
  outcome: { outcome: Outcome; result: UnpackResultView | null } | null;
}

const freshReceive = (): ReceiveState => ({
  path: '',
  info: null,
  inspecting: false,
  inspectError: null,
  choices: { passphrase: '', accepted: false },
  preview: null,
  previewError: null,
  outcome: null,
});

interface ExchangeState {
  archiveFile: string | null;
  running: Running | null;
  /** The last township export or review result made here, until the clerk closes it. */
  packed: { key: 'pack' | 'review'; townshipId: string | null; result: PackResultView } | null;
  packError: { key: 'pack' | 'review'; townshipId: string | null; failure: Failure } | null;
  receive: ReceiveState;
  /** Bumped after anything that changes the archive's exchange lists, so screens re-read them. */
  version: number;
}

interface ExchangeActions {
  bindArchive: (file: string | null) => void;
  run: <T>(key: JobKey, title: string, call: (jobId: string) => Promise<T>) => Promise<JobResult<T>>;
  cancel: () => void;
  pack: (key: 'pack' | 'review', townshipId: string | null, title: string, call: (jobId: string) => Promise<PackResultView>) => Promise<void>;
  clearPacked: () => void;
  setReceive: (patch: Partial<ReceiveState>) => void;
  resetReceive: () => void;
  bump: () => void;
}

export function failureOf(e: unknown, cancelWanted = false): Failure {
  const message = e instanceof Error ? e.message : String(e);
  const details = e instanceof ApiError ? e.details : [];
  const cancelled = cancelWanted || /已取消/.test(message);
  return { message: cancelled ? '已取消，没有写入任何内容。' : message, details: cancelled ? [] : details, cancelled };
}

let jobCounter = 0;
const jobIdOf = (key: JobKey): string => `exc-${key}-${Date.now().toString(36)}-${(jobCounter++).toString(36)}`;

export const useExchange = create<ExchangeState & ExchangeActions>()((set, get) => ({
  archiveFile: null,
  running: null,
  packed: null,
  packError: null,
  receive: freshReceive(),
  version: 0,

  bindArchive(file) {
    if (get().archiveFile === file) return;
    get().running?.job?.cancel();
    set({ archiveFile: file, running: null, packed: null, packError: null, receive: freshReceive(), version: get().version + 1 });
  },

  async run(key, title, call) {
    if (get().running) return { ok: false, message: '另一项数据包操作正在进行，请等它完成或取消后再试。', details: [], cancelled: false };
    const archive = get().archiveFile;
    const job = runJob({
      api: { status: (id) => api.jobs.status({ id }), cancel: (id) => api.jobs.cancel({ id }) },
      kind: 'apply',
      id: jobIdOf(key),
      startLabel: START_LABEL,
      call,
      onProgress: (progress) => {
        const r = get().running;
        if (r && r.key === key) set({ running: { ...r, progress } });
      },
    });
    set({ running: { key, title, progress: { label: START_LABEL, fraction: 0, cancelling: false }, job, cancelWanted: false } });
    try {
      return { ok: true, value: await job.result };
    } catch (e) {
      return { ok: false, ...failureOf(e, get().running?.cancelWanted ?? false) };
    } finally {
      if (get().archiveFile === archive) set({ running: null, version: get().version + 1 });
    }
  },

  cancel() {
    const r = get().running;
    if (!r || r.cancelWanted) return;
    set({ running: { ...r, cancelWanted: true } });
    r.job?.cancel();
  },

  async pack(key, townshipId, title, call) {
    set({ packed: null, packError: null });
    const r = await get().run(key, title, call);
    if (r.ok) set({ packed: { key, townshipId, result: r.value } });
    else set({ packError: { key, townshipId, failure: r } });
  },

  clearPacked() {
    set({ packed: null, packError: null });
  },

  setReceive(patch) {
    set({ receive: { ...get().receive, ...patch } });
  },

  resetReceive() {
    if (get().running) return;
    set({ receive: freshReceive() });
  },

  bump() {
    set({ version: get().version + 1 });
  },
}));
