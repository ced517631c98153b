// 贫困户脱贫验收表: the exit check the workflows apply (core/workflows/exit-checks.ts, on the
// rule in shared/workflows/exit-check.ts) for each household and year, one household per page.
// Without a batch or household: the village's (or township's) poor and returned households,
// and those that exited in the year.
import { exitCandidateIds } from '../../db/repos/document-scope.ts';
import type { ExitCheckRow } from '../../shared/api/workflows.ts';
import { UserError } from '../../shared/errors.ts';
import type { HouseholdView } from '../../templates/layout/household.ts';
import type { VerificationHouseholdRecord } from '../../templates/verification-household/index.ts';
import { verificationHouseholdBatch } from '../../templates/verification-household/index.ts';
import { exitChecks } from '../workflows/exit-checks.ts';
import { evidenceItems } from './verification-evidence.ts';
import type { DocContext } from './context.ts';
import { villageByCode } from './context.ts';
import { householdFormsDef } from './forms-render.ts';
import { chunksOf, householdViews } from './households.ts';
import { MAX_SHEETS, noHouseholds, scopeHouseholdIds } from './scope.ts';

const ABLE = new Set(['普通劳动力', '技能劳动力']);

export function verificationRecord(h: HouseholdView, check: Pick<ExitCheckRow, 'items' | 'qualifies' | 'reasons' | 'year'>): VerificationHouseholdRecord {
  return {
    household: h,
    labourers: h.members.filter((m) => m.labourAbility != null && ABLE.has(m.labourAbility)).length,
    items: evidenceItems(h, check),
    qualifies: check.qualifies,
    reasons: check.reasons,
  };
}

/** The records, a chunk of households (and their exit checks) at a time. */
export function* verificationRecords(ctx: DocContext, ids: readonly string[]): Generator<VerificationHouseholdRecord> {
  for (const chunk of chunksOf(ids)) {
    const checks = new Map(exitChecks(ctx.archive.db, { year: ctx.year, batchId: null, householdIds: chunk }).map((c) => [c.householdId, c]));
    for (const h of householdViews(ctx, chunk)) {
      const check = checks.get(h.id);
      if (check) yield verificationRecord(h, check);
    }
  }
}

/** Exit candidates of a village or the township: poor and returned, and those exited in the year. */
function candidateIds(ctx: DocContext, villageCode: string | null): string[] {
  const village = villageCode ? villageByCode(ctx, villageCode) : null;
  return exitCandidateIds(ctx.archive.db, { year: ctx.year, villageId: village?.id ?? null });
}

export const verificationHousehold = householdFormsDef({
  kind: 'verification-household',
  label: '贫困户脱贫验收表',
  description: '一超过、两不愁、三保障和饮水安全逐项“达标/未达标/不涉及”，附档案中的依据（收入与当年标准、参保人数、在校情况、住房等级、饮水），一票否决项标★，验收结论和签字栏；一户一页',
  scopes: ['household', 'batch', 'village', 'township'],
  source(ctx, req, limit) {
    const all = req.scope.householdNo || req.scope.batchId ? scopeHouseholdIds(ctx, req) : candidateIds(ctx, req.scope.villageCode);
    if (all.length === 0) throw noHouseholds(ctx, req, '脱贫验收表', `${ctx.year}年待验收（未脱贫、返贫或当年脱贫）的农户`);
    if (req.format === 'xlsx' && all.length > MAX_SHEETS) throw new UserError(`脱贫验收表的 Excel 格式一次最多 ${MAX_SHEETS} 户，本次有 ${all.length} 户：请按村分别生成，或选择 PDF 格式。`);
    const ids = limit !== undefined ? all.slice(0, limit) : all;
    return { total: ids.length, records: verificationRecords(ctx, ids), truncated: ids.length < all.length };
  },
  batch: (ctx) => verificationHouseholdBatch({ township: ctx.township, year: ctx.year, printedOn: ctx.asOf }),
});
