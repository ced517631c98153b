// Money is integer fen (分) everywhere; yuan appear only at the edges (input, display).

export type Fen = number;

export function yuanToFen(yuan: number | string): Fen {
  const n = typeof yuan === 'string' ? Number(yuan.replace(/[,，\s元]/g, '')) : yuan;
  if (!Number.isFinite(n)) throw new RangeError(`不是有效金额：${String(yuan)}`);
  return Math.round(n * 100);
}

export function fenToYuan(fen: Fen): number {
  return fen / 100;
}

/** "1,234.50" — two decimals, thousands separators, as printed on forms. */
export function formatYuan(fen: Fen): string {
  const neg = fen < 0;
  const abs = Math.abs(fen);
  // Thousands grouped by hand: toLocaleString asks ICU on every call (a roster prints one per member).
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${yuan}.${cents}`;
}
