// A worker thread of the parallel check (core/check-parallel.ts): opens the archive read-only on
// a connection of its own, with the key sent from the caller's memory (never written anywhere),
// runs every rule over its run of households and sends back their problems and the ID numbers
// its members carry (for Q105, which the caller runs once over the whole archive). It then waits
// for the next check with its code loaded and compiled (a new thread's first run is slower).
// Bundled beside the shells: dist/cli/check-worker.mjs, dist/web/check-worker.mjs,
// dist/electron/check-worker.cjs.
import { parentPort } from 'node:worker_threads';
import { openArchiveReadOnly } from '../../db/open.ts';
import type { Archive } from '../../db/open.ts';
import { DuplicateIds } from '../../db/quality.ts';
import { UserError } from '../../shared/errors.ts';
import { rulesFor } from '../../shared/quality/index.ts';
import type { Problem } from '../../shared/quality/index.ts';
import { checkRun } from '../check.ts';
import type { CheckRun, FromCheckWorker } from './check-protocol.ts';

const port = parentPort;
if (!port) throw new Error('check-worker.ts runs only as a worker thread (core/check-parallel.ts)');
const post = (m: FromCheckWorker): void => port.postMessage(m);

function run(data: CheckRun): FromCheckWorker {
  let archive: Archive | null = null;
  try {
    archive = openArchiveReadOnly(data.file, data.key ? Buffer.from(data.key) : null);
    const setup = { year: data.year, asOf: data.ctx.today, ctx: data.ctx, rules: rulesFor(data.year != null) };
    const problems: Problem[] = [];
    const duplicates = new DuplicateIds();
    checkRun(archive.db, setup, data.heads, problems, duplicates, (done) => post({ type: 'progress', done }));
    return { type: 'done', problems, seen: duplicates.seen() };
  } catch (e) {
    return { type: 'failed', message: e instanceof Error ? e.message : String(e), user: e instanceof UserError };
  } finally {
    // Closed before the answer: an idle worker holds neither key nor connection.
    archive?.close();
  }
}

port.on('message', (data: CheckRun) => post(run(data)));
