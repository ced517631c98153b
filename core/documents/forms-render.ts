// The render every one-form-per-household document shares (入户登记表, 明白卡, 脱贫验收表,
// 年度人均纯收入计算表, 监测对象信息采集表, 承诺授权书): the households of the scope as records,
// streamed into one PDF, or a workbook (a sheet per household, or the kind's own list sheet),
// with the batch's title and whether a preview limit cut it short.
import type { Writable } from 'node:stream';
import type { DocumentRequest } from '../../shared/api/documents.ts';
import type { FormBatch, RecordSource, RenderHooks } from '../../templates/layout/forms.ts';
import { formsPdf, formsXlsx } from '../../templates/layout/forms.ts';
import type { RenderResult } from '../../templates/layout/pdf.ts';
import type { DocContext } from './context.ts';
import type { DocumentDef } from './types.ts';

export type FormSource<T> = RecordSource<T> & { truncated: boolean };

export interface HouseholdForms<T> {
  /** The records of the request's scope, at most `limit` (a preview). */
  source(ctx: DocContext, req: DocumentRequest, limit: number | undefined): FormSource<T>;
  batch(ctx: DocContext, req: DocumentRequest): FormBatch<T>;
  /** The workbook when it is not a sheet per household (a list sheet); `null`: a sheet per household. */
  listXlsx?: (ctx: DocContext, req: DocumentRequest, batch: FormBatch<T>) => ((source: FormSource<T>, out: Writable, hooks: RenderHooks) => Promise<RenderResult>) | null;
}

export function householdFormsRender<T>(forms: HouseholdForms<T>): DocumentDef['render'] {
  return async (ctx, req, out, job) => {
    const source = forms.source(ctx, req, job.limit);
    const batch = forms.batch(ctx, req);
    const list = req.format === 'xlsx' ? (forms.listXlsx?.(ctx, req, batch) ?? null) : null;
    const r = req.format === 'pdf' ? await formsPdf(batch, source, out, job) : list ? await list(source, out, job) : await formsXlsx(batch, source, out, job);
    return { ...r, title: batch.title, truncated: source.truncated };
  };
}

/** A one-form-per-household kind: internal, PDF and workbook, batch-printable, unless said otherwise. */
export function householdFormsDef<T>(
  def: Pick<DocumentDef, 'kind' | 'label' | 'description' | 'scopes'> & Partial<Pick<DocumentDef, 'audience' | 'options'>> & HouseholdForms<T>,
): DocumentDef {
  const { kind, label, description, scopes, audience = 'internal', options = [], ...forms } = def;
  return { kind, audience, label, description, scopes, formats: ['pdf', 'xlsx'], batch: true, options, render: householdFormsRender(forms) };
}
