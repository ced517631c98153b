// 密钥与对方: the pure parts of the keys screen — the fingerprint as six groups for reading over
// the phone, what still stops 登记 (the phone check ticked, who checked, how, and the digits the
// other side read out, when typed), the registered keys' status and check line, revoking.
import type { ExchangeRole, KeyView, RegisteredKeyView } from '../../shared/api/index.ts';

export const ROLE_LABEL: Record<ExchangeRole, string> = { township: '乡镇', county: '县级' };

export const otherRole = (r: ExchangeRole): ExchangeRole => (r === 'township' ? 'county' : 'township');

/** Digits only, full-width digits made ASCII (what a clerk types while listening). */
export function fingerprintDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\D/g, '');
}

/** The fingerprint as its groups of five digits (six for a valid one). */
export function fingerprintGroups(fp: string): string[] {
  const d = fingerprintDigits(fp);
  const out: string[] = [];
  for (let i = 0; i < d.length; i += 5) out.push(d.slice(i, i + 5));
  return out;
}

export const METHODS = ['电话核对', '当面核对', '视频通话核对'] as const;

export interface TrustForm {
  /** The clerk ticked: every group read back and identical. */
  confirmed: boolean;
  checkedBy: string;
  method: string;
  /** Optional: the digits the other side read out, typed while listening. */
  spoken: string;
}

export function emptyTrustForm(operator: string | null): TrustForm {
  return { confirmed: false, checkedBy: operator ?? '', method: '电话核对', spoken: '' };
}

/** Where the typed digits first differ from the file's, as a Chinese hint; null when they match or nothing is typed. */
export function spokenMismatch(spoken: string, fingerprint: string): string | null {
  const typed = fingerprintDigits(spoken);
  if (!typed) return null;
  const want = fingerprintDigits(fingerprint);
  for (let g = 0; g * 5 < Math.max(typed.length, want.length); g++) {
    const a = typed.slice(g * 5, g * 5 + 5);
    const b = want.slice(g * 5, g * 5 + 5);
    if (a !== b) {
      if (a.length < 5 && g * 5 + a.length === typed.length && b.startsWith(a)) return `还差 ${want.length - typed.length} 位数字`;
      return `第${g + 1}组不一致：对方读的是 ${a || '（空）'}，文件是 ${b || '（无）'}。公钥文件可能被调换，不要登记。`;
    }
  }
  return null;
}

/** Why 登记 is not possible yet (Chinese); empty when the key may be registered. */
export function trustProblems(form: TrustForm, key: { fingerprint: string; role: ExchangeRole; registered: boolean; status: 'active' | 'revoked' | null }, myRole: ExchangeRole): string[] {
  const out: string[] = [];
  if (key.role === myRole) out.push(`这是${ROLE_LABEL[key.role]}的公钥：本档案也是${ROLE_LABEL[myRole]}档案，只需登记对方（${ROLE_LABEL[otherRole(myRole)]}）的公钥。`);
  if (key.status === 'revoked') out.push('这个公钥已吊销，不能再登记：请对方生成新密钥。');
  else if (key.registered) out.push('这个公钥已经登记过了。');
  const mismatch = spokenMismatch(form.spoken, key.fingerprint);
  if (mismatch) out.push(mismatch);
  if (!form.confirmed) out.push('请先与对方电话逐组核对指纹，一致后勾选确认。');
  if (!form.checkedBy.trim()) out.push('请填写核对人。');
  if (!form.method.trim()) out.push('请填写核对方式。');
  return out;
}

export function trustInput(form: TrustForm, file: string, org: string): { file: string; checkedBy: string; method: string; fingerprint: string | null; org: string | null } {
  const spoken = fingerprintDigits(form.spoken);
  return { file: file.trim(), checkedBy: form.checkedBy.trim(), method: form.method.trim(), fingerprint: spoken ? spoken : null, org: org.trim() || null };
}

/** "2026-11-24 14:05" from an ISO timestamp, in local time. */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function checkedLine(k: Pick<RegisteredKeyView, 'checkedBy' | 'checkedAt' | 'method'>): string {
  return `${k.checkedBy} · ${shortTime(k.checkedAt)} · ${k.method}`;
}

export function keyStatusTag(k: Pick<RegisteredKeyView, 'status' | 'revokedAt' | 'validThroughSeq'>): { text: string; color: string } {
  if (k.status === 'active') return { text: '有效', color: 'green' };
  return { text: `已吊销${k.revokedAt ? `（${shortTime(k.revokedAt).slice(0, 10)}）` : ''}`, color: 'red' };
}

export function revokedNote(k: RegisteredKeyView): string | null {
  if (k.status !== 'revoked') return null;
  const through = k.validThroughSeq != null && k.validThroughSeq > 0 ? `第 ${k.validThroughSeq} 号及以前的数据包仍有效` : '它签发的数据包一律不再接受';
  return `${k.revokedBy ?? ''}吊销：${k.revokedReason ?? ''}；${through}`;
}

/** County side only, and only an active key. */
export function canRevoke(myRole: ExchangeRole, k: RegisteredKeyView): boolean {
  return myRole === 'county' && k.status === 'active';
}

export interface RevokeForm {
  reason: string;
  validThroughSeq: number | null;
}

export function revokeDefaults(k: RegisteredKeyView): RevokeForm {
  return { reason: '', validThroughSeq: k.lastAcceptedSeq ?? 0 };
}

export function revokeProblems(f: RevokeForm): string[] {
  const out: string[] = [];
  if (!f.reason.trim()) out.push('请填写吊销原因（如：U盘遗失、电脑更换）。');
  if (f.validThroughSeq != null && (!Number.isInteger(f.validThroughSeq) || f.validThroughSeq < 0)) out.push('“此前有效至第几号”应为不小于0的整数。');
  return out;
}

/** The own key line under the big fingerprint. */
export function ownKeyLine(k: KeyView): string {
  return `${ROLE_LABEL[k.role]}密钥 · ${k.name} · 生成于 ${shortTime(k.createdAt)}`;
}
