// A notice on paper, GB/T 9704-like: the title in 小标宋 (22 pt), the step it is under it, the
// body in 仿宋 16 pt with 28 pt lines, the list at 14 pt (12 pt in two side-by-side groups), the
// note, and the issuer and date with a 45 mm square left free for the seal. A notice whose step
// is not open is a 草稿: marked in the title and by a watermark on every page.
import type { Writable } from 'node:stream';
import { dateCn } from '../layout/format.ts';
import type { NoticeFaces } from '../layout/notice-fonts.ts';
import type { RenderResult } from '../layout/pdf.ts';
import { loadPdfkit, Pdf } from '../layout/pdf.ts';
import type { Row } from '../layout/table.ts';
import { drawSideBySide, drawTable } from '../layout/table.ts';
import type { PublicityModel, PublicityNotice } from './index.ts';
import { noticeBody, noticeColumns, noticeNote, noticeSubtitle, noticeTitle, noticeTitleParts } from './index.ts';

const MM = 72 / 25.4;
/** A seal is about 42 mm across: room of 45 mm. */
export const SEAL_SPACE = 45 * MM;
const TITLE_SIZE = 22;
const BODY_SIZE = 16;
const BODY_LINE = 28;
const TABLE_SIZE = 14;
const TABLE_SIZE_TWO_GROUPS = 12;
const NOTE_SIZE = 12;
/** Lists longer than this print in two side-by-side column groups. */
const SIDE_BY_SIDE_FROM = 16;
/** What the note, issuer, date and seal need below the list. */
const CLOSING = SEAL_SPACE + 8;

/**
 * The title's lines, broken between its phrases (the place, the year's list, 第一次公示 …) and
 * never inside one: the fewest lines that fit, the most even of them (a phrase longer than a
 * line stays whole on its own line and wraps by itself).
 */
export function titleLines(pdf: Pdf, parts: readonly string[]): string[] {
  const width = (t: string): number => pdf.widthOf(t, TITLE_SIZE, 'title');
  let best: { lines: string[]; widest: number } | null = null;
  // Every way to break between phrases (a title has three or four).
  for (let breaks = 0; breaks < 1 << (parts.length - 1); breaks++) {
    const grouped: string[][] = [[parts[0]!]];
    parts.slice(1).forEach((p, i) => (breaks & (1 << i) ? grouped.push([p]) : grouped[grouped.length - 1]!.push(p)));
    const lines = grouped.map((g) => g.join(''));
    if (grouped.some((g, i) => g.length > 1 && width(lines[i]!) > pdf.width)) continue;
    const widest = Math.max(...lines.map(width));
    if (!best || lines.length < best.lines.length || (lines.length === best.lines.length && widest < best.widest)) best = { lines, widest };
  }
  return best?.lines ?? [...parts];
}

/** A light diagonal 草稿 across the page (drawn first, under the text). */
function watermark(pdf: Pdf): void {
  const { doc } = pdf;
  const cx = doc.page.width / 2;
  const cy = doc.page.height / 2;
  doc.save();
  doc.rotate(-35, { origin: [cx, cy] });
  pdf.text('草稿', cx - 150, cy - 75, { size: 150, width: 300, align: 'center', color: '#e4e4e4' });
  doc.restore();
  pdf.colorsChanged();
}

function closing(pdf: Pdf, n: PublicityNotice): void {
  // Issuer and date centred on each other, two characters in from the right edge; the seal
  // covers them ("上压成文日期"), so the 45 mm around them stays free. The note sits beside.
  const date = n.issuedOn ? dateCn(n.issuedOn) : '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';
  const w = Math.max(SEAL_SPACE, pdf.widthOf(n.issuer, BODY_SIZE), pdf.widthOf(date, BODY_SIZE)) + 8;
  const x = pdf.right - BODY_SIZE * 2 - w;
  const top = pdf.y + 6;
  pdf.text(noticeNote(n), pdf.left, top + 4, { size: NOTE_SIZE, width: x - pdf.left - 12, lineGap: 3 });
  pdf.text(n.issuer, x, top + SEAL_SPACE / 2 - BODY_LINE, { size: BODY_SIZE, width: w, align: 'center' });
  pdf.text('（盖章）', x, top + SEAL_SPACE / 2 - 4, { size: NOTE_SIZE, width: w, align: 'center', color: '#777777' });
  pdf.text(date, x, top + SEAL_SPACE / 2 + BODY_LINE - 8, { size: BODY_SIZE, width: w, align: 'center' });
  pdf.y = top + SEAL_SPACE;
}

function drawNotice(pdf: Pdf, n: PublicityNotice): void {
  const title = noticeTitle(n);
  pdf.where = title;
  pdf.newPage();
  for (const line of titleLines(pdf, noticeTitleParts(n))) {
    pdf.text(line, pdf.left, pdf.y, { size: TITLE_SIZE, width: pdf.width, align: 'center', face: 'title', lineGap: 6 });
    pdf.y += pdf.heightOf(line, pdf.width, TITLE_SIZE, 6);
  }
  pdf.y += 4;
  const subtitle = noticeSubtitle(n);
  if (subtitle) {
    pdf.text(subtitle, pdf.left, pdf.y, { size: BODY_SIZE, width: pdf.width, align: 'center' });
    pdf.y += BODY_LINE;
  }
  pdf.y += 6;
  const gap = BODY_LINE - BODY_SIZE * 1.3;
  for (const text of noticeBody(n)) {
    pdf.text(text, pdf.left, pdf.y, { size: BODY_SIZE, width: pdf.width, lineGap: gap, indent: BODY_SIZE * 2 });
    pdf.y += pdf.doc.fontSize(BODY_SIZE).heightOfString(pdf.clean(text), { width: pdf.width, lineGap: gap, indent: BODY_SIZE * 2 });
  }
  pdf.y += 8;
  const columns = noticeColumns(n);
  const rows = n.rows.map((r, i): Row => ({ cells: columns.map((c) => String(c.value(r, i + 1))) }));
  const continued = (p: Pdf): void => {
    p.text(`${title}（续）`, p.left, p.y, { size: NOTE_SIZE, width: p.width });
    p.y += NOTE_SIZE * 1.8;
  };
  // The closing's room is kept on the page where the list ends only: a list that fits with
  // it is one page, a longer one fills its pages and carries its last rows over to the seal.
  const twoGroups = rows.length > SIDE_BY_SIDE_FROM && !n.showVillage;
  const size = twoGroups ? TABLE_SIZE_TWO_GROUPS : TABLE_SIZE;
  if (twoGroups) drawSideBySide(pdf, { columns, rows, sets: 2, size, gap: 12, continued, closing: CLOSING });
  else drawTable(pdf, { columns, groups: rows.map((r) => [r]), size, continued, closing: CLOSING });
  if (pdf.y + CLOSING > pdf.bottom) {
    pdf.newPage();
    continued(pdf);
  }
  closing(pdf, n);
}

/** A notice with a masked ID column is printed across (A4 landscape) to keep its two groups. */
export function noticeLandscape(model: PublicityModel): boolean {
  return model.notices.some((n) => n.maskedIds || n.showVillage);
}

export async function publicityPdf(model: PublicityModel, out: Writable, faces?: NoticeFaces): Promise<RenderResult> {
  await loadPdfkit();
  const landscape = noticeLandscape(model);
  // GB/T 9704's 28 mm left and 26 mm right; less than its 37 mm at the top and 35 mm at the foot, for the list.
  const margins = landscape ? { top: 28 * MM, bottom: 22 * MM, left: 25 * MM, right: 25 * MM } : { top: 25 * MM, bottom: 22 * MM, left: 28 * MM, right: 26 * MM };
  const pdf = new Pdf({ paper: 'A4', landscape, title: model.title, numbered: true, margins, ...(faces ? { faces } : {}) }, out);
  // Each notice is posted on its own: its pages are numbered on their own.
  const starts: number[] = [];
  let draft = false;
  pdf.doc.on('pageAdded', () => {
    if (draft) watermark(pdf);
  });
  for (const n of model.notices) {
    starts.push(pdf.pages);
    draft = n.draft;
    drawNotice(pdf, n);
  }
  const ends = [...starts.slice(1), Infinity];
  return pdf.finish((i, count) => {
    const k = starts.findLastIndex((s) => s <= i);
    const first = starts[k]!;
    const pages = Math.min(ends[k]!, count) - first;
    return `第 ${i - first + 1} 页 共 ${pages} 页`;
  });
}
