// The documents endpoints of the contract: kinds, preview (bytes), render (a file, as a job
// with progress and cancel through the session's jobs), and the wall-chart dashboard view.
import { join } from 'node:path';
import type { DocumentRequest } from '../../shared/api/documents.ts';
import type { Handlers } from '../api/handlers.ts';
import type { Job } from '../jobs.ts';
import { contactsView, saveContacts } from './contacts.ts';
import { docContext } from './context.ts';
import { DOCUMENTS, documentKinds, renderDocument, renderToBuffer } from './index.ts';
import type { DocJob } from './types.ts';
import { wallChartView } from './wallchart.ts';

/** A preview of a batch shows its first records only. */
export const PREVIEW_RECORDS = 5;

function hooks(job: Job, label: string): DocJob {
  return { signal: job.signal, onProgress: (done, total) => job.report(`${label}（${done}/${total}）`, total ? done / total : 1) };
}

/** Where a document goes when the clerk did not choose: the 文档 folder of the data folder. */
export function defaultOutput(dataDir: string, req: Pick<DocumentRequest, 'kind' | 'format' | 'scope'>, now: Date): string {
  const label = DOCUMENTS[req.kind].label.replace(/[\s/\\:*?"<>|]/g, '');
  const scope = req.scope.householdNo ?? req.scope.villageCode ?? (req.scope.batchId ? `批次${req.scope.batchId.slice(0, 8)}` : '全镇');
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return join(dataDir, '文档', `${label}_${scope}_${stamp}.${req.format}`);
}

export const documentHandlers: Handlers['documents'] = {
  contacts: (_i, s) => contactsView(s.requireArchive().db),
  saveContacts: (input, s) => saveContacts(s.requireArchive().db, s.actor(), input),
  kinds: () => documentKinds(),
  preview: ({ jobId, ...req }, s) =>
    s.jobs.run(jobId, `预览${DOCUMENTS[req.kind].label}`, async (job) => {
      const r = await renderToBuffer(s.requireArchive(), { ...req, asOf: req.asOf ?? s.today() }, { ...hooks(job, '预览'), limit: PREVIEW_RECORDS });
      return { ...r.result, mime: r.mime, dataBase64: r.data.toString('base64'), truncated: r.truncated };
    }),
  render: ({ jobId, out, overwrite, ...req }, s) => {
    const label = `生成${DOCUMENTS[req.kind].label}`;
    return s.jobs.run(jobId, label, (job) => renderDocument(s.requireArchive(), { ...req, asOf: req.asOf ?? s.today() }, { out: out ?? defaultOutput(s.dataDir, req, s.clock.now()), overwrite }, hooks(job, label)));
  },
  wallchart: ({ year, asOf }, s) => wallChartView(docContext(s.requireArchive(), { year, asOf: asOf ?? s.today() })),
};
