// 元 as typed ↔ integer 分. Parsing is strict (at most 2 decimals, no sign) so that a typo
// is reported rather than silently rounded.
import type { Fen } from '../../shared/money.ts';

/** "1234.5" from 123450 — no thousands separators, so the text stays easy to edit. */
export function fenToYuanInput(fen: Fen | null | undefined): string {
  if (fen == null) return '';
  const neg = fen < 0;
  const abs = Math.abs(Math.round(fen));
  return `${neg ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export type YuanParse = { ok: true; fen: Fen } | { ok: false; message: string };

/** Empty counts as 0 (an income component left blank means none). */
export function parseYuanInput(raw: string): YuanParse {
  const s = raw.replace(/[,，\s元]/g, '').replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30)));
  if (s === '') return { ok: true, fen: 0 };
  if (s.startsWith('-')) return { ok: false, message: '金额不能为负数' };
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(s) ?? /^()\.(\d{1,2})$/.exec(s);
  if (!m) {
    return /^\d*\.\d{3,}$/.test(s) ? { ok: false, message: '金额最多保留两位小数（元）' } : { ok: false, message: '金额只能填数字（元）' };
  }
  const whole = m[1] === '' ? 0 : Number(m[1]);
  const cents = Number((m[2] ?? '').padEnd(2, '0'));
  return { ok: true, fen: whole * 100 + cents };
}

/** What a money input shows after the clerk leaves it: two decimals, or the text unchanged if it is not a valid amount. */
export function tidyYuanInput(raw: string): string {
  if (raw.trim() === '') return '';
  const r = parseYuanInput(raw);
  return r.ok ? fenToYuanInput(r.fen) : raw;
}
