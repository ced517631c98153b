// Worksheet names: Excel refuses []:*?/\ and names over 31 characters or used twice.

export function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, '_').trim() || '表';
  return Array.from(clean).slice(0, 31).join('');
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
    return `${Array.from(base).slice(0, 31 - suffix.length).join('')}${suffix}`;
  };
}
