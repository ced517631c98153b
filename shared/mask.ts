// Masking for anything printed or shown in public: 110105********1234 style.

export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  const s = id.trim();
  if (s.length <= 10) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/[\s-]/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

export function maskBankAccount(account: string | null | undefined): string {
  if (!account) return '';
  const digits = account.replace(/[\s-]/g, '');
  if (digits.length <= 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
}

/** A 4-character name keeps its first and last character; shorter ones keep the first. */
export function maskName(name: string): string {
  const chars = Array.from(name); // code points, so rare Ext-B surname characters stay whole
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
