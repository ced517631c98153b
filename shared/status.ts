// Household status (DOMAIN.md "Household status and its history"). Codes are English;
// every label a user reads is Chinese.

export const HOUSEHOLD_STATUSES = [
  'ordinary',
  'poor',
  'exited',
  'returned',
  'edge',
  'unstable',
  'sudden',
  'closed',
] as const;

export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const STATUS_LABELS: Record<HouseholdStatus, string> = {
  ordinary: '非建档户',
  poor: '贫困户（未脱贫）',
  exited: '已脱贫',
  returned: '返贫户',
  edge: '边缘易致贫户',
  unstable: '脱贫不稳定户',
  sudden: '突发严重困难户',
  closed: '销号',
};

/** Statuses that make a household a registered object of the archive (建档立卡 or monitored). */
export const REGISTERED_STATUSES: readonly HouseholdStatus[] = ['poor', 'exited', 'returned', 'edge', 'unstable', 'sudden'];

/** Statuses under 防返贫监测 (monitoring objects). */
export const MONITORED_STATUSES: readonly HouseholdStatus[] = ['edge', 'unstable', 'sudden'];

/** Statuses still counted as poor for incidence (贫困发生率). */
export const POOR_STATUSES: readonly HouseholdStatus[] = ['poor', 'returned'];

export function isHouseholdStatus(s: string): s is HouseholdStatus {
  return (HOUSEHOLD_STATUSES as readonly string[]).includes(s);
}

export function statusLabel(s: string): string {
  return isHouseholdStatus(s) ? STATUS_LABELS[s] : s;
}
