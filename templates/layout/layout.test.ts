// The shared layout pieces on real PDFs read back with poppler: the font's coverage, missing
// characters reported and blanked, page numbers that never add pages, the table header on
// every page, grouped rows kept together, option lists ticked.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drawForm } from './blocks-pdf.ts';
import { documentFont, GlyphCheck, BLANK_GLYPH } from './fonts.ts';
import { loadPdfkit, Pdf } from './pdf.ts';
import { pdfFonts, pdfInfo, pdfPages, pdfText } from './pdf-tools.ts';
import { drawSideBySide, drawTable } from './table.ts';
import { rmSync } from 'node:fs';

const dir = mkdtempSync(join(tmpdir(), 'layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function render(name: string, numbered: boolean, draw: (pdf: Pdf) => void) {
  const file = join(dir, `${name}.pdf`);
  await loadPdfkit();
  const pdf = new Pdf({ paper: 'A4', landscape: false, title: name, numbered }, createWriteStream(file));
  draw(pdf);
  const result = await pdf.finish();
  return { file, result };
}

describe('the document font', () => {
  it('knows which characters it has (cmap), including beyond the BMP', () => {
    const { coverage } = documentFont();
    for (const ch of ['张', '喆', '堃', '㎡', '□', '√', 'A', '1']) expect(coverage.has(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of ['𠮷', '𪚥', '☑']) expect(coverage.has(ch.codePointAt(0)!), ch).toBe(false);
  });

  it('blanks characters it lacks and reports each text once per place', () => {
    const check = new GlyphCheck(documentFont().coverage);
    expect(check.printable('张三', '户 1')).toBe('张三');
    expect(check.printable('吉𠮷祥', '户 1')).toBe(`吉${BLANK_GLYPH}祥`);
    check.printable('吉𠮷祥', '户 1');
    check.printable('𪚥', '户 2');
    expect(check.report()).toEqual([
      { text: '吉𠮷祥', chars: ['𠮷'], where: '户 1' },
      { text: '𪚥', chars: ['𪚥'], where: '户 2' },
    ]);
  });

  it('does not report again a longer text that only repeats a name already reported at the same place, either way round', () => {
    const check = new GlyphCheck(documentFont().coverage);
    check.printable('𠮷祥', '户 1');
    check.printable('（续页）观音村 户编号 1（户主 𠮷祥）', '户 1');
    check.printable('（续页）观音村 户编号 2（户主 𠮷利）', '户 2');
    check.printable('𠮷利', '户 2');
    check.printable('𠮷利', '户 3');
    expect(check.report()).toEqual([
      { text: '𠮷祥', chars: ['𠮷'], where: '户 1' },
      { text: '𠮷利', chars: ['𠮷'], where: '户 2' },
      { text: '𠮷利', chars: ['𠮷'], where: '户 3' },
    ]);
  });
});

describe('pdf pages', () => {
  it('numbers pages 第 N 页 共 M 页 without adding any, and embeds the font as a subset', async () => {
    const { file, result } = await render('numbered', true, (pdf) => {
      for (let i = 0; i < 3; i++) {
        pdf.newPage();
        pdf.text(`正文第${i + 1}页`, pdf.left, pdf.top);
      }
    });
    expect(result.pages).toBe(3);
    expect(pdfInfo(file).pages).toBe(3);
    const pages = pdfPages(file);
    expect(pages.map((p) => /第\s*(\d)\s*页\s*共\s*(\d)\s*页/.exec(p)?.slice(1))).toEqual([['1', '3'], ['2', '3'], ['3', '3']]);
    expect(pdfFonts(file)).toEqual([expect.objectContaining({ name: expect.stringMatching(/^[A-Z]{6}\+NotoSansSC-Regular$/) as unknown, embedded: true, subset: true })]);
  });

  it('draws a running footer on every page as it is added (streamed documents)', async () => {
    const { file } = await render('footer', false, (pdf) => {
      pdf.runningFooter = (p) => `第 ${p.pages} 张`;
      for (let i = 0; i < 4; i++) pdf.newPage();
    });
    expect(pdfInfo(file).pages).toBe(4);
    expect(pdfPages(file).map((p) => p.replace(/\s+/g, ''))).toEqual(['第1张', '第2张', '第3张', '第4张']);
  });
});

describe('tables', () => {
  const columns = [
    { label: '户编号', weight: 3, group: true },
    { label: '姓名', weight: 2 },
    { label: '关系', weight: 2 },
  ];

  it('repeats the header on every page and keeps a group on one page when it fits', async () => {
    const groups = Array.from({ length: 40 }, (_, g) => Array.from({ length: 4 }, (_, m) => ({ cells: [`H${String(g).padStart(3, '0')}`, `成员${g}-${m}`, m === 0 ? '户主' : '之子'] })));
    const { file } = await render('table', true, (pdf) => {
      pdf.newPage();
      drawTable(pdf, { columns, groups, size: 10 });
    });
    const pages = pdfPages(file);
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages) expect(p).toMatch(/户编号\s+姓名\s+关系/);
    // Every group's four members are on the same page, and the household number is printed once per group.
    for (let g = 0; g < 40; g++) {
      const on = pages.filter((p) => p.includes(`成员${g}-0`));
      expect(on).toHaveLength(1);
      for (let m = 1; m < 4; m++) expect(on[0]).toContain(`成员${g}-${m}`);
    }
    expect(pdfText(file).match(/H\d{3}/g)).toHaveLength(40);
  });

  it('lays a long list out in two side-by-side column groups', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ cells: [String(i + 1), `户主${i + 1}`, '3'] }));
    const { file } = await render('side', false, (pdf) => {
      pdf.newPage();
      drawSideBySide(pdf, { columns: [{ label: '序号', weight: 1 }, { label: '户主姓名', weight: 2 }, { label: '人口', weight: 1 }], rows, sets: 2 });
    });
    const text = pdfText(file);
    expect(text).toMatch(/序号\s+户主姓名\s+人口\s+序号\s+户主姓名\s+人口/);
    // The last page splits its rows evenly: row 1 beside row 16.
    expect(text).toMatch(/1\s+户主1\s+3\s+16\s+户主16\s+3/);
  });

  it('never cuts a value: a long name shrinks to fit its cell, and wraps (the row grows) below the floor', async () => {
    const long = '阿卜杜热合曼·买买提艾力';
    const longest = '阿不都热西提·买买提明·阿卜杜克力木江';
    const rows = Array.from({ length: 60 }, (_, i) => ({ cells: [String(i + 1), i === 3 ? long : i === 40 ? longest : `户主${i + 1}`, i === 5 ? '第十二村民小组' : '一组'] }));
    const columns = [{ label: '序号', weight: 1 }, { label: '户主姓名', weight: 2 }, { label: '村民小组', weight: 1.4 }];
    const { file } = await render('side-long', false, (pdf) => {
      pdf.newPage();
      drawSideBySide(pdf, { columns, rows, sets: 2, size: 12 });
      pdf.y += 10;
      drawTable(pdf, { columns, groups: rows.slice(0, 6).map((r) => [r]), size: 12 });
    });
    // -raw: the text in drawing order, so a wrapped cell's lines follow each other.
    const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    // The first six rows are in both tables, the longest name only in the side-by-side one.
    for (const [v, n] of [[long, 2], ['第十二村民小组', 2], [longest, 1]] as const) expect(raw.split(v).length - 1, v).toBe(n);
    expect(raw).not.toContain('…');
    // Only the longest name wraps: the others shrank and stay on one line.
    const layout = pdfText(file);
    expect(layout).toContain(long);
    expect(layout).toContain('第十二村民小组');
    expect(layout).not.toContain(longest);
    if (process.env.LAYOUT_PNG) execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', file, process.env.LAYOUT_PNG]);
  });
});

describe('room for what follows a table (a notice’s seal)', () => {
  const columns = [{ label: '序号', weight: 1 }, { label: '户主姓名', weight: 2 }];
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ cells: [String(i + 1), `行${i + 1}`] }));
  /** Rows per page, and whether the closing's room is left below the last one. */
  async function layout(name: string, n: number, closing: number, sideBySide = false) {
    let room = 0;
    const { file } = await render(name, false, (pdf) => {
      pdf.newPage();
      if (sideBySide) drawSideBySide(pdf, { columns, rows: rows(n), sets: 2, closing });
      else drawTable(pdf, { columns, groups: rows(n).map((r) => [r]), size: 10, closing });
      room = pdf.bottom - pdf.y;
    });
    return { perPage: pdfPages(file).map((p) => p.match(/行\d+/g)?.length ?? 0), room };
  }

  it('is kept on the last page only: earlier pages are full, a list that fits with it is one page', async () => {
    const long = await layout('closing-long', 60, 200);
    expect(long.perPage[0]).toBe((await layout('closing-none', 60, 0)).perPage[0]);
    expect(long.perPage.reduce((s, n) => s + n, 0)).toBe(60);
    expect(long.room).toBeGreaterThanOrEqual(200);
    const short = await layout('closing-short', 20, 200);
    expect(short.perPage).toEqual([20]);
    expect(short.room).toBeGreaterThanOrEqual(200);
  });

  it('carries the last rows over when the rest fits but the room does not, in one table or two groups', async () => {
    const one = await layout('closing-carry', 35, 300);
    expect(one.perPage).toEqual([33, 2]);
    expect(one.room).toBeGreaterThanOrEqual(300);
    const two = await layout('closing-carry-side', 70, 300, true);
    expect(two.perPage).toEqual([68, 2]);
    expect(two.room).toBeGreaterThanOrEqual(300);
  });
});

describe('forms', () => {
  it('ticks the chosen options (√ in the text) and leaves the others as empty boxes', async () => {
    const { file } = await render('options', false, (pdf) => {
      drawForm(pdf, { where: '测试', blocks: [{ type: 'grid', columns: [4, 20], rows: [[{ text: '致贫原因', label: true }, { options: { options: ['因病', '因残', '因学'], chosen: ['因残'] } }]] }] });
    });
    const text = pdfText(file).replace(/\s+/g, '');
    expect(text).toContain('因病√因残因学');
  });
});
