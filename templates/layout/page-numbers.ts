// "第 N 页 共 M 页" on every page without holding the pages until the end. Each page, when it is
// added, gets a reference to a small form (a PDF Form XObject) drawn at its foot; the page itself
// is written out at once. The forms are written last, when M is known — a PDF may refer to an
// object written later. So a 1,000-household roster streams its pages to the file as it goes
// (pdfkit's bufferPages kept every page's content, hundreds of MB, and GC took 40 % of the run).
// The text is encoded through the document's embedded font (its subset then includes the
// footer's glyphs, as the font is finalised after the forms) and placed as pdfkit's own
// single-line text would be: centred between the margins, FOOTER_RISE above the paper's edge.

/** The parts of pdfkit's embedded font used here (pdfkit's EmbeddedFont; not in @types/pdfkit). */
interface EmbeddedFont {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string): [string[], { xAdvance: number; advanceWidth: number }[]];
}

interface FormRef {
  data: Record<string, unknown>;
  compress: boolean;
  end(chunk?: string): void;
}

interface PendingFooter {
  ref: FormRef;
  /** The page's width and left / right margins, for centring. */
  width: number;
  left: number;
  right: number;
}

/** Where footers sit: this far above the paper's bottom edge (the same as Pdf.footer). */
export const FOOTER_RISE = 26;
const NAME = 'PgNo';

const num = (n: number): string => String(Math.round(n * 1000) / 1000);

export class PageNumbers {
  private readonly pending: PendingFooter[] = [];

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly size = 9,
  ) {}

  /** Places the (still empty) footer form on the page just added. */
  mark(): void {
    const { doc } = this;
    const page = doc.page;
    const ref = doc.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [0, 0, page.width, page.height] }) as unknown as FormRef;
    // A hundred bytes each: compressing them one by one costs more (a zlib stream apiece) than it saves.
    ref.compress = false;
    (page as unknown as { xobjects: Record<string, unknown> }).xobjects[NAME] = ref;
    // pdfkit's page space is flipped (y down); the form is drawn in the PDF's own (y up).
    doc.addContent(`q 1 0 0 -1 0 ${num(page.height)} cm /${NAME} Do Q`);
    this.pending.push({ ref, width: page.width, left: page.margins.left, right: page.margins.right });
  }

  /** Writes every page's footer; call before the document ends (the font is finalised then). */
  finish(label: (index: number, count: number) => string): void {
    const font = (this.doc as unknown as { _font: EmbeddedFont | null })._font;
    if (!font) throw new Error('page numbers: no font selected');
    const count = this.pending.length;
    this.doc.fontSize(this.size);
    this.pending.forEach((p, i) => {
      const line = label(i, count);
      const textWidth = this.doc.widthOfString(line);
      const x = p.left + (p.width - p.left - p.right - textWidth) / 2;
      const y = FOOTER_RISE - (font.ascender / 1000) * this.size;
      p.ref.data.Resources = { Font: { [font.id]: font.ref() } };
      p.ref.end(`0 0 0 rg\nBT\n1 0 0 1 ${num(x)} ${num(y)} Tm\n/${font.id} ${num(this.size)} Tf\n${showText(font.encode(line))}\nET`);
    });
    this.pending.length = 0;
  }
}

/** The TJ operator pdfkit writes for a line: glyph runs with the font's own spacing adjustments. */
function showText([glyphs, positions]: ReturnType<EmbeddedFont['encode']>): string {
  const parts: string[] = [];
  let run = '';
  glyphs.forEach((g, i) => {
    run += g;
    const pos = positions[i]!;
    const adjust = pos.xAdvance - pos.advanceWidth;
    if (adjust !== 0) {
      parts.push(`<${run}> ${num(-adjust)}`);
      run = '';
    }
  });
  if (run) parts.push(`<${run}> 0`);
  return `[${parts.join(' ')}] TJ`;
}
