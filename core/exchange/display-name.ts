// Attachment names from a package are for display only and never become paths (files are
// stored under their UUID or SHA-256). Still, what is shown must not mislead: no path parts,
// no control or direction-override characters, no device names, bounded length, NFC.

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const MAX = 80;

export function sanitizeDisplayName(raw: string): string {
  let s = raw.normalize('NFC');
  s = s.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ''); // controls, RTL/LTR overrides, zero-width marks
  s = s.split(/[/\\]/).filter((p) => p !== '' && p !== '.' && p !== '..').pop() ?? '';
  s = s.replace(/[<>:"|?*]/g, '_').replace(/[. ]+$/, '').replace(/^[. ]+/, '').trim();
  if (RESERVED.test(s)) s = `_${s}`;
  const chars = Array.from(s);
  if (chars.length > MAX) {
    const dot = s.lastIndexOf('.');
    const ext = dot > 0 && s.length - dot <= 10 ? s.slice(dot) : '';
    s = chars.slice(0, MAX - Array.from(ext).length - 1).join('') + '…' + ext;
  }
  return s === '' ? '未命名附件' : s;
}
