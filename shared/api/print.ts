// Printing a document the app made, on paper: a shell-only part of the contract. Only the desktop
// shell has a print bridge (Electron's webContents.print: the system dialog with printer choice,
// or silent printing to a printer chosen once); the browser shell prints the preview frame with
// the browser's own dialog and answers these calls with a Chinese refusal, as files.choose does.
// The page never sends document bytes: it names the document (the same request as a preview),
// the core renders the whole of it, and the shell prints the file.
import { z } from 'zod';
import { documentRequest } from './documents.ts';
import { endpoint } from './endpoint.ts';
import { jobId } from './jobs.ts';

export interface PrinterView {
  /** The name the system knows it by (what a silent print is sent to). */
  name: string;
  /** The name to show the clerk. */
  displayName: string;
  description: string;
}

export interface PrintView {
  /** False when the clerk closed the system print dialog without printing. */
  printed: boolean;
  title: string;
  pages: number | null;
}

export interface PrintBatchView {
  printer: string;
  /** Households printed, each as its own print job. */
  printed: number;
  /** Households in the scope. */
  total: number;
  /** Households the document does not cover (e.g. a 明白卡 for an unregistered household). */
  notCovered: number;
  /** Households that could not be made, with the reason: nothing was sent to the printer for them. */
  failed: { householdNo: string; reason: string }[];
}

const onlyPdf = { message: '只能打印 PDF 格式的文档：Excel 表格请保存后用 WPS 或 Excel 打开打印。', path: ['format'] };

export const printApi = {
  /** The printers of this machine, for the clerk to pick one before a batch. */
  printers: endpoint<PrinterView[]>()('print.printers', z.object({})),
  /** The whole document, through the system print dialog (the clerk picks the printer there). */
  document: endpoint<PrintView>()('print.document', documentRequest.extend({ jobId: jobId.nullable().default(null) }).refine((r) => r.format === 'pdf', onlyPdf)),
  /**
   * One print job per household of a village, batch or the township, all to one printer and
   * without a dialog each; a job (jobs.status for progress, jobs.cancel stops before the next household).
   */
  households: endpoint<PrintBatchView>()(
    'print.households',
    documentRequest
      .extend({ deviceName: z.string().trim().min(1, '请先选择打印机').max(300, '打印机名称过长'), jobId: jobId.nullable().default(null) })
      .refine((r) => r.format === 'pdf', onlyPdf),
  ),
};

export type PrintDocumentRequest = z.output<typeof printApi.document.input>;
export type PrintHouseholdsRequest = z.output<typeof printApi.households.input>;
