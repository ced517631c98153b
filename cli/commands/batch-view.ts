// How a batch reads on the terminal: the step timeline, then its households.
import type { BatchDetail } from '../../shared/api/workflows.ts';
import { emit } from '../io.ts';
import type { Io } from '../io.ts';

/** The batch page as text: the step timeline, then the households. */
export function describeBatch(d: BatchDetail): string {
  const lines = [`${d.title}（${d.kindLabel}，${d.statusLabel}）编号 ${d.id}`, `${d.householdCount} 户；${d.next}`];
  for (const q of d.quota) if (q.message) lines.push(`规模提示：${q.message}`);
  for (const s of d.steps) {
    const when = s.status === 'pending' ? '' : `${s.startedOn ?? ''} 至 ${s.closedOn ?? (s.endsOn ? `${s.endsOn}（公示期满）` : '')}`;
    lines.push(`  ${s.seq}. ${s.label}［${s.statusLabel}］${when}${s.postedAt ? ` 张贴于${s.postedAt}` : ''}  通过${s.counts.pass} 不通过${s.counts.fail} 退回${s.counts.return} 待定${s.counts.pending}`);
    for (const m of s.meetings) lines.push(`     会议 ${m.heldOn}：到会 ${m.attendeesCount ?? '?'}/${m.entitledCount ?? '?'} 人${m.valid ? '' : `（${m.problem ?? ''}）`}`);
    for (const o of s.objections) lines.push(`     异议 ${o.id.slice(0, 8)} ${o.raisedOn} ${o.raisedBy ?? '匿名'}：${o.content}${o.settledOn ? `；${o.settledOn} 办结：${o.result ?? ''}` : '（未办结）'}`);
  }
  for (const h of d.households) {
    const stop = h.stoppedAt ? `，第${h.stoppedAt}步${h.outcomes[h.stoppedAt]?.label ?? ''}：${h.outcomes[h.stoppedAt]?.reason ?? ''}` : '';
    lines.push(`  ${h.no} ${h.head ?? ''} ${h.villageName} ${h.size}人 ${h.statusLabel}${h.choice ? ` ${h.choice}` : ''}${h.removedOn ? `（已移出：${h.removalReason ?? ''}）` : stop}`);
  }
  return lines.join('\n');
}

export function showDetail(io: Io, d: BatchDetail, lead: string): void {
  emit(io, d, () => `${lead}\n${describeBatch(d)}`);
}
