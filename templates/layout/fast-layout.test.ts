// The glyph-by-glyph layout of digit strings gives exactly what fontkit's shaping gives — same
// glyphs, same advances — including where the font swaps a digit for an alternate (before an X:
// such strings are still shaped); and a line written as operators directly (line-text.ts)
// lands on the same pixels as pdfkit's own text().
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPdfkit, Pdf } from './pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'fast-layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  glyphs: { id: number }[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}
interface FontInternals {
  scale: number;
  layoutRun(text: string): Run;
  font: { layout(text: string): { glyphs: { id: number }[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] } };
}

async function font(): Promise<FontInternals> {
  const out = new PassThrough();
  out.resume();
  await loadPdfkit();
  const pdf = new Pdf({ paper: 'A4', landscape: false, title: 't', numbered: false }, out);
  return (pdf.doc as unknown as { _font: FontInternals })._font;
}

describe('glyph-by-glyph layout', () => {
  it('matches shaping for IDs, 户编号, amounts, dates, percentages — and IDs ending in X', async () => {
    const f = await font();
    const texts = ['511922199001011234', '51192219900101123X', '5119220001000247', '1,234.50', '-12.00', '2026-06-30', '12:30', '50%', '1/2', '7', 'X'];
    for (const t of texts) {
      const fast = f.layoutRun(t);
      const shaped = f.font.layout(t);
      expect(fast.glyphs.map((g) => g.id), t).toEqual(shaped.glyphs.map((g) => g.id));
      expect(fast.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]), t).toEqual(shaped.positions.map((p) => [p.xAdvance * f.scale, p.xOffset * f.scale, p.yOffset * f.scale]));
      expect(fast.advanceWidth, t).toBeCloseTo(shaped.positions.reduce((w, p) => w + p.xAdvance * f.scale, 0), 6);
    }
  });

  it('draws a line directly exactly where the text() of pdfkit draws it (same pixels)', async () => {
    const lines = ['张三 511922199001011234 户主', '1,234.50', '扶贫档案 AV To 51192219900101123X'];
    const draw = async (name: string, direct: boolean): Promise<Buffer> => {
      const file = join(dir, `${name}.pdf`);
      await loadPdfkit();
      const pdf = new Pdf({ paper: 'A4', landscape: false, title: name, numbered: false }, createWriteStream(file));
      pdf.newPage();
      lines.forEach((t, i) => {
        if (direct) pdf.text(t, 40, 40 + i * 30, { size: 11, bold: i === 2 });
        else {
          if (i === 2) pdf.doc.lineWidth(11 * 0.035).strokeColor('black');
          pdf.doc.fontSize(11).fillColor('black').text(t, 40, 40 + i * 30, { lineBreak: false, ...(i === 2 ? { fill: true, stroke: true } : {}) });
        }
      });
      await pdf.finish();
      return execFileSync('pdftoppm', ['-r', '150', '-gray', file], { maxBuffer: 64 * 1024 * 1024 });
    };
    expect((await draw('direct', true)).equals(await draw('pdfkit', false))).toBe(true);
  });
});
