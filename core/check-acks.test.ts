// 已核实无误 and 重新检查 on a real archive, through the dispatcher both shells use: an
// acknowledged finding leaves the counts (listed apart), is audited, is refused without a reason
// or to a 只读 operator, is raised again once its data changes, and 取消核实 brings it back;
// a re-check names what closed and what is new.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, rowsWhere, sqlRun, tempDir } from '../db/testing.ts';
import type { AckView, CheckView } from '../shared/api/index.ts';
import { fixedDayClock } from '../shared/clock.ts';
import { diffChecks, diffLine } from '../shared/quality/diff.ts';
import type { Problem } from '../shared/quality/index.ts';
import { createCoreDispatch } from './api/index.ts';
import type { Dispatch } from './api/dispatch.ts';
import { applyAcks } from './check-acks.ts';
import { checkArchive } from './check.ts';
import { generateDemo } from './demo/index.ts';
import { createSession } from './session.ts';
import type { Session } from './session.ts';
import { TEST_PASSWORD } from './testing.ts';

const TODAY = '2026-11-24';
let session: Session;
let dispatch: Dispatch;

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

const sameFinding = (a: Problem) => (b: Problem) => a.code === b.code && a.householdId === b.householdId && a.memberId === b.memberId && a.message === b.message;

beforeAll(async () => {
  session = createSession({ dataDir: tempDir(), clock: fixedDayClock(TODAY) });
  dispatch = createCoreDispatch(session);
  await ok('archive.create', { name: '青山镇', code: '511922101000', file: join(session.dataDir, 'a.db'), admin: { name: '测试', password: TEST_PASSWORD } });
  generateDemo(session.requireArchive(), { villages: 2, households: 40, seed: 'acks', asOf: TODAY, actor: session.actor() });
}, 60_000);
afterAll(() => session.close());

describe('已核实无误', () => {
  let target: Problem;
  let ack: AckView;

  it('needs a reason and an operator who may edit households; a refusal writes nothing', async () => {
    const check = await ok<CheckView>('quality.check', {});
    expect(check.acknowledged).toEqual([]);
    target = check.problems.find((p) => p.memberId !== null && p.severity === 'warning') ?? check.problems.find((p) => p.memberId !== null)!;
    expect(target).toBeDefined();
    const input = { householdId: target.householdId, code: target.code, memberId: target.memberId, field: target.field, message: target.message };
    const empty = await dispatch('quality.ack', { ...input, reason: '  ' });
    expect(empty).toMatchObject({ ok: false, error: { message: expect.stringMatching(/请填写核实无误的理由/) as unknown } });
    session.role = 'viewer';
    try {
      const refused = await dispatch('quality.ack', { ...input, reason: '经入户核实无误' });
      expect(refused).toMatchObject({ ok: false, error: { kind: 'refused', message: expect.stringMatching(/“只读”.*不能做这项操作/) as unknown } });
    } finally {
      session.role = null;
    }
    const gone = await dispatch('quality.ack', { ...input, code: 'Q999', reason: '经入户核实无误' });
    expect(gone).toMatchObject({ ok: false, error: { message: expect.stringMatching(/现在没有规则 Q999 的问题.*请重新检查后再核实/) as unknown } });
    expect(countRows(session.requireArchive().db, 'qualityAcks')).toBe(0);
  });

  it('hides the finding from the counts, lists it apart with reason, operator and the context’s day, and audits it', async () => {
    const before = await ok<CheckView>('quality.check', {});
    const acks = await ok<AckView[]>('quality.ack', { householdId: target.householdId, code: target.code, memberId: target.memberId, field: target.field, message: target.message, reason: '经入户核实，情况属实' });
    expect(acks).toHaveLength(1);
    ack = acks[0]!;
    expect(ack).toMatchObject({ code: target.code, memberId: target.memberId, reason: '经入户核实，情况属实', acknowledgedBy: '测试', acknowledgedOn: TODAY });
    const after = await ok<CheckView>('quality.check', {});
    expect(after.problems.some(sameFinding(target))).toBe(false);
    expect(after.counts[target.severity]).toBe(before.counts[target.severity] - 1);
    expect(after.acknowledged).toEqual([{ problem: target, ack }]);
    // The overview's counts leave it out too.
    const overview = await ok<{ problems: { error: number; warning: number } }>('overview.problems', { jobId: null });
    expect(overview.problems).toEqual(after.counts);
    const audit = rowsWhere(session.requireArchive().db, 'auditLog', { tableName: 'quality_acks' });
    expect(audit).toMatchObject([{ action: 'insert', recordId: ack.id, householdId: target.householdId, operator: '测试', note: expect.stringContaining(`已核实无误：${target.code}`) as unknown }]);
    const twice = await dispatch('quality.ack', { householdId: target.householdId, code: target.code, memberId: target.memberId, message: target.message, reason: '再核实一次' });
    expect(twice).toMatchObject({ ok: false, error: { message: expect.stringMatching(/已经核实无误，不用再核实/) as unknown } });
  });

  it('is raised again once the member’s data changes', () => {
    const archive = session.requireArchive();
    const check = () => applyAcks(archive.db, checkArchive(archive, { asOf: TODAY }));
    expect(check().problems.some(sameFinding(target))).toBe(false);
    const was = rowsWhere(archive.db, 'members', { id: target.memberId! })[0]!;
    sqlRun(archive, 'UPDATE members SET work_place = ? WHERE id = ?', '本县城关镇', target.memberId);
    const changed = check();
    expect(changed.problems.some(sameFinding(target))).toBe(true);
    expect(changed.acknowledged).toEqual([]);
    sqlRun(archive, 'UPDATE members SET work_place = ? WHERE id = ?', was.workPlace, target.memberId);
    expect(check().acknowledged.map((a) => a.ack.id)).toEqual([ack.id]);
  });

  it('取消核实 counts it again, audited', async () => {
    const undone = await ok<AckView>('quality.unack', { id: ack.id });
    expect(undone.id).toBe(ack.id);
    const check = await ok<CheckView>('quality.check', {});
    expect(check.problems.some(sameFinding(target))).toBe(true);
    expect(check.acknowledged).toEqual([]);
    const audit = rowsWhere(session.requireArchive().db, 'auditLog', { tableName: 'quality_acks', action: 'delete' });
    expect(audit).toMatchObject([{ recordId: ack.id, note: expect.stringContaining('取消核实') as unknown }]);
    const again = await dispatch('quality.unack', { id: ack.id });
    expect(again).toMatchObject({ ok: false, error: { message: expect.stringMatching(/已不在档案中/) as unknown } });
  });
});

describe('重新检查', () => {
  it('names what closed, what is new and what is still there', () => {
    const archive = session.requireArchive();
    const previous = checkArchive(archive, { asOf: TODAY }).problems;
    const gone = previous[0]!;
    const closedHere = previous.filter((p) => p.householdId === gone.householdId);
    const other = previous.find((p) => p.householdId !== gone.householdId)!;
    sqlRun(archive, 'DELETE FROM households WHERE id = ?', gone.householdId);
    sqlRun(archive, "UPDATE households SET phone = '123' WHERE id = ?", other.householdId);
    const current = checkArchive(archive, { asOf: TODAY }).problems;
    const d = diffChecks(previous, current);
    expect(d.closed).toEqual(closedHere);
    expect(new Set(d.added.map((p) => p.householdId))).toEqual(new Set([other.householdId]));
    expect(d.added.map((p) => p.code)).toContain('Q833');
    expect(d.remaining).toBe(previous.length - closedHere.length);
    expect(diffLine(d)).toBe(`已整改 ${closedHere.length} 条 · 新增 ${d.added.length} 条 · 仍存在 ${d.remaining} 条`);
    // Marked 已核实无误 in between: not counted as closed.
    expect(diffChecks(previous, current.filter((p) => !d.added.includes(p)), [gone]).closed).toEqual(closedHere.filter((p) => p !== gone));
  });
});
