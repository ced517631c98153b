// Types derived from the catalogue: the stored value of each field (records), what a save
// draft carries (the fields the household page edits), and what an editor input holds.
import type { HouseholdStatus } from '../status.ts';
import type { FieldDef, FieldKind } from './define.ts';
import type { HOUSEHOLD_FIELDS } from './household.ts';
import type { INCOME_FIELDS } from './income.ts';
import type { MEMBER_FIELDS } from './member.ts';

type BaseValue<K extends FieldKind> = K extends 'flag'
  ? boolean
  : K extends 'int' | 'decimal' | 'money' | 'year'
    ? number
    : K extends 'status'
      ? HouseholdStatus
      : K extends { readonly codes: string }
        ? string[]
        : string;

export type ValueOf<F extends FieldDef> = F['required'] extends true ? BaseValue<F['kind']> : BaseValue<F['kind']> | null;

export type ValuesOf<F extends FieldDef> = { [E in F as E['key']]: ValueOf<E> };

export type HouseholdField = (typeof HOUSEHOLD_FIELDS)[number];
export type MemberField = (typeof MEMBER_FIELDS)[number];
export type IncomeField = (typeof INCOME_FIELDS)[number];

/** Fields the household page edits (or carries): the save draft holds exactly these. */
export type Edited<F extends FieldDef> = F extends { readonly editor: null } ? never : F;

export type HouseholdValues = ValuesOf<HouseholdField>;
export type MemberValues = ValuesOf<MemberField>;
export type IncomeValues = ValuesOf<IncomeField>;

/** What a save carries per field: value lists with several labels as an array (never null). */
type DraftValue<F extends FieldDef> = F['kind'] extends { readonly codes: string } ? string[] : ValueOf<F>;
type Optional<F extends FieldDef> = F['required'] extends true ? never : F;
type Required_<F extends FieldDef> = F['required'] extends true ? F : never;

/** A draft as validated (every key present). */
export type DraftValues<F extends FieldDef> = { [E in F as E['key']]: DraftValue<E> };
/** A draft as sent: optional fields may be left out (they default to empty). */
export type DraftInput<F extends FieldDef> = { [E in Required_<F> as E['key']]: DraftValue<E> } & {
  [E in Optional<F> as E['key']]?: DraftValue<E> | undefined;
};

/** An editor input holds what was typed: text for everything but yes/no and multi-selects. */
export type Flag = boolean | null;
type InputValue<F extends FieldDef> = F['kind'] extends 'flag' ? Flag : F['kind'] extends { readonly codes: string } ? string[] : string;
export type InputsOf<F extends FieldDef> = { [E in F as E['key']]: InputValue<E> };
