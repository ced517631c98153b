// Paths only where the user chose them. A shell endpoint's path input (declared in the contract:
// `paths` of shared/api/endpoint.ts) is checked before its handler runs, against
//  - the paths this session's file dialogs returned (the Electron main process registers each),
//  - folders the user named to the shell itself (the browser shell's --allow-dir: it has no
//    native dialog), and
//  - the folders the app owns: its data folder, the chosen archive's folder and its 备份/ and 文档/.
// The check is lexical (resolve, no file-system access), so a refusal reads the same whether
// or not anything exists at the path: an endpoint cannot be used to probe the machine.
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Endpoint, PathUse } from '../../shared/api/index.ts';
import type { ChooseRequest } from '../../shared/api/files.ts';
import { UserError } from '../../shared/errors.ts';
import type { Session } from '../session.ts';

const caseless = process.platform === 'win32' || process.platform === 'darwin';
const key = (p: string): string => {
  const r = resolve(p);
  return caseless ? r.toLowerCase() : r;
};

/** True when `path` is `folder` or inside it (lexically: `..` resolved, no links followed). */
function inside(folder: string, path: string): boolean {
  const rel = relative(key(folder), key(path));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

export class PathGuard {
  private readonly chosen = new Set<string>();
  private readonly folders: string[] = [];

  /** What the refusal tells the user to do (the browser shell, which has no dialog, says its own). */
  hint = '请在文件对话框中重新选择。';

  /** The shell's file dialog (Electron sets it); null in the browser shell, which has none. */
  chooser: ((request: ChooseRequest) => Promise<string | null>) | null = null;

  constructor(private readonly owned: () => Owned) {}

  /** `files.choose`: the shell's dialog; what it returns is registered as chosen. */
  async pick(request: ChooseRequest): Promise<{ path: string | null }> {
    if (!this.chooser) throw new UserError(`无法打开文件对话框。${this.hint}`);
    const path = await this.chooser(request);
    if (path) this.choose(path);
    return { path };
  }

  /** A path returned by one of this session's file dialogs (open or save). */
  choose(path: string): void {
    this.chosen.add(key(path));
  }

  /** A folder the user named to the shell (browser shell: --allow-dir, e.g. the USB stick). */
  allowFolder(folder: string): void {
    this.folders.push(resolve(folder));
  }

  allows(path: string): boolean {
    if (path.includes('\0')) return false;
    if (this.chosen.has(key(path))) return true;
    const { trees, flat, files } = this.owned();
    if (files.some((f) => key(f) === key(path))) return true;
    if (flat.some((f) => key(f) === key(dirname(path)))) return true;
    return [...this.folders, ...trees].some((t) => inside(t, path));
  }

  /** Throws the one refusal (which says nothing about what is at the path). */
  check(path: string, use: PathUse, field: string): void {
    if (this.allows(path)) return;
    const act = use === 'write' ? '保存到' : '读取';
    throw new UserError(
      `不能${act}这个位置：${path}。为保护本机其他文件，程序只使用在文件对话框中选定的文件，以及本程序自己的文件夹（数据文件夹、档案所在文件夹和其中的“备份”文件夹）。${this.hint}`,
      { field },
    );
  }
}

export interface Owned {
  /** Folders allowed with everything below them. */
  trees: string[];
  /** Folders whose own files are allowed (not their subfolders). */
  flat: string[];
  /** Single files. */
  files: string[];
}

/**
 * What a session owns: its data folder; the chosen archive's folder (its files: packages and
 * public keys are saved beside the archive by default), that folder's 备份/ and 文档/ (where
 * documents are offered by default); and the recent
 * archives (each opened before through a dialog or from these folders).
 */
export function ownedBy(session: Session): Owned {
  const current = session.archive?.file ?? session.pending?.file ?? null;
  const recent = session.state().recent.map((r) => r.file);
  if (!current) return { trees: [session.dataDir], flat: [], files: recent };
  return { trees: [session.dataDir, join(dirname(current), '备份'), join(dirname(current), '文档')], flat: [dirname(current)], files: recent };
}

const guards = new WeakMap<Session, PathGuard>();

/** The one guard of a session: the dispatcher checks with it, the shell's dialogs register with it. */
export function pathGuardOf(session: Session): PathGuard {
  let g = guards.get(session);
  if (!g) {
    g = new PathGuard(() => ownedBy(session));
    guards.set(session, g);
  }
  return g;
}

/** Checks every path input `endpoint` declares (before its handler runs). */
export function checkPaths(endpoint: Endpoint, input: unknown, guard: PathGuard): void {
  for (const [field, use] of Object.entries(endpoint.paths)) {
    const value = (input as Record<string, unknown> | null)?.[field];
    if (typeof value === 'string') guard.check(value, use, field);
  }
}
