// The import screen's state, kept outside the screen so a running check or import (and the
// preview it produced) survives a visit to another screen: the chosen file, the last check's
// answer, the clerk's column matching, the choices before importing, the running job.
import { create } from 'zustand';
import type { ImportableColumn, ImportResultView } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import { runJob } from '../../editor/import-job.ts';
import type { JobProgress, RunningJob } from '../../editor/import-job.ts';
import { draftFromColumns, mappingToSend, missingRequired, rememberedMapping, resetToAuto, setColumn } from '../../editor/import-mapping.ts';
import type { MappingDraft } from '../../editor/import-mapping.ts';
import type { StepKey } from '../../editor/import-view.ts';
import { useStore } from '../../store/index.ts';
import { saveBase64 } from './save-file.ts';

/** 导入后问题清单-花名册.xlsx for 花名册.xlsx. */
const qualityFileName = (fileName: string): string => `导入后问题清单-${fileName.replace(/\.xlsx$/i, '')}.xlsx`;

export interface RosterFile {
  fileName: string;
  dataBase64: string;
}

export interface Running {
  kind: 'check' | 'apply';
  progress: JobProgress;
  job: RunningJob<ImportResultView> | null;
}

export interface Notice {
  type: 'error' | 'info';
  text: string;
}

interface FlowState {
  /** The archive the flow belongs to: another archive starts afresh. */
  archiveFile: string | null;
  step: StepKey;
  file: RosterFile | null;
  year: number | null;
  /** The last check's answer and the corrections it was made with (null: automatic / remembered). */
  checked: ImportResultView | null;
  /** Counts the answers, to start their tables afresh. */
  checkNo: number;
  sentMapping: Record<string, string | null> | null;
  remembered: MappingDraft;
  draft: MappingDraft;
  importable: ImportableColumn[];
  removeMissing: boolean;
  skipRejected: boolean;
  running: Running | null;
  notice: Notice | null;
  done: ImportResultView | null;
}

interface FlowActions {
  bindArchive: (file: string | null) => void;
  loadImportable: () => Promise<void>;
  setYear: (year: number | null) => void;
  pick: (file: RosterFile) => Promise<void>;
  recheck: () => Promise<void>;
  setColumn: (header: string, key: string | null) => void;
  resetColumns: () => void;
  goTo: (step: StepKey) => void;
  setRemoveMissing: (on: boolean) => void;
  setSkipRejected: (on: boolean) => void;
  apply: () => Promise<void>;
  /** Runs the preview again for the workbook of every 导入后数据检查 finding and saves it. */
  exportQuality: () => Promise<void>;
  cancel: () => void;
  restart: () => void;
}

const fresh = (): Omit<FlowState, 'archiveFile' | 'importable' | 'year'> => ({
  step: 'pick',
  file: null,
  checked: null,
  checkNo: 0,
  sentMapping: null,
  remembered: {},
  draft: {},
  removeMissing: false,
  skipRejected: false,
  running: null,
  notice: null,
  done: null,
});

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export const useImportFlow = create<FlowState & FlowActions>()((set, get) => {
  /** Runs one job with the bar; null when it failed or was cancelled (the notice says why). */
  const withJob = async (kind: Running['kind'], call: (jobId: string) => Promise<ImportResultView>): Promise<ImportResultView | null> => {
    const job = runJob({
      api: { status: (id) => api.jobs.status({ id }), cancel: (id) => api.jobs.cancel({ id }) },
      kind,
      call,
      onProgress: (progress) => {
        const r = get().running;
        if (r && r.kind === kind) set({ running: { ...r, progress } });
      },
    });
    set({ running: { kind, progress: { label: '正在上传文件', fraction: 0, cancelling: false }, job }, notice: null });
    try {
      return await job.result;
    } catch (e) {
      set({ notice: { type: /已取消/.test(messageOf(e)) ? 'info' : 'error', text: messageOf(e) } });
      return null;
    } finally {
      set({ running: null });
    }
  };

  const check = async (file: RosterFile, mapping: Record<string, string | null> | null): Promise<void> => {
    const { year } = get();
    const archive = get().archiveFile;
    const r = await withJob('check', (jobId) => api.imports.check({ ...file, mapping, year, jobId }));
    if (!r || get().archiveFile !== archive || get().file !== file) return;
    await get().loadImportable();
    const draft = draftFromColumns(r.columns);
    const missing = r.columns.length > 0 && missingRequired(r.columns, draft, get().importable).length > 0;
    set({
      checked: r,
      checkNo: get().checkNo + 1,
      sentMapping: mapping,
      draft,
      ...(mapping === null ? { remembered: rememberedMapping(r.columns) } : {}),
      removeMissing: false,
      skipRejected: false,
      step: missing ? 'columns' : 'preview',
    });
  };

  return {
    archiveFile: null,
    year: null,
    importable: [],
    ...fresh(),

    bindArchive(file) {
      if (get().archiveFile === file) return;
      get().running?.job?.cancel();
      set({ archiveFile: file, ...fresh() });
    },

    async loadImportable() {
      if (get().importable.length) return;
      try {
        set({ importable: await api.imports.columns({}) });
      } catch (e) {
        set({ notice: { type: 'error', text: messageOf(e) } });
      }
    },

    setYear(year) {
      set({ year });
    },

    async pick(file) {
      if (get().running) return;
      set({ ...fresh(), file, step: 'pick' });
      await check(file, null);
    },

    async recheck() {
      const { file, checked, draft, running } = get();
      if (!file || running) return;
      await check(file, checked ? mappingToSend(checked.columns, draft) : null);
    },

    setColumn(header, key) {
      set({ draft: setColumn(get().draft, header, key) });
    },

    resetColumns() {
      const c = get().checked;
      if (c) set({ draft: resetToAuto(c.columns) });
    },

    goTo(step) {
      if (get().running) return;
      set({ step, notice: null });
    },

    setRemoveMissing(on) {
      set({ removeMissing: on });
    },

    setSkipRejected(on) {
      set({ skipRejected: on });
    },

    async apply() {
      const { file, checked, sentMapping, year, removeMissing, skipRejected, running } = get();
      if (!file || !checked || running) return;
      set({ step: 'import' });
      const r = await withJob('apply', (jobId) => api.imports.apply({ ...file, mapping: sentMapping, year, jobId, removeMissing, skipRejected, planStamp: checked.planStamp }));
      // Whatever happened, the lists may have changed.
      const st = useStore.getState();
      st.markListStale();
      await Promise.all([st.loadVillages().catch(() => undefined), st.refreshLastAudit().catch(() => undefined)]);
      if (!r) {
        set({ step: 'preview' });
        return;
      }
      if (r.refused) {
        // Something changed between the check and the import: show the new answer.
        set({ step: 'preview', checked: r, checkNo: get().checkNo + 1, notice: { type: 'error', text: '导入被拒绝，档案没有任何改动。请看下面的问题。' } });
        return;
      }
      set({ step: 'done', done: r });
    },

    async exportQuality() {
      const { file, checked, sentMapping, year, running } = get();
      if (!file || !checked?.quality || running) return;
      const r = await withJob('check', (jobId) => api.imports.check({ ...file, mapping: sentMapping, year, jobId, qualityWorkbook: true }));
      const book = r?.quality?.workbookBase64;
      if (book) saveBase64(qualityFileName(file.fileName), book);
      else if (r) set({ notice: { type: 'info', text: '导入后数据检查没有问题，没有导出。' } });
    },

    cancel() {
      get().running?.job?.cancel();
    },

    restart() {
      if (get().running) return;
      set({ ...fresh() });
    },
  };
});
