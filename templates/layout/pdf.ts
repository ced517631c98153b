// One PDF being written: pdfkit with the embedded Chinese font, the paper and margins, every
// text drawn through the glyph check, page counting, and a footer on each page as it is added:
// a running one (streamed batches) or "第 N 页 共 M 页" (page-numbers.ts: the total filled in at
// the end without keeping any page). Pages are written to the output as they are finished.
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type PDFDocument from 'pdfkit';
import type { FontFace, MissingGlyph } from './fonts.ts';
import { allOf } from './cmap.ts';
import { boundLayoutCache, useFastLayout } from './fast-layout.ts';
import { documentFont, GlyphCheck } from './fonts.ts';
import { drawLine } from './line-text.ts';
import { RecentCache } from './recent-cache.ts';
import { FOOTER_RISE, PageNumbers } from './page-numbers.ts';

export type Paper = 'A4' | 'A3' | 'A2' | 'A1';

export interface PdfSetup {
  paper: Paper;
  landscape: boolean;
  /** Document title in the PDF's properties. */
  title: string;
  /** "第 N 页 共 M 页" at the foot of every page (pages are still written as they are finished). */
  numbered: boolean;
  margins?: { top: number; bottom: number; left: number; right: number };
  /** Other faces than the forms' sans one (notices): the body face and a title face. */
  faces?: { body: FontFace; title: FontFace };
}

export interface RenderResult {
  /** Pages of a PDF; null for a workbook (Excel decides its printed pages). */
  pages: number | null;
  /** Worksheets of a workbook. */
  sheets?: number;
  missingGlyphs: MissingGlyph[];
}

export interface TextStyle {
  size?: number;
  width?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Drawn bold (the font has one weight: filled and stroked). */
  bold?: boolean;
  /** Clip to this height: text never runs onto a new page by itself. */
  height?: number;
  lineGap?: number;
  color?: string;
  /** Drawn in the document's title face (a notice's 小标宋); default the body face. */
  face?: 'title';
  /** Indent of the first line (a paragraph's two characters), wrapped text only. */
  indent?: number;
}

/** The name the document font is registered under (charts ask for it by name). */
export const PDF_FONT = 'doc';
/** The name of the title face when a document has one (notices). */
const TITLE_FONT = 'title';
const DEFAULT_MARGINS = { top: 36, bottom: 38, left: 40, right: 40 };
/**
 * Words whose shaping the body font keeps (each generation; see boundLayoutCache). A page's
 * labels are a few hundred words; four times as many cost no less CPU per page in the township
 * probe but kept ~50 MB more heap (V8 sizes the heap at a multiple of what stays live).
 */
const LAYOUT_CACHE = 2048;
/** Texts of each generation of the width and height caches (about a MB). */
const WIDTH_CACHE = 1024;

let pdfkit: typeof PDFDocument | null = null;

/**
 * pdfkit (with fontkit under it, ~0.3–0.4 s to load) is loaded by the first document a process
 * draws, not by every process that bundles the modules able to draw one (the Electron main
 * process, the browser shell, CLI commands that print no PDF). Awaited before `new Pdf`.
 */
export async function loadPdfkit(): Promise<void> {
  pdfkit ??= (await import('pdfkit')).default;
}

export class Pdf {
  readonly doc: PDFKit.PDFDocument;
  readonly glyphs: GlyphCheck;
  /** The record being drawn, for reports of unprintable characters ("户编号 …（户主 …）"). */
  where = '';
  /** Drawn at the foot of each page when it is added (streamed documents). */
  runningFooter: ((pdf: Pdf) => string) | null = null;
  /** Drawn at the top of a page a record continues on ("（续页）…"), while one is being drawn. */
  continuation: ((pdf: Pdf) => void) | null = null;
  private readonly output: Writable;
  private pageCount = 0;
  /** Widths of single lines by font, size and text: layout measures a row's cells, then draws them, and labels repeat on every page. */
  private readonly widths = new Map<string, RecentCache<number[]>>();
  /** Heights of wrapped texts by text, then size, width and line gap: a table measures each cell for its row, then again to centre it. */
  private readonly heights = new RecentCache<number[]>(WIDTH_CACHE);
  /** The fill colour last set for text; null when something else may have changed it. */
  private textColor: string | null = null;
  private drawingFooter = false;
  private readonly numbers: PageNumbers | null;
  private readonly hasTitleFace: boolean;

  constructor(
    setup: PdfSetup,
    out: Writable,
  ) {
    this.output = out;
    // Until a record is being drawn, unprintable characters are reported as of the document.
    this.where = setup.title;
    const font = setup.faces?.body ?? documentFont();
    const title = setup.faces?.title ?? null;
    this.hasTitleFace = title !== null;
    // A character counts as printable only when every face of the document has it.
    this.glyphs = new GlyphCheck(title ? allOf([font.coverage, title.coverage]) : font.coverage);
    if (!pdfkit) throw new Error('Pdf: await loadPdfkit() before the first document');
    this.doc = new pdfkit({
      size: setup.paper,
      layout: setup.landscape ? 'landscape' : 'portrait',
      margins: setup.margins ?? DEFAULT_MARGINS,
      // Never bufferPages: a finished page goes to the output when the next one starts.
      bufferPages: false,
      autoFirstPage: false,
      info: { Title: setup.title, Creator: '扶贫档案', Producer: '扶贫档案' },
      lang: 'zh-CN',
    });
    this.doc.registerFont(PDF_FONT, font.data, font.family);
    if (title) this.doc.registerFont(TITLE_FONT, title.data, title.family);
    this.doc.font(PDF_FONT);
    // The digit fast path is checked against the sans face only.
    if (!setup.faces) useFastLayout(this.doc);
    boundLayoutCache(this.doc, LAYOUT_CACHE);
    this.numbers = setup.numbered ? new PageNumbers(this.doc) : null;
    this.doc.on('pageAdded', () => this.pageAdded());
    this.doc.pipe(out);
  }

  get pages(): number {
    return this.pageCount;
  }
  get left(): number {
    return this.doc.page.margins.left;
  }
  get right(): number {
    return this.doc.page.width - this.doc.page.margins.right;
  }
  get top(): number {
    return this.doc.page.margins.top;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  get width(): number {
    return this.right - this.left;
  }
  get y(): number {
    return this.doc.y;
  }
  set y(v: number) {
    this.doc.y = v;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.font(PDF_FONT);
    this.doc.y = this.top;
    this.continuation?.(this);
  }

  /** Starts a new page unless `height` still fits below the current position; true if it did. */
  ensure(height: number): boolean {
    if (this.pageCount > 0 && this.doc.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  private pageAdded(): void {
    this.pageCount++;
    forgetWrittenPage(this.doc);
    this.textColor = null;
    batchContent(this.doc.page);
    this.doc.font(PDF_FONT);
    this.numbers?.mark();
    if (this.runningFooter && !this.drawingFooter) this.footer(this.runningFooter(this));
  }

  /** Printable form of a text (characters missing from the font become blanks, and are reported). */
  clean(text: string): string {
    return this.glyphs.printable(text, this.where);
  }

  /** A filled rectangle; the fill colour of the next text is set again afterwards. */
  fillRect(x: number, y: number, w: number, h: number, color: string): void {
    this.doc.rect(x, y, w, h).fill(color);
    this.colorsChanged();
  }

  /** Call after drawing on `doc` directly with other colours (charts, shapes). */
  colorsChanged(): void {
    this.textColor = null;
  }

  text(text: string, x: number, y: number, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const doc = this.doc.fontSize(size);
    const color = style.color ?? 'black';
    // Setting the colour writes an operator each time: only when it changes (most text is black).
    if (color !== this.textColor) {
      doc.fillColor(color);
      this.textColor = color;
    }
    const printable = this.clean(text);
    const keep = { x: doc.x, y: doc.y };
    const titled = style.face === 'title' && this.hasTitleFace;
    if (titled) doc.font(TITLE_FONT);
    const paint: PDFKit.Mixins.TextOptions = style.bold ? { fill: true, stroke: true } : {};
    if (style.bold) doc.lineWidth(size * 0.035).strokeColor(style.color ?? 'black');
    const single = style.width === undefined || style.indent ? null : this.singleLineWidth(printable, style.width, size);
    if (style.width === undefined || single !== null) {
      // One line: placed directly, without pdfkit's line wrapper (most table cells; much faster).
      const w = single ?? 0;
      const free = style.width === undefined ? 0 : style.width - w;
      const dx = style.align === 'center' ? free / 2 : style.align === 'right' ? free : 0;
      if (printable.includes('\n') || !drawLine(doc, printable, x + dx, y, style.bold === true)) {
        // textWidth: the width just measured (pdfkit would measure the line again).
        doc.text(printable, x + dx, y, { ...paint, lineBreak: false, ...(single === null ? {} : { textWidth: single }) });
      }
    } else {
      doc.text(printable, x, y, {
        ...paint,
        width: style.width,
        align: style.align ?? 'left',
        lineGap: style.lineGap ?? 0,
        height: style.height,
        ellipsis: style.height !== undefined,
        ...(style.indent ? { indent: style.indent } : {}),
      });
    }
    if (titled) doc.font(PDF_FONT);
    // Layout code places everything itself: drawing text never moves the cursor.
    doc.x = keep.x;
    doc.y = keep.y;
  }

  /** The text's width when it fits on one line of `width` (current font size), else null. */
  private singleLineWidth(printable: string, width: number, size: number): number | null {
    if (printable.includes('\n')) return null;
    const w = this.measured(printable, size);
    return w <= width ? w : null;
  }

  /** The width of a printable line in the current font at `size` (which the caller has set), cached. */
  private measured(printable: string, size: number): number {
    const font = (this.doc as unknown as { _font: { id: string } })._font.id;
    let cache = this.widths.get(font);
    if (cache === undefined) {
      cache = new RecentCache<number[]>(WIDTH_CACHE);
      this.widths.set(font, cache);
    }
    return settled(cache, printable, size, 0, 0, () => this.doc.widthOfString(printable));
  }

  heightOf(text: string, width: number, size = 10, lineGap = 0): number {
    const doc = this.doc.fontSize(size);
    const printable = this.clean(text);
    if (this.singleLineWidth(printable, width, size) !== null) return doc.currentLineHeight(true) + lineGap;
    return settled(this.heights, printable, size, width, lineGap, () => doc.heightOfString(printable, { width, lineGap }));
  }

  widthOf(text: string, size = 10, face?: 'title'): number {
    const titled = face === 'title' && this.hasTitleFace;
    if (titled) this.doc.font(TITLE_FONT);
    this.doc.fontSize(size);
    const w = this.measured(this.clean(text), size);
    if (titled) this.doc.font(PDF_FONT);
    return w;
  }

  /** One line centred at the foot of the current page, below the bottom margin, without adding a page. */
  footer(line: string, size = 9): void {
    const page = this.doc.page;
    const saved = { bottom: page.margins.bottom, x: this.doc.x, y: this.doc.y };
    this.drawingFooter = true;
    page.margins.bottom = 0; // pdfkit would otherwise start a new page for text below the margin
    this.text(line, page.margins.left, page.height - FOOTER_RISE, { size, width: page.width - page.margins.left - page.margins.right, align: 'center', height: size * 1.6 });
    page.margins.bottom = saved.bottom;
    this.drawingFooter = false;
    this.doc.x = saved.x;
    this.doc.y = saved.y;
  }

  /** Ends the document (stamping page numbers when numbered) and waits until it is written. */
  async finish(label: (index: number, count: number) => string = (i, n) => `第 ${i + 1} 页 共 ${n} 页`): Promise<RenderResult> {
    if (this.pageCount === 0) this.newPage();
    await this.numbers?.finish(label, () => this.drain());
    this.doc.end();
    await finished(this.output);
    return { pages: this.pageCount, missingGlyphs: this.glyphs.report() };
  }

  /**
   * Lets the output catch up: pdfkit pushes pages into its stream buffer without waiting, so a
   * long batch yields here between records to keep memory flat.
   */
  async drain(): Promise<void> {
    const readable = this.doc as unknown as { readableLength: number };
    await new Promise<void>((r) => setImmediate(r));
    while (readable.readableLength > 4 * 1024 * 1024) await new Promise<void>((r) => setTimeout(r, 2));
  }
}

/**
 * A measurement cached by the text itself — a string the caller already has (labels, a record's
 * values), so the lookup needs no "size|width|text" key built and hashed per call — with the
 * settings it was measured at: a flat list of (a, b, c, value), seldom more than one or two.
 */
function settled(cache: RecentCache<number[]>, text: string, a: number, b: number, c: number, measure: () => number): number {
  let known = cache.get(text);
  if (known !== undefined) {
    for (let i = 0; i < known.length; i += 4) if (known[i] === a && known[i + 1] === b && known[i + 2] === c) return known[i + 3]!;
  } else {
    known = [];
    cache.set(text, known);
  }
  const v = measure();
  known.push(a, b, c, v);
  return v;
}

/**
 * pdfkit keeps every page's dictionary in the page tree until the document ends, and with it the
 * page's resources and content objects: a few KB a page, 20,000 pages of a township's forms. The
 * tree only needs each page's object number; the page before the one just added is already
 * written (pages are flushed as the next one starts), so its dictionary's data is let go.
 */
function forgetWrittenPage(doc: PDFKit.PDFDocument): void {
  const root = (doc as unknown as { _root: { data: { Pages: { data: { Kids: { data: unknown; offset?: number }[] } } } } })._root;
  const kids = root.data.Pages.data.Kids;
  const written = kids[kids.length - 2];
  // `offset` is set when pdfkit wrote the object out; the reference keeps its number, shares one empty dictionary.
  if (written?.offset !== undefined) written.data = WRITTEN;
}

/** The data of every written page's reference (frozen: nothing may add to it). */
const WRITTEN = Object.freeze({});

/**
 * pdfkit turns every drawing operator into its own small byte array as it is written (tens of
 * thousands per roster page, most of the garbage collector's work); a page's operators are
 * gathered as text instead and handed over in one piece when the page is finished.
 */
function batchContent(page: PDFKit.PDFPage): void {
  const content = (page as unknown as { content: { write(chunk: unknown): void; end(chunk?: unknown): void } }).content;
  const write = content.write.bind(content);
  const end = content.end.bind(content);
  const pending: string[] = [];
  const flush = (): void => {
    // The reference adds a line break after each text chunk: the same bytes as one by one.
    // As latin-1 bytes at once (pdfkit would convert the string character by character); the
    // operators are ASCII and text is hex glyph ids.
    if (pending.length) write(Buffer.from(`${pending.join('\n')}\n`, 'latin1'));
    pending.length = 0;
  };
  content.write = (chunk: unknown) => {
    if (typeof chunk === 'string') pending.push(chunk);
    else {
      flush();
      write(chunk);
    }
  };
  content.end = (chunk?: unknown) => {
    flush();
    end(chunk);
  };
}
