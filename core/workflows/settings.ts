// Per-archive settings of each workflow kind: the minimum publicity length (defaults 7 days,
// 5 for monitoring) and, for exit, the two-consecutive-years rule (seed 002).
import { writeTransaction } from '../../db/handles.ts';
import type { ReadDb } from '../../db/handles.ts';
import type { Db } from '../../db/open.ts';
import { loadQualityContextParts } from '../../db/quality.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { saveSettingsOfKind, settingsOfKind } from '../../db/repos/workflow-settings.ts';
import type { Actor } from '../../shared/actor.ts';
import type { KindView } from '../../shared/api/workflows.ts';
import { resolvePolicy } from '../../shared/policy.ts';
import type { PolicyKind } from '../../shared/policy.ts';
import { STATUS_LABELS } from '../../shared/status.ts';
import { KINDS, WORKFLOW_KINDS } from '../../shared/workflows/index.ts';
import type { WorkflowKind } from '../../shared/workflows/index.ts';

export interface KindSettings {
  publicityDays: number;
  requireTwoYears: boolean;
}

export function kindSettings(db: ReadDb, kind: WorkflowKind): KindSettings {
  const row = settingsOfKind(db, kind);
  return { publicityDays: row?.publicityDays ?? KINDS[kind].publicityDays, requireTwoYears: row?.requireTwoYears ?? false };
}

export function kindView(db: ReadDb, kind: WorkflowKind): KindView {
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

export const listKinds = (db: ReadDb): KindView[] => WORKFLOW_KINDS.map((k) => kindView(db, k));

export function saveKindSettings(db: Db, actor: Actor, input: { kind: WorkflowKind; publicityDays: number; requireTwoYears?: boolean | null }): KindView {
  writeTransaction(db, (w) => {
    const before = settingsOfKind(w, input.kind);
    const values = { publicityDays: input.publicityDays, requireTwoYears: input.requireTwoYears ?? before?.requireTwoYears ?? false };
    saveSettingsOfKind(w, actor, input.kind, values);
    recordAudit(w, actor, {
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
export function policyLookup(db: ReadDb): PolicyLookup {
  const parts = loadQualityContextParts(db);
  return (kind, year) => resolvePolicy(parts.policy, kind, year, parts.province)?.value ?? null;
}
