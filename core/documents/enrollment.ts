// 入户登记表: one household per page, for a household, a batch, a village or the township.
import { REGISTERED_STATUSES } from '../../shared/status.ts';
import type { EnrollmentDocument } from '../../templates/enrollment/index.ts';
import { enrollmentBatch } from '../../templates/enrollment/index.ts';
import { enrollmentListXlsx } from '../../templates/enrollment/list-xlsx.ts';
import { formsPdf, formsXlsx } from '../../templates/layout/forms.ts';
import type { DocContext } from './context.ts';
import { householdSource } from './scope.ts';
import type { DocumentDef } from './types.ts';

export function enrollmentDocument(ctx: DocContext): EnrollmentDocument {
  return { township: ctx.township, year: ctx.year, printedOn: ctx.asOf };
}

export const enrollment: DocumentDef = {
  kind: 'enrollment',
  audience: 'internal',
  label: '入户登记表',
  description: '扶贫手册家庭情况页：家庭基本情况、成员（含参保、低保/特困）、当年收入明细、生产生活条件、致贫原因、监测信息、帮扶责任人和措施、签字栏；一户一份、与签字栏同页，可整村或全镇合成一个 PDF；Excel 为一张户成员清单',
  scopes: ['household', 'village', 'township', 'batch'],
  formats: ['pdf', 'xlsx'],
  batch: true,
  options: ['registeredOnly'],
  async render(ctx, req, out, job) {
    // One household: a form-shaped sheet; more: one list sheet (no sheet per household, no limit).
    const single = req.scope.householdNo !== null;
    const source = householdSource(ctx, req, '入户登记表', req.options.registeredOnly ? REGISTERED_STATUSES : undefined, job.limit, { sheetEach: single });
    const doc = enrollmentDocument(ctx);
    const batch = enrollmentBatch(doc);
    const r =
      req.format === 'pdf' ? await formsPdf(batch, source, out, job) : single ? await formsXlsx(batch, source, out, job) : await enrollmentListXlsx(doc, batch.title, source, out, job);
    return { ...r, title: batch.title, truncated: source.truncated };
  },
};
