// "第 N 页 共 M 页" on every page without holding the pages until the end. Each page, when it is
// added, gets a reference to a small form (a PDF Form XObject) drawn at its foot; the page itself
// is written out at once. The forms are written last, when M is known — a PDF may refer to an
// object written later; until then a page leaves behind only the object number reserved for its
// form (a 23,000-page township kept a form object, its dictionary and buffers per page). So a 1,000-household roster streams its pages to the file as it goes
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
  id: number;
  data: Record<string, unknown>;
  compress: boolean;
  end(chunk?: string): void;
}

/** pdfkit's PDFReference constructor (not exported by pdfkit). */
type RefClass = new (doc: PDFKit.PDFDocument, id: number, data: Record<string, unknown>) => FormRef;

/** The paper and margins of a run of pages (a document seldom changes them), for centring. */
interface Geometry {
  /** The first page (0-based) of the run. */
  from: number;
  width: number;
  height: number;
  left: number;
  right: number;
}

/** Where footers sit: this far above the paper's bottom edge (the same as Pdf.footer). */
export const FOOTER_RISE = 26;
const NAME = 'PgNo';
/** Footers written between two waits for the output. */
const DRAIN_EVERY = 500;

const num = (n: number): string => String(Math.round(n * 1000) / 1000);

export class PageNumbers {
  /**
   * The object number reserved for each page's footer form: all a page leaves behind (8 bytes).
   * The page's own reference to the form is released with the page when it is written.
   */
  private readonly ids: number[] = [];
  private readonly runs: Geometry[] = [];
  private refClass: RefClass | null = null;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly size = 9,
  ) {}

  /** Places the (still empty) footer form on the page just added. */
  mark(): void {
    const { doc } = this;
    const page = doc.page;
    // The reference the page's resources name; the form itself is made (with this number) at the end.
    const ref = doc.ref({}) as unknown as FormRef;
    this.refClass ??= ref.constructor as RefClass;
    (page as unknown as { xobjects: Record<string, unknown> }).xobjects[NAME] = ref;
    // pdfkit's page space is flipped (y down); the form is drawn in the PDF's own (y up).
    doc.addContent(`q 1 0 0 -1 0 ${num(page.height)} cm /${NAME} Do Q`);
    this.ids.push(ref.id);
    const last = this.runs[this.runs.length - 1];
    const { left, right } = page.margins;
    if (!last || last.width !== page.width || last.height !== page.height || last.left !== left || last.right !== right) {
      this.runs.push({ from: this.ids.length - 1, width: page.width, height: page.height, left, right });
    }
  }

  /**
   * Writes every page's footer; call before the document ends (the font is finalised then).
   * `drain` lets the output catch up now and then (23,000 footers would otherwise wait in
   * pdfkit's stream buffer all at once).
   */
  async finish(label: (index: number, count: number) => string, drain: () => Promise<void> = async () => {}): Promise<void> {
    const font = (this.doc as unknown as { _font: EmbeddedFont | null })._font;
    if (!font) throw new Error('page numbers: no font selected');
    const count = this.ids.length;
    this.doc.fontSize(this.size);
    const y = FOOTER_RISE - (font.ascender / 1000) * this.size;
    let run = 0;
    for (let i = 0; i < count; i++) {
      while (run + 1 < this.runs.length && this.runs[run + 1]!.from <= i) run++;
      const p = this.runs[run]!;
      const line = label(i, count);
      const textWidth = this.doc.widthOfString(line);
      const x = p.left + (p.width - p.left - p.right - textWidth) / 2;
      // The form under the number reserved when its page was added (doc.ref counted it as awaited).
      const ref = new this.refClass!(this.doc, this.ids[i]!, { Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [0, 0, p.width, p.height], Resources: { Font: { [font.id]: font.ref() } } });
      // A hundred bytes each: compressing them one by one costs more (a zlib stream apiece) than it saves.
      ref.compress = false;
      ref.end(`0 0 0 rg\nBT\n1 0 0 1 ${num(x)} ${num(y)} Tm\n/${font.id} ${num(this.size)} Tf\n${showText(font.encode(line))}\nET`);
      if (i % DRAIN_EVERY === DRAIN_EVERY - 1) {
        await drain();
        // Drawing nothing meanwhile, but the size is the document's: set again after yielding.
        this.doc.fontSize(this.size);
      }
    }
    this.ids.length = 0;
    this.runs.length = 0;
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
