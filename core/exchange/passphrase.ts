// Passphrases for the fallback (keys not exchanged yet): always made by the app, 8 groups of 4
// digits (32 random digits, about 106 bits) — easy to read over the phone in Chinese, far beyond
// guessing even without scrypt. A clerk never makes one up.
import { randomBytes } from '@noble/hashes/utils.js';
import { refusal } from './messages.ts';

const GROUPS = 8;
const GROUP = 4;

export function generatePassphrase(): string {
  const digits: number[] = [];
  while (digits.length < GROUPS * GROUP) {
    for (const b of randomBytes(64)) {
      if (b < 250 && digits.length < GROUPS * GROUP) digits.push(b % 10); // 250 = 25 × 10: no bias
    }
  }
  return Array.from({ length: GROUPS }, (_, g) => digits.slice(g * GROUP, (g + 1) * GROUP).join('')).join(' ');
}

/** The passphrase as the key derivation sees it: 32 ASCII digits, whatever spacing was typed. */
export function normalizePassphrase(text: string): string {
  const digits = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\-－—]/g, '');
  if (!/^\d{32}$/.test(digits)) {
    throw refusal(`口令格式不对：应为 ${GROUPS} 组、每组 ${GROUP} 位数字（共 ${GROUPS * GROUP} 位），例如“0123 4567 …”。请核对电话告知的口令。`, 'usage');
  }
  return digits;
}
