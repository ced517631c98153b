// One line of text written as PDF operators directly — the same operators pdfkit's text() writes
// for it (q, the flip, BT, Tm, Tf, [Tr,] TJ with the font's spacing, ET, Q), without pdfkit's
// per-call option objects, word wrapping set-up, second measuring and matrix bookkeeping. A
// roster draws some 80,000 table cells; this was a third of its drawing time. Lines whose glyphs
// need offsets (combining marks) are left to pdfkit: the caller falls back when this says no.

import { RecentCache } from './recent-cache.ts';

interface Position {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** pdfkit's EmbeddedFont and document internals used here (not in @types/pdfkit). */
interface LineFont {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string): [string[], Position[]];
}
interface DocInternals {
  _font: LineFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** Encoded lines by font: a page's labels are drawn again on every page (values age out). */
const encodedLines = new WeakMap<LineFont, RecentCache<ReturnType<LineFont['encode']>>>();
const ENCODED_LINES = 1024;

/**
 * The font's encoding of a line (glyph ids as hex, positions), kept for lines drawn again. The
 * first encoding has already put the glyphs in the font's subset, so a kept one is the same.
 */
function encoded(font: LineFont, text: string): ReturnType<LineFont['encode']> {
  let cache = encodedLines.get(font);
  if (cache === undefined) {
    cache = new RecentCache(ENCODED_LINES);
    encodedLines.set(font, cache);
  }
  let e = cache.get(text);
  if (e === undefined) {
    e = font.encode(text);
    cache.set(text, e);
  }
  return e;
}

/** Numbers as pdfkit writes them (PDFObject.number): at most six decimals. */
const num = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * Draws `text` (no line breaks) with its top-left at (x, y) in the current font, size and fill
 * colour; `bold`: filled and stroked. False when the line needs pdfkit's own drawing instead.
 */
export function drawLine(doc: PDFKit.PDFDocument, text: string, x: number, y: number, bold: boolean): boolean {
  if (text.length === 0) return true;
  const d = doc as unknown as DocInternals;
  const font = d._font;
  const [glyphs, positions] = encoded(font, text);
  if (positions.some((p) => p.xOffset || p.yOffset)) return false;
  const size = d._fontSize;
  const page = d.page;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const baseline = page.height - y - (font.ascender / 1000) * size;
  // The glyph runs of pdfkit's TJ: a run ends where the font moves the next glyph (kerning).
  const runs: string[] = [];
  let from = 0;
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!;
    if (p.xAdvance - p.advanceWidth !== 0) {
      runs.push(`<${glyphs.slice(from, i + 1).join('')}> ${num(-(p.xAdvance - p.advanceWidth))}`);
      from = i + 1;
    }
  }
  if (from < positions.length) runs.push(`<${glyphs.slice(from).join('')}> 0`);
  d.addContent('q');
  d.addContent(`1 0 0 -1 0 ${num(page.height)} cm`);
  d.addContent('BT');
  d.addContent(`1 0 0 1 ${num(x)} ${num(baseline)} Tm`);
  d.addContent(`/${font.id} ${num(size)} Tf`);
  if (bold) d.addContent('2 Tr');
  d.addContent(`[${runs.join(' ')}] TJ`);
  d.addContent('ET');
  d.addContent('Q');
  return true;
}
