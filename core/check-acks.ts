// 已核实无误 (issue 16): a finding the clerk checked and found correct is kept with its reason,
// operator and day, and a fingerprint of the rows it is about — the household with its members
// and incomes, or the one member. While the finding is still there and the rows are as they were,
// it is left out of the counts (listed apart); once the data changes it is raised again.
// 取消核实 deletes the mark. Both are audited.
import { createHash } from 'node:crypto';
import { writeTransaction } from '../db/handles.ts';
import type { Archive, Db } from '../db/open.ts';
import { duplicateIdProblems, gatherFacts } from '../db/quality.ts';
import { recordAudit } from '../db/repos/audit.ts';
import { householdBriefs } from '../db/repos/household-briefs.ts';
import { ackById, allAcks, deleteAck, fingerprintRows, insertAck } from '../db/repos/quality-acks.ts';
import type { AckRow, FingerprintRows } from '../db/repos/quality-acks.ts';
import type { Actor } from '../shared/actor.ts';
import type { AckView, AcknowledgedProblem } from '../shared/api/quality.ts';
import { UserError } from '../shared/errors.ts';
import { runRules } from '../shared/quality/index.ts';
import type { Problem } from '../shared/quality/index.ts';
import { checkSetup } from './check.ts';
import type { CheckResult } from './check.ts';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 32);

/** Names one finding of a household: its rule, member, field and message. */
export const findingKey = (p: Pick<Problem, 'code' | 'memberId' | 'field' | 'message'>): string => sha(JSON.stringify([p.code, p.memberId, p.field, p.message]));

function fingerprintOf(rows: FingerprintRows, householdId: string, memberId: string | null): string {
  return sha(JSON.stringify(memberId ? (rows.members.get(memberId) ?? null) : (rows.households.get(householdId) ?? null)));
}

const view = (a: AckRow): AckView => ({
  id: a.id,
  code: a.code,
  householdId: a.householdId,
  memberId: a.memberId,
  field: a.field,
  message: a.message,
  reason: a.reason,
  acknowledgedBy: a.acknowledgedBy,
  acknowledgedOn: a.acknowledgedOn,
});

export interface CheckWithAcks extends CheckResult {
  acknowledged: AcknowledgedProblem[];
}

/** The check's findings with the 已核实无误 ones (data unchanged) taken out of `problems` and the counts. */
export function applyAcks(db: Db, result: CheckResult): CheckWithAcks {
  const acks = allAcks(db);
  if (acks.length === 0) return { ...result, acknowledged: [] };
  const rows = fingerprintRows(db, acks.map((a) => a.householdId));
  const valid = new Map<string, AckRow>();
  for (const a of acks) if (a.fingerprint === fingerprintOf(rows, a.householdId, a.memberId)) valid.set(`${a.householdId}|${a.findingKey}`, a);
  const problems: Problem[] = [];
  const acknowledged: AcknowledgedProblem[] = [];
  const counts = { error: 0, warning: 0 };
  for (const p of result.problems) {
    const a = valid.size ? valid.get(`${p.householdId}|${findingKey(p)}`) : undefined;
    if (a) acknowledged.push({ problem: p, ack: view(a) });
    else {
      problems.push(p);
      counts[p.severity] += 1;
    }
  }
  return { ...result, problems, counts, acknowledged };
}

/** One household's findings now (its rules and the archive-wide duplicate IDs naming it). */
export function householdProblems(archive: Archive, asOf: string, householdId: string): Problem[] {
  const setup = checkSetup(archive, { asOf });
  const out: Problem[] = [];
  for (const f of gatherFacts(archive.db, { householdIds: [householdId] })) out.push(...runRules(f, setup.ctx, setup.rules));
  out.push(...duplicateIdProblems(archive.db, asOf).filter((p) => p.householdId === householdId));
  return out;
}

export interface AckRequest {
  householdId: string;
  code: string;
  /** undefined: any member (and the household's own); null: the household's own finding only. */
  memberId?: string | null | undefined;
  field?: string | null | undefined;
  message?: string | undefined;
  reason: string;
}

/** Marks the matching findings 已核实无误 (those not marked already); refused when there is none. */
export function acknowledge(archive: Archive, actor: Actor, today: string, req: AckRequest): AckView[] {
  const reason = req.reason.trim();
  if (!reason) throw new UserError('请填写核实无误的理由（例如“经入户核实，该成员确为技能劳动力”）：没有理由不能标记已核实无误。', { kind: 'usage' });
  const brief = householdBriefs(archive.db, [req.householdId])[0];
  if (!brief) throw new UserError('这一户已不在档案中：请重新检查后再核实。');
  const found = householdProblems(archive, today, req.householdId).filter(
    (p) =>
      p.code === req.code &&
      (req.memberId === undefined || p.memberId === req.memberId) &&
      (req.field === undefined || p.field === req.field) &&
      (req.message === undefined || p.message === req.message),
  );
  if (found.length === 0) {
    throw new UserError(`户编号 ${brief.no} 现在没有规则 ${req.code} 的问题${req.memberId ? '（该成员）' : ''}：可能已经整改，或数据已变。请重新检查后再核实。`);
  }
  const open = applyAcks(archive.db, { year: null, asOf: today, problems: found, counts: { error: 0, warning: 0 } }).problems;
  if (open.length === 0) throw new UserError(`户编号 ${brief.no} 规则 ${req.code} 的问题已经核实无误，不用再核实。`);
  return writeTransaction(archive.db, (w) => {
    const rows = fingerprintRows(w, [req.householdId]);
    return open.map((p) => {
      const row = insertAck(w, actor, {
        code: p.code,
        householdId: p.householdId,
        memberId: p.memberId,
        field: p.field,
        findingKey: findingKey(p),
        fingerprint: fingerprintOf(rows, p.householdId, p.memberId),
        message: p.message,
        reason,
        acknowledgedBy: actor.operator,
        acknowledgedOn: today,
      });
      const who = p.member ? ` ${p.member}` : '';
      recordAudit(w, actor, { action: 'insert', tableName: 'quality_acks', recordId: row.id, householdId: p.householdId, after: view(row), note: `已核实无误：${p.code} ${p.title}${who}（${reason}）` });
      return view(row);
    });
  });
}

/** 取消核实: the mark goes; the finding counts again. */
export function unacknowledge(db: Db, actor: Actor, id: string): AckView {
  return writeTransaction(db, (w) => {
    const a = ackById(w, id);
    if (!a) throw new UserError('这条“已核实无误”记录已不在档案中（可能已取消）：请重新检查。');
    deleteAck(w, id);
    recordAudit(w, actor, { action: 'delete', tableName: 'quality_acks', recordId: id, householdId: a.householdId, before: view(a), note: `取消核实：${a.code}（原理由：${a.reason}）` });
    return view(a);
  });
}
