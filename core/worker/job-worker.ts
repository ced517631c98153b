// A job's worker thread (started by core/worker/runner.ts): opens the session's archive on a
// connection of its own with the key it was sent, runs the very handler the dispatcher would
// have run on the main thread (core/api/index.ts — one table for every kind of job), sends
// progress while it works and the result or the error body at the end, and closes the archive.
// It then waits for the next job with its code loaded, holding neither key nor connection.
// A cancel aborts the job's signal; the core's write transaction leaves nothing half written.
// Bundled beside the shells: dist/web/job-worker.mjs, dist/electron/job-worker.cjs.
import { parentPort } from 'node:worker_threads';
import { openArchive } from '../../db/open.ts';
import type { Archive } from '../../db/open.ts';
import { coreHandlers } from '../api/index.ts';
import { errorBody } from '../api/dispatch.ts';
import { damageReason } from '../damage.ts';
import { BACKUP_TASK } from './protocol.ts';
import type { FromWorker, RunMessage, ToWorker } from './protocol.ts';
import { backupArchive } from '../backup.ts';
import type { BackupDone } from '../backup.ts';
import type { Session } from '../session.ts';
import { WorkerJobs, workerSession } from './worker-session.ts';

const backupTask = (input: unknown, s: Session): BackupDone => backupArchive(s.requireArchive(), (input as { out: string }).out);

const port = parentPort;
if (!port) throw new Error('job-worker.ts runs only as a worker thread (core/worker/runner.ts)');
const post = (m: FromWorker): void => port.postMessage(m);
/** The job running now: one at a time per worker; the worker waits for the next when done. */
let controller = new AbortController();

async function run(m: RunMessage): Promise<FromWorker> {
  let archive: Archive | null = null;
  let damage: string | null = null;
  try {
    archive = openArchive(m.file, { key: m.key ? Buffer.from(m.key) : null });
    const handler = m.channel === BACKUP_TASK ? backupTask : coreHandlers().get(m.channel);
    if (!handler) throw new Error(`no handler for ${m.channel}`);
    const session = workerSession(m, archive, new WorkerJobs(controller.signal, post), (reason) => (damage ??= reason));
    return { type: 'done', value: await handler(m.input, session) };
  } catch (e) {
    return { type: 'failed', error: errorBody(e), damage: damageReason(e) ?? damage };
  } finally {
    // Closed before the answer: the next writer queued behind this job finds the file free.
    archive?.close();
  }
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'cancel') {
    controller.abort();
    return;
  }
  controller = new AbortController();
  void run(m).then(post);
});
