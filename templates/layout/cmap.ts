// Which code points a TrueType/OpenType font can draw, read from its `cmap` table, so a
// document can report a name the font cannot print instead of printing boxes. Reads the
// full-repertoire subtable (format 12) when there is one, else the BMP one (format 4).

export interface GlyphCoverage {
  has(codePoint: number): boolean;
}

/** Sorted, non-overlapping [first, last] code point ranges. */
class RangeCoverage implements GlyphCoverage {
  constructor(private readonly ranges: readonly (readonly [number, number])[]) {}
  has(cp: number): boolean {
    let lo = 0;
    let hi = this.ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [first, last] = this.ranges[mid]!;
      if (cp < first) hi = mid - 1;
      else if (cp > last) lo = mid + 1;
      else return true;
    }
    return false;
  }
}

function format12(buf: Buffer, at: number): [number, number][] {
  const groups = buf.readUInt32BE(at + 12);
  const ranges: [number, number][] = [];
  for (let g = 0; g < groups; g++) {
    const p = at + 16 + g * 12;
    const first = buf.readUInt32BE(p);
    const last = buf.readUInt32BE(p + 4);
    const glyph = buf.readUInt32BE(p + 8);
    // A group starting at glyph 0 maps its first code point to .notdef.
    ranges.push([glyph === 0 ? first + 1 : first, last]);
  }
  return ranges.filter(([a, b]) => a <= b);
}

function format4(buf: Buffer, at: number): [number, number][] {
  const segs = buf.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const rangeOffsets = deltas + segs * 2;
  const ranges: [number, number][] = [];
  const push = (cp: number) => {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  };
  for (let s = 0; s < segs; s++) {
    const end = buf.readUInt16BE(ends + s * 2);
    const start = buf.readUInt16BE(starts + s * 2);
    const delta = buf.readInt16BE(deltas + s * 2);
    const offsetAt = rangeOffsets + s * 2;
    const rangeOffset = buf.readUInt16BE(offsetAt);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        const g = buf.readUInt16BE(offsetAt + rangeOffset + (cp - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) push(cp);
    }
  }
  return ranges;
}

/** Drawable only when every one of the faces can draw it (a notice's body and title faces). */
export function allOf(coverages: readonly GlyphCoverage[]): GlyphCoverage {
  return coverages.length === 1 ? coverages[0]! : { has: (cp) => coverages.every((c) => c.has(cp)) };
}

/**
 * Parses the font file's cmap; throws when the file is not a TrueType/OpenType font. A font
 * collection (.ttc, e.g. Windows' simsun.ttc) is read at its first font.
 */
export function readCoverage(font: Buffer): GlyphCoverage {
  const base = font.toString('latin1', 0, 4) === 'ttcf' ? font.readUInt32BE(12) : 0;
  const numTables = font.readUInt16BE(base + 4);
  let cmap = -1;
  for (let t = 0; t < numTables; t++) {
    const rec = base + 12 + t * 16;
    if (font.toString('latin1', rec, rec + 4) === 'cmap') cmap = font.readUInt32BE(rec + 8);
  }
  if (cmap < 0) throw new Error('字体文件缺少 cmap 表，无法判断能否显示汉字');
  const subtables = font.readUInt16BE(cmap + 2);
  let best: { format: number; at: number } | null = null;
  for (let s = 0; s < subtables; s++) {
    const rec = cmap + 4 + s * 8;
    const platform = font.readUInt16BE(rec);
    const at = cmap + font.readUInt32BE(rec + 4);
    const format = font.readUInt16BE(at);
    const unicode = platform === 0 || platform === 3;
    if (!unicode || (format !== 12 && format !== 4)) continue;
    if (!best || (format === 12 && best.format !== 12)) best = { format, at };
  }
  if (!best) throw new Error('字体文件没有 Unicode 字符映射表');
  return new RangeCoverage(best.format === 12 ? format12(font, best.at) : format4(font, best.at));
}
