// svg-to-pdfkit ships no types: the one function the wall chart uses.
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** Treat unitless SVG lengths as points (1:1 with the PDF), not pixels. */
    assumePt?: boolean;
    /** The registered pdfkit font to use for a font-family of the SVG. */
    fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
    warningCallback?: (message: string) => void;
  }
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
}
