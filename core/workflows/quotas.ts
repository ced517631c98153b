// 规模控制: quotas per village, year and kind, and how many households this year's batches of
// the kind already hold in each village. Over quota is flagged, never refused.
import { writeTransaction } from '../../db/handles.ts';
import type { ReadDb } from '../../db/handles.ts';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { villageById } from '../../db/repos/villages.ts';
import { quotaOf, quotaUse, saveQuotaOf } from '../../db/repos/workflow-settings.ts';
import type { QuotaUse } from '../../db/repos/workflow-settings.ts';
import type { Actor } from '../../shared/actor.ts';
import type { QuotaView } from '../../shared/api/workflows.ts';
import { UserError } from '../../shared/errors.ts';
import { KINDS, isWorkflowKind, quotaFlag } from '../../shared/workflows/index.ts';
import type { QuotaFlag, WorkflowKind } from '../../shared/workflows/index.ts';

export function quotaFlags(db: ReadDb, kind: WorkflowKind, year: number, villageIds: readonly string[]): QuotaFlag[] {
  return quotaUse(db, kind, year, villageIds).map(({ villageCode: _c, ...u }) => quotaFlag(u, year, KINDS[kind].label));
}

const view = (kind: WorkflowKind, year: number, u: QuotaUse): QuotaView => ({ ...quotaFlag(u, year, KINDS[kind].label), villageCode: u.villageCode, kind, kindLabel: KINDS[kind].label, year });

export function listQuotas(db: ReadDb, year: number, kind: WorkflowKind | null): QuotaView[] {
  const kinds = kind ? [kind] : (Object.keys(KINDS) as WorkflowKind[]);
  return kinds.flatMap((k) => quotaUse(db, k, year, null).map((u) => view(k, year, u)));
}

export function saveQuota(db: Db, actor: Actor, input: { villageId: string; year: number; kind: string; households: number }): QuotaView {
  if (!isWorkflowKind(input.kind)) throw new UserError(`程序类型“${input.kind}”无效。`, { kind: 'usage' });
  const kind = input.kind;
  writeTransaction(db, (w) => {
    const v = villageById(w, input.villageId);
    if (!v) throw new UserError('找不到这个行政村：请刷新后重新选择。');
    const key = { villageId: v.id, year: input.year, kind };
    const before = quotaOf(w, key);
    saveQuotaOf(w, actor, key, input.households);
    recordAudit(w, actor, {
      action: before ? 'update' : 'insert',
      tableName: 'quotas',
      recordId: `${v.id}:${input.year}:${kind}`,
      before: before ? { households: before.households } : null,
      after: { households: input.households },
      note: `${v.name}${input.year}年${KINDS[kind].label}规模：${input.households} 户`,
    });
  });
  return view(kind, input.year, quotaUse(db, kind, input.year, [input.villageId])[0]!);
}
