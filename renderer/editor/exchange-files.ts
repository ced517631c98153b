// Where packages and public keys are written by default: beside the archive, named as the
// format suggests (`<单位>_<kind>_<seq>_<yyyymmdd>.fpkg`); the clerk may type another place (the
// USB stick). Paths belong to the machine running the archive, so the separator follows the
// archive's own path.
import type { PackageKindName, PackageLogView } from '../../shared/api/index.ts';

export const KIND_FILE_LABEL: Record<PackageKindName, string> = {
  'township-export': '乡镇报送',
  'review-result': '审核结果',
  'key-registration': '密钥登记',
  'trust-bundle': '县级公钥',
};

export function separatorOf(path: string): '\\' | '/' {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

/** The folder of a file path ('' when there is none). */
export function dirOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (i < 0) return '';
  if (i === 0) return path.slice(0, 1);
  // "C:\x.db" → "C:\"
  if (i === 2 && path[1] === ':') return path.slice(0, 3);
  return path.slice(0, i);
}

export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(i + 1);
}

export function joinPath(dir: string, name: string, sep: '\\' | '/' = separatorOf(dir)): string {
  if (!dir) return name;
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : dir + sep + name;
}

/** A unit's name as a file-name part: no characters Windows refuses, no spaces. */
export function safeName(name: string): string {
  const s = name.replace(/[\\/:*?"<>|\s]/g, '').replace(/[.]+$/, '');
  return s || '档案';
}

export function yyyymmdd(d: Date): string {
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

/** The number the next outgoing package of this kind gets (the archive numbers them 1, 2, 3 …). */
export function nextSeq(log: Pick<PackageLogView, 'direction' | 'kind' | 'seq'>[], kind: PackageKindName): number {
  let max = 0;
  for (const p of log) if (p.direction === 'out' && p.kind === kind && p.seq > max) max = p.seq;
  return max + 1;
}

export function packageFileName(unit: string, kind: PackageKindName, seq: number, date: Date): string {
  return `${safeName(unit)}_${KIND_FILE_LABEL[kind]}_${seq}_${yyyymmdd(date)}.fpkg`;
}

/** Beside the archive file, with the suggested name. */
export function defaultPackagePath(archiveFile: string, unit: string, kind: PackageKindName, seq: number, date: Date): string {
  return joinPath(dirOf(archiveFile), packageFileName(unit, kind, seq, date), separatorOf(archiveFile));
}

export function defaultPublicKeyPath(archiveFile: string, unit: string, role: 'township' | 'county'): string {
  return joinPath(dirOf(archiveFile), `${safeName(unit)}_${role === 'county' ? '县级' : '乡镇'}公钥_public.json`, separatorOf(archiveFile));
}

/** A hint (not a refusal) for a path that does not look right; null when fine. */
export function pathHint(path: string, want: '.fpkg' | '.json'): string | null {
  const p = path.trim();
  if (!p) return null;
  if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p)) return '请填写完整路径（从盘符或根目录开始），例如 E:\\报送\\文件名' + want;
  if (!p.toLowerCase().endsWith(want)) return `文件名通常以 ${want} 结尾`;
  return null;
}

export function formatBytes(n: number | null | undefined): string {
  if (n == null) return '';
  if (n < 1024) return `${n} 字节`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
