// The households a household form is printed for: one household, a batch's, a village's or
// the township's, optionally only those of some statuses; refused when there are none.
import type { DocumentRequest } from '../../shared/api/documents.ts';
import { UserError } from '../../shared/errors.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import { MONITORED_STATUSES, REGISTERED_STATUSES } from '../../shared/status.ts';
import type { RecordSource } from '../../templates/layout/forms.ts';
import type { HouseholdView } from '../../templates/layout/household.ts';
import type { DocContext } from './context.ts';
import { batchById, batchHouseholdIds, householdByNo, villageByCode } from './context.ts';
import { householdIdsOf, householdViews } from './households.ts';

/** Most worksheets in one workbook (one per household): beyond that Excel becomes unusable. */
export const MAX_SHEETS = 500;

/** The start of the refusal when a scope has no household the document covers (print.households skips those). */
export const NO_HOUSEHOLDS = '没有符合条件的农户';

/** Which households a status filter keeps, as the refusal names them. */
function householdsOf(statuses?: readonly HouseholdStatus[] | string): string {
  if (typeof statuses === 'string') return statuses;
  if (!statuses) return '农户';
  if (statuses === REGISTERED_STATUSES) return '建档立卡户或监测户';
  if (statuses === MONITORED_STATUSES) return '监测对象';
  return '本表所列类别的农户';
}

/**
 * The refusal of a scope without a household the document covers: what (the document), where
 * (the village with its code, the batch, the township) and what to do. `statuses`: the filter
 * applied, or the households wanted in words (“2025年待验收……的农户”). Starts with NO_HOUSEHOLDS
 * (print.ts counts the households a document does not cover by it). A batch's households are
 * not filtered by status, so an empty batch is simply empty.
 */
export function noHouseholds(ctx: DocContext, req: DocumentRequest, what: string, statuses?: readonly HouseholdStatus[] | string): UserError {
  const { scope } = req;
  const kind = householdsOf(statuses);
  const where = scope.householdNo
    ? `户编号 ${scope.householdNo} 不是${kind}`
    : scope.batchId
      ? `批次“${batchById(ctx, scope.batchId).title}”中还没有农户`
      : scope.villageCode
        ? (({ name, code }) => `${name}（${code}）没有${kind}`)(villageByCode(ctx, scope.villageCode))
        : `全镇没有${kind}`;
  const todo = scope.batchId && !scope.householdNo ? '请先把农户加入该批次，或换一个批次、村' : '请换一个村、批次或年度';
  return new UserError(`${NO_HOUSEHOLDS}（${where}），未生成${what}：${todo}。`);
}

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
  if (all.length === 0) throw noHouseholds(ctx, req, what, statuses);
  if (req.format === 'xlsx' && opts.sheetEach !== false && all.length > MAX_SHEETS) {
    throw new UserError(`${what}的 Excel 格式每户一个工作表，一次最多 ${MAX_SHEETS} 户，本次有 ${all.length} 户：请按村分别生成，或选择 PDF 格式。`);
  }
  const ids = limit !== undefined && all.length > limit ? all.slice(0, limit) : all;
  return { total: ids.length, records: householdViews(ctx, ids), truncated: ids.length < all.length };
}
