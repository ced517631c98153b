// 监测对象信息采集表 and 承诺授权书 (防返贫监测 identification, 2021+): one household, a
// batch's, or a village's monitored households, one form each, streamed into one PDF.
import { MONITORED_STATUSES } from '../../shared/status.ts';
import type { MonitoringFormsDocument } from '../../templates/monitoring/index.ts';
import { consentBatch, intakeBatch } from '../../templates/monitoring/index.ts';
import { enrollmentListXlsx } from '../../templates/enrollment/list-xlsx.ts';
import { formsPdf, formsXlsx } from '../../templates/layout/forms.ts';
import type { DocContext } from './context.ts';
import { householdSource } from './scope.ts';
import type { DocumentDef } from './types.ts';

const documentOf = (ctx: DocContext): MonitoringFormsDocument => ({ township: ctx.township, year: ctx.year, printedOn: ctx.asOf });

/** A village's forms are for its monitoring objects; one household or a batch's are taken as asked. */
const statusesFor = (villageOnly: boolean) => (villageOnly ? MONITORED_STATUSES : undefined);

export const monitoringIntake: DocumentDef = {
  kind: 'monitoring-intake',
  audience: 'internal',
  label: '监测对象信息采集表',
  description: '防返贫监测识别入户采集：户基本信息、家庭成员（含参保、低保/特困）、风险类型、收入支出（含合规自付支出）、帮扶责任人和措施、信息采集人与户主签字；一户一份，整村为全部监测对象',
  scopes: ['household', 'village', 'batch'],
  formats: ['pdf', 'xlsx'],
  batch: true,
  options: [],
  async render(ctx, req, out, job) {
    const villageOnly = !req.scope.householdNo && !req.scope.batchId;
    const single = req.scope.householdNo !== null;
    const source = householdSource(ctx, req, '监测对象信息采集表', statusesFor(villageOnly), job.limit, { sheetEach: single });
    const doc = documentOf(ctx);
    const batch = intakeBatch(doc);
    const r = req.format === 'pdf' ? await formsPdf(batch, source, out, job) : single ? await formsXlsx(batch, source, out, job) : await enrollmentListXlsx(doc, batch.title, source, out, job);
    return { ...r, title: batch.title, truncated: source.truncated };
  },
};

export const consent: DocumentDef = {
  kind: 'consent',
  audience: 'internal',
  label: '承诺授权书',
  description: '防返贫监测农户承诺与授权：承诺所填信息真实，授权有关部门查询家庭成员收入、财产等信息；年满18周岁的家庭成员逐人签字或按手印；一户一份，整村为全部监测对象',
  scopes: ['household', 'village', 'batch'],
  formats: ['pdf', 'xlsx'],
  batch: true,
  options: [],
  async render(ctx, req, out, job) {
    const villageOnly = !req.scope.householdNo && !req.scope.batchId;
    // A workbook has one form-shaped sheet per household (a paper to sign, not a list).
    const source = householdSource(ctx, req, '承诺授权书', statusesFor(villageOnly), job.limit);
    const batch = consentBatch(documentOf(ctx));
    const r = req.format === 'pdf' ? await formsPdf(batch, source, out, job) : await formsXlsx(batch, source, out, job);
    return { ...r, title: batch.title, truncated: source.truncated };
  },
};
