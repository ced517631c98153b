// The one writer of a household's status change: status and fields set, version bumped, row
// stamped, history row added — the same for a batch's result and a recorded decision.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeTransaction } from '../handles.ts';
import { freshArchive, insertRows, rowsWhere } from '../testing.ts';
import type { TempArchive } from '../testing.ts';
import { householdById, statusChangedSince, writeStatusChange } from './household-status.ts';
import { recordAudit } from './audit.ts';

const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
const stamp = { version: 1, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'test' };
let a: TempArchive;

beforeEach(() => {
  a = freshArchive();
  insertRows(a.db, 'townships', [{ id: 't', ...stamp, name: '青山镇' }]);
  insertRows(a.db, 'villages', [{ id: 'v', ...stamp, townshipId: 't', code: '511922101001', name: '青龙村' }]);
  insertRows(a.db, 'households', [{ id: 'h', ...stamp, villageId: 'v', no: '5119220001000001', status: 'exited' }]);
});
afterEach(() => a.dispose());

describe('writeStatusChange', () => {
  it('sets the status and its fields, bumps the version, stamps the row and adds the history row', () => {
    writeTransaction(a.db, (w) =>
      writeStatusChange(w, actor, {
        householdId: 'h',
        status: 'unstable',
        fields: { monitoringCategory: '脱贫不稳定户', monitoringStart: '202611', risks: ['因病'] },
        year: 2026,
        effectiveOn: '2026-11-24',
        batchId: null,
        decision: '镇〔2026〕3号',
        reason: '因病返贫风险',
      }),
    );
    expect(householdById(a.db, 'h')).toMatchObject({ status: 'unstable', monitoringCategory: '脱贫不稳定户', monitoringStart: '202611', risks: ['因病'], version: 2, updatedAt: '2026-11-24T08:00:00.000Z', updatedBy: '李会计' });
    expect(rowsWhere(a.db, 'statusHistory', { householdId: 'h' })).toEqual([
      expect.objectContaining({ status: 'unstable', year: 2026, effectiveOn: '2026-11-24', batchId: null, decision: '镇〔2026〕3号', reason: '因病返贫风险', updatedBy: '李会计' }),
    ]);
  });

  it('tells whether a household’s status changed after an audit entry', () => {
    writeTransaction(a.db, (w) => recordAudit(w, actor, { action: 'status', tableName: 'households', recordId: 'h', householdId: 'h' }));
    const first = rowsWhere(a.db, 'auditLog', { householdId: 'h' })[0]!.id;
    expect(statusChangedSince(a.db, 'h', first)).toBe(false);
    writeTransaction(a.db, (w) => recordAudit(w, actor, { action: 'monitoring', tableName: 'households', recordId: 'h', householdId: 'h' }));
    expect(statusChangedSince(a.db, 'h', first)).toBe(true);
  });
});
