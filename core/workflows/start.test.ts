// A procedure already done on paper, recorded afterwards: the first step dated before the batch's
// start is refused with a message that says how to go on; once the start is moved back (audited)
// the paper dates are accepted, the steps keeping their order and no date after today.
import { afterEach, describe, expect, it } from 'vitest';
import { archiveChecksum, rowsWhere } from '../../db/testing.ts';
import { UserError } from '../../shared/errors.ts';
import { createBatch } from './create.ts';
import { batchDetail } from './detail.ts';
import { addByHand } from './membership.ts';
import { setStart } from './start.ts';
import { closeStep, openStep } from './steps.ts';
import type { Fixture } from './testing.ts';
import { actor, workflowFixture } from './testing.ts';

let fx: Fixture;
afterEach(() => fx.dispose());

const open = (batchId: string, seq: number, startedOn: string) => openStep(fx.archive.db, actor, { batchId, seq, startedOn, postedAt: null, note: null });

function refusedUnchanged(fn: () => unknown, message: RegExp): void {
  const before = archiveChecksum(fx.archive.sqlite);
  expect(fn).toThrow(UserError);
  expect(fn).toThrow(message);
  expect(archiveChecksum(fx.archive.sqlite)).toBe(before);
}

/** An identification batch set up in the archive on 2026-11-20, its households already applied on paper in September. */
function enteredLate(): string {
  fx = workflowFixture([{ no: 'A1' }, { no: 'A2' }]);
  return createBatch(fx.archive.db, actor, { kind: 'identification', year: 2026, villageIds: [fx.villageIds[0]], title: null, createdOn: '2026-11-20', householdIds: [fx.id('A1')] });
}

describe('本批次实际开始日期 for a procedure already done on paper', () => {
  it('refuses a first step dated before the batch start, saying to move the start back with 修改开始日期', () => {
    const id = enteredLate();
    refusedUnchanged(
      () => open(id, 1, '2026-09-01'),
      /开始日期 2026-09-01 早于本批次的实际开始日期 2026-11-20：如果已在纸面上于 2026-09-01 办理，请先在批次页点“修改开始日期”，把本批次实际开始日期改为 2026-09-01 或更早；否则请填写 2026-11-20 或以后的日期/,
    );
    refusedUnchanged(
      () => addByHand(fx.archive.db, actor, id, { householdIds: [fx.id('A2')], on: '2026-09-01', choice: null, risks: [] }),
      /加入日期 2026-09-01 早于本批次的实际开始日期 2026-11-20：如果已在纸面上于 2026-09-01 办理/,
    );
  });

  it('accepts the paper dates once the start is moved back, with an audit entry; the steps keep their order', () => {
    const id = enteredLate();
    setStart(fx.archive.db, actor, { batchId: id, createdOn: '2026-09-01', reason: '纸质申请已于9月1日受理' });
    expect(batchDetail(fx.archive.db, id, '2026-11-24').createdOn).toBe('2026-09-01');
    const audit = rowsWhere(fx.archive.db, 'auditLog', { tableName: 'batches', recordId: id, action: 'update' });
    expect(audit).toEqual([
      expect.objectContaining({
        operator: '测试员',
        before: { createdOn: '2026-11-20' },
        after: { createdOn: '2026-09-01' },
        note: '批次“青山村2026年贫困户识别”实际开始日期 2026-11-20 → 2026-09-01（纸质申请已于9月1日受理）',
      }),
    ]);
    open(id, 1, '2026-09-01');
    addByHand(fx.archive.db, actor, id, { householdIds: [fx.id('A2')], on: '2026-09-02', choice: null, risks: [] });
    closeStep(fx.archive.db, actor, { batchId: id, seq: 1, closedOn: '2026-09-05', note: null });
    refusedUnchanged(() => open(id, 2, '2026-09-04'), /开始日期 2026-09-04 早于上一环节“农户申请”的完成日期 2026-09-05/);
    open(id, 2, '2026-09-05');
    expect(batchDetail(fx.archive.db, id, '2026-11-24').steps.slice(0, 2).map((s) => [s.status, s.startedOn])).toEqual([['closed', '2026-09-01'], ['open', '2026-09-05']]);
  });

  it('refuses a start after today or after what is already recorded, leaving the archive unchanged', () => {
    const id = enteredLate();
    refusedUnchanged(() => setStart(fx.archive.db, actor, { batchId: id, createdOn: '2026-12-01', reason: null }), /本批次实际开始日期 2026-12-01 晚于今天（2026-11-24）/);
    refusedUnchanged(() => setStart(fx.archive.db, actor, { batchId: id, createdOn: '2026-11-22', reason: null }), /本批次实际开始日期 2026-11-22 晚于已登记的农户加入日期 2026-11-20：开始日期只能是 2026-11-20 或更早/);
    setStart(fx.archive.db, actor, { batchId: id, createdOn: '2026-09-01', reason: null });
    open(id, 1, '2026-09-03');
    refusedUnchanged(() => setStart(fx.archive.db, actor, { batchId: id, createdOn: '2026-09-04', reason: null }), /晚于已登记的第1步“农户申请”的开始日期 2026-09-03/);
  });
});
