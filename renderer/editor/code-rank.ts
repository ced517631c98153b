// Type-ahead over a value list (与户主关系, 在校生状况 …): what is typed is matched against the
// label and its aliases; the best match comes first, so Enter picks what the clerk meant.

export interface CodeOption {
  value: string;
  label: string;
  /** Label and aliases, for typing 儿子 and finding 之子. */
  search: string;
}

/**
 * A label that is the typed text, or starts with it, comes before one that merely contains it
 * ("在校" picks 在校生, not 非在校生); then an alias that is or starts with it; then the rest.
 */
export function codeRank(o: CodeOption, input: string): number {
  const q = input.trim();
  if (o.label === q) return 0;
  if (o.label.startsWith(q)) return 1;
  const aliases = o.search.split(' ').slice(1);
  if (aliases.some((a) => a === q || a.startsWith(q))) return 2;
  return 3;
}

/** 非在校生, 不在校, 未参保, 无劳动力: a match right after one of these means the opposite. */
const NEGATION = /[非不未无]$/;

/**
 * Whether typing `input` offers this value: the label or an alias starts with it, or contains it
 * — but not right after a negation, so "在校" never offers 非在校生 (the opposite of what was meant).
 */
export function codeMatches(o: CodeOption, input: string): boolean {
  const q = input.trim();
  if (q === '') return true;
  return o.search.split(' ').some((word) => {
    const at = word.indexOf(q);
    return at === 0 || (at > 0 && !NEGATION.test(word.slice(0, at)));
  });
}
