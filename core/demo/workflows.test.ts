// The demo's batches and monitoring checks: one batch of each kind at a different step, the
// announced identification batch behind its households' history, an objection, a quota
// exceeded, a meeting short of two thirds, and monitoring objects at every level.
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../db/open.ts';
import { rowsWhere, tempDir } from '../../db/testing.ts';
import { initArchive } from '../archive.ts';
import { checkArchive } from '../check.ts';
import type { Actor } from '../context.ts';
import { batchDetail } from '../workflows/detail.ts';
import { listBatches } from '../workflows/list.ts';
import { monitoringBoard } from '../workflows/monitoring-board.ts';
import { generateDemo } from './index.ts';
import type { DemoResult } from './index.ts';

const AS_OF = '2026-11-24';
const actor: Actor = { operator: '演示员', now: () => new Date(`${AS_OF}T08:00:00Z`) };
let dir: string;
let archive: Archive;
let result: DemoResult;

beforeAll(() => {
  dir = tempDir('relief-demo-flows-');
  archive = initArchive({ file: join(dir, 'a.db'), name: '青山镇', code: '511922101000', county: '仁寿县', province: '四川省' }, actor);
  result = generateDemo(archive, { villages: 3, households: 240, seed: 'flows', asOf: AS_OF, actor });
});
afterAll(() => {
  archive.close();
  rmSync(dir, { recursive: true, force: true });
});

const byKind = () => new Map(listBatches(archive.db, {}, AS_OF).map((b) => [b.kind, b]));

describe('demo workflows', () => {
  it('creates one batch of each kind, at different steps', () => {
    const batches = byKind();
    expect(result.batches).toBe(6);
    expect([...batches.keys()].sort()).toEqual(['edge', 'exit', 'identification', 'monitoring', 'return', 'risk-removal']);
    expect(batches.get('identification')).toMatchObject({ status: 'closed', currentStep: null });
    expect(batches.get('edge')!.currentStep).toMatchObject({ seq: 4, label: '村级公示', status: 'open' });
    expect(batches.get('exit')!.currentStep).toMatchObject({ seq: 2, label: '乡镇核查' });
    expect(batches.get('monitoring')!.currentStep).toMatchObject({ seq: 1, status: 'open' });
  });

  it('the announced identification batch is what its households’ status history points at', () => {
    const d = batchDetail(archive.db, byKind().get('identification')!.id, AS_OF);
    expect(d.steps.every((s) => s.status === 'closed')).toBe(true);
    expect(d.steps[1]!.meetings[0]).toMatchObject({ attendeesCount: 32, entitledCount: 41, valid: true });
    expect(d.steps[3]!.objections[0]).toMatchObject({ result: '异议不成立，维持公示名单' });
    const passed = d.households.filter((h) => h.active);
    expect(passed.length).toBeGreaterThan(0);
    expect(d.households.filter((h) => !h.active).every((h) => h.stoppedAt === 3 && h.status === 'ordinary')).toBe(true);
    const linked = rowsWhere(archive.db, 'statusHistory', { batchId: d.id, status: 'poor', effectiveOn: d.closedOn! });
    expect(new Set(linked.map((r) => r.householdId)).size).toBe(passed.length);
  });

  it('has an open objection and a quota exceeded on the edge batch, and a meeting short of two thirds on the 返贫 batch', () => {
    const edge = batchDetail(archive.db, byKind().get('edge')!.id, AS_OF);
    expect(edge.overQuota).toBe(true);
    expect(edge.steps[3]!.objections.filter((o) => o.settledOn == null)).toHaveLength(1);
    expect(edge.steps[3]!.gate.blockers.join('')).toMatch(/公示期未满.*异议没有办结/);
    const ret = batchDetail(archive.db, byKind().get('return')!.id, AS_OF);
    expect(ret.steps[1]!.meetings[0]).toMatchObject({ valid: false, problem: expect.stringMatching(/不足三分之二/) as unknown });
  });

  it('has monitoring objects at every level, with checks done and due this month', () => {
    const b = monitoringBoard(archive.db, { asOf: AS_OF, villageId: null, level: null, dueOnly: false, includeRemoved: false });
    expect(b.counts.red).toBeGreaterThan(0);
    expect(b.counts.yellow).toBeGreaterThan(0);
    expect(b.counts.green).toBeGreaterThan(0);
    expect(b.objects.some((o) => o.due === 'done')).toBe(true);
    expect(b.counts.due + b.counts.overdue).toBeGreaterThan(0);
    expect(result.monitoringChecks).toBeGreaterThan(b.counts.total);
  });

  it('adds no data problem of its own: the check still finds exactly the planted ones', () => {
    const found = checkArchive(archive, { asOf: AS_OF }).problems.map((p) => `${p.code}:${p.household}`).sort();
    expect(found).toEqual(result.planted.map((p) => `${p.code}:${p.household}`).sort());
  });
});
