// The field catalogue (ARCHITECTURE rule 8): every household, member and income field described
// once. From it derive the record types, the save schemas, the household page's inputs and
// labels, the roster import and export columns, the printed form rows and the masking.
import type { EditorGroup, FieldDef, RecordKind } from './define.ts';
import { HOUSEHOLD_FIELDS } from './household.ts';
import { INCOME_FIELDS } from './income.ts';
import { MEMBER_FIELDS } from './member.ts';

export * from './define.ts';
export type * from './values.ts';
export { HOUSEHOLD_FIELDS } from './household.ts';
export { INCOME_FIELDS } from './income.ts';
export { MEMBER_FIELDS } from './member.ts';

export const FIELDS: Readonly<Record<RecordKind, readonly FieldDef[]>> = {
  household: HOUSEHOLD_FIELDS,
  member: MEMBER_FIELDS,
  income: INCOME_FIELDS,
};

const BY_KEY = new Map<string, FieldDef>(
  (['household', 'member', 'income'] as const).flatMap((r) => FIELDS[r].map((f) => [`${r}.${f.key}`, f] as const)),
);

export function fieldOf(record: RecordKind, key: string): FieldDef | undefined {
  return BY_KEY.get(`${record}.${key}`);
}

/** The fields of one editor section, in catalogue order. */
export function editorFields(record: RecordKind, group: EditorGroup): FieldDef[] {
  return FIELDS[record].filter((f) => f.editor?.group === group);
}

/** The fields a save draft of this record carries. */
export function draftFields(record: RecordKind): FieldDef[] {
  return FIELDS[record].filter((f) => f.editor !== null);
}

/** Most members a household may have: the catalogue's bound on 家庭人口数 (the editor and the import refuse more). */
export const MAX_MEMBERS: number = INCOME_FIELDS.find((f) => f.key === 'householdSize')!.limits.max!;

/** The income components (fen) the income formula adds up, in the form's order. */
export const INCOME_COMPONENT_FIELDS: readonly FieldDef[] = INCOME_FIELDS.filter((f) => f.kind === 'money' && f.required);
