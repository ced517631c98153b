// Test helpers: what poppler sees in a PDF — its text, pages, page size and embedded fonts.
import { execFileSync } from 'node:child_process';

/** The text, laid out (-layout keeps side-by-side columns on one line). */
export function pdfText(file: string, opts: { first?: number; last?: number } = {}): string {
  const range = [...(opts.first ? ['-f', String(opts.first)] : []), ...(opts.last ? ['-l', String(opts.last)] : [])];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** Text of each page (pdftotext separates pages with a form feed). */
export function pdfPages(file: string): string[] {
  return pdfText(file).split('\f').slice(0, -1);
}

export function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** Fonts as pdffonts lists them: name, whether embedded and whether a subset. */
export function pdfFonts(file: string): { name: string; embedded: boolean; subset: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: the three yes/no columns sit before the last two.
    const n = cols.length;
    return { name: cols[0]!, embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes' };
  });
}

/**
 * The text in drawing order with all white space removed: a table cell's wrapped lines follow
 * each other, so a value printed whole — on one line or wrapped — is a substring, and a cut one
 * ("阿卜杜热合…") is not.
 */
export function pdfDrawnText(file: string): string {
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).replace(/\s+/g, '');
}
