// The editor's own shape of a household: every input holds exactly what the clerk typed
// (strings, 元 not 分), so nothing typed is ever rounded away or rejected while typing.
// It becomes the API's HouseholdDraft only on save (to-draft.ts).
import type { IncomeComponents } from '../../shared/income.ts';

import type { Edited, Flag, HouseholdField, InputsOf, MemberField } from '../../shared/fields/index.ts';

export type { Flag };

/** A member row's inputs: one per catalogue field the members grid, 更多 or 减员 carries. */
export type MemberInputs = InputsOf<Edited<MemberField>>;

export interface MemberRow extends MemberInputs {
  /** Stable React key: the record id, or a generated one for a new row. */
  key: string;
  id: string | null;
}

export type IncomeKey = keyof IncomeComponents;

export interface IncomeRow {
  key: string;
  year: number;
  householdSize: string;
  /** Amounts in 元 as typed, e.g. "1200.50". */
  amounts: Record<IncomeKey, string>;
}

/** The household page's inputs: one per catalogue field it edits (shared/fields/household.ts). */
export type HouseholdInputs = InputsOf<Edited<HouseholdField>>;

export interface EditorDraft extends HouseholdInputs {
  id: string | null;
  version: number | null;
  villageId: string;
  members: MemberRow[];
  incomes: IncomeRow[];
}

/** Fields of the household itself that hold plain text. */
export type TextField = {
  [K in keyof EditorDraft]: EditorDraft[K] extends string ? K : never;
}[keyof EditorDraft];
export type FlagField = { [K in keyof EditorDraft]: EditorDraft[K] extends Flag ? K : never }[keyof EditorDraft];
export type MemberTextField = { [K in keyof MemberInputs]: MemberInputs[K] extends string ? K : never }[keyof MemberInputs];
export type MemberFlagField = { [K in keyof MemberInputs]: MemberInputs[K] extends Flag ? K : never }[keyof MemberInputs];

/** An error attached to one input, by the API's path: 'no', 'members.2.idNumber', 'incomes.0.wageFen'. */
export interface FieldError {
  field: string;
  message: string;
}
