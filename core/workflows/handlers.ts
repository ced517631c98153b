// The workflow and monitoring endpoints of the contract, on top of the use cases: each write
// answers with the fresh view the screen shows next.
import { writeTransaction } from '../../db/handles.ts';
import type { Handlers } from '../api/handlers.ts';
import { candidates } from './candidates.ts';
import { createBatch } from './create.ts';
import { cancelBatch, reopenBatch } from './decisions.ts';
import { batchDetail } from './detail.ts';
import { exitChecks } from './exit-checks.ts';
import { listBatches } from './list.ts';
import { saveMeeting } from './meetings.ts';
import { addByHand, addFitting, removeHousehold } from './membership.ts';
import { monitoringBoard } from './monitoring-board.ts';
import { monitoringDetail, recordCheck, removeRisk, saveRemedy, setRisks } from './monitoring-records.ts';
import { raiseObjection, settleObjection } from './objections.ts';
import { recordOutcome } from './outcomes.ts';
import { listQuotas, saveQuota } from './quotas.ts';
import { listKinds, saveKindSettings } from './settings.ts';
import { setStart } from './start.ts';
import { closeStep, openStep } from './steps.ts';

export const workflowHandlers: Handlers['workflows'] = {
  kinds: (_i, s) => listKinds(s.requireArchive().db),
  saveSettings: (input, s) => saveKindSettings(s.requireArchive().db, s.actor(), input),
  list: ({ asOf, ...q }, s) => listBatches(s.requireArchive().db, q, asOf ?? s.today()),
  get: ({ id, asOf }, s) => batchDetail(s.requireArchive().db, id, asOf ?? s.today()),
  create: (input, s) => {
    const { db } = s.requireArchive();
    return batchDetail(db, createBatch(db, s.actor(), input), s.today());
  },
  setStart: (input, s) => {
    const { db } = s.requireArchive();
    setStart(db, s.actor(), input);
    return batchDetail(db, input.batchId, s.today());
  },
  candidates: ({ batchId, filter }, s) => candidates(s.requireArchive().db, batchId, filter),
  addHouseholds: ({ batchId, on, householdIds, filter, choice, risks }, s) => {
    const { db } = s.requireArchive();
    const actor = s.actor();
    const r = writeTransaction(db, (w) => {
      const byHand = householdIds.length ? addByHand(w, actor, batchId, { householdIds, on, choice, risks }) : 0;
      const found = filter ? candidates(w, batchId, filter).map((c) => c.householdId) : [];
      const fit = found.length ? addFitting(w, actor, batchId, found, { on, choice, risks }) : { added: 0, skipped: [] };
      return { added: byHand + fit.added, skipped: fit.skipped };
    });
    return { ...r, detail: batchDetail(db, batchId, s.today()) };
  },
  removeHousehold: (input, s) => {
    const { db } = s.requireArchive();
    removeHousehold(db, s.actor(), input);
    return batchDetail(db, input.batchId, s.today());
  },
  recordOutcome: (input, s) => {
    const { db } = s.requireArchive();
    recordOutcome(db, s.actor(), input);
    return batchDetail(db, input.batchId, s.today());
  },
  openStep: (input, s) => {
    const { db } = s.requireArchive();
    openStep(db, s.actor(), input);
    return batchDetail(db, input.batchId, s.today());
  },
  closeStep: (input, s) => {
    const { db } = s.requireArchive();
    const r = closeStep(db, s.actor(), input);
    return { ...r, detail: batchDetail(db, input.batchId, s.today()) };
  },
  saveMeeting: (input, s) => {
    const { db } = s.requireArchive();
    saveMeeting(db, s.actor(), input);
    return batchDetail(db, input.batchId, s.today());
  },
  raiseObjection: (input, s) => {
    const { db } = s.requireArchive();
    raiseObjection(db, s.actor(), input);
    return batchDetail(db, input.batchId, s.today());
  },
  settleObjection: (input, s) => {
    const { db } = s.requireArchive();
    return batchDetail(db, settleObjection(db, s.actor(), input), s.today());
  },
  reopen: (input, s) => {
    const { db } = s.requireArchive();
    reopenBatch(db, s.actor(), input);
    return batchDetail(db, input.batchId, s.today());
  },
  cancel: (input, s) => {
    const { db } = s.requireArchive();
    cancelBatch(db, s.actor(), input);
    return batchDetail(db, input.batchId, s.today());
  },
  quotas: ({ year, kind }, s) => listQuotas(s.requireArchive().db, year, kind),
  saveQuota: (input, s) => saveQuota(s.requireArchive().db, s.actor(), input),
  exitCheck: (input, s) => exitChecks(s.requireArchive().db, input),
};

export const monitoringHandlers: Handlers['monitoring'] = {
  board: ({ asOf, ...q }, s) => monitoringBoard(s.requireArchive().db, { ...q, asOf: asOf ?? s.today() }),
  get: ({ householdId, asOf }, s) => monitoringDetail(s.requireArchive().db, householdId, asOf ?? s.today()),
  recordCheck: (input, s) => {
    const { db } = s.requireArchive();
    return monitoringDetail(db, recordCheck(db, s.actor(), input), s.today());
  },
  saveRemedy: (input, s) => {
    const { db } = s.requireArchive();
    return monitoringDetail(db, saveRemedy(db, s.actor(), input), s.today());
  },
  setRisks: (input, s) => setRisks(s.requireArchive().db, s.actor(), input),
  removeRisk: (input, s) => removeRisk(s.requireArchive().db, s.actor(), input),
};

