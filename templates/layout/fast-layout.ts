// Strings of digits and a few signs (ID numbers, 户编号, ages, amounts, dates — most of a
// roster's distinct texts) laid out glyph by glyph from the font's own advances instead of
// through fontkit's shaping, which walks this CJK font's large lookup tables for every new
// string: 15 × slower, and half of a 1,000-household roster's drawing time. Only characters
// whose shaping is checked (once per process) to be exactly that — alone and in every pair:
// the same glyph, its own advance, no offset — take this path, so the pages are the same bytes.

import { RecentCache } from './recent-cache.ts';

interface Glyph {
  id: number;
  advanceWidth: number;
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth?: number;
}

interface FontkitFont {
  layout(text: string): { glyphs: Glyph[]; positions: Position[] };
  glyphForCodePoint(cp: number): Glyph;
}

/** pdfkit's EmbeddedFont, the parts used here (not in @types/pdfkit). */
interface EmbeddedFont {
  font: FontkitFont;
  scale: number;
  layoutRun(text: string, features?: unknown): { glyphs: Glyph[]; positions: Position[]; advanceWidth: number };
}

/** Candidates: what IDs, numbers, dates and amounts are made of. */
const CANDIDATES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X', '.', ',', '-', ':', '/', '%'];

let plain: Set<number> | null = null;

/** The candidates that shaping leaves alone, alone and in every pair. */
function plainCodes(font: FontkitFont): Set<number> {
  const own = (ch: string) => font.glyphForCodePoint(ch.codePointAt(0)!);
  // One or two of the (ASCII) candidates.
  const untouched = (...chars: string[]): boolean => {
    const run = font.layout(chars.join(''));
    return (
      run.glyphs.length === chars.length &&
      run.glyphs.every((g, i) => {
        const p = run.positions[i]!;
        return g.id === own(chars[i]!).id && p.xAdvance === g.advanceWidth && p.xOffset === 0 && p.yOffset === 0 && p.yAdvance === 0;
      })
    );
  };
  const ok = CANDIDATES.filter((c) => untouched(c));
  const bad = ok.flatMap((a) => ok.filter((b) => !untouched(a, b)).map((b) => [a, b] as const));
  // Drop the character in most shaped pairs until none is left ("5X": the font swaps the digit
  // before an X for an alternate — so X goes, the digits stay).
  const dropped = new Set<string>();
  for (;;) {
    const left = bad.filter(([a, b]) => !dropped.has(a) && !dropped.has(b));
    if (left.length === 0) break;
    const count = new Map<string, number>();
    for (const [a, b] of left) for (const c of new Set([a, b])) count.set(c, (count.get(c) ?? 0) + 1);
    dropped.add([...count].sort((x, y) => y[1] - x[1])[0]![0]);
  }
  return new Set(ok.filter((c) => !dropped.has(c)).map((c) => c.codePointAt(0)!));
}

/** Installs the glyph-by-glyph layout on the document's current (embedded) font. */
export function useFastLayout(doc: PDFKit.PDFDocument): void {
  const embedded = (doc as unknown as { _font: EmbeddedFont })._font;
  const codes = (plain ??= plainCodes(embedded.font));
  const shaped = embedded.layoutRun.bind(embedded);
  embedded.layoutRun = (text, features) => {
    if (features !== undefined || text.length === 0) return shaped(text, features);
    for (let i = 0; i < text.length; i++) if (!codes.has(text.charCodeAt(i))) return shaped(text, features);
    const glyphs: Glyph[] = [];
    const positions: Position[] = [];
    let advanceWidth = 0;
    for (let i = 0; i < text.length; i++) {
      const g = embedded.font.glyphForCodePoint(text.charCodeAt(i));
      const w = g.advanceWidth * embedded.scale;
      glyphs.push(g);
      positions.push({ xAdvance: w, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: w });
      advanceWidth += w;
    }
    return { glyphs, positions, advanceWidth };
  };
}

interface CachingFont {
  layoutCache?: Record<string, unknown> | null;
  layoutCached(text: string): unknown;
  layoutRun(text: string): unknown;
}

/**
 * pdfkit caches the shaping of every word it has drawn, for the life of the document: with
 * 20,000 households' names, numbers and addresses that cache alone grows by hundreds of MB.
 * Emptying it now and then made every label be shaped again. The document's current font keeps
 * a bounded cache instead, which holds on to the words used over and over (labels, headers).
 */
export function boundLayoutCache(doc: PDFKit.PDFDocument, limit: number): void {
  const font = (doc as unknown as { _font: CachingFont })._font;
  if (!font.layoutCache) return;
  font.layoutCache = null;
  const cache = new RecentCache<unknown>(limit);
  font.layoutCached = (text) => {
    let run = cache.get(text);
    if (run === undefined) {
      run = font.layoutRun(text);
      cache.set(text, run);
    }
    return run;
  };
}
