// 防返贫监测 board and forms as plain data: level colours, the monthly check (predicted income
// in 元 → 分, items at risk, the level it gives, by the archive's own rule), remedies, risks
// (at most five) and the removal with its six-month flag shown before saving.
import type { Api, InputOf, MonitoringBoard, MonitoringObjectView } from '../../shared/api/index.ts';
import { GUARANTEE_ITEMS, earlyRemoval, monitoringLevel } from '../../shared/workflows/index.ts';
import type { CheckDue, EarlyRemoval, GuaranteeItem, LevelResult, MonitoringLevel } from '../../shared/workflows/index.ts';
import { parseYuanInput } from './money-input.ts';
import type { Checked } from './workflow-forms.ts';
import { dateProblem, orNull } from './workflow-forms.ts';

type M = Api['monitoring'];
export type CheckInput = InputOf<M['recordCheck']>;
export type RemedyInput = InputOf<M['saveRemedy']>;
export type RemovalInput = InputOf<M['removeRisk']>;

export const LEVEL_COLORS: Record<MonitoringLevel, string> = { red: 'red', yellow: 'gold', green: 'green' };
export const DUE_COLORS: Record<CheckDue, string> = { done: 'green', due: 'blue', overdue: 'red' };
export const GUARANTEE_OPTIONS = (Object.keys(GUARANTEE_ITEMS) as GuaranteeItem[]).map((k) => ({ value: k, label: GUARANTEE_ITEMS[k] }));
export const MAX_RISKS = 5;

export function boardSummary(b: MonitoringBoard): string {
  const c = b.counts;
  return `${b.month.replace('-', '年')}月 监测对象 ${c.total} 户：红色 ${c.red}，黄色 ${c.yellow}，绿色 ${c.green}；本月待走访 ${c.due}，上月也未走访 ${c.overdue}`;
}

export interface CheckValues {
  checkedOn: string;
  /** 元 as typed; blank means not estimated. */
  predicted: string;
  atRisk: GuaranteeItem[];
  findings: string;
  actions: string;
  checkedBy: string;
}

/** 元 text → 分, blank → null. */
function predictedFen(raw: string): { ok: true; fen: number | null } | { ok: false; message: string } {
  if (raw.trim() === '') return { ok: true, fen: null };
  const p = parseYuanInput(raw);
  return p.ok ? { ok: true, fen: p.fen } : p;
}

/** The level the check will give, by the same rule and thresholds as the archive; null while the income is not a number. */
export function levelPreview(v: Pick<CheckValues, 'predicted' | 'atRisk'>, thresholds: MonitoringBoard['thresholds']): LevelResult | null {
  const p = predictedFen(v.predicted);
  return p.ok ? monitoringLevel(p.fen, v.atRisk, thresholds) : null;
}

export function checkInputFrom(v: CheckValues, householdId: string, today: string): Checked<CheckInput> {
  const bad = dateProblem(v.checkedOn, '走访日期', today);
  if (bad) return { ok: false, field: 'checkedOn', message: bad };
  const p = predictedFen(v.predicted);
  if (!p.ok) return { ok: false, field: 'predicted', message: p.message };
  return {
    ok: true,
    input: { householdId, checkedOn: v.checkedOn.trim(), predictedPerCapitaFen: p.fen, atRisk: [...new Set(v.atRisk)], findings: orNull(v.findings), actions: orNull(v.actions), checkedBy: orNull(v.checkedBy) },
  };
}

export interface RemedyValues {
  checkId: string | null;
  shortfall: string;
  action: string;
  responsible: string;
  dueOn: string;
  doneOn: string;
  result: string;
}

export function remedyInputFrom(v: RemedyValues, householdId: string, id: string | null, today: string): Checked<RemedyInput> {
  const shortfall = orNull(v.shortfall);
  if (!shortfall) return { ok: false, field: 'shortfall', message: '请填写短板（收入或“两不愁三保障”的哪一项）' };
  const action = orNull(v.action);
  if (!action) return { ok: false, field: 'action', message: '请填写帮扶措施' };
  const dueOn = orNull(v.dueOn);
  if (dueOn) {
    const bad = dateProblem(dueOn, '计划完成日期', '9999-12-31');
    if (bad) return { ok: false, field: 'dueOn', message: bad };
  }
  const doneOn = orNull(v.doneOn);
  if (doneOn) {
    const bad = dateProblem(doneOn, '落实日期', today);
    if (bad) return { ok: false, field: 'doneOn', message: bad };
  }
  return { ok: true, input: { id, householdId, checkId: v.checkId, shortfall, action, responsible: orNull(v.responsible), dueOn, doneOn, result: orNull(v.result) } };
}

/** Why a risk list cannot be saved, or null. */
export function risksProblem(risks: readonly string[]): string | null {
  const clean = [...new Set(risks.map((r) => r.trim()).filter(Boolean))];
  if (clean.length === 0) return '至少填写1项风险';
  if (clean.length > MAX_RISKS) return `致贫/返贫风险最多${MAX_RISKS}项，现有 ${clean.length} 项：请合并或删去次要的`;
  return null;
}

/** The six-month flag as it will be recorded, shown while the clerk fills in the date. */
export function removalPreview(o: Pick<MonitoringObjectView, 'identifiedOn'>, removedOn: string): EarlyRemoval | null {
  if (!o.identifiedOn || !/^\d{4}-\d{2}-\d{2}$/.test(removedOn.trim())) return null;
  try {
    return earlyRemoval(o.identifiedOn, removedOn.trim());
  } catch {
    return null;
  }
}

export interface RemovalValues {
  method: '帮扶消除' | '自然消除' | null;
  removedOn: string;
  decision: string;
  reason: string;
}

export function removalInputFrom(v: RemovalValues, householdId: string, today: string): Checked<RemovalInput> {
  if (!v.method) return { ok: false, field: 'method', message: '请选择风险消除方式：帮扶消除 或 自然消除' };
  const bad = dateProblem(v.removedOn, '消除日期', today);
  if (bad) return { ok: false, field: 'removedOn', message: bad };
  const decision = orNull(v.decision);
  if (!decision) return { ok: false, field: 'decision', message: '请填写决定（文号或会议名称）：风险消除须有记录的决定' };
  return { ok: true, input: { householdId, method: v.method, removedOn: v.removedOn.trim(), decision, reason: orNull(v.reason) } };
}
