// 导入数据包 (both sides): the pure parts — what a package's outside says (who sent it, whether it
// can be trusted, whether it would be accepted), what the clerk must still give before the
// preview (the passphrase, the supervisor's confirmation), the preview's counts, and the result
// (applied / already imported / refused) in the clerk's words.
import type { AuditContinuityView, PackageInfoView, ReviewEffectView, TableChangeView, UnpackResultView } from '../../shared/api/index.ts';
import { fingerprintDigits } from './exchange-keys.ts';

export type Verdict = 'ok' | 'unauthenticated' | 'already' | 'refused';

export interface InspectView {
  verdict: Verdict;
  /** One line for the banner. */
  title: string;
  /** Tag beside the sender: 已认证 / 未认证. */
  trust: { text: string; color: string };
  needsPassphrase: boolean;
  /** A passphrase package from an unregistered sender: the supervisor confirms first. */
  needsConfirmation: boolean;
}

export function inspectView(info: PackageInfoView): InspectView {
  const trust = info.authenticated ? { text: '已认证：发送方密钥已登记并核对', color: 'green' } : { text: '未认证：无法确认来源', color: 'red' };
  const needsPassphrase = info.encryption === 'passphrase';
  const needsConfirmation = !info.authenticated;
  if (info.alreadyImported === 'conflict') return { verdict: 'refused', title: '警告：同一编号的数据包已导入过，内容却不同，已拒绝', trust, needsPassphrase, needsConfirmation };
  if (info.refusal) return { verdict: 'refused', title: '这个数据包不能导入', trust, needsPassphrase, needsConfirmation };
  if (info.alreadyImported === 'same') return { verdict: 'already', title: '这个数据包已导入过：再次导入不会有任何改动', trust, needsPassphrase, needsConfirmation };
  if (!info.authenticated) return { verdict: 'unauthenticated', title: '口令加密、发送方密钥未登记：须负责人确认并电话核对指纹后才能导入', trust, needsPassphrase, needsConfirmation };
  return { verdict: 'ok', title: '数据包完好，签名有效，可以预览导入内容', trust, needsPassphrase, needsConfirmation };
}

/** The passphrase as typed: 32 digits, spaces, dashes and full-width digits allowed. */
export function passphraseProblem(typed: string): string | null {
  const d = fingerprintDigits(typed);
  if (!typed.trim()) return '请输入对方电话告知的口令（8组4位数字）。';
  if (d.length !== 32) return `口令应为32位数字（8组×4位），现在是${d.length}位。`;
  return null;
}

export interface ImportChoices {
  passphrase: string;
  /** The supervisor confirmed an unauthenticated package, after a phone check of the fingerprint. */
  accepted: boolean;
}

/** Why the preview cannot start yet (Chinese); empty when it can. */
export function previewProblems(info: PackageInfoView, c: ImportChoices): string[] {
  const v = inspectView(info);
  if (v.verdict === 'refused') return [info.refusal ?? v.title];
  const out: string[] = [];
  if (v.needsPassphrase) {
    const p = passphraseProblem(c.passphrase);
    if (p) out.push(p);
  }
  if (v.needsConfirmation && !c.accepted) out.push('请负责人确认来源：电话核对发送方指纹一致后勾选。');
  return out;
}

/** What unpack needs besides the file. */
export function unpackExtras(info: PackageInfoView, c: ImportChoices): { passphrase: string | null; acceptUnauthenticated: boolean } {
  return {
    passphrase: info.encryption === 'passphrase' ? fingerprintDigits(c.passphrase) : null,
    acceptUnauthenticated: !info.authenticated && c.accepted,
  };
}

/** The preview's (or the result's) table lines that change something. */
export function changedTables(tables: TableChangeView[]): TableChangeView[] {
  return tables.filter((t) => t.added + t.changed + t.removed > 0);
}

export function tableLine(t: TableChangeView): string {
  const parts: string[] = [];
  if (t.added) parts.push(`新增 ${t.added}`);
  if (t.changed) parts.push(`变更 ${t.changed}`);
  if (t.removed) parts.push(`移除 ${t.removed}`);
  if (t.unchanged) parts.push(`不变 ${t.unchanged}`);
  return parts.join('，') || '无变化';
}

export const EFFECT_TAG: Record<ReviewEffectView['effect'], { text: string; color: string }> = {
  advanced: { text: '通过，环节完成', color: 'green' },
  returned: { text: '退回', color: 'red' },
  recorded: { text: '已登记意见', color: 'blue' },
  skipped: { text: '未应用', color: 'orange' },
};

/** The headline of a preview or result. */
export function changeHeadline(r: UnpackResultView): string {
  if (r.kind === 'review-result') {
    const passed = r.review.reduce((a, e) => a + e.passed, 0);
    const returned = r.review.reduce((a, e) => a + e.returned, 0);
    const skipped = r.review.filter((e) => e.effect === 'skipped').length;
    return `县级审核意见：${r.review.length} 个批次，通过 ${passed} 户，退回 ${returned} 户${skipped ? `，${skipped} 个批次未能应用（见说明）` : ''}`;
  }
  const h = r.households;
  const who = r.township ? `${r.township.name}：` : '';
  return `${who}新增 ${h.added} 户，变更 ${h.changed} 户，移除 ${h.removed} 户；新附件 ${r.attachments.added} 份`;
}

/** How the county shows what a package says about the township's audit chain: history cut or rewritten stands out. */
export function auditAlert(a: AuditContinuityView): { type: 'success' | 'info' | 'warning' | 'error'; title: string } {
  const type = a.status === 'cut' || a.status === 'rewritten' ? 'error' : a.warning ? 'warning' : a.status === 'continuous' ? 'success' : 'info';
  return { type, title: a.message };
}

export type OutcomeKind = 'applied' | 'already' | 'refused' | 'cancelled';

export interface Outcome {
  kind: OutcomeKind;
  title: string;
  detail: string | null;
}

export function outcomeOf(r: UnpackResultView): Outcome {
  if (r.alreadyImported) return { kind: 'already', title: '已导入过：这个数据包以前导入过，这次没有任何改动', detail: r.notes.join(' ') || null };
  return { kind: 'applied', title: `导入完成（第 ${r.seq} 号${r.kind === 'review-result' ? '审核结果' : '数据包'}）`, detail: changeHeadline(r) };
}

export function failureOutcome(message: string): Outcome {
  if (/已取消/.test(message)) return { kind: 'cancelled', title: '已取消导入，档案没有任何改动', detail: null };
  return { kind: 'refused', title: '已拒绝导入，档案没有任何改动', detail: message };
}
