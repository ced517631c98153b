// The 打印文档 screen's state, kept while the clerk visits other screens: the choices, the last
// preview (as a blob URL), a running save with its progress bar, and what to tell the clerk.
import { create } from 'zustand';
import type { DocumentFile, DocumentKind, DocumentKindView, DocumentPreview, DocumentRequestInput } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import { chooseKind, emptyForm, requestKey } from '../../editor/documents-form.ts';
import type { DocForm, DocOptionsForm } from '../../editor/documents-form.ts';
import { runJob } from '../../editor/import-job.ts';
import type { JobProgress, RunningJob } from '../../editor/import-job.ts';
import { batchPrintNotice, docJobId, errorText, isCancelled, isExistingFile } from '../../editor/documents-output.ts';
import { blobUrlOf } from './pdf-frame.ts';

export interface ShownPreview {
  key: string;
  result: DocumentPreview;
  url: string;
}

export interface Notice {
  type: 'success' | 'info' | 'warning' | 'error';
  text: string;
}

export interface RunningSave {
  progress: JobProgress;
  job: RunningJob<unknown>;
  /** A file being written, or a document on its way to the printer (Electron's print bridge). */
  what: 'save' | 'print';
}

export type SaveOutcome = 'done' | 'exists' | 'cancelled' | 'failed';

interface DocsState {
  archiveFile: string | null;
  kinds: DocumentKindView[];
  kindsError: string | null;
  form: DocForm;
  /** What the clerk typed as the file; null: the name offered. */
  outPath: string | null;
  /** Labels of chosen records the lists may not hold any more (a household found by search). */
  householdLabel: string | null;
  preview: ShownPreview | null;
  previewing: boolean;
  previewError: string | null;
  running: RunningSave | null;
  notice: Notice | null;
  saved: DocumentFile | null;
}

interface DocsActions {
  bindArchive: (file: string | null) => void;
  loadKinds: () => Promise<void>;
  setForm: (form: DocForm) => void;
  /** From another screen (统计看板 → 保存挂图): start with this document chosen. */
  presetKind: (kind: DocumentKind, options?: Partial<DocOptionsForm>) => void;
  setOutPath: (path: string | null) => void;
  setHouseholdLabel: (label: string | null) => void;
  showPreview: (req: DocumentRequestInput) => Promise<ShownPreview | null>;
  save: (req: DocumentRequestInput, out: string, overwrite: boolean) => Promise<SaveOutcome>;
  /** Electron: the whole document through the system print dialog (print.document). */
  printDialog: (req: DocumentRequestInput) => Promise<void>;
  /** Electron: one silent print job per household, to the printer chosen once (print.households). */
  printAll: (req: DocumentRequestInput, printer: { name: string; label: string }) => Promise<void>;
  cancelSave: () => void;
  clearNotice: () => void;
}

const fresh = () => ({
  form: emptyForm(),
  outPath: null,
  householdLabel: null,
  preview: null,
  previewing: false,
  previewError: null,
  running: null,
  notice: null,
  saved: null,
});

let pending: { kind: DocumentKind; options: Partial<DocOptionsForm> } | null = null;

export const useDocuments = create<DocsState & DocsActions>()((set, get) => {
  const dropPreview = (): void => {
    const p = get().preview;
    if (p) URL.revokeObjectURL(p.url);
  };
  /** One long call at a time, as a job with its progress bar and 取消; null when one is already running. */
  const runDoc = async <T>(what: RunningSave['what'], call: (jobId: string) => Promise<T>): Promise<T | null> => {
    if (get().running) return null;
    const startLabel = '正在准备';
    const job = runJob({
      api: { status: (id) => api.jobs.status({ id }), cancel: (id) => api.jobs.cancel({ id }) },
      kind: 'apply',
      id: docJobId(),
      startLabel,
      call,
      onProgress: (progress) => {
        const r = get().running;
        if (r) set({ running: { ...r, progress } });
      },
    });
    set({ running: { job, what, progress: { label: startLabel, fraction: 0, cancelling: false } }, notice: null, saved: null });
    try {
      return await job.result;
    } finally {
      set({ running: null });
    }
  };

  return {
    archiveFile: null,
    kinds: [],
    kindsError: null,
    ...fresh(),

    bindArchive(file) {
      if (get().archiveFile === file) return;
      get().running?.job.cancel();
      dropPreview();
      set({ archiveFile: file, ...fresh() });
    },

    async loadKinds() {
      if (get().kinds.length === 0) {
        try {
          set({ kinds: await api.documents.kinds({}), kindsError: null });
        } catch (e) {
          set({ kindsError: errorText(e) });
          return;
        }
      }
      if (pending) get().presetKind(pending.kind, pending.options);
    },

    setForm(form) {
      // Another document: its preview would only mislead.
      if (form.kind !== get().form.kind) {
        dropPreview();
        set({ preview: null, previewError: null });
      }
      set({ form, saved: null, notice: null });
    },

    presetKind(kind, options = {}) {
      const view = get().kinds.find((k) => k.kind === kind);
      pending = view ? null : { kind, options };
      if (!view) return;
      const form = chooseKind(get().form, view);
      get().setForm({ ...form, options: { ...form.options, ...options } });
    },

    setOutPath(outPath) {
      set({ outPath });
    },

    setHouseholdLabel(householdLabel) {
      set({ householdLabel });
    },

    async showPreview(req) {
      const key = requestKey(req);
      const archive = get().archiveFile;
      set({ previewing: true, previewError: null, notice: null, saved: null });
      try {
        const result = await api.documents.preview({ ...req, jobId: null });
        if (get().archiveFile !== archive) return null;
        dropPreview();
        const shown = { key, result, url: blobUrlOf(result.dataBase64, result.mime) };
        set({ preview: shown });
        return shown;
      } catch (e) {
        set({ previewError: errorText(e) });
        return null;
      } finally {
        set({ previewing: false });
      }
    },

    async save(req, out, overwrite) {
      try {
        const saved = await runDoc('save', (jobId) => api.documents.render({ ...req, out, overwrite, jobId }));
        if (!saved) return 'failed';
        set({ saved });
        return 'done';
      } catch (e) {
        if (isExistingFile(e)) return 'exists';
        set({ notice: { type: isCancelled(e) ? 'info' : 'error', text: errorText(e) } });
        return isCancelled(e) ? 'cancelled' : 'failed';
      }
    },

    async printDialog(req) {
      try {
        const r = await runDoc('print', (jobId) => api.print.document({ ...req, jobId }));
        if (r) set({ notice: r.printed ? { type: 'success', text: `已送往打印机：${r.title}${r.pages ? `（共 ${r.pages} 页）` : ''}。` } : { type: 'info', text: '没有打印：打印对话框已关闭。' } });
      } catch (e) {
        set({ notice: { type: isCancelled(e) ? 'info' : 'error', text: errorText(e) } });
      }
    },

    async printAll(req, printer) {
      try {
        const r = await runDoc('print', (jobId) => api.print.households({ ...req, deviceName: printer.name, jobId }));
        if (r) set({ notice: batchPrintNotice(r, printer.label) });
      } catch (e) {
        set({ notice: { type: isCancelled(e) ? 'info' : 'error', text: errorText(e) } });
      }
    },

    cancelSave() {
      get().running?.job.cancel();
    },

    clearNotice() {
      set({ notice: null });
    },
  };
});
