// Chinese names of record fields, for the change history and messages: the catalogue's labels
// (shared/fields), plus the record kinds and the few columns that are not catalogue fields.
import { FIELDS } from '../../shared/fields/index.ts';

const CATALOGUE: Record<string, string> = Object.fromEntries(
  [...FIELDS.income, ...FIELDS.member, ...FIELDS.household].map((f) => [f.key, f.label]),
);

export const FIELD_LABELS: Record<string, string> = {
  ...CATALOGUE,
  villageId: '行政村',
  year: '年度',
  members: '家庭成员',
  incomes: '收入',
  households: '户',
  income: '收入',
  pairings: '结对帮扶',
  measures: '帮扶措施',
};

/** Book-keeping columns that change on every save and say nothing to a clerk. */
export const HIDDEN_FIELDS = new Set(['id', 'version', 'updatedAt', 'updatedBy', 'householdId', 'villageId', 'seq', 'nameInitials', 'helperId']);

export function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? key;
}
