// The national value lists and label matching. Imports, forms and quality rules all store and
// compare the canonical label; the national code is informative only because its numbering
// differs between systems and provinces (FIELDS-REFERENCE §2).

import { CAUSE } from './causes.ts';
import { ETHNICITY } from './ethnicity.ts';
import { ATTRIBUTE, FUEL_TYPE, HOUSEHOLD_TYPE, HOUSING_SAFETY, IDENTIFICATION_STANDARD, ROAD_TYPE } from './household.ts';
import { MEASURE_CATEGORY, MONITORING_CATEGORY, RISK, RISK_REMOVAL_METHOD } from './monitoring.ts';
import { lookupKey, normalizeLabel } from './normalize.ts';
import {
  EDUCATION,
  GENDER,
  HEALTH,
  LABOUR_ABILITY,
  LEFT_REASON,
  POLITICAL_STATUS,
  RELATION,
  SCHOOL_STATUS,
  WORK_STATUS,
} from './people.ts';
import { CODE_CATEGORIES } from './types.ts';
import type { CodeCategory, CodeList } from './types.ts';

export * from './types.ts';
export { normalizeLabel } from './normalize.ts';

// Listed in CODE_CATEGORIES order, because the archive seeds its code_lists table by iterating this object.
export const CODE_LISTS: Record<CodeCategory, CodeList> = {
  cause: CAUSE,
  attribute: ATTRIBUTE,
  relation: RELATION,
  ethnicity: ETHNICITY,
  education: EDUCATION,
  schoolStatus: SCHOOL_STATUS,
  health: HEALTH,
  labourAbility: LABOUR_ABILITY,
  workStatus: WORK_STATUS,
  monitoringCategory: MONITORING_CATEGORY,
  risk: RISK,
  measureCategory: MEASURE_CATEGORY,
  identificationStandard: IDENTIFICATION_STANDARD,
  householdType: HOUSEHOLD_TYPE,
  housingSafety: HOUSING_SAFETY,
  riskRemovalMethod: RISK_REMOVAL_METHOD,
  politicalStatus: POLITICAL_STATUS,
  gender: GENDER,
  roadType: ROAD_TYPE,
  fuelType: FUEL_TYPE,
  leftReason: LEFT_REASON,
};

export interface CodeMatch {
  /** The canonical label to store. */
  label: string;
  /** True only when the normalized input is the label itself; false for an alias or a letter-case variant. */
  exact: boolean;
}

// Import matches every cell of tens of thousands of rows, so the maps are built once here.
// Labels go in before aliases so that a label can never be shadowed by another entry's alias.
function buildLookup(list: CodeList): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const e of list.entries) map.set(lookupKey(e.label), e.label);
  for (const e of list.entries) {
    for (const alias of e.aliases ?? []) {
      const key = lookupKey(alias);
      if (!map.has(key)) map.set(key, e.label);
    }
  }
  return map;
}

const LOOKUP = new Map<CodeCategory, ReadonlyMap<string, string>>(CODE_CATEGORIES.map((c) => [c, buildLookup(CODE_LISTS[c])]));
const LABELS = new Map<CodeCategory, readonly string[]>(CODE_CATEGORIES.map((c) => [c, CODE_LISTS[c].entries.map((e) => e.label)]));

/** The canonical label for a cell value, or null when the value is empty or not in the list. */
export function matchCode(category: CodeCategory, raw: string | null | undefined): CodeMatch | null {
  if (raw == null) return null;
  const normalized = normalizeLabel(raw);
  if (normalized === '') return null;
  const label = LOOKUP.get(category)?.get(lookupKey(normalized));
  if (label === undefined) return null;
  // Labels are written in normalized form (the tests hold every list to that), so a plain
  // comparison tells the label from its aliases.
  return { label, exact: normalized === label };
}

/** Labels of a list in national order (a fresh array: callers may sort or extend it). */
export function labelsOf(category: CodeCategory): string[] {
  return [...(LABELS.get(category) ?? [])];
}
