// Per-archive settings of each workflow kind, and 规模控制: quotas per village, year and kind
// with how many households the year's batches of the kind already hold.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../shared/actor.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import { quotas, workflowSettings } from '../schema/index.ts';
import { changeStamp } from './stamp.ts';

export type SettingsRow = typeof workflowSettings.$inferSelect;
export type QuotaRow = typeof quotas.$inferSelect;

export function settingsOfKind(db: ReadDb, kind: string): SettingsRow | undefined {
  return db.select().from(workflowSettings).where(eq(workflowSettings.kind, kind)).get();
}

/** Sets the kind's settings (a row is added the first time). */
export function saveSettingsOfKind(w: WriteDb, actor: Actor, kind: string, values: Pick<SettingsRow, 'publicityDays' | 'requireTwoYears'>): void {
  const stamp = changeStamp(actor);
  const before = settingsOfKind(w, kind);
  if (before) w.update(workflowSettings).set({ ...values, ...stamp, version: sql`${workflowSettings.version} + 1` }).where(eq(workflowSettings.id, before.id)).run();
  else w.insert(workflowSettings).values({ id: randomUUID(), version: 1, ...stamp, kind, ...values }).run();
}

export interface QuotaUse {
  villageId: string;
  villageCode: string;
  villageName: string;
  quota: number | null;
  used: number;
}

/**
 * Quota and use per village for a kind and year: of the given villages, or (null) of every
 * village with a quota or a household in such a batch. Cancelled batches and removed
 * households do not count.
 */
export function quotaUse(db: ReadDb, kind: string, year: number, villageIds: readonly string[] | null): QuotaUse[] {
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
    .all(kind, year, kind, year, ...(villageIds ? [JSON.stringify(villageIds)] : [])) as QuotaUse[];
}

export interface QuotaKey {
  villageId: string;
  year: number;
  kind: string;
}

export function quotaOf(db: ReadDb, k: QuotaKey): QuotaRow | undefined {
  return db
    .select()
    .from(quotas)
    .where(and(eq(quotas.villageId, k.villageId), eq(quotas.year, k.year), eq(quotas.kind, k.kind)))
    .get();
}

/** Sets the village's quota for the kind and year (a row is added the first time). */
export function saveQuotaOf(w: WriteDb, actor: Actor, k: QuotaKey, households: number): void {
  const stamp = changeStamp(actor);
  const before = quotaOf(w, k);
  if (before) w.update(quotas).set({ households, ...stamp, version: sql`${quotas.version} + 1` }).where(eq(quotas.id, before.id)).run();
  else w.insert(quotas).values({ id: randomUUID(), version: 1, ...stamp, ...k, households }).run();
}
