// The batch page's small forms as typed (dates as 'YYYY-MM-DD' text) → the API's inputs, with
// the obvious mistakes caught before the call. What only the archive can judge (gates, dates
// against steps, households already in a batch) is left to it: its Chinese refusal is shown.
import type { Api, InputOf } from '../../shared/api/index.ts';
import type { Outcome, WorkflowKind } from '../../shared/workflows/index.ts';
import { isIsoDate } from './measure-form.ts';

export type Checked<T> = { ok: true; input: T } | { ok: false; field: string; message: string };

type W = Api['workflows'];
export type CreateInput = InputOf<W['create']>;
export type OutcomeInput = InputOf<W['recordOutcome']>;
export type OpenInput = InputOf<W['openStep']>;
export type CloseInput = InputOf<W['closeStep']>;
export type ObjectionInput = InputOf<W['raiseObjection']>;
export type SettleInput = InputOf<W['settleObjection']>;
export type DecisionInput = InputOf<W['reopen']>;
export type RemoveInput = InputOf<W['removeHousehold']>;
export type StartInput = InputOf<W['setStart']>;

const fail = (field: string, message: string): { ok: false; field: string; message: string } => ({ ok: false, field, message });

export const orNull = (s: string | null | undefined): string | null => {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
};

/** Why a typed date is not usable, or null. */
export function dateProblem(raw: string | null | undefined, label: string, today: string): string | null {
  const s = (raw ?? '').trim();
  if (s === '') return `请填写${label}`;
  if (!isIsoDate(s)) return `${label}格式应为 YYYY-MM-DD，例如 ${today}`;
  if (s > today) return `${label} ${s} 晚于今天（${today}）：不能登记尚未发生的事`;
  return null;
}

export interface CreateValues {
  kind: WorkflowKind | null;
  year: number | null;
  villageIds: string[];
  createdOn: string;
  title: string;
}

export function createInputFrom(v: CreateValues, today: string): Checked<CreateInput> {
  if (!v.kind) return fail('kind', '请选择程序类型');
  if (v.year == null || !Number.isInteger(v.year) || v.year < 2000 || v.year > 2100) return fail('year', '请填写年度（2000—2100）');
  const bad = dateProblem(v.createdOn, '本批次实际开始日期', today);
  if (bad) return fail('createdOn', bad);
  return { ok: true, input: { kind: v.kind, year: v.year, villageIds: v.villageIds, createdOn: v.createdOn.trim(), title: orNull(v.title) } };
}

export interface OutcomeValues {
  outcome: Outcome;
  reason: string;
  decidedOn: string;
  decidedBy: string;
}

export function outcomeInputFrom(v: OutcomeValues, batchId: string, seq: number, householdIds: string[], today: string): Checked<OutcomeInput> {
  if (householdIds.length === 0) return fail('householdIds', '请先在农户列表中勾选农户');
  const reason = orNull(v.reason);
  if (v.outcome !== 'pass' && !reason) return fail('reason', '不通过或退回必须填写理由');
  const bad = dateProblem(v.decidedOn, '结果日期', today);
  if (bad) return fail('decidedOn', bad);
  return { ok: true, input: { batchId, seq, householdIds, outcome: v.outcome, reason, decidedOn: v.decidedOn.trim(), decidedBy: orNull(v.decidedBy) } };
}

export interface OpenValues {
  startedOn: string;
  postedAt: string;
  note: string;
}

export function openInputFrom(v: OpenValues, batchId: string, seq: number, publicity: boolean, today: string): Checked<OpenInput> {
  const bad = dateProblem(v.startedOn, '开始日期', today);
  if (bad) return fail('startedOn', bad);
  const postedAt = orNull(v.postedAt);
  if (publicity && !postedAt) return fail('postedAt', '公示环节请填写张贴地点，例如“××村村务公开栏”');
  return { ok: true, input: { batchId, seq, startedOn: v.startedOn.trim(), postedAt, note: orNull(v.note) } };
}

export function closeInputFrom(v: { closedOn: string; note: string }, batchId: string, seq: number, today: string): Checked<CloseInput> {
  const bad = dateProblem(v.closedOn, '完成日期', today);
  if (bad) return fail('closedOn', bad);
  return { ok: true, input: { batchId, seq, closedOn: v.closedOn.trim(), note: orNull(v.note) } };
}

export interface ObjectionValues {
  householdId: string | null;
  raisedBy: string;
  raisedOn: string;
  content: string;
}

export function objectionInputFrom(v: ObjectionValues, batchId: string, seq: number, today: string): Checked<ObjectionInput> {
  const bad = dateProblem(v.raisedOn, '提出日期', today);
  if (bad) return fail('raisedOn', bad);
  const content = orNull(v.content);
  if (!content) return fail('content', '请填写异议内容');
  return { ok: true, input: { batchId, seq, householdId: v.householdId, raisedBy: orNull(v.raisedBy), raisedOn: v.raisedOn.trim(), content } };
}

export interface SettleValues {
  handling: string;
  result: string;
  settledOn: string;
}

export function settleInputFrom(v: SettleValues, id: string, raisedOn: string, today: string): Checked<SettleInput> {
  const handling = orNull(v.handling);
  if (!handling) return fail('handling', '请填写处理情况（谁核实、怎么核实的）');
  const result = orNull(v.result);
  if (!result) return fail('result', '请填写处理结果，例如“异议不成立”');
  const bad = dateProblem(v.settledOn, '办结日期', today);
  if (bad) return fail('settledOn', bad);
  if (v.settledOn.trim() < raisedOn) return fail('settledOn', `办结日期不能早于异议提出日期 ${raisedOn}`);
  return { ok: true, input: { id, handling, result, settledOn: v.settledOn.trim() } };
}

export interface DecisionValues {
  decision: string;
  reason: string;
  decidedOn: string;
}

export function decisionInputFrom(v: DecisionValues, batchId: string, today: string): Checked<DecisionInput> {
  const decision = orNull(v.decision);
  if (!decision) return fail('decision', '请填写决定（文号或会议名称）');
  const reason = orNull(v.reason);
  if (!reason) return fail('reason', '请填写理由');
  const bad = dateProblem(v.decidedOn, '决定日期', today);
  if (bad) return fail('decidedOn', bad);
  return { ok: true, input: { batchId, decision, reason, decidedOn: v.decidedOn.trim() } };
}

export function removeInputFrom(v: { on: string; reason: string }, batchId: string, householdId: string, today: string): Checked<RemoveInput> {
  const reason = orNull(v.reason);
  if (!reason) return fail('reason', '请填写移出理由');
  const bad = dateProblem(v.on, '移出日期', today);
  if (bad) return fail('on', bad);
  return { ok: true, input: { batchId, householdId, on: v.on.trim(), reason } };
}

/** 修改开始日期: the batch's real start, moved back for a procedure already done on paper. */
export function startInputFrom(v: { createdOn: string; reason: string }, batchId: string, today: string): Checked<StartInput> {
  const bad = dateProblem(v.createdOn, '本批次实际开始日期', today);
  if (bad) return fail('createdOn', bad);
  return { ok: true, input: { batchId, createdOn: v.createdOn.trim(), reason: orNull(v.reason) } };
}
