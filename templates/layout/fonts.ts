// The fonts of the documents: Noto Sans SC Regular for every form, Noto Serif SC for notices,
// resolved from their npm packages at run time (see templates/fonts/README.md for source and
// licence) or read from the machine's own fonts (notice-fonts.ts), each read once per process.
// Also the check that turns characters the font lacks into a handwriting blank and a report.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GlyphCoverage } from './cmap.ts';
import { readCoverage } from './cmap.ts';

const FONT_MODULE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
/** The serif face shipped for notices (宋体-like), regular and bold (titles). */
export const SERIF_MODULE = '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';
export const SERIF_BOLD_MODULE = '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf';

/** What replaces a character the font cannot draw: a blank to write the character in by hand. */
export const BLANK_GLYPH = '＿';

/** A font file read once per process, with the characters it can draw. */
export interface FontFace {
  file: string;
  data: Buffer;
  coverage: GlyphCoverage;
  /** The font's PostScript name inside a collection (.ttc); pdfkit needs it to pick the font. */
  family?: string;
  /** Its name for people (仿宋 (C:\Windows\Fonts\simfang.ttf), 思源宋体 …). */
  label: string;
}

const faces = new Map<string, FontFace>();

/** A face from a file (cached by path); `family` for a collection. */
export function faceFromFile(file: string, label: string, family?: string): FontFace {
  let face = faces.get(file);
  if (!face) {
    const data = readFileSync(file);
    face = { file, data, coverage: readCoverage(data), label, ...(family ? { family } : {}) };
    faces.set(file, face);
  }
  return face;
}

/** A face shipped in an npm package of the application. */
export function packagedFace(module: string, label: string): FontFace {
  let file: string;
  try {
    file = createRequire(import.meta.url).resolve(module);
  } catch (e) {
    throw new Error(`找不到打印用的中文字体（${module}）：安装不完整，请重新安装本程序。`, { cause: e });
  }
  return faceFromFile(file, label);
}

/** The sans face every form uses (Noto Sans SC Regular). */
export function documentFont(): FontFace {
  return packagedFace(FONT_MODULE, '思源黑体（Noto Sans SC）');
}

/** A piece of text that could not be printed as it is. */
export interface MissingGlyph {
  /** The text as it is in the archive. */
  text: string;
  /** The characters the font lacks. */
  chars: string[];
  /** Which record and field, in Chinese (e.g. "户编号 5119…（户主 张三）"). */
  where: string;
}

/** Collects, once per text and place, what the font could not print. */
export class GlyphCheck {
  private readonly seen = new Map<string, MissingGlyph>();
  /** Cache of texts already known to be printable (names and labels repeat a lot). */
  private readonly ok = new Set<string>();

  constructor(private readonly coverage: GlyphCoverage) {}

  /** The text with every character the font lacks replaced by a blank; records what was replaced. */
  printable(text: string, where: string): string {
    if (this.ok.has(text)) return text;
    // Looked through first: most texts are whole, and need no copy built character by character.
    let whole = true;
    for (let i = 0; i < text.length && whole; i++) {
      if (text.charCodeAt(i) < 0x80) continue;
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++; // the other half of the surrogate pair
      whole = this.coverage.has(cp);
    }
    if (whole) {
      // Bounded: a township batch prints hundreds of thousands of distinct texts.
      if (this.ok.size >= 20_000) this.ok.clear();
      this.ok.add(text);
      return text;
    }
    const missing: string[] = [];
    let out = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80 || this.coverage.has(cp)) out += ch;
      else {
        missing.push(ch);
        out += BLANK_GLYPH;
      }
    }
    this.record({ text, chars: [...new Set(missing)], where });
    return out;
  }

  /**
   * Once per text and place; a text that only repeats one already reported at the same place
   * (the "（续页）… （户主 𠮷祥）" line after the name 𠮷祥) is not reported again, whichever comes first.
   */
  private record(m: MissingGlyph): void {
    const key = `${m.where}\u0000${m.text}`;
    if (this.seen.has(key)) return;
    for (const [k, old] of this.seen) {
      if (old.where !== m.where) continue;
      if (m.text.includes(old.text)) return;
      if (old.text.includes(m.text)) this.seen.delete(k);
    }
    this.seen.set(key, m);
  }

  report(): MissingGlyph[] {
    return [...this.seen.values()];
  }
}
