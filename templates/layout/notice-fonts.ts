// The faces of a posted notice (公示 / 公告): GB/T 9704-like, the body in 仿宋 (or 宋体) and the
// title in 小标宋 where the machine has those fonts (Windows: C:\Windows\Fonts; 统信UOS / 麒麟:
// /usr/share/fonts), else the shipped Noto Serif SC (regular body, bold title). Only notices
// read these files: the forms keep the sans face and its fast paths.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { NoticeFont } from '../../shared/api/documents.ts';
import type { FontFace } from './fonts.ts';
import { documentFont, faceFromFile, packagedFace, SERIF_BOLD_MODULE, SERIF_MODULE } from './fonts.ts';

/** File names (lower case) of the usual fonts, best first. */
const SYSTEM_FILES: Readonly<Record<'fangsong' | 'songti' | 'title', { label: string; files: readonly string[] }>> = {
  fangsong: { label: '仿宋', files: ['simfang.ttf', 'fzfsk.ttf', 'fzfsjw.ttf', 'stfangso.ttf', 'cesi_fs_gb2312.ttf', 'cesi_fs_gb18030.ttf', 'cesi_fs_gb13000.ttf'] },
  songti: { label: '宋体', files: ['simsun.ttc', 'simsun.ttf', 'fzssk.ttf', 'stsong.ttf', 'cesi_ss_gb2312.ttf', 'cesi_ss_gb18030.ttf', 'cesi_ss_gb13000.ttf'] },
  title: { label: '小标宋', files: ['fzxbsjw.ttf', 'fzxbsk.ttf', 'fzxbsjw--gb1-0.ttf', 'cesi_xbs_gb2312.ttf', 'cesi_xbs_gb18030.ttf', 'cesi_xbs_gb13000.ttf'] },
};

/**
 * Where the machine keeps its fonts; RELIEF_ARCHIVE_FONT_DIRS (separated like PATH) replaces
 * the list, for a font folder of one's own.
 */
export function systemFontDirs(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  if (env.RELIEF_ARCHIVE_FONT_DIRS) return env.RELIEF_ARCHIVE_FONT_DIRS.split(delimiter).filter(Boolean);
  const home = homedir();
  if (platform === 'win32') return [join(env.WINDIR ?? 'C:\\Windows', 'Fonts'), ...(env.LOCALAPPDATA ? [join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts')] : [])];
  if (platform === 'darwin') return ['/Library/Fonts', '/System/Library/Fonts', join(home, 'Library', 'Fonts')];
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(home, '.local', 'share', 'fonts'), join(home, '.fonts')];
}

const listed = new Map<string, Map<string, string>>();

/** Font files under the folders (three levels deep), by lower-case file name; read once per process. */
function fontFiles(dirs: readonly string[]): Map<string, string> {
  const key = dirs.join(delimiter);
  let files = listed.get(key);
  if (files) return files;
  files = new Map();
  const walk = (dir: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // a folder that is not there or not readable: no fonts from it
    }
    for (const e of entries) {
      if (e.isDirectory() && depth < 3) walk(join(dir, e.name), depth + 1);
      else if (/\.tt[fc]$/i.test(e.name) && !files.has(e.name.toLowerCase())) files.set(e.name.toLowerCase(), join(dir, e.name));
    }
  };
  for (const d of dirs) walk(d, 0);
  listed.set(key, files);
  return files;
}

/** The PostScript name of a collection's first font (pdfkit opens a .ttc only by it). */
function collectionFamily(data: Buffer): string | undefined {
  const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Buffer): { fonts?: { postscriptName: string }[] } };
  return fontkit.create(data).fonts?.[0]?.postscriptName;
}

function systemFace(which: keyof typeof SYSTEM_FILES, dirs: readonly string[]): FontFace | null {
  const files = fontFiles(dirs);
  const { label, files: names } = SYSTEM_FILES[which];
  for (const name of names) {
    const file = files.get(name);
    if (!file) continue;
    try {
      const face = faceFromFile(file, `${label}（${file}）`);
      if (!file.toLowerCase().endsWith('.ttc') || face.family) return face;
      const family = collectionFamily(face.data);
      if (family) {
        face.family = family;
        return face;
      }
    } catch {
      // A damaged or unreadable font file: try the next one.
    }
  }
  return null;
}

export interface NoticeFaces {
  body: FontFace;
  /** The title's face (小标宋 or the shipped serif in bold). */
  title: FontFace;
}

const shippedSerif = (): FontFace => packagedFace(SERIF_MODULE, '思源宋体（Noto Serif SC，随程序安装）');
const shippedSerifBold = (): FontFace => packagedFace(SERIF_BOLD_MODULE, '思源宋体 粗体（Noto Serif SC Bold，随程序安装）');

/** Whether the face draws every character of the texts. */
function covers(face: FontFace, texts: readonly string[]): boolean {
  for (const t of texts) for (const ch of t) if (ch.codePointAt(0)! >= 0x80 && !face.coverage.has(ch.codePointAt(0)!)) return false;
  return true;
}

/**
 * The faces for a notice. `choice` null: the system 仿宋 when it is there and draws every
 * character of `texts` (the GB2312 仿宋 lacks many rarer name characters), else the shipped
 * serif. A face asked for by name is used even if it lacks characters (they become blanks and
 * are reported); a system face the machine does not have falls back to the shipped serif.
 */
export function noticeFaces(choice: NoticeFont | null, texts: readonly string[] = [], dirs: readonly string[] = systemFontDirs()): NoticeFaces {
  if (choice === 'sans') return { body: documentFont(), title: documentFont() };
  const serifTitle = (): FontFace => {
    const t = systemFace('title', dirs);
    return t && covers(t, texts) ? t : shippedSerifBold();
  };
  if (choice === 'serif') return { body: shippedSerif(), title: shippedSerifBold() };
  const system = systemFace(choice ?? 'fangsong', dirs);
  if (system && (choice !== null || covers(system, texts))) return { body: system, title: serifTitle() };
  return { body: shippedSerif(), title: serifTitle() };
}
