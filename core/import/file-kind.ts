// Why a file the workbook reader could not read is not a workbook, told from its first bytes:
// what clerks pick instead of an .xlsx — an empty download, an old .xls / WPS .et (or one
// renamed .xlsx), a workbook with an opening password, a CSV or a web page "exported to Excel".
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export type FileKind = 'empty' | 'encrypted' | 'legacy' | 'html' | 'text' | 'other';

/** Enough of a file to find an encrypted workbook's stream names (its directory may sit late). */
const SNIFF_BYTES = 8 << 20;

function head(data: string | Buffer): Buffer {
  if (typeof data !== 'string') return data.subarray(0, SNIFF_BYTES);
  const size = statSync(data).size;
  const buf = Buffer.alloc(Math.min(size, SNIFF_BYTES));
  const fd = openSync(data, 'r');
  try {
    readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  return buf;
}

/** The compound-document (OLE) signature of .xls, .et and of password-protected .xlsx files. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** A stream an encrypted Office file carries (ECMA-376 encryption), named in UTF-16 in its directory. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

export function fileKind(data: string | Buffer): FileKind {
  const b = head(data);
  if (b.length === 0) return 'empty';
  if (b.subarray(0, 8).equals(OLE)) return b.includes(ENCRYPTION_INFO) ? 'encrypted' : 'legacy';
  if (b.subarray(0, 2).toString('latin1') === 'PK') return 'other';
  const start = b.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (/^<(!doctype html|html|table|\?xml[^>]*>\s*<(html|workbook))/.test(start) || start.includes('<table')) return 'html';
  // No NUL byte among the first KB: text (CSV, tab-separated), whatever its encoding.
  if (!b.subarray(0, 1024).includes(0)) return 'text';
  return 'other';
}

const SAVE_AS = '请用 Excel 或 WPS 打开它，另存为“Excel 工作簿（*.xlsx）”后再导入';

const NOT = '这不是可以读取的 Excel 工作簿（.xlsx）';

/** What to tell the clerk about a file of this kind (after “无法读取“名称”：”): what it is, what to do. */
export function fileKindAdvice(kind: FileKind): string {
  switch (kind) {
    case 'empty':
      return `${NOT}：文件是空的（0 字节），多半是下载或复制没有完成。请重新从系统导出花名册后再导入。`;
    case 'encrypted':
      return `${NOT}：它设置了打开密码（已加密）。请在 Excel 中输入密码打开，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清空密码（WPS：文件 → 文档加密 → 密码加密），保存后再导入。`;
    case 'legacy':
      return `${NOT}：它是旧版 Excel 97-2003（.xls）或 WPS 表格（.et）格式。${SAVE_AS}。`;
    case 'html':
      return `${NOT}：它是网页（HTML）格式的表格，只是扩展名为 Excel。${SAVE_AS}。`;
    case 'text':
      return `${NOT}：它是文本文件（如 CSV 或制表符分隔的文本）。${SAVE_AS}。`;
    default:
      return `${NOT}，或者文件已损坏。如果是 .xls 或 .et 文件，请先用 Excel 或 WPS 另存为 .xlsx 再导入；否则请重新从系统导出。`;
  }
}
