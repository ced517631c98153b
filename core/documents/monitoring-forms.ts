// 监测对象信息采集表 and 承诺授权书 (防返贫监测 identification, 2021+): one household, a
// batch's, or a village's monitored households, one form each, streamed into one PDF.
import { MONITORED_STATUSES } from '../../shared/status.ts';
import type { MonitoringFormsDocument } from '../../templates/monitoring/index.ts';
import { consentBatch, intakeBatch } from '../../templates/monitoring/index.ts';
import type { DocumentRequest } from '../../shared/api/documents.ts';
import type { DocContext } from './context.ts';
import { listSheetUnlessOne } from './enrollment.ts';
import { householdFormsDef } from './forms-render.ts';
import { householdSource } from './scope.ts';

const documentOf = (ctx: DocContext): MonitoringFormsDocument => ({ township: ctx.township, year: ctx.year, printedOn: ctx.asOf });

/** A village's forms are for its monitoring objects; one household or a batch's are taken as asked. */
const monitoredSource = (what: string, opts: { sheetEach?: boolean } = {}) => (ctx: DocContext, req: DocumentRequest, limit: number | undefined) =>
  householdSource(ctx, req, what, !req.scope.householdNo && !req.scope.batchId ? MONITORED_STATUSES : undefined, limit, opts);

export const monitoringIntake = householdFormsDef({
  kind: 'monitoring-intake',
  label: '监测对象信息采集表',
  description: '防返贫监测识别入户采集：户基本信息、家庭成员（含参保、低保/特困）、风险类型、收入支出（含合规自付支出）、帮扶责任人和措施、信息采集人与户主签字；一户一份，整村为全部监测对象',
  scopes: ['household', 'village', 'batch'],
  source: (ctx, req, limit) => monitoredSource('监测对象信息采集表', { sheetEach: req.scope.householdNo !== null })(ctx, req, limit),
  batch: (ctx) => intakeBatch(documentOf(ctx)),
  listXlsx: listSheetUnlessOne(documentOf),
});

export const consent = householdFormsDef({
  kind: 'consent',
  label: '承诺授权书',
  description: '防返贫监测农户承诺与授权：承诺所填信息真实，授权有关部门查询家庭成员收入、财产等信息；年满18周岁的家庭成员逐人签字或按手印；一户一份，整村为全部监测对象',
  scopes: ['household', 'village', 'batch'],
  // A workbook has one form-shaped sheet per household (a paper to sign, not a list).
  source: monitoredSource('承诺授权书'),
  batch: (ctx) => consentBatch(documentOf(ctx)),
});
