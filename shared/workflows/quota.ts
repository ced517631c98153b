// 规模控制 (seed 003): a quota of households per village, year and kind. Going over it is
// flagged with the numbers, never refused — the township decides, and the flag says so.

export interface QuotaUse {
  villageId: string;
  villageName: string;
  /** Null when no quota was set for the village, year and kind. */
  quota: number | null;
  /** Households of the village in this year's batches of the kind (cancelled batches and removed households aside). */
  used: number;
}

export interface QuotaFlag extends QuotaUse {
  over: number;
  /** Chinese, when over quota; null otherwise. */
  message: string | null;
}

export function quotaFlag(u: QuotaUse, year: number, kindLabel: string): QuotaFlag {
  const over = u.quota == null ? 0 : Math.max(0, u.used - u.quota);
  return {
    ...u,
    over,
    message: over > 0 ? `${u.villageName}${year}年${kindLabel}规模为 ${u.quota} 户，已纳入 ${u.used} 户，超出 ${over} 户：请核实是否报县里调整规模` : null,
  };
}
