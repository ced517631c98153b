// "第 N 页 共 M 页" without holding pages: a numbered PDF reaches its output page by page while
// it is drawn (not all at the end), and is complete and valid once finished — every page
// numbered with the right total, first and last page text intact, the font embedded once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPdfkit, Pdf } from './pdf.ts';
import { pdfFonts, pdfInfo, pdfPages } from './pdf-tools.ts';

const dir = mkdtempSync(join(tmpdir(), 'page-numbers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An output that keeps the bytes and counts them as they arrive. */
function sink(): { out: Writable; received: () => number; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  let n = 0;
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      n += chunk.length;
      cb();
    },
  });
  return { out, received: () => n, bytes: () => Buffer.concat(chunks) };
}

const turn = () => new Promise<void>((r) => setImmediate(r));
const squash = (s: string) => s.replace(/\s+/g, '');

describe('numbered PDFs stream', () => {
  it('writes pages to the output as they are drawn, then numbers all of them with the total', async () => {
    const s = sink();
    await loadPdfkit();
    const pdf = new Pdf({ paper: 'A4', landscape: true, title: '流式测试', numbered: true }, s.out);
    const PAGES = 30;
    const seen: number[] = [];
    for (let p = 1; p <= PAGES; p++) {
      pdf.newPage();
      for (let row = 0; row < 40; row++) pdf.text(`第${p}页第${row}行 张三 511922199001011234`, pdf.left, pdf.top + row * 12, { size: 8, width: pdf.width });
      await turn();
      seen.push(s.received());
    }
    // A page is written when the next one starts: the bytes grow with the pages, long before the end.
    // (bufferPages would hold them all: nothing but the header before the end.)
    seen.slice(1).forEach((n, i) => expect(n, `after page ${i + 2}`).toBeGreaterThan(seen[i]!));
    expect(seen[PAGES - 1]!).toBeGreaterThan(15_000);
    const r = await pdf.finish();
    expect(r.pages).toBe(PAGES);

    const file = join(dir, 'streamed.pdf');
    writeFileSync(file, s.bytes());
    expect(pdfInfo(file)).toMatchObject({ pages: PAGES });
    const pages = pdfPages(file);
    expect(pages).toHaveLength(PAGES);
    expect(squash(pages[0]!)).toContain('第1页第0行张三');
    expect(squash(pages[PAGES - 1]!)).toContain(`第${PAGES}页第39行张三`);
    pages.forEach((text, i) => expect(squash(text)).toContain(`第${i + 1}页共${PAGES}页`));
    expect(pdfFonts(file)).toEqual([expect.objectContaining({ embedded: true, subset: true })]);
  });

  it('takes the page labels of the caller (a notice numbered on its own) and numbers a one-page document', async () => {
    const file = join(dir, 'labels.pdf');
    const s = sink();
    await loadPdfkit();
    const pdf = new Pdf({ paper: 'A4', landscape: false, title: '标签', numbered: true }, s.out);
    for (let p = 0; p < 3; p++) pdf.newPage();
    await pdf.finish((i, n) => `公示 ${i + 1}/${n}`);
    writeFileSync(file, s.bytes());
    expect(pdfPages(file).map((t) => t.trim())).toEqual(['公示 1/3', '公示 2/3', '公示 3/3']);

    const one = sink();
    await loadPdfkit();
    const single = new Pdf({ paper: 'A4', landscape: false, title: '一页', numbered: true }, one.out);
    await single.finish();
    writeFileSync(file, one.bytes());
    expect(pdfPages(file).map(squash)).toEqual(['第1页共1页']);
  });
});
