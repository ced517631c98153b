// Test helper: take a workbook's zip apart and put it together again with chosen entries and
// chosen declared sizes (node:zlib only), to make oversized and lying workbooks in a test.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { centralDirectory } from '../bounds.ts';

export interface Part {
  path: string;
  data: Buffer;
  /** The uncompressed size to write into the headers instead of the true one (a lie). */
  declare?: number;
}

/** The entries of a zip made by exceljs (deflated or stored), in their order. */
export function unzipParts(zip: Buffer): Part[] {
  const entries = centralDirectory((at, n) => zip.subarray(at, at + n), zip.length);
  if (!entries) throw new Error('not a zip');
  // The central directory of this reader gives sizes and names; the data sits after each local header.
  const parts: Part[] = [];
  let at = 0;
  for (const e of entries) {
    at = zip.indexOf(Buffer.from(e.path), at) - 30;
    const method = zip.readUInt16LE(at + 8);
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const raw = zip.subarray(start, start + e.compressed);
    parts.push({ path: e.path, data: method === 0 ? Buffer.from(raw) : inflateRawSync(raw) });
    at = start + e.compressed;
  }
  return parts;
}

/** A zip of the parts, deflated, with each part's declared size as given. */
export function zipParts(parts: readonly Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.path);
    const body = deflateRawSync(p.data, { level: 6 });
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(p.data), 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(p.declare ?? p.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    head.copy(cd, 6, 4, 30);
    cd.writeUInt32LE(offset, 42);
    locals.push(head, name, body);
    central.push(cd, name);
    offset += head.length + name.length + body.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBytes, end]);
}
