// The core's answer to every contract endpoint. Shells call createCoreDispatch(session) and
// carry (channel, input) → envelope; nothing else.
import { auditOfHousehold } from '../../db/repos/audit.ts';
import { groupsOf } from '../../db/repos/households.ts';
import { archiveChoices } from '../archive-list.ts';
import { saveTownshipSettings, townshipSettings } from '../township-settings.ts';
import { verifyAudit } from '../audit.ts';
import { addAttachment, attachmentContent, listAttachments } from '../attachments.ts';
import { deleteMeasure, endPairing, listHelpers, pairHelper, saveHelper, saveMeasure } from '../help.ts';
import { householdDetail } from '../households/detail.ts';
import { applyUpload, checkUpload, importableColumns } from '../import/upload.ts';
import { saveHousehold } from '../households/save.ts';
import { lastUndoable, undoLast } from '../households/undo.ts';
import { cachedCheck, overview, overviewProblems } from '../overview.ts';
import { acknowledge, unacknowledge } from '../check-acks.ts';
import { listWithSearch } from '../households/search.ts';
import type { Session } from '../session.ts';
import { listVillages, saveVillage, saveVillageYear, villageById } from '../villages.ts';
import { monitoringHandlers, workflowHandlers } from '../workflows/handlers.ts';
import { documentHandlers } from '../documents/api.ts';
import { printHandlers } from '../documents/print.ts';
import { exchangeHandlers } from '../exchange-archive/handlers.ts';
import { addOperator, changeOwnPassword, operatorsOf, resetPassword, setIdleMinutes, setOperatorDisabled } from '../accounts/manage.ts';
import { deletePlainBackup } from '../accounts/plain-backup.ts';
import { screeningHandlers } from '../screening/handlers.ts';
import { exportList } from '../lists/export.ts';
import { createDispatcher } from './dispatch.ts';
import type { Dispatch, OffThread } from './dispatch.ts';
import { handlerMap } from './handlers.ts';
import { pathGuardOf } from './path-guard.ts';
import type { HandlerMap, Handlers } from './handlers.ts';

const handlers: Handlers = {
  archive: {
    session: (_i, s) => s.state(),
    settings: (_i, s) => townshipSettings(s.requireArchive().db),
    saveSettings: (input, s) => saveTownshipSettings(s.requireArchive().db, s.actor(), input),
    choices: (_i, s) => archiveChoices(s.dataDir, s.state().recent.map((r) => r.file), pathGuardOf(s).chooser !== null),
    create: async (input, s) => {
      const recoveryCode = await s.create(input);
      return { ...s.state(), recoveryCode };
    },
    open: ({ file }, s) => {
      s.open(file);
      return s.state();
    },
    login: async (creds, s) => {
      await s.login(creds);
      return s.state();
    },
    recover: async ({ recoveryCode, name, password }, s) => {
      await s.recover(recoveryCode, { name, password });
      return s.state();
    },
    upgrade: async ({ admin, jobId }, s) => {
      const r = await s.jobs.run(jobId, '加密档案', (job) => s.upgrade(admin, (label, f) => job.report(label, f), job.signal));
      return { ...s.state(), recoveryCode: r.recoveryCode, plainBackup: r.plainBackup };
    },
    deletePlainBackup: ({ file }, s) => deletePlainBackup(s.requireArchive(), file),
    lock: (_i, s) => {
      s.lock();
      return s.state();
    },
    changePassword: async (input, s) => {
      await changeOwnPassword(s.requireArchive(), s.actor(), input);
      return s.state();
    },
    close: (_i, s) => {
      s.close();
      return s.state();
    },
  },
  accounts: {
    list: (_i, s) => operatorsOf(s.requireArchive()),
    add: (input, s) => addOperator(s.requireArchive(), s.actor(), input),
    resetPassword: (input, s) => resetPassword(s.requireArchive(), s.actor(), input),
    setDisabled: (input, s) => setOperatorDisabled(s.requireArchive(), s.actor(), input),
    setIdleMinutes: ({ minutes }, s) => ({ minutes: setIdleMinutes(s.requireArchive(), s.actor(), minutes) }),
  },
  households: {
    list: (f, s) => listWithSearch(s, f),
    get: ({ id }, s) => householdDetail(s.requireArchive(), id, s.today()),
    save: (draft, s) => {
      const archive = s.requireArchive();
      const id = saveHousehold(archive.db, s.actor(), draft);
      return householdDetail(archive, id, s.today());
    },
    groups: ({ villageId }, s) => groupsOf(s.requireArchive().db, villageId),
  },
  villages: {
    list: (_i, s) => listVillages(s.requireArchive().db),
    get: ({ id }, s) => villageById(s.requireArchive().db, id),
    save: (input, s) => saveVillage(s.requireArchive().db, s.actor(), input),
    saveYear: (input, s) => saveVillageYear(s.requireArchive().db, s.actor(), input),
  },
  overview: {
    get: ({ year }, s) => overview(s, year),
    problems: ({ jobId }, s) => overviewProblems(s, jobId),
  },
  audit: {
    ofHousehold: ({ id }, s) => auditOfHousehold(s.requireArchive().db, id),
    last: (_i, s) => lastUndoable(s.requireArchive().db),
    undoLast: (_i, s) => undoLast(s.requireArchive().db, s.actor()),
    // 核验 checks the file too: a failed integrity check makes the session read-only (core/damage.ts).
    verify: (_i, s) => {
      s.checkIntegrity();
      return verifyAudit(s.requireArchive().db);
    },
  },
  quality: {
    check: ({ villageId }, s) => cachedCheck(s, villageId),
    ack: (input, s) => acknowledge(s.requireArchive(), s.actor(), s.today(), input),
    unack: ({ id }, s) => unacknowledge(s.requireArchive().db, s.actor(), id),
  },
  attachments: {
    list: ({ ownerTable, ownerId }, s) => listAttachments(s.requireArchive().db, ownerTable, ownerId),
    add: (input, s) => addAttachment(s.requireArchive().db, s.actor(), input),
    content: ({ id }, s) => attachmentContent(s.requireArchive().db, id),
  },
  help: {
    helpers: (_i, s) => listHelpers(s.requireArchive().db, s.today()),
    saveHelper: (input, s) => saveHelper(s.requireArchive().db, s.actor(), input),
    pair: (input, s) => pairHelper(s.requireArchive().db, s.actor(), input),
    endPairing: (input, s) => endPairing(s.requireArchive().db, s.actor(), input),
    saveMeasure: (input, s) => saveMeasure(s.requireArchive().db, s.actor(), input),
    deleteMeasure: ({ id }, s) => deleteMeasure(s.requireArchive().db, s.actor(), id),
  },
  imports: {
    columns: () => importableColumns(),
    check: (input, s) => checkUpload(s.requireArchive(), s.actor(), s.jobs, input),
    apply: (input, s) => applyUpload(s.requireArchive(), s.actor(), s.jobs, input),
  },
  jobs: {
    status: ({ id }, s) => s.jobs.status(id),
    cancel: ({ id }, s) => s.jobs.cancel(id),
  },
  workflows: workflowHandlers,
  monitoring: monitoringHandlers,
  documents: documentHandlers,
  exchange: exchangeHandlers,
  files: {
    choose: (input, s) => pathGuardOf(s).pick(input),
  },
  print: printHandlers,
  screening: screeningHandlers,
  lists: {
    export: (input, s) => exportList(s, input),
  },
};

/** Every endpoint's handler by channel: the dispatcher's, and a job worker's (core/worker/job-worker.ts). */
export function coreHandlers(): HandlerMap {
  return handlerMap(handlers);
}

/** `offThread`: runs the contract's long endpoints on worker threads (the shells); without it, in this thread (tests, tools). */
export function createCoreDispatch(session: Session, log?: (e: unknown) => void, offThread: OffThread | null = null): Dispatch {
  return createDispatcher(session, handlerMap(handlers), log, offThread);
}
