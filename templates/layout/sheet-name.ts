// Worksheet names: Excel refuses []:*?/\ and names over 31 characters or used twice.

/** Excel (and exceljs, which cuts longer names with substring) counts UTF-16 units: 𠮷 is two. */
const MAX_UNITS = 31;

/** The longest start of `text` within `units` UTF-16 units, never cutting a character in two. */
function cut(text: string, units: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > units) break;
    out += ch;
  }
  return out;
}

export function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, '_').trim() || '表';
  return cut(clean, MAX_UNITS);
}

/** Hands out distinct sheet names: a name used before gets "(2)", "(3)" … */
export function uniqueSheetNames(): (name: string) => string {
  const used = new Map<string, number>();
  return (name) => {
    const base = sheetName(name);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    if (n === 1) return base;
    const suffix = `(${n})`;
    return `${cut(base, MAX_UNITS - suffix.length)}${suffix}`;
  };
}
