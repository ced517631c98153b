// The workbook's zip, fed to exceljs's streaming reader with its parts in the order the reader
// needs them. exceljs 4.4 reads a sheet that comes before the shared strings table (or before
// the workbook's relationships) into a temp file first — a roster of ID numbers in clear text on
// disk — and fails with a TypeError when workbook.xml comes after the sheets (exceljs #3064).
// Each part's local record is passed on byte for byte (no re-compression): it spans from its
// local header to the next record or the central directory, which comes last as it was.
import { open } from 'node:fs/promises';
import type { ZipLayout } from './bounds.ts';

/** The parts a sheet depends on come first; the sheets next; the rest (themes, properties) last. */
function rank(path: string): number {
  const first = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', '_rels/.rels'];
  const at = first.indexOf(path);
  if (at >= 0) return at;
  return /^xl\/worksheets\//.test(path) ? first.length : first.length + 1;
}

/** [start, end) byte ranges of the file in reading order; null when the layout does not add up. */
export function orderedSpans(layout: ZipLayout, size: number): Array<[number, number]> | null {
  const byOffset = [...layout.entries].sort((a, b) => a.offset - b.offset);
  const spans: Array<{ rank: number; index: number; span: [number, number] }> = [];
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i]!;
    const end = byOffset[i + 1]?.offset ?? layout.directoryAt;
    if (end <= e.offset || end > layout.directoryAt) return null;
    spans.push({ rank: rank(e.path), index: i, span: [e.offset, end] });
  }
  spans.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return [...spans.map((s) => s.span), [layout.directoryAt, size]];
}

const CHUNK = 1 << 16;

/** The bytes of the spans, in their order, in chunks of 64 KB (a file is read, never copied). */
export async function* readSpans(src: string | Buffer, spans: ReadonlyArray<[number, number]>): AsyncGenerator<Buffer> {
  if (typeof src !== 'string') {
    for (const [start, end] of spans) for (let at = start; at < end; at += CHUNK) yield src.subarray(at, Math.min(end, at + CHUNK));
    return;
  }
  const file = await open(src, 'r');
  try {
    for (const [start, end] of spans) {
      for (let at = start; at < end; ) {
        const buf = Buffer.allocUnsafe(Math.min(CHUNK, end - at));
        const { bytesRead } = await file.read(buf, 0, buf.length, at);
        if (bytesRead === 0) return;
        at += bytesRead;
        yield buf.subarray(0, bytesRead);
      }
    }
  } finally {
    await file.close();
  }
}
