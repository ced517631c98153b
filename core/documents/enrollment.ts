// 入户登记表: one household per page, for a household, a batch, a village or the township.
import { REGISTERED_STATUSES } from '../../shared/status.ts';
import type { EnrollmentDocument } from '../../templates/enrollment/index.ts';
import { enrollmentBatch } from '../../templates/enrollment/index.ts';
import { enrollmentListXlsx } from '../../templates/enrollment/list-xlsx.ts';
import type { HouseholdView } from '../../templates/layout/household.ts';
import type { DocContext } from './context.ts';
import type { HouseholdForms } from './forms-render.ts';
import { householdFormsDef } from './forms-render.ts';
import { householdSource } from './scope.ts';

export function enrollmentDocument(ctx: DocContext): EnrollmentDocument {
  return { township: ctx.township, year: ctx.year, printedOn: ctx.asOf };
}

/** The workbook of more than one household: one list sheet (enrollment-shaped forms); of one: its form-shaped sheet. */
export function listSheetUnlessOne<T extends HouseholdView>(documentOf: (ctx: DocContext) => EnrollmentDocument): NonNullable<HouseholdForms<T>['listXlsx']> {
  return (ctx, req, batch) => (req.scope.householdNo !== null ? null : (source, out, hooks) => enrollmentListXlsx(documentOf(ctx), batch.title, source, out, hooks));
}

export const enrollment = householdFormsDef({
  kind: 'enrollment',
  label: '入户登记表',
  description: '扶贫手册家庭情况页：家庭基本情况、成员（含参保、低保/特困）、当年收入明细、生产生活条件、致贫原因、监测信息、帮扶责任人和措施、签字栏；一户一份、与签字栏同页，可整村或全镇合成一个 PDF；Excel 为一张户成员清单',
  scopes: ['household', 'village', 'township', 'batch'],
  options: ['registeredOnly'],
  // One household: a form-shaped sheet; more: one list sheet (no sheet per household, no limit).
  source: (ctx, req, limit) => householdSource(ctx, req, '入户登记表', req.options.registeredOnly ? REGISTERED_STATUSES : undefined, limit, { sheetEach: req.scope.householdNo !== null }),
  batch: (ctx) => enrollmentBatch(enrollmentDocument(ctx)),
  listXlsx: listSheetUnlessOne(enrollmentDocument),
});
