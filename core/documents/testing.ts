// Test and script helper: a workflow batch written straight into the tables (the workflow core
// is not needed to print its papers) — steps of the kind, households, the village publicity
// open since a date, a meeting with votes, one household failed at an early step.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Archive } from '../../db/open.ts';
import { writeTransaction } from '../../db/handles.ts';
import type { WorkflowRows } from '../../db/testing.ts';
import { insertWorkflowRows, sqlAll, tempDir } from '../../db/testing.ts';
import { initArchive } from '../archive.ts';
import { generateDemo } from '../demo/index.ts';
import { publicityPeriod } from '../../shared/dates.ts';
import { KINDS } from '../../shared/workflows/kinds.ts';
import type { WorkflowKind } from '../../shared/workflows/kinds.ts';

export interface TestBatch {
  id: string;
  steps: { id: string; step: string; seq: number }[];
  /** Households in the batch, in 户编号 order; the last one failed 入户核实 when `failOne`. */
  householdIds: string[];
}

export function insertTestBatch(
  archive: Archive,
  opts: { kind: WorkflowKind; year: number; villageIds?: string[]; households: number; openStep?: string; startedOn?: string; failOne?: boolean; meeting?: boolean; category?: string },
): TestBatch {
  const stamp = { version: 1, updatedAt: '2026-11-20T08:00:00.000Z', updatedBy: '测试' };
  const def = KINDS[opts.kind];
  const where = opts.villageIds?.length ? `WHERE village_id IN (${opts.villageIds.map(() => '?').join(',')})` : '';
  const ids = sqlAll<{ id: string }>(archive, `SELECT id FROM households ${where} ORDER BY no LIMIT ?`, ...(opts.villageIds ?? []), opts.households).map((r) => r.id);
  const id = randomUUID();
  const startedOn = opts.startedOn ?? '2026-11-20';
  const openAt = def.steps.findIndex((s) => s.code === (opts.openStep ?? 'village-publicity'));
  const rows: WorkflowRows = {
    batch: { id, ...stamp, kind: opts.kind, year: opts.year, villageId: opts.villageIds?.length === 1 ? opts.villageIds[0]! : null, title: `${opts.year}年${def.titleNoun}`, status: 'open', createdOn: '2026-11-01' },
    steps: def.steps.map((s, i) => ({
      id: randomUUID(),
      ...stamp,
      batchId: id,
      seq: i + 1,
      step: s.code,
      isPublicity: s.publicity,
      minDays: s.publicity ? def.publicityDays : null,
      status: i < openAt ? 'closed' : i === openAt ? 'open' : 'pending',
      startedOn: i <= openAt ? (i === openAt ? startedOn : '2026-11-05') : null,
      endsOn: i === openAt && s.publicity ? publicityPeriod(startedOn, def.publicityDays).end : null,
      closedOn: i < openAt ? '2026-11-10' : null,
    })),
    households: ids.map((householdId) => ({ id: randomUUID(), ...stamp, batchId: id, householdId, category: opts.category ?? def.choice?.options[0] ?? null, addedOn: '2026-11-01' })),
    outcomes: [],
    meetings: [],
    votes: [],
  };
  const steps = rows.steps.map((s) => ({ id: s.id, step: s.step, seq: s.seq }));
  const members = rows.households.map((bh) => bh.id);
  const verification = steps.find((s) => s.step === 'verification' || s.step === 'township-check');
  if (opts.failOne && verification && members.length > 1) {
    rows.outcomes.push({ id: randomUUID(), ...stamp, stepId: verification.id, batchHouseholdId: members[members.length - 1]!, outcome: 'fail', reason: '收入超过标准', decidedOn: '2026-11-08' });
  }
  if (opts.meeting) {
    const meetingId = randomUUID();
    const step = steps.find((s) => def.steps[s.seq - 1]!.meeting);
    rows.meetings.push({ id: meetingId, ...stamp, batchId: id, stepId: step?.id ?? null, heldOn: '2026-11-06', place: '村委会会议室', host: '王支书', recorder: '李文书', attendeesCount: 30, entitledCount: 40, attendees: '村民代表30人', minutes: '村民代表逐户发言，对拟评议对象的家庭收入和住房情况进行了讨论。', result: '同意上报乡镇审核。' });
    members.forEach((bh, i) => rows.votes.push({ id: randomUUID(), ...stamp, meetingId, batchHouseholdId: bh, votesFor: i === 0 ? 12 : 25, votesAgainst: i === 0 ? 15 : 3, abstentions: i === 0 ? 3 : 2 }));
  }
  writeTransaction(archive.db, (w) => insertWorkflowRows(w, rows));
  return { id, steps, householdIds: ids };
}

export const TEST_AS_OF = '2026-11-24';

export interface DocFixture {
  archive: Archive;
  dir: string;
  file(name: string): string;
  dispose(): void;
}

/** A small demo township (3 villages unless asked) in a temp folder, for the document tests. */
export function documentsFixture(households = 150, seed = 'docs', villages = 3): DocFixture {
  const dir = tempDir('docs-');
  const actor = { operator: '测试', now: () => new Date(`${TEST_AS_OF}T08:00:00Z`) };
  const archive = initArchive({ file: join(dir, 'archive.db'), name: '青山镇', code: '511922101000', county: '示例县', province: '四川省' }, actor);
  generateDemo(archive, { villages, households, seed, asOf: TEST_AS_OF, actor, plant: false });
  return {
    archive,
    dir,
    file: (name) => join(dir, name),
    dispose() {
      archive.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
