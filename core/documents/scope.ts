// The households a household form is printed for: one household, a batch's, a village's or
// the township's, optionally only those of some statuses; refused when there are none.
import type { DocumentRequest } from '../../shared/api/documents.ts';
import { UserError } from '../../shared/errors.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import type { RecordSource } from '../../templates/layout/forms.ts';
import type { HouseholdView } from '../../templates/layout/household.ts';
import type { DocContext } from './context.ts';
import { batchById, batchHouseholdIds, householdByNo, villageByCode } from './context.ts';
import { householdIdsOf, householdViews } from './households.ts';

/** Most worksheets in one workbook (one per household): beyond that Excel becomes unusable. */
export const MAX_SHEETS = 500;

/** The start of the refusal when a scope has no household the document covers (print.households skips those). */
export const NO_HOUSEHOLDS = '没有符合条件的农户';

export function scopeHouseholdIds(ctx: DocContext, req: DocumentRequest, statuses?: readonly HouseholdStatus[]): string[] {
  const { scope } = req;
  if (scope.householdNo) return [householdByNo(ctx, scope.householdNo).id];
  if (scope.batchId) return batchHouseholdIds(ctx, batchById(ctx, scope.batchId).id);
  const villageId = scope.villageCode ? villageByCode(ctx, scope.villageCode).id : undefined;
  return householdIdsOf(ctx, { ...(villageId ? { villageId } : {}), ...(statuses ? { statuses } : {}) });
}

/** The household records of a request, lazily, cut to `limit` for a preview. */
export function householdSource(
  ctx: DocContext,
  req: DocumentRequest,
  what: string,
  statuses?: readonly HouseholdStatus[],
  limit?: number,
  /** A workbook with a sheet per household (false: the document writes a list sheet). */
  opts: { sheetEach?: boolean } = {},
): RecordSource<HouseholdView> & { truncated: boolean } {
  const all = scopeHouseholdIds(ctx, req, statuses);
  if (all.length === 0) throw new UserError(`${NO_HOUSEHOLDS}，未生成${what}：请换一个村、批次或年度。`);
  if (req.format === 'xlsx' && opts.sheetEach !== false && all.length > MAX_SHEETS) {
    throw new UserError(`${what}的 Excel 格式每户一个工作表，一次最多 ${MAX_SHEETS} 户，本次有 ${all.length} 户：请按村分别生成，或选择 PDF 格式。`);
  }
  const ids = limit !== undefined && all.length > limit ? all.slice(0, limit) : all;
  return { total: ids.length, records: householdViews(ctx, ids), truncated: ids.length < all.length };
}
