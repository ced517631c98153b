// How big a workbook the import reads, in one place (README "Nothing lost" states them). A real
// national export of 81,816 rows × 84 columns is a 30 MB file whose one sheet expands to 200 MB of
// XML (inline strings; an export with shared strings has a smaller sheet and a ~30 MB
// sharedStrings.xml), 9 entries, deflated about 1:7. The limits let that through three times
// over and refuse, before anything is expanded, a file that would take gigabytes to read.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { UserError } from '../../shared/errors.ts';

const MB = 2 ** 20;

export const WORKBOOK_LIMITS = {
  /** Entries in the zip (a roster has about ten; one per sheet, style, theme, property file). */
  entries: 1000,
  /** One worksheet's XML, expanded. */
  sheetBytes: 600 * MB,
  /** The table of shared strings, expanded (the strings are all held in memory while reading). */
  sharedStringsBytes: 150 * MB,
  /** Any other entry (styles, themes, drawings) — none of them holds roster data. */
  otherBytes: 20 * MB,
  /** All entries together, expanded. */
  totalBytes: 800 * MB,
  /** Expanded ÷ compressed of an entry over `ratioFrom` bytes: real XML is 1:5…1:30, a zip bomb 1:1000. */
  ratio: 200,
  ratioFrom: 16 * MB,
} as const;

const SPLIT = '请把花名册按行政村分成几个较小的文件，分别导入';

function limitOf(path: string): { bytes: number; what: string } {
  if (/^xl\/worksheets\/[^/]+\.xml$/i.test(path)) return { bytes: WORKBOOK_LIMITS.sheetBytes, what: `工作表（${path}）` };
  if (/^xl\/sharedStrings\.xml$/i.test(path)) return { bytes: WORKBOOK_LIMITS.sharedStringsBytes, what: `共享字符串表（${path}）` };
  return { bytes: WORKBOOK_LIMITS.otherBytes, what: `文件内的“${path}”` };
}

const inMB = (n: number): string => `${Math.ceil(n / MB).toLocaleString('en-US')} MB`;

/** Refused because of its size: a UserError whose message names the limit and what to do. */
export class WorkbookTooLarge extends UserError {}

function tooLarge(file: string, why: string): WorkbookTooLarge {
  return new WorkbookTooLarge(`“${file}”不能导入：${why}。档案没有任何改动。`);
}

/**
 * Counts the bytes of each entry as they are expanded, for a zip whose declared sizes lie: the
 * counter of an entry returns the refusal once a limit is passed (the reader then stops).
 */
export class InflateBudget {
  private total = 0;
  /** The refusal, once a limit was passed (whatever error the reader then fails with). */
  refusal: WorkbookTooLarge | null = null;
  constructor(private readonly file: string) {}
  entry(path: string): (bytes: number) => WorkbookTooLarge | null {
    const { bytes: max, what } = limitOf(path);
    let seen = 0;
    return (n) => {
      seen += n;
      this.total += n;
      if (seen > max) this.refusal ??= tooLarge(this.file, `${what}解压后超过了 ${inMB(max)} 的上限（与文件里写的大小不符）。${SPLIT}`);
      if (this.total > WORKBOOK_LIMITS.totalBytes) this.refusal ??= tooLarge(this.file, `工作簿解压后总共超过了 ${inMB(WORKBOOK_LIMITS.totalBytes)} 的上限（与文件里写的大小不符）。${SPLIT}`);
      return this.refusal;
    };
  }
}

export interface ZipEntry {
  path: string;
  compressed: number;
  size: number;
  /** Where the entry's local header starts in the file. */
  offset: number;
}

/** A zip's entries and where its central directory starts (the end of the last local record). */
export interface ZipLayout {
  entries: ZipEntry[];
  directoryAt: number;
}

/**
 * The entries a zip's central directory declares, read from its end without expanding anything;
 * null when the bytes are no zip (the reader then says the file is unreadable). Sizes of 0xFFFFFFFF
 * (ZIP64) are taken as they are: at 4 GB they are over every limit anyway.
 */
export function centralDirectory(read: (at: number, length: number) => Buffer, size: number): ZipEntry[] | null {
  return zipLayout(read, size)?.entries ?? null;
}

/** The central directory and where it starts; null when the bytes are no zip. */
export function zipLayout(read: (at: number, length: number) => Buffer, size: number): ZipLayout | null {
  const tail = read(Math.max(0, size - 65_557), Math.min(size, 65_557));
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) return null;
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdAt = tail.readUInt32LE(eocd + 16);
  if (count > WORKBOOK_LIMITS.entries) return { entries: Array.from({ length: count }, () => ({ path: '', compressed: 0, size: 0, offset: 0 })), directoryAt: cdAt };
  if (cdAt + cdSize > size) return null;
  const cd = read(cdAt, cdSize);
  const out: ZipEntry[] = [];
  for (let at = 0; out.length < count; ) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = cd.readUInt16LE(at + 28);
    out.push({ compressed: cd.readUInt32LE(at + 20), size: cd.readUInt32LE(at + 24), offset: cd.readUInt32LE(at + 42), path: cd.toString('utf8', at + 46, at + 46 + nameLength) });
    at += 46 + nameLength + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
  }
  return { entries: out, directoryAt: cdAt };
}

/** Throws WorkbookTooLarge when the declared entries pass a limit. */
export function checkDeclared(file: string, entries: readonly ZipEntry[]): void {
  const L = WORKBOOK_LIMITS;
  if (entries.length > L.entries) throw tooLarge(file, `工作簿里有 ${entries.length} 个部件，超过了 ${L.entries} 个的上限，这不像是花名册。请用 Excel 或 WPS 打开，只留下花名册工作表另存为 .xlsx 后再导入`);
  let total = 0;
  for (const e of entries) {
    const { bytes, what } = limitOf(e.path);
    if (e.size > bytes) throw tooLarge(file, `${what}解压后有 ${inMB(e.size)}，超过了 ${inMB(bytes)} 的上限。${SPLIT}`);
    if (e.size > L.ratioFrom && e.size > e.compressed * L.ratio) {
      throw tooLarge(file, `${what}的压缩比约为 1:${Math.round(e.size / Math.max(1, e.compressed))}，超过了 1:${L.ratio} 的上限，这不像是正常保存的工作簿。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入`);
    }
    total += e.size;
  }
  if (total > L.totalBytes) throw tooLarge(file, `工作簿解压后共有 ${inMB(total)}，超过了 ${inMB(L.totalBytes)} 的上限。${SPLIT}`);
}

/** The layout of a workbook file or of bytes in memory (null: not a zip). */
export function declaredLayout(src: string | Buffer): ZipLayout | null {
  if (typeof src !== 'string') return zipLayout((at, n) => src.subarray(at, at + n), src.length);
  const fd = openSync(src, 'r');
  try {
    const read = (at: number, n: number) => {
      const b = Buffer.alloc(n);
      return b.subarray(0, readSync(fd, b, 0, n, at));
    };
    return zipLayout(read, fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}

/** The declared entries of a workbook file or of bytes in memory (null: not a zip). */
export const declaredEntries = (src: string | Buffer): ZipEntry[] | null => declaredLayout(src)?.entries ?? null;
