// 重新检查 against the previous result: which findings closed (已整改), which are new (新增) and
// which are still there (仍存在). A finding is named by its household, rule, member, field and
// message; one marked 已核实无误 in the meantime is neither closed nor still open.
import type { Problem } from './types.ts';

export const problemKey = (p: Pick<Problem, 'householdId' | 'code' | 'memberId' | 'field' | 'message'>): string =>
  `${p.code}|${p.householdId}|${p.memberId ?? ''}|${p.field ?? ''}|${p.message}`;

export interface CheckDiff {
  /** In the previous result, gone now (已整改). */
  closed: Problem[];
  /** New since the previous result (新增). */
  added: Problem[];
  /** In both (仍存在). */
  remaining: number;
}

/** `acknowledged`: findings now marked 已核实无误 (they did not close: the data is as it was). */
export function diffChecks(previous: readonly Problem[], current: readonly Problem[], acknowledged: readonly Problem[] = []): CheckDiff {
  const before = new Set(previous.map(problemKey));
  const now = new Set(current.map(problemKey));
  const acked = new Set(acknowledged.map(problemKey));
  return {
    closed: previous.filter((p) => !now.has(problemKey(p)) && !acked.has(problemKey(p))),
    added: current.filter((p) => !before.has(problemKey(p))),
    remaining: current.filter((p) => before.has(problemKey(p))).length,
  };
}

/** 已整改 N 条 · 新增 M 条 · 仍存在 K 条 */
export const diffLine = (d: CheckDiff): string => `已整改 ${d.closed.length} 条 · 新增 ${d.added.length} 条 · 仍存在 ${d.remaining} 条`;
