// What happens to a made document, as plain functions: the file name offered in the data
// folder's 文档/, the refusals the screen handles itself (an existing file, a cancel), the
// names the font could not print, the progress label, and how 打印 can work in this shell.
import type { DocumentFormat, DocumentResult, MissingGlyphView, PrintBatchView } from '../../shared/api/index.ts';

/** Characters Windows and Linux refuse in a file name, and blanks. */
const UNSAFE = /[\s/\\:*?"<>|]+/g;

export function safeFileName(s: string): string {
  return s.replace(UNSAFE, '').slice(0, 60);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 20261124-0930, local time: readable in a file list. */
export function fileStamp(now: Date): string {
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/** The data folder's separator: a Windows folder gets backslashes. */
export function joinPath(dir: string, ...parts: string[]): string {
  const sep = /^[A-Za-z]:\\|\\/.test(dir) && !dir.includes('/') ? '\\' : '/';
  return [dir.replace(/[\\/]+$/, ''), ...parts].join(sep);
}

/**
 * 文档/村花名册_双河村_2025年_20261124-0930.pdf in the data folder: the document, what it is
 * for (a village's or batch's name, a household's 户编号 and head), the year when chosen.
 */
export function defaultOutPath(opts: { dataDir: string; label: string; scopeName: string; year: number | null; format: DocumentFormat; now: Date }): string {
  const parts = [safeFileName(opts.label), safeFileName(opts.scopeName) || '全镇', ...(opts.year ? [`${opts.year}年`] : []), fileStamp(opts.now)];
  return joinPath(opts.dataDir, '文档', `${parts.join('_')}.${opts.format}`);
}

/** A path typed for one format, moved to the other: .pdf ↔ .xlsx (other names untouched). */
export function withFormat(path: string, format: DocumentFormat): string {
  return /\.(pdf|xlsx)$/i.test(path) ? path.replace(/\.(pdf|xlsx)$/i, `.${format}`) : path;
}

/** The core keeps an existing file unless the clerk confirmed replacing it. */
export function isExistingFile(e: unknown): boolean {
  return e instanceof Error && /^文件已存在/.test(e.message);
}

export function isCancelled(e: unknown): boolean {
  return e instanceof Error && /已取消/.test(e.message);
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface GlyphNotice {
  title: string;
  lines: string[];
  hint: string;
}

/** Names with characters the font lacks: printed with a blank ＿, to be written in by hand. */
export function glyphNotice(missing: readonly MissingGlyphView[]): GlyphNotice | null {
  if (missing.length === 0) return null;
  const chars = [...new Set(missing.flatMap((m) => m.chars))];
  return {
    title: `有 ${missing.length} 处文字含字库里没有的字（${chars.join('、')}），打印时这些字留空“＿”`,
    lines: missing.map((m) => `${m.where ? `${m.where}：` : ''}“${m.text}”缺“${m.chars.join('、')}”`),
    hint: '打印后请在空白处用笔写上这些字；不要用其他字代替。',
  };
}

/** pages / sheets and, for a preview of a batch, that only the first records are shown. */
export function resultSummary(r: DocumentResult & { truncated?: boolean }): string {
  const size = r.pages != null ? `共 ${r.pages} 页` : `共 ${r.sheets ?? 1} 个工作表`;
  return r.truncated ? `${size}（预览只含前几户；保存时生成全部）` : size;
}

/** A fresh job id for a document ([A-Za-z0-9_-]{6,64}). */
export function docJobId(random: () => number = Math.random): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += Math.floor(random() * 36).toString(36);
  return `doc-${s}`;
}

export type PrintPlan =
  /** Print the preview frame (the browser's print dialog). */
  | { kind: 'frame' }
  /** The frame cannot show PDF here: open the preview in a browser tab, print there. */
  | { kind: 'tab'; message: string }
  /** The desktop shell's print bridge (print.document): the whole document, the system print dialog. */
  | { kind: 'bridge' }
  /** Nothing to print from the app itself: say what to do instead. */
  | { kind: 'refuse'; message: string };

/** Where 打印 runs: the desktop shell, or a browser (whether it may frame a PDF, whether it has a print dialog). */
export interface PrintShell {
  frameBlocked: boolean;
  electron: boolean;
  /**
   * False in headless Chromium (automated tests): it has no print dialog, and asking a PDF frame
   * to print makes its browser end the page's renderer ("Unexpected Print Manager call").
   */
  printDialog: boolean;
}

/**
 * Headless Chromium (how the tests drive the browser shell) says so in its user agent: it has no
 * print dialog, and a PDF frame's print() there is a call its browser does not expect — it ends
 * the page's renderer (the page crashes). A desktop Chromium opens its print preview instead.
 */
export function hasPrintDialog(userAgent: string): boolean {
  return !/\bHeadlessChrome\//.test(userAgent);
}

/**
 * How 打印 can work: in Electron, the print bridge prints the whole document (a batch's included)
 * through the system dialog; in the browser, only a complete PDF preview can be printed (a
 * batch's preview holds its first records only), and only where the browser has a print dialog:
 * the preview frame when the page may show it, else a browser tab.
 */
export function printPlan(opts: { format: DocumentFormat; truncated: boolean; pages: number | null } & PrintShell): PrintPlan {
  if (opts.format !== 'pdf') return { kind: 'refuse', message: 'Excel 表格不能在程序里打印：请“保存”后用 WPS 或 Excel 打开打印，或改选 PDF 格式。' };
  if (opts.electron) return { kind: 'bridge' };
  if (opts.truncated) {
    return { kind: 'refuse', message: '这是一批农户的文档，预览只含前几户。要打印全部，请先“保存”，再用 PDF 阅读器打开保存的文件打印。' };
  }
  if (!opts.printDialog) {
    return { kind: 'refuse', message: '这个浏览器没有打印对话框（无界面模式），不能在程序里打印：请先“保存”，再用 PDF 阅读器打开保存的文件打印。' };
  }
  if (!opts.frameBlocked) return { kind: 'frame' };
  return { kind: 'tab', message: '已在新的浏览器标签页中打开文档，请在那里点打印按钮（或按 Ctrl+P）。' };
}

/** What the clerk is told after a batch went to the printer, one job per household. */
export function batchPrintNotice(v: PrintBatchView, printerLabel: string): { type: 'success' | 'warning'; text: string } {
  const parts = [`已逐户送往打印机“${printerLabel}”：${v.printed} 户`];
  if (v.notCovered) parts.push(`${v.notCovered} 户不需要这份文档`);
  if (v.failed.length) parts.push(`${v.failed.length} 户没有打印（${v.failed.map((f) => `户${f.householdNo}：${f.reason}`).join('；')}）`);
  return { type: v.failed.length ? 'warning' : 'success', text: `${parts.join('，')}。` };
}

/** The folder of the archive file, in its own separators (documents are saved beside it). */
export function folderOf(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i > 0 ? file.slice(0, i) : file;
}

/** A CSP report that the page refused to frame a blob: the preview frame cannot show here. */
export function isFrameBlock(e: { effectiveDirective?: string; violatedDirective?: string; blockedURI?: string }): boolean {
  const directive = e.effectiveDirective ?? e.violatedDirective ?? '';
  return /^(frame-src|child-src)/.test(directive) && (e.blockedURI ?? '').startsWith('blob');
}
