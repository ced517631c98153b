// Printing on paper through the shell's print bridge (shared/api/print.ts). The core renders the
// whole document to a file of its own (never the page's bytes), hands the file to the shell's
// printer and deletes it when the printer has taken it. A batch is one print job per household,
// all to the printer the clerk chose once: progress per household, and a cancel stops before
// the next one (what is already printed is said plainly). Only the desktop shell sets a printer.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PrintBatchView, PrinterView, PrintView } from '../../shared/api/print.ts';
import type { PrintDocumentRequest, PrintHouseholdsRequest } from '../../shared/api/print.ts';
import type { Handlers } from '../api/handlers.ts';
import { isUserError, UserError } from '../../shared/errors.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import type { Session } from '../session.ts';
import { docContext } from './context.ts';
import { householdViews } from './households.ts';
import { DOCUMENTS, renderToBuffer } from './index.ts';
import { NO_HOUSEHOLDS, scopeHouseholdIds } from './scope.ts';

/** The shell's side: Electron's webContents.getPrintersAsync / webContents.print (electron/print.ts). */
export interface Printer {
  printers(): Promise<PrinterView[]>;
  /**
   * Prints a PDF file: with `deviceName`, silently to that printer; with null, through the system
   * print dialog (the clerk chooses the printer). False: the clerk closed the dialog.
   */
  print(file: string, opts: { title: string; deviceName: string | null }): Promise<boolean>;
}

export const NO_PRINTER_MESSAGE = '这里不能直接打印：浏览器中请在预览框里打印（或按 Ctrl+P）；也可以先“保存”，再用 PDF 阅读器打开打印。';

const printers = new WeakMap<Session, Printer>();

/** The desktop shell gives the session its printer at start (like the path guard's chooser). */
export function setPrinter(session: Session, printer: Printer): void {
  printers.set(session, printer);
  // Documents a crash left mid-print (personal data in clear) go when the shell starts again.
  rmSync(join(session.dataDir, '.print'), { recursive: true, force: true });
}

function printerOf(session: Session): Printer {
  const p = printers.get(session);
  if (!p) throw new UserError(NO_PRINTER_MESSAGE);
  return p;
}

/** The files being printed live in the data folder (personal data stays in the user's profile), only while printing. */
function spoolDir(session: Session): string {
  const dir = join(session.dataDir, '.print');
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function printFile(session: Session, printer: Printer, name: string, data: Uint8Array, opts: { title: string; deviceName: string | null }): Promise<boolean> {
  const file = join(spoolDir(session), name);
  writeFileAtomic(file, data, { mode: 0o600 });
  try {
    return await printer.print(file, opts);
  } finally {
    rmSync(file, { force: true });
  }
}

export async function printDocument(session: Session, { jobId, ...req }: PrintDocumentRequest): Promise<PrintView> {
  const printer = printerOf(session);
  const label = `打印${DOCUMENTS[req.kind].label}`;
  return session.jobs.run(jobId, label, async (job) => {
    const r = await renderToBuffer(session.requireArchive(), { ...req, asOf: req.asOf ?? session.today() }, {
      signal: job.signal,
      onProgress: (done, total) => job.report(`正在生成（${done}/${total}）`, total ? (done / total) * 0.9 : 0),
    });
    job.report('等待打印对话框', 0.95);
    const printed = await printFile(session, printer, `${jobId ?? 'print'}.pdf`, r.data, { title: r.result.title, deviceName: null });
    return { printed, title: r.result.title, pages: r.result.pages };
  });
}

export async function printHouseholds(session: Session, { jobId, deviceName, ...req }: PrintHouseholdsRequest): Promise<PrintBatchView> {
  const printer = printerOf(session);
  const def = DOCUMENTS[req.kind];
  if (!def.batch) throw new UserError(`${def.label}不是按户的文档，不能逐户打印：请用“打印”在打印对话框中打印。`, { kind: 'usage' });
  const archive = session.requireArchive();
  const asOf = req.asOf ?? session.today();
  const ids = scopeHouseholdIds(docContext(archive, { year: req.year, asOf }), req);
  const view: PrintBatchView = { printer: deviceName, printed: 0, total: ids.length, notCovered: 0, failed: [] };
  return session.jobs.run(jobId, `逐户打印${def.label}`, async (job) => {
    let done = 0;
    // householdViews reads the households a chunk at a time: only each one's 户编号 is used here.
    for (const h of householdViews(docContext(archive, { year: req.year, asOf }), ids)) {
      if (job.signal.aborted) {
        throw new UserError(`已取消打印：已送往打印机 ${view.printed} 户，其余 ${view.total - done} 户没有打印。`, { kind: 'refused' });
      }
      job.report(`正在打印 户${h.no}（${done + 1}/${view.total}）`, done / Math.max(1, view.total));
      let data: Uint8Array | null = null;
      try {
        const r = await renderToBuffer(archive, { ...req, asOf, scope: { householdNo: h.no, villageCode: null, batchId: null } }, { signal: job.signal });
        data = r.data;
      } catch (e) {
        if (!isUserError(e) || job.signal.aborted) throw e;
        if (e.message.startsWith(NO_HOUSEHOLDS)) view.notCovered++;
        else view.failed.push({ householdNo: h.no, reason: e.message });
      }
      if (data) {
        const title = `${def.label} 户${h.no}`;
        if (!(await printFile(session, printer, `${jobId ?? 'batch'}-${h.no}.pdf`, data, { title, deviceName }))) {
          throw new UserError(`打印机“${deviceName}”没有接受户${h.no}的${def.label}：已送往打印机 ${view.printed} 户。请检查打印机是否开机、有纸，再重试。`);
        }
        view.printed++;
      }
      done++;
    }
    return view;
  });
}

export const printHandlers: Handlers['print'] = {
  printers: (_i, s) => printerOf(s).printers(),
  document: (input, s) => printDocument(s, input),
  households: (input, s) => printHouseholds(s, input),
};
