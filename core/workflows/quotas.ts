// 规模控制: quotas per village, year and kind, and how many households this year's batches of
// the kind already hold in each village. Over quota is flagged, never refused.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { quotas, villages } from '../../db/schema/index.ts';
import type { Actor } from '../../shared/actor.ts';
import type { QuotaView } from '../../shared/api/workflows.ts';
import { UserError } from '../../shared/errors.ts';
import { KINDS, isWorkflowKind, quotaFlag } from '../../shared/workflows/index.ts';
import type { QuotaFlag, WorkflowKind } from '../../shared/workflows/index.ts';
import { stampOf } from './common.ts';

interface UseRow {
  villageId: string;
  villageCode: string;
  villageName: string;
  quota: number | null;
  used: number;
}

/** Quota and use per village (all villages with a quota or a household in such a batch when `villageIds` is null). */
function useRows(db: Db, kind: WorkflowKind, year: number, villageIds: readonly string[] | null): UseRow[] {
  return db.$client
    .prepare(
      `WITH used AS (
         SELECT h.village_id AS vid, count(DISTINCT bh.household_id) AS n
           FROM batch_households bh JOIN batches b ON b.id = bh.batch_id JOIN households h ON h.id = bh.household_id
          WHERE b.kind = ? AND b.year = ? AND b.status <> 'cancelled' AND bh.removed_on IS NULL
          GROUP BY h.village_id)
       SELECT v.id AS villageId, v.code AS villageCode, v.name AS villageName, q.households AS quota, coalesce(u.n, 0) AS used
         FROM villages v LEFT JOIN quotas q ON q.village_id = v.id AND q.kind = ? AND q.year = ? LEFT JOIN used u ON u.vid = v.id
        WHERE ${villageIds ? 'v.id IN (SELECT value FROM json_each(?))' : '(q.id IS NOT NULL OR u.n IS NOT NULL)'}
        ORDER BY v.sort_order, v.code`,
    )
    .all(kind, year, kind, year, ...(villageIds ? [JSON.stringify(villageIds)] : [])) as UseRow[];
}

export function quotaFlags(db: Db, kind: WorkflowKind, year: number, villageIds: readonly string[]): QuotaFlag[] {
  return useRows(db, kind, year, villageIds).map(({ villageCode: _c, ...u }) => quotaFlag(u, year, KINDS[kind].label));
}

const view = (kind: WorkflowKind, year: number, u: UseRow): QuotaView => ({ ...quotaFlag(u, year, KINDS[kind].label), villageCode: u.villageCode, kind, kindLabel: KINDS[kind].label, year });

export function listQuotas(db: Db, year: number, kind: WorkflowKind | null): QuotaView[] {
  const kinds = kind ? [kind] : (Object.keys(KINDS) as WorkflowKind[]);
  return kinds.flatMap((k) => useRows(db, k, year, null).map((u) => view(k, year, u)));
}

export function saveQuota(db: Db, actor: Actor, input: { villageId: string; year: number; kind: string; households: number }): QuotaView {
  if (!isWorkflowKind(input.kind)) throw new UserError(`程序类型“${input.kind}”无效。`, { kind: 'usage' });
  const kind = input.kind;
  db.transaction(() => {
    const v = db.select().from(villages).where(eq(villages.id, input.villageId)).get();
    if (!v) throw new UserError('找不到这个行政村：请刷新后重新选择。');
    const key = and(eq(quotas.villageId, v.id), eq(quotas.year, input.year), eq(quotas.kind, kind));
    const before = db.select().from(quotas).where(key).get();
    if (before) db.update(quotas).set({ households: input.households, ...stampOf(actor), version: before.version + 1 }).where(eq(quotas.id, before.id)).run();
    else db.insert(quotas).values({ id: randomUUID(), version: 1, ...stampOf(actor), villageId: v.id, year: input.year, kind, households: input.households }).run();
    recordAudit(db, actor, {
      action: before ? 'update' : 'insert',
      tableName: 'quotas',
      recordId: `${v.id}:${input.year}:${kind}`,
      before: before ? { households: before.households } : null,
      after: { households: input.households },
      note: `${v.name}${input.year}年${KINDS[kind].label}规模：${input.households} 户`,
    });
  });
  return view(kind, input.year, useRows(db, kind, input.year, [input.villageId])[0]!);
}
