// Masking in one place, from the catalogue's sensitivity: what a document or export may show of
// a personal field for its audience. The core applies it before a template sees any value, so
// templates print only what they are given (ARCHITECTURE rule 8; 个人信息保护法).
import { maskBankAccount, maskIdNumber, maskPhone } from '../mask.ts';
import type { FieldDef, MaskRule } from './define.ts';

/**
 * public: posted or handed out (公示/公告, 明白卡, 挂图) — personal fields masked or withheld;
 * internal: the station's own forms and rosters — in clear, unless ID numbers are asked masked
 * for a copy that leaves the office.
 */
export type Audience = 'public' | 'internal';

export interface Presentation {
  audience: Audience;
  /** Internal papers too: ID numbers as 110105********1234. */
  maskIds: boolean;
}

export const INTERNAL: Presentation = { audience: 'internal', maskIds: false };
export const PUBLIC: Presentation = { audience: 'public', maskIds: true };

function applyRule(rule: MaskRule, value: unknown): unknown {
  if (value == null || value === '') return value;
  if (rule === 'withhold') return null;
  const s = typeof value === 'number' ? String(value) : (value as string);
  if (rule === 'id') return maskIdNumber(s);
  if (rule === 'phone') return maskPhone(s);
  return maskBankAccount(s);
}

/** A field's value as this audience may see it. */
export function present(f: FieldDef, value: unknown, p: Presentation): unknown {
  if (f.sensitivity !== 'personal' || !f.mask) return value;
  if (p.audience === 'public') return applyRule(f.mask, value);
  return p.maskIds && f.mask === 'id' ? applyRule('id', value) : value;
}

/** A copy of a record with every catalogue field presented for the audience. */
export function presentRecord<T extends object>(fields: readonly FieldDef[], record: T, p: Presentation): T {
  if (p.audience === 'internal' && !p.maskIds) return record;
  const out = { ...record } as Record<string, unknown>;
  for (const f of fields) if (f.key in out) out[f.key] = present(f, out[f.key], p);
  return out as T;
}
