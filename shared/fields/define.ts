// The field catalogue's vocabulary: what one entry says about a field, and the builders that
// keep each entry's key and kind as literal types, so record shapes, draft shapes and editor
// inputs can be derived from the entries at compile time (shared/fields/values.ts).
import type { CodeCategory } from '../code-lists/types.ts';

export type ScalarKind =
  | 'text'
  | 'int'
  | 'decimal'
  /** An amount in fen (integer); shown and typed in 元. */
  | 'money'
  | 'flag'
  /** A resident ID number (GB 11643): checked, normalised, fills gender and birth date. */
  | 'id'
  /** A day: YYYY-MM-DD. */
  | 'date'
  /** A month as the 防返贫 exports write it: YYYYMM. */
  | 'month'
  /** A calendar year (integer). */
  | 'year'
  /** The household's status: changed only through workflows (shared/status.ts). */
  | 'status';

export type FieldKind =
  | ScalarKind
  /** One label of a value list (stored as the label, matched by label on import). */
  | { readonly code: CodeCategory }
  /** Several labels of one list (other causes, risks). */
  | { readonly codes: CodeCategory; readonly max: number };

export type RecordKind = 'household' | 'member' | 'income';

/**
 * Who may see a value: public (may appear on a posted notice), internal (the archive and the
 * station's own forms), personal (ID, phone, bank, health, disability: 个人信息保护法 — never
 * in clear on anything posted, masked or withheld per `mask`).
 */
export type Sensitivity = 'public' | 'internal' | 'personal';

/** How a personal value appears where it must not appear whole. */
export type MaskRule = 'id' | 'phone' | 'bank' | 'withhold';

export interface Limits {
  /** Text: at most this many characters (refused on save). */
  maxLength?: number;
  /** Numbers: refused outside [min, max] on save. */
  min?: number;
  max?: number;
  /** Text: may hold line breaks and tabs (a multi-line box); every other control character is refused. */
  multiline?: boolean;
  /** Text: must match (after trimming); the message says what is expected. */
  pattern?: RegExp;
  patternMessage?: string;
  /** A range sensible values lie in: outside it the import warns and keeps the value. */
  warn?: readonly [number, number];
}

/**
 * Where the household page shows a field: its section, the members grid or a row's 更多 form,
 * the income table; 'kept': no input, but carried through the editor and saved back as it was.
 */
export type EditorGroup = 'identity' | 'conditions' | 'extra' | 'account' | 'grid' | 'more' | 'income' | 'kept';
/** Inputs that are more than a text box / select by kind. */
export type Widget = 'group' | 'causes' | 'account' | 'textarea';

export interface EditorPlace {
  group: EditorGroup;
  widget?: Widget;
  placeholder?: string;
  /** Width in px in the members grid. */
  width?: number;
  /** Enter on this input leaves the section (to the members tab). */
  last?: boolean;
}

/** The paper outputs that print a field (templates still decide where). */
export type PrintPlace = 'roster' | 'enrollment' | 'card';

export interface FieldDef<K extends string = string, Kd extends FieldKind = FieldKind, R extends boolean = boolean, G extends EditorGroup | null = EditorGroup | null> {
  readonly key: K;
  readonly record: RecordKind;
  /** What a clerk reads in the editor, the change history and messages. */
  readonly label: string;
  /** The national export's column header (import matches it, export writes it). */
  readonly column: string;
  /** Other headers the import accepts for this column (other years, provinces). */
  readonly aliases: readonly string[];
  readonly kind: Kd;
  /** Must hold a value (refused on save when empty). */
  readonly required: R;
  readonly requiredMessage: string | null;
  readonly limits: Limits;
  readonly sensitivity: Sensitivity;
  readonly mask: MaskRule | null;
  /** Where the household page edits it; null: shown read-only or changed only by workflows. */
  readonly editor: G extends EditorGroup ? EditorPlace & { readonly group: G } : null;
  readonly prints: readonly PrintPlace[];
  /** The key the import's column matching stores (remembered mappings): stable across renames. */
  readonly importKey: string;
  /** Read by the roster import and written by the export. */
  readonly io: boolean;
  /** The unit a number is printed with (亩, ㎡, 公里, 月). */
  readonly unit: string | null;
}

export interface FieldOptions<R extends boolean, G extends EditorGroup | null = EditorGroup | null> {
  column?: string;
  aliases?: readonly string[];
  required?: R;
  requiredMessage?: string;
  limits?: Limits;
  sensitivity?: Sensitivity;
  mask?: MaskRule;
  editor?: EditorPlace & { group: G };
  prints?: readonly PrintPlace[];
  importKey?: string;
  io?: boolean;
  unit?: string;
}

/** Longest label of a single-choice value list when its entry names no other. */
const CODE_LABEL_MAX = 20;

const MASK_OF_KIND: Partial<Record<ScalarKind, MaskRule>> = { id: 'id' };

function build<const K extends string, const Kd extends FieldKind, const R extends boolean, const G extends EditorGroup | null>(
  record: RecordKind,
  key: K,
  label: string,
  kind: Kd,
  o: FieldOptions<R, G>,
): FieldDef<K, Kd, R, G> {
  const mask = o.mask ?? (typeof kind === 'string' ? MASK_OF_KIND[kind] : undefined) ?? null;
  return {
    key,
    record,
    label,
    column: o.column ?? label,
    aliases: o.aliases ?? [],
    kind,
    required: (o.required ?? false) as R,
    requiredMessage: o.requiredMessage ?? null,
    // A value-list field keeps unknown labels as written (the import warns): bound them too.
    limits: isCode(kind) && o.limits?.maxLength === undefined ? { maxLength: CODE_LABEL_MAX, ...o.limits } : (o.limits ?? {}),
    sensitivity: o.sensitivity ?? (mask ? 'personal' : 'internal'),
    mask,
    editor: (o.editor ?? null) as FieldDef<K, Kd, R, G>['editor'],
    prints: o.prints ?? [],
    importKey: o.importKey ?? key,
    io: o.io ?? true,
    unit: o.unit ?? null,
  };
}

/** Builders for one record kind's entries: `const h = fieldsOf('household'); h.text('address', '住址', {...})`. */
type Opt<R extends boolean, G extends EditorGroup | null> = FieldOptions<R, G>;

/** Builders for one record kind's entries: `const h = fieldsOf('household'); h.text('address', '住址', {...})`. */
export function fieldsOf(record: RecordKind) {
  return {
    text: <const K extends string, const R extends boolean = false, const G extends EditorGroup | null = null>(key: K, label: string, o: Opt<R, G> = {}) =>
      build(record, key, label, 'text', o),
    int: <const K extends string, const R extends boolean = false, const G extends EditorGroup | null = null>(key: K, label: string, o: Opt<R, G> = {}) =>
      build(record, key, label, 'int', o),
    decimal: <const K extends string, const G extends EditorGroup | null = null>(key: K, label: string, o: Opt<false, G> = {}) => build(record, key, label, 'decimal', o),
    money: <const K extends string, const R extends boolean = false, const G extends EditorGroup | null = null>(key: K, label: string, o: Opt<R, G> = {}) =>
      build(record, key, label, 'money', o),
    flag: <const K extends string, const G extends EditorGroup | null = null>(key: K, label: string, o: Opt<false, G> = {}) => build(record, key, label, 'flag', o),
    id: <const K extends string, const G extends EditorGroup | null = null>(key: K, label: string, o: Opt<false, G> = {}) => build(record, key, label, 'id', o),
    date: <const K extends string, const G extends EditorGroup | null = null>(key: K, label: string, o: Opt<false, G> = {}) => build(record, key, label, 'date', o),
    month: <const K extends string, const G extends EditorGroup | null = null>(key: K, label: string, o: Opt<false, G> = {}) => build(record, key, label, 'month', o),
    year: <const K extends string, const G extends EditorGroup | null = null>(key: K, label: string, o: Opt<false, G> = {}) => build(record, key, label, 'year', o),
    status: <const K extends string>(key: K, label: string, o: Opt<true, null> = {}) => build(record, key, label, 'status', { ...o, required: true as const }),
    code: <const K extends string, const R extends boolean = false, const G extends EditorGroup | null = null>(key: K, label: string, code: CodeCategory, o: Opt<R, G> = {}) =>
      build(record, key, label, { code } as const, o),
    codes: <const K extends string, const G extends EditorGroup | null = null>(key: K, label: string, codes: CodeCategory, max: number, o: Opt<false, G> = {}) =>
      build(record, key, label, { codes, max } as const, o),
  };
}

export const isCode = (k: FieldKind): k is { readonly code: CodeCategory } => typeof k === 'object' && 'code' in k;
export const isCodes = (k: FieldKind): k is { readonly codes: CodeCategory; readonly max: number } => typeof k === 'object' && 'codes' in k;
export const isNumeric = (k: FieldKind): boolean => k === 'int' || k === 'decimal' || k === 'money' || k === 'year';
