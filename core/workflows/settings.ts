// Per-archive settings of each workflow kind: the minimum publicity length (defaults 7 days,
// 5 for monitoring) and, for exit, the two-consecutive-years rule (seed 002).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/open.ts';
import { loadQualityContextParts } from '../../db/quality.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { workflowSettings } from '../../db/schema/index.ts';
import type { Actor } from '../../shared/actor.ts';
import type { KindView } from '../../shared/api/workflows.ts';
import { resolvePolicy } from '../../shared/policy.ts';
import type { PolicyKind } from '../../shared/policy.ts';
import { STATUS_LABELS } from '../../shared/status.ts';
import { KINDS, WORKFLOW_KINDS } from '../../shared/workflows/index.ts';
import type { WorkflowKind } from '../../shared/workflows/index.ts';
import { stampOf } from './common.ts';

export interface KindSettings {
  publicityDays: number;
  requireTwoYears: boolean;
}

export function kindSettings(db: DbOrTx, kind: WorkflowKind): KindSettings {
  const row = db.select().from(workflowSettings).where(eq(workflowSettings.kind, kind)).get();
  return { publicityDays: row?.publicityDays ?? KINDS[kind].publicityDays, requireTwoYears: row?.requireTwoYears ?? false };
}

export function kindView(db: DbOrTx, kind: WorkflowKind): KindView {
  const def = KINDS[kind];
  const s = kindSettings(db, kind);
  return {
    kind,
    label: def.label,
    steps: def.steps.map((st, i) => ({ seq: i + 1, ...st })),
    publicityDays: s.publicityDays,
    defaultPublicityDays: def.publicityDays,
    publicitySource: def.publicitySource,
    requireTwoYears: s.requireTwoYears,
    exitCheck: def.exitCheck,
    eligible: def.eligible.map((status) => ({ status, label: STATUS_LABELS[status] })),
    choice: def.choice ? { label: def.choice.label, options: [...def.choice.options] } : null,
  };
}

export const listKinds = (db: DbOrTx): KindView[] => WORKFLOW_KINDS.map((k) => kindView(db, k));

export function saveKindSettings(db: Db, actor: Actor, input: { kind: WorkflowKind; publicityDays: number; requireTwoYears?: boolean | null }): KindView {
  db.transaction((tx) => {
    const before = tx.select().from(workflowSettings).where(eq(workflowSettings.kind, input.kind)).get();
    const values = { publicityDays: input.publicityDays, requireTwoYears: input.requireTwoYears ?? before?.requireTwoYears ?? false };
    if (before) tx.update(workflowSettings).set({ ...values, ...stampOf(actor), version: before.version + 1 }).where(eq(workflowSettings.id, before.id)).run();
    else tx.insert(workflowSettings).values({ id: randomUUID(), version: 1, ...stampOf(actor), kind: input.kind, ...values }).run();
    recordAudit(tx, actor, {
      action: before ? 'update' : 'insert',
      tableName: 'workflow_settings',
      recordId: input.kind,
      before: before ?? null,
      after: values,
      note: `${KINDS[input.kind].label}：公示期不少于${values.publicityDays}天${input.kind === 'exit' ? `，${values.requireTwoYears ? '要求' : '不要求'}连续两年达标` : ''}`,
    });
  });
  return kindView(db, input.kind);
}

export type PolicyLookup = (kind: PolicyKind, year: number) => number | null;

/** Policy figures of this archive's province by year (null when the archive has none). */
export function policyLookup(db: Db): PolicyLookup {
  const parts = loadQualityContextParts(db);
  return (kind, year) => resolvePolicy(parts.policy, kind, year, parts.province)?.value ?? null;
}
