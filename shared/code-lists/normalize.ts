// Cell values from Excel exports and hand-made sheets differ from the national labels only in
// typing noise: stray spaces (often U+3000 or a non-breaking space from copy-paste), an IME
// left in full-width mode, and half- vs full-width parentheses. Removing that noise lets one
// comparison accept them all without listing every variant as an alias.

// \s covers ASCII whitespace, U+00A0, U+3000 and U+FEFF; the zero-width characters that
// survive copy-paste from web pages are not whitespace to JavaScript, so they are listed.
const INVISIBLE = /\s|\u200b|\u200c|\u200d|\u2060/gu;
const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/gu;
// Full-width and half-width forms are 0xFEE0 apart across the whole ASCII block.
const FULL_TO_HALF = 0xfee0;

/**
 * Canonical spelling for comparison: no whitespace anywhere, ASCII letters and digits
 * half-width, parentheses full-width (the form the national labels use, e.g. 乡（镇）内务工).
 */
export function normalizeLabel(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_TO_HALF))
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）');
}

/**
 * Key of the lookup maps: the normalized label with ASCII letters folded to upper case, so
 * that a typed c级 still finds C级. Kept apart from normalizeLabel because that one returns
 * text that may be shown or stored, where changing the case would be surprising.
 */
export function lookupKey(raw: string): string {
  return normalizeLabel(raw).replace(/[a-z]/gu, (c) => c.toUpperCase());
}
