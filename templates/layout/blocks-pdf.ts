// Lays out form blocks (blocks.ts) on PDF pages: shaded label cells, ☑/□ option lists drawn
// as vectors (the font has no ☑), tables through the shared table code, signature lines and
// the issuer/seal block. A form that runs over a page continues with a "（续）" line.
import type { Block, Cell, FormPage, Options } from './blocks.ts';
import { GRID } from './blocks.ts';
import type { Pdf } from './pdf.ts';
import { drawTable, tableHeight } from './table.ts';

const PAD = 3;
const LABEL_FILL = '#f0f0f0';
const RULE = 0.6;

export interface FormStyle {
  size: number;
}

interface OptionItem {
  text: string;
  chosen: boolean;
  width: number;
}

function optionLines(pdf: Pdf, o: Options, width: number, size: number): OptionItem[][] {
  const box = size * 0.9;
  const lines: OptionItem[][] = [[]];
  let used = 0;
  for (const text of o.options) {
    const w = box + 2 + pdf.widthOf(text, size) + size * 0.8;
    if (used + w > width && used > 0) {
      lines.push([]);
      used = 0;
    }
    lines[lines.length - 1]!.push({ text, chosen: o.chosen.includes(text), width: w });
    used += w;
  }
  return lines;
}

const lineHeight = (size: number): number => size * 1.45;

function drawOptions(pdf: Pdf, o: Options, x: number, y: number, width: number, size: number): void {
  const box = size * 0.9;
  const doc = pdf.doc;
  optionLines(pdf, o, width, size).forEach((line, n) => {
    let at = x;
    const ly = y + n * lineHeight(size);
    for (const item of line) {
      const top = ly + size * 0.12;
      doc.lineWidth(0.7).rect(at, top, box, box).stroke();
      if (item.chosen) {
        doc.lineWidth(1.1).moveTo(at + box * 0.15, top + box * 0.5).lineTo(at + box * 0.42, top + box * 0.8).lineTo(at + box * 0.9, top + box * 0.12).stroke();
        // An invisible √ under the drawn tick, so the chosen option reads "√因病" in the PDF's text.
        doc.fillOpacity(0);
        pdf.text('√', at, ly, { size: size * 0.8 });
        doc.fillOpacity(1);
      }
      pdf.text(item.text, at + box + 2, ly, { size });
      at += item.width;
    }
  });
}

function cellContentHeight(pdf: Pdf, cell: Cell, width: number, size: number): number {
  if (cell.options) return optionLines(pdf, cell.options, width, size).length * lineHeight(size);
  return cell.text ? pdf.heightOf(cell.text, width, size) : size;
}

function spans(columns: readonly number[], row: readonly Cell[]): { x: number; w: number }[] {
  const out: { x: number; w: number }[] = [];
  let col = 0;
  for (const cell of row) {
    const span = cell.span ?? 1;
    const from = columns.slice(0, col).reduce((s, c) => s + c, 0);
    const w = columns.slice(col, col + span).reduce((s, c) => s + c, 0);
    out.push({ x: from, w });
    col += span;
  }
  return out;
}

function gridRowHeight(pdf: Pdf, columns: readonly number[], row: readonly Cell[], size: number): number {
  const unit = pdf.width / GRID;
  const geo = spans(columns, row);
  return Math.max(size * 1.6, ...row.map((c, i) => cellContentHeight(pdf, c, geo[i]!.w * unit - 2 * PAD, size) + 2 * PAD));
}

function drawGrid(pdf: Pdf, columns: readonly number[], rows: readonly (readonly Cell[])[], size: number): void {
  const unit = pdf.width / GRID;
  for (const row of rows) {
    const geo = spans(columns, row).map((s) => ({ x: pdf.left + s.x * unit, w: s.w * unit }));
    const h = gridRowHeight(pdf, columns, row, size);
    pdf.ensure(h);
    const y = pdf.y;
    row.forEach((cell, i) => {
      const { x, w } = geo[i]!;
      if (cell.label) pdf.fillRect(x, y, w, h, LABEL_FILL);
      pdf.doc.lineWidth(RULE).strokeColor('black').rect(x, y, w, h).stroke();
      const inner = w - 2 * PAD;
      const ch = cellContentHeight(pdf, cell, inner, size);
      const ty = y + Math.max(PAD, (h - ch) / 2);
      if (cell.options) drawOptions(pdf, cell.options, x + PAD, ty, inner, size);
      else if (cell.text) pdf.text(cell.text, x + PAD, ty, { size, width: inner, align: cell.align ?? (cell.label ? 'center' : 'left') });
    });
    pdf.y = y + h;
  }
}

function drawSignatures(pdf: Pdf, items: readonly string[], dated: boolean, size: number): void {
  const all = dated ? [...items, '日期：　　　　年　　月　　日'] : [...items];
  const w = pdf.width / all.length;
  pdf.ensure(size * 4);
  const y = pdf.y + size * 1.5;
  all.forEach((item, i) => {
    const x = pdf.left + i * w;
    pdf.text(item, x, y, { size, width: w - 6 });
    if (!item.startsWith('日期')) {
      const tw = pdf.widthOf(item, size);
      pdf.doc.lineWidth(0.5).moveTo(x + tw + 2, y + size * 1.2).lineTo(x + w - 10, y + size * 1.2).stroke();
    }
  });
  pdf.y = y + size * 2.5;
}

function drawSeal(pdf: Pdf, issuer: string, date: string, size: number): void {
  const w = Math.max(pdf.widthOf(issuer, size + 1), pdf.widthOf(date, size + 1)) + 20;
  pdf.ensure(size * 7);
  const x = pdf.right - w;
  const y = pdf.y + size * 1.5;
  pdf.text(issuer, x, y, { size: size + 1, width: w, align: 'center' });
  pdf.text('（盖章）', x, y + size * 1.7, { size, width: w, align: 'center', color: '#555555' });
  pdf.text(date, x, y + size * 3.4, { size: size + 1, width: w, align: 'center' });
  pdf.y = y + size * 5.5;
}

function drawBlock(pdf: Pdf, block: Block, size: number): void {
  switch (block.type) {
    case 'title': {
      pdf.ensure(40);
      const y = pdf.y;
      pdf.text(block.text, pdf.left, y, { size: size + 8, width: pdf.width, align: 'center', bold: true });
      pdf.y = y + (size + 8) * 1.4;
      if (block.subtitle) {
        pdf.text(block.subtitle, pdf.left, pdf.y - size * 0.2, { size: size, width: pdf.width, align: 'center' });
        pdf.y = y + (size + 8) * 1.4 + size * 1.4;
      }
      return;
    }
    case 'meta': {
      pdf.ensure(size * 2);
      const y = pdf.y;
      pdf.text(block.left, pdf.left, y, { size, width: pdf.width });
      if (block.right) pdf.text(block.right, pdf.left, y, { size, width: pdf.width, align: 'right' });
      pdf.y = y + size * 1.6;
      return;
    }
    case 'section':
      drawGrid(pdf, [GRID], [[{ text: block.text, label: true, align: 'left' }]], size);
      return;
    case 'grid':
      drawGrid(pdf, block.columns, block.rows, size);
      return;
    case 'table': {
      const blank = block.columns.map(() => '');
      const rows = [...block.rows, ...Array.from({ length: block.emptyRows ?? 0 }, () => blank)];
      drawTable(pdf, {
        columns: block.columns.map((c) => ({ label: c.label, weight: c.width, align: c.align ?? 'center' })),
        groups: rows.map((cells, i) => [{ cells, bold: block.bold?.includes(i) }]),
        size: size - 0.5,
      });
      return;
    }
    case 'paragraph': {
      const s = block.size ?? size + 1;
      const text = block.indent ? `\u3000\u3000${block.text}` : block.text;
      const h = pdf.heightOf(text, pdf.width, s, s * 0.5);
      pdf.ensure(Math.min(h, pdf.bottom - pdf.top));
      const y = pdf.y;
      pdf.text(text, pdf.left, y, { size: s, width: pdf.width, lineGap: s * 0.5 });
      pdf.y = y + h + s * 0.4;
      return;
    }
    case 'box': {
      const h = Math.max(block.minLines * size * 1.6, pdf.heightOf(block.text, pdf.width * (21 / GRID) - 2 * PAD, size, size * 0.4) + 2 * PAD);
      pdf.ensure(Math.min(h, pdf.bottom - pdf.top));
      const y = pdf.y;
      const lw = pdf.width * (3 / GRID);
      pdf.fillRect(pdf.left, y, lw, h, LABEL_FILL);
      pdf.doc.lineWidth(RULE).strokeColor('black').rect(pdf.left, y, lw, h).rect(pdf.left + lw, y, pdf.width - lw, h).stroke();
      pdf.text(block.label, pdf.left + PAD, y + PAD, { size, width: lw - 2 * PAD, align: 'center' });
      if (block.text) pdf.text(block.text, pdf.left + lw + PAD, y + PAD, { size, width: pdf.width - lw - 2 * PAD, lineGap: size * 0.4, height: h - PAD });
      pdf.y = y + h;
      return;
    }
    case 'signatures':
      drawSignatures(pdf, block.items, block.dated ?? false, size);
      return;
    case 'seal':
      drawSeal(pdf, block.issuer, block.date, size);
      return;
    case 'gap':
      pdf.y += block.lines * size;
      return;
  }
}

/** Draws blocks from the current position (a notice's title and body around its own table). */
export function drawBlocks(pdf: Pdf, blocks: readonly Block[], size: number): void {
  for (const block of blocks) drawBlock(pdf, block, size);
}

const tableSpec = (block: Extract<Block, { type: 'table' }>, size: number, rows = block.rows) => ({
  columns: block.columns.map((c) => ({ label: c.label, weight: c.width, align: c.align ?? 'center' })),
  groups: [...rows, ...Array.from({ length: block.emptyRows ?? 0 }, () => block.columns.map(() => ''))].map((cells) => [{ cells }]),
  size: size - 0.5,
});

/** The height a block takes when drawn whole on one page (`first`: only its first row, for keeping a heading with it). */
export function blockHeight(pdf: Pdf, block: Block, size: number, first = false): number {
  switch (block.type) {
    case 'title':
      return Math.max(40, (size + 8) * 1.4 + (block.subtitle ? size * 1.4 : 0));
    case 'meta':
      return size * 1.6;
    case 'section':
      return gridRowHeight(pdf, [GRID], [{ text: block.text, label: true }], size);
    case 'grid':
      return (first ? block.rows.slice(0, 1) : block.rows).reduce((s, row) => s + gridRowHeight(pdf, block.columns, row, size), 0);
    case 'table':
      return tableHeight(pdf, tableSpec(block, size, first ? block.rows.slice(0, 1) : block.rows));
    case 'paragraph': {
      const s = block.size ?? size + 1;
      return pdf.heightOf(block.indent ? `\u3000\u3000${block.text}` : block.text, pdf.width, s, s * 0.5) + s * 0.4;
    }
    case 'box':
      return Math.max(block.minLines * size * 1.6, pdf.heightOf(block.text, pdf.width * (21 / GRID) - 2 * PAD, size, size * 0.4) + 2 * PAD);
    case 'signatures':
      return size * 4;
    case 'seal':
      return size * 7;
    case 'gap':
      return block.lines * size;
  }
}

/**
 * Keep-together: the signature block never sits alone on a page. The part of the form it closes
 * (from the last section heading before it) moves to a new page when it fits on one; when even
 * that part runs over a page, room for the signatures is kept free below it on every page it
 * takes, so its last rows and the signatures share a sheet. A section heading stays with the
 * first row of what it heads.
 */
function drawKeepingTogether(pdf: Pdf, blocks: readonly Block[], size: number, headerHeight: number, reserve: { points: number }): void {
  let sig = -1;
  blocks.forEach((b, i) => {
    if (b.type === 'signatures') sig = i;
  });
  let tail = sig;
  for (let i = sig - 1; i > 0 && tail === sig; i--) if (blocks[i]!.type === 'section') tail = i;
  if (tail === sig && sig > 0) tail = sig - 1;
  blocks.forEach((block, i) => {
    if (i === tail && tail < sig && pdf.pages > 0) {
      const need = blocks.slice(tail, sig + 1).reduce((s, b) => s + blockHeight(pdf, b, size), 0);
      if (pdf.y + need > pdf.bottom) {
        if (need <= pdf.bottom - pdf.top - headerHeight) pdf.newPage();
        else {
          reserve.points = blockHeight(pdf, blocks[sig]!, size);
          pdf.doc.page.margins.bottom += reserve.points;
        }
      }
    }
    if (i === sig && reserve.points) {
      pdf.doc.page.margins.bottom -= reserve.points;
      reserve.points = 0;
    }
    const next = blocks[i + 1];
    if (block.type === 'section' && next && pdf.pages > 0) pdf.ensure(blockHeight(pdf, block, size) + blockHeight(pdf, next, size, true));
    drawBlock(pdf, block, size);
  });
}

/** Draws one form starting on a new page; it continues on further pages, marked "（续页）", if it must. */
export function drawForm(pdf: Pdf, page: FormPage, style: FormStyle = { size: 9 }): void {
  pdf.where = page.where;
  pdf.continuation = null;
  pdf.newPage();
  const reserve = { points: 0 };
  pdf.continuation = (p) => {
    const y = p.y;
    p.text(`（续页）${page.where}`, p.left, y, { size: style.size, width: p.width });
    p.y = y + style.size * 1.8;
    p.doc.page.margins.bottom += reserve.points;
  };
  try {
    drawKeepingTogether(pdf, page.blocks, style.size, style.size * 1.8, reserve);
  } finally {
    pdf.continuation = null;
  }
}
