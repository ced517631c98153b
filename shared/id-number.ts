// Resident ID numbers per GB 11643-1999: 6-digit region, 8-digit birth date,
// 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level prefixes in use (GB/T 2260), incl. 71 Taiwan, 81/82 HK/Macau, 83 residence permits. */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

export type IdProblem =
  | 'empty'
  | 'length'
  | 'characters'
  | 'region'
  | 'birthDate'
  | 'checkDigit'
  | 'placeholder';

export interface IdInfo {
  /** Normalised 18-character form (upper-case X; 15-digit numbers upgraded). */
  normalized: string;
  birthDate: string; // YYYY-MM-DD
  gender: '男' | '女';
  regionCode: string;
}

export type IdResult = { ok: true; info: IdInfo } | { ok: false; problem: IdProblem; message: string };

const MESSAGES: Record<IdProblem, string> = {
  empty: '身份证号为空',
  length: '身份证号应为18位（或旧式15位）',
  characters: '身份证号只能由数字组成，最后一位可以是X',
  region: '身份证号前两位不是有效的省级行政区划代码',
  birthDate: '身份证号中的出生日期无效',
  checkDigit: '身份证号校验位错误（最后一位不对），请核对原证件',
  placeholder: '身份证号是占位号码（如999999开头），请补录真实证件号码',
};

export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day (1900 or later) not after `today`; by the calendar, without a Date per ID (the check parses every member's). */
function validDate(y: number, m: number, d: number, today: Date): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!)) return false;
  return Date.UTC(y, m - 1, d) <= today.getTime();
}

/** Turns a legacy 15-digit number into its 18-digit form (century 19, computed check digit). */
export function upgradeLegacyId(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + checkDigit(first17);
}

export function normalizeIdInput(raw: string): string {
  return raw.replace(/[\s\u3000]/g, '').replace(/x/g, 'X').replace(/[０-９]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30),
  );
}

const fail = (problem: IdProblem): IdResult => ({ ok: false, problem, message: MESSAGES[problem] });

/** Whether `s` is 17 ASCII digits and a digit or X (by char codes: the check asks it of every member). */
function isClean18(s: string): boolean {
  if (s.length !== 18) return false;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const last = s.charCodeAt(17);
  return (last >= 48 && last <= 57) || last === 88;
}

/** The province prefixes as numbers 0–99 (PROVINCE_PREFIXES, for a prefix of two digits). */
const PROVINCE_NUMBERS = new Set([...PROVINCE_PREFIXES].map(Number));

/** The digit at `i` of a clean number (a plain function: a closure per call would cost more than the digit). */
function digitAt(id: string, i: number): number {
  return id.charCodeAt(i) - 48;
}

/** parseIdNumber of a number that is already clean (isClean18): the same answers, read digit by digit. */
function parseClean18(id: string, today: Date): IdResult {
  if (id.startsWith('999999')) return fail('placeholder');
  if (!PROVINCE_NUMBERS.has(digitAt(id, 0) * 10 + digitAt(id, 1))) return fail('region');
  const y = digitAt(id, 6) * 1000 + digitAt(id, 7) * 100 + digitAt(id, 8) * 10 + digitAt(id, 9);
  const m = digitAt(id, 10) * 10 + digitAt(id, 11);
  const d = digitAt(id, 12) * 10 + digitAt(id, 13);
  if (!validDate(y, m, d, today)) return fail('birthDate');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += digitAt(id, i) * WEIGHTS[i]!;
  if (CHECK_CHARS.charCodeAt(sum % 11) !== id.charCodeAt(17)) return fail('checkDigit');
  return {
    ok: true,
    info: {
      normalized: id,
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      gender: digitAt(id, 16) % 2 === 1 ? '男' : '女',
      regionCode: id.slice(0, 6),
    },
  };
}

export function parseIdNumber(raw: string | null | undefined, today: Date = new Date()): IdResult {
  if (raw == null) return fail('empty');
  // Stored numbers are already normalised (18 digits, upper-case X): skip the three replaces.
  if (isClean18(raw)) return parseClean18(raw, today);
  let id = normalizeIdInput(raw);
  if (id === '') return fail('empty');
  if (id.length === 15) {
    if (!/^\d{15}$/.test(id)) return fail('characters');
    id = upgradeLegacyId(id);
  }
  if (id.length !== 18) return fail('length');
  if (!isClean18(id)) return fail('characters');
  return parseClean18(id, today);
}

/** Builds a valid 18-digit ID (for synthetic demo data and tests only). */
export function makeIdNumber(region6: string, birthDate: string, seq3: number, gender: '男' | '女'): string {
  let seq = seq3 % 1000;
  if ((seq % 2 === 1) !== (gender === '男')) seq = (seq + 1) % 1000;
  const first17 = `${region6}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}
