// One monitoring object: its page (checks and remedies), and what a clerk records on it — the
// monthly check (level computed from the predicted income and the items at risk), a remedy,
// its risks (at most five), and the removal of its risk by a recorded decision, flagged when
// sooner than six months after identification.
import { writeTransaction } from '../../db/handles.ts';
import type { ReadDb } from '../../db/handles.ts';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { householdById, writeHouseholdRisks, writeStatusChange } from '../../db/repos/household-status.ts';
import { checkById, checksLatestFirst, insertCheck, remediesOfHousehold, remedyById, saveRemedyRecord } from '../../db/repos/monitoring.ts';
import type { Actor } from '../../shared/actor.ts';
import type { MonitoringDetail, MonitoringObjectView, RemovalResult } from '../../shared/api/monitoring.ts';
import { UserError } from '../../shared/errors.ts';
import type { HouseholdRecord } from '../../shared/records.ts';
import { MONITORED_STATUSES, STATUS_LABELS } from '../../shared/status.ts';
import { LEVEL_LABELS, earlyRemoval, monitoringLevel } from '../../shared/workflows/index.ts';
import type { GuaranteeItem } from '../../shared/workflows/index.ts';
import { describeHousehold, householdBriefs, normalizeRisks, refuseFuture, todayOf } from './common.ts';
import { objectViews, thresholdsOf } from './monitoring-board.ts';
import { policyLookup } from './settings.ts';

function requireHousehold(db: ReadDb, id: string): HouseholdRecord {
  const h = householdById(db, id);
  if (!h) throw new UserError('找不到这一户，可能已被删除：请刷新后重试。');
  return h;
}

/** A household under monitoring whose risk is not removed. */
function requireObject(db: ReadDb, actor: Actor, id: string, what: string): { h: HouseholdRecord; view: MonitoringObjectView } {
  const h = requireHousehold(db, id);
  const who = describeHousehold({ no: h.no, head: householdBriefs(db, [id]).get(id)?.head ?? null });
  if (!MONITORED_STATUSES.includes(h.status)) {
    throw new UserError(`${who}现为${STATUS_LABELS[h.status]}，不是防返贫监测对象，不能${what}：请先经监测对象识别程序纳入监测。`);
  }
  if (h.riskRemoved === true) throw new UserError(`${who}的风险已于 ${h.monitoringEnd ?? ''} 消除，不能再${what}：如需恢复监测，请重新办理监测对象识别。`);
  return { h, view: objectViews(db, [h], todayOf(actor).slice(0, 7))[0]! };
}

function notBeforeIdentified(view: MonitoringObjectView, date: string, what: string): void {
  const since = view.identifiedOn;
  if (since && /^\d{4}-\d{2}-\d{2}$/.test(since) && date < since) throw new UserError(`${what} ${date} 早于纳入监测的日期 ${since}：请核对日期。`);
}

export function monitoringDetail(db: ReadDb, householdId: string, asOf: string): MonitoringDetail {
  const h = requireHousehold(db, householdId);
  const checks = checksLatestFirst(db, [h.id]);
  const remedies = remediesOfHousehold(db, h.id);
  return {
    object: objectViews(db, [h], asOf.slice(0, 7))[0]!,
    checks: checks.map((c) => ({
      id: c.id,
      checkedOn: c.checkedOn,
      predictedPerCapitaFen: c.predictedPerCapitaFen,
      atRisk: c.atRisk as GuaranteeItem[],
      level: c.level,
      levelLabel: LEVEL_LABELS[c.level],
      findings: c.findings,
      actions: c.actions,
      checkedBy: c.checkedBy,
      recordedBy: c.updatedBy,
    })),
    remedies: remedies.map(({ householdId: _h, version: _v, updatedAt: _a, updatedBy: _b, ...r }) => r),
  };
}

export interface CheckInput {
  householdId: string;
  checkedOn: string;
  predictedPerCapitaFen: number | null;
  atRisk: GuaranteeItem[];
  findings: string | null;
  actions: string | null;
  checkedBy: string | null;
}

export function recordCheck(db: Db, actor: Actor, input: CheckInput): string {
  writeTransaction(db, (w) => {
    const { h, view } = requireObject(w, actor, input.householdId, '登记月度走访');
    refuseFuture(actor, input.checkedOn, '走访日期');
    notBeforeIdentified(view, input.checkedOn, '走访日期');
    const atRisk = [...new Set(input.atRisk)];
    const { level, reasons } = monitoringLevel(input.predictedPerCapitaFen, atRisk, thresholdsOf(policyLookup(w), Number(input.checkedOn.slice(0, 4))));
    const values = { householdId: h.id, checkedOn: input.checkedOn, predictedPerCapitaFen: input.predictedPerCapitaFen, atRisk, level, findings: input.findings, actions: input.actions, checkedBy: input.checkedBy };
    const id = insertCheck(w, actor, values);
    recordAudit(w, actor, { action: 'insert', tableName: 'monitoring_checks', recordId: id, householdId: h.id, after: values, note: `月度走访（${input.checkedOn}）：${LEVEL_LABELS[level]}。${reasons.join('；')}` });
  });
  return input.householdId;
}

export interface RemedyInput {
  id: string | null;
  householdId: string;
  checkId: string | null;
  shortfall: string;
  action: string;
  responsible: string | null;
  dueOn: string | null;
  doneOn: string | null;
  result: string | null;
}

export function saveRemedy(db: Db, actor: Actor, input: RemedyInput): string {
  writeTransaction(db, (w) => {
    const { h } = requireObject(w, actor, input.householdId, '登记帮扶措施');
    if (input.checkId) {
      const c = checkById(w, input.checkId);
      if (!c || c.householdId !== h.id) throw new UserError('所选的走访记录不属于这一户：请重新选择。');
    }
    if (input.doneOn) refuseFuture(actor, input.doneOn, '落实日期');
    const prev = input.id ? remedyById(w, input.id) : undefined;
    if (input.id && (!prev || prev.householdId !== h.id)) throw new UserError('找不到要修改的帮扶措施，可能已被删除：请刷新后重试。');
    const { id: _id, householdId: _h, ...values } = input;
    const id = saveRemedyRecord(w, actor, prev?.id ?? null, h.id, values);
    recordAudit(w, actor, { action: prev ? 'update' : 'insert', tableName: 'monitoring_remedies', recordId: id, householdId: h.id, before: prev ?? null, after: values, note: `监测帮扶（${input.shortfall}）：${input.action}` });
  });
  return input.householdId;
}

export function setRisks(db: Db, actor: Actor, input: { householdId: string; risks: string[] }): MonitoringObjectView {
  writeTransaction(db, (w) => {
    const { h } = requireObject(w, actor, input.householdId, '修改风险');
    const risks = normalizeRisks(input.risks);
    writeHouseholdRisks(w, actor, h.id, risks);
    recordAudit(w, actor, { action: 'monitoring', tableName: 'households', recordId: h.id, householdId: h.id, before: { risks: h.risks }, after: { risks }, note: `致贫/返贫风险：${risks.join('、')}` });
  });
  return objectViews(db, [requireHousehold(db, input.householdId)], todayOf(actor).slice(0, 7))[0]!;
}

export interface RemovalInput {
  householdId: string;
  method: string;
  removedOn: string;
  decision: string;
  reason: string | null;
}

/** Marks the risk removed (帮扶消除 / 自然消除) by a recorded decision; early removals are flagged, not refused. */
export function removeRisk(db: Db, actor: Actor, input: RemovalInput): RemovalResult {
  const early = writeTransaction(db, (w) => {
    const { h, view } = requireObject(w, actor, input.householdId, '消除风险');
    refuseFuture(actor, input.removedOn, '消除日期');
    notBeforeIdentified(view, input.removedOn, '消除日期');
    const flag = earlyRemoval(view.identifiedOn ?? input.removedOn, input.removedOn);
    const patch = { riskRemoved: true, riskRemovalMethod: input.method, monitoringEnd: input.removedOn.slice(0, 4) + input.removedOn.slice(5, 7) };
    const reason = `风险已消除（${input.method}）${input.reason ? `：${input.reason}` : ''}${flag.early ? `；${flag.message ?? ''}` : ''}`;
    writeStatusChange(w, actor, { householdId: h.id, status: h.status, fields: patch, year: Number(input.removedOn.slice(0, 4)), effectiveOn: input.removedOn, batchId: null, decision: input.decision, reason });
    recordAudit(w, actor, {
      action: 'monitoring',
      tableName: 'households',
      recordId: h.id,
      householdId: h.id,
      before: { riskRemoved: h.riskRemoved, riskRemovalMethod: h.riskRemovalMethod, monitoringEnd: h.monitoringEnd },
      after: patch,
      note: `依据“${input.decision}”${reason}`,
    });
    return flag;
  });
  return { object: objectViews(db, [requireHousehold(db, input.householdId)], input.removedOn.slice(0, 7))[0]!, early };
}
