// Test helper, preloaded into the real CLI (`node --import tsx --import kill-probe.ts
// bin/relief-archive.mjs import …`) by core/import/kill.test.ts, so a SIGKILL can be made to
// land at a known moment of the import's transaction instead of by luck:
//
// - RELIEF_PROBE_AT=N: after the statement that wrote the N-th member row inside a transaction,
//   print "PROBE mid-transaction members=M" (M ≥ N: a multi-row INSERT writes several) on
//   stderr (with RELIEF_PROBE_HOLD=1, then wait there);
// - always: just before the COMMIT of the transaction that wrote members, print "PROBE commit"
//   and wait there — so the kill can never come after the commit, whatever the machine's load;
// - RELIEF_PROBE_CACHE=PAGES: a small page cache, so uncommitted pages spill into the -wal
//   file while the transaction runs (better-sqlite3's default cache holds 16 MB) and the
//   kill leaves real uncommitted frames on disk for the next open to discard.
//
// "Waiting" is a blocking read of stdin, which the test keeps open and never writes: only
// the kill ends it. Nothing here changes what the importer writes.
import { readSync, writeSync } from 'node:fs';
import { hookStatementRuns } from '../../../db/testing.ts';

const at = Number(process.env.RELIEF_PROBE_AT ?? 0);
const hold = process.env.RELIEF_PROBE_HOLD === '1';
const cache = Number(process.env.RELIEF_PROBE_CACHE ?? 0);

function wait(): never {
  const buf = Buffer.alloc(1);
  for (;;) {
    try {
      if (readSync(0, buf, 0, 1, null) === 0) break; // stdin closed: the test is gone
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') break;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
  writeSync(2, 'PROBE released without a kill\n');
  process.exit(99);
}

let members = 0;
hookStatementRuns({
  before(s) {
    if (s.kind === 'begin' && cache > 0) s.setCacheSize(cache);
    if (s.kind === 'commit' && members > 0) {
      writeSync(2, `PROBE commit members=${members}\n`);
      wait();
    }
  },
  after(s, changes) {
    if (!(s.inTransaction && s.kind === 'insert' && s.table === 'members')) return;
    const before = members;
    members += changes;
    if (before < at && members >= at) {
      writeSync(2, `PROBE mid-transaction members=${members}\n`);
      if (hold) wait();
    }
  },
});
