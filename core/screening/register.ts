// The 预警 register: hits with their status and due date, filtered and counted; and what the
// clerk does with a hit — records the 核实 result (纳入监测 / 无风险), starts a 监测识别 batch for
// the household (the workflow's own createBatch, as workflows.create does), or dismisses it with
// a reason. Only a hit waiting for its 核实 changes; each change is audited.
import { writeTransaction } from '../../db/handles.ts';
import type { WriteDb } from '../../db/handles.ts';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { alertById, alertCounts, alertRows, overdueCount, updateAlert } from '../../db/repos/screening.ts';
import type { AlertListRow, AlertOutcome, AlertQuery, AlertRow } from '../../db/repos/screening.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AlertRegister, AlertView } from '../../shared/api/screening.ts';
import { UserError } from '../../shared/errors.ts';
import { ALERT_STATUSES, ALERT_STATUS_LABELS, DEPARTMENTS, DEPARTMENT_DEFS } from '../../shared/screening/departments.ts';
import type { AlertStatus, Department } from '../../shared/screening/departments.ts';
import { createBatch } from '../workflows/create.ts';

export interface RegisterFilter {
  department: Department | null;
  status: AlertStatus | null;
  villageId: string | null;
  overdue: boolean;
  householdId: string | null;
  /** County mode: one township's hits (the register and its counts). */
  townshipId?: string | null;
}

function view(r: AlertListRow, today: string): AlertView {
  const department = r.department as Department;
  return {
    id: r.id,
    department,
    departmentLabel: DEPARTMENT_DEFS[department]?.label ?? r.department,
    listId: r.listId,
    listTitle: r.listTitle,
    listDate: r.listDate,
    rowNo: r.rowNo,
    householdId: r.householdId,
    householdNo: r.householdNo,
    villageId: r.villageId,
    villageName: r.villageName,
    head: r.head,
    memberName: r.memberName,
    matchedBy: r.matchedBy,
    reason: r.reason,
    figures: r.figures,
    status: r.status,
    statusLabel: ALERT_STATUS_LABELS[r.status],
    dueOn: r.dueOn,
    overdue: r.status === 'pending' && r.dueOn < today,
    result: r.result,
    resolvedBy: r.resolvedBy,
    resolvedOn: r.resolvedOn,
    batchId: r.batchId,
  };
}

/** The register's counts (by status and department, overdue), of the archive or of one township. */
export function registerCounts(db: Db, today: string, townshipId: string | null = null): AlertRegister['counts'] {
  const byStatus = Object.fromEntries(ALERT_STATUSES.map((s) => [s, 0])) as Record<AlertStatus, number>;
  const byDept = new Map<string, { total: number; pending: number }>();
  let total = 0;
  for (const c of alertCounts(db, townshipId)) {
    byStatus[c.status] += c.n;
    total += c.n;
    const d = byDept.get(c.department) ?? { total: 0, pending: 0 };
    d.total += c.n;
    if (c.status === 'pending') d.pending += c.n;
    byDept.set(c.department, d);
  }
  return {
    total,
    overdue: overdueCount(db, today, townshipId),
    byStatus,
    byDepartment: DEPARTMENTS.filter((d) => byDept.has(d)).map((d) => ({ department: d, label: DEPARTMENT_DEFS[d].label, ...byDept.get(d)! })),
  };
}

export function alertRegister(db: Db, today: string, f: RegisterFilter): AlertRegister {
  const townshipId = f.townshipId ?? null;
  const q: AlertQuery = { department: f.department, status: f.status, villageId: f.villageId, householdId: f.householdId, overdueOn: f.overdue ? today : null, townshipId };
  return { asOf: today, counts: registerCounts(db, today, townshipId), alerts: alertRows(db, q).map((r) => view(r, today)) };
}

function one(db: Db, id: string, today: string): AlertView {
  const r = alertRows(db, { id })[0];
  if (!r) throw new UserError('这条预警已不在档案中：请刷新预警列表。');
  return view(r, today);
}

function pendingAlert(db: Db, id: string): AlertRow {
  const a = alertById(db, id);
  if (!a) throw new UserError('这条预警已不在档案中：请刷新预警列表。');
  if (a.status !== 'pending') {
    throw new UserError(`这条预警已处理（${ALERT_STATUS_LABELS[a.status]}${a.resolvedOn ? `，${a.resolvedOn}` : ''}${a.resolvedBy ? `，${a.resolvedBy}` : ''}）：只有“待核实”的预警可以登记核实结果或排除。`);
  }
  return a;
}

function resolve(w: WriteDb, actor: Actor, a: AlertRow, outcome: AlertOutcome, note: string): void {
  updateAlert(w, actor, a.id, outcome);
  recordAudit(w, actor, {
    action: 'update',
    tableName: 'screening_alerts',
    recordId: a.id,
    householdId: a.householdId,
    before: { status: a.status, result: a.result },
    after: outcome,
    note,
  });
}

export function verifyAlert(db: Db, actor: Actor, today: string, input: { id: string; outcome: 'monitor' | 'no_risk'; result: string }): AlertView {
  writeTransaction(db, (w) => {
    const a = pendingAlert(w, input.id);
    const label = DEPARTMENT_DEFS[a.department as Department]?.label ?? a.department;
    resolve(w, actor, a, { status: input.outcome, result: input.result, resolvedBy: actor.operator, resolvedOn: today, batchId: null }, `${label}预警核实：${ALERT_STATUS_LABELS[input.outcome]}（${input.result}）`);
  });
  return one(db, input.id, today);
}

export function dismissAlert(db: Db, actor: Actor, today: string, input: { id: string; reason: string }): AlertView {
  writeTransaction(db, (w) => {
    const a = pendingAlert(w, input.id);
    const label = DEPARTMENT_DEFS[a.department as Department]?.label ?? a.department;
    resolve(w, actor, a, { status: 'dismissed', result: input.reason, resolvedBy: actor.operator, resolvedOn: today, batchId: null }, `排除${label}预警：${input.reason}`);
  });
  return one(db, input.id, today);
}

/** A 监测识别 batch with the hit's household (its first step open for 入户核实); the hit is then 已核实-纳入监测. */
export function startMonitoring(db: Db, actor: Actor, today: string, input: { id: string; year: number; createdOn: string; title: string | null }): AlertView {
  writeTransaction(db, (w) => {
    const a = pendingAlert(w, input.id);
    const label = DEPARTMENT_DEFS[a.department as Department]?.label ?? a.department;
    const villageId = alertRows(w, { id: a.id })[0]!.villageId;
    const batchId = createBatch(w, actor, { kind: 'monitoring', year: input.year, villageIds: [villageId], title: input.title, createdOn: input.createdOn, householdIds: [a.householdId] });
    resolve(w, actor, a, { status: 'monitor', result: `${a.reason}：已发起监测对象识别`, resolvedBy: actor.operator, resolvedOn: today, batchId }, `${label}预警：发起监测对象识别批次`);
  });
  return one(db, input.id, today);
}
