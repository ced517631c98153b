// Codes of outcomes and states, with the Chinese a clerk reads.

export const OUTCOMES = ['pass', 'fail', 'return'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = { pass: '通过', fail: '不通过', return: '退回' };

/** Accepts the code or the Chinese label; null if neither. */
export function outcomeFrom(s: string): Outcome | null {
  const t = s.trim();
  if ((OUTCOMES as readonly string[]).includes(t)) return t as Outcome;
  return OUTCOMES.find((o) => OUTCOME_LABELS[o] === t) ?? null;
}

export const BATCH_STATUSES = ['open', 'closed', 'cancelled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = { open: '进行中', closed: '已公告完成', cancelled: '已撤销' };

export const STEP_STATUSES = ['pending', 'open', 'closed'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export const STEP_STATUS_LABELS: Record<StepStatus, string> = { pending: '未开始', open: '进行中', closed: '已完成' };

export const DECISION_ACTIONS = ['reopen', 'cancel'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];
export const DECISION_LABELS: Record<DecisionAction, string> = { reopen: '重新开启', cancel: '撤销批次' };
