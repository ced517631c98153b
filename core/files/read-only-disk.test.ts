// A read-only disk (a write-protected stick) where a folder or a new archive is made. Node's
// recursive mkdir reports such a disk as ENOENT ("no such folder"), which used to reach the
// clerk as 文件夹不存在 (or, for `keys new --out`, as an internal error); SQLite's "cannot open"
// said neither the folder nor the cause. node:fs is stood in for only inside one real temp
// folder, behaving as Node does on a read-only mount (checked by hand on a `mount -o ro` tmpfs).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as Fs from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ readOnly: '' }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof Fs>();
  const inside = (p: unknown) => state.readOnly !== '' && typeof p === 'string' && (resolve(p) + '/').startsWith(state.readOnly + '/');
  const fail = (code: string) => Object.assign(new Error(`${code}: stand-in read-only disk`), { code });
  const mkdirSync = ((p: string, opts?: { recursive?: boolean }) => {
    if (inside(p) && resolve(p) !== state.readOnly && !real.existsSync(p)) throw fail(opts?.recursive ? 'ENOENT' : 'EROFS');
    return real.mkdirSync(p, opts);
  }) as typeof real.mkdirSync;
  const accessSync = ((p: string, mode?: number) => {
    if (inside(p) && mode !== undefined && (mode & real.constants.W_OK) !== 0) throw fail('EROFS');
    real.accessSync(p, mode);
  }) as typeof real.accessSync;
  return { ...real, default: { ...real, mkdirSync, accessSync }, mkdirSync, accessSync };
});

const { tempDir } = await import('../../db/testing.ts');
const { makeFolder } = await import('./disk-errors.ts');
const { createArchiveFile } = await import('../../db/open.ts');
const { generateKeyPair, saveKeyPair } = await import('../exchange/keys.ts');

describe('making a folder or an archive on a read-only disk', () => {
  const ro = resolve(tempDir('relief-ro-'));
  state.readOnly = ro;
  afterAll(() => {
    state.readOnly = '';
    rmSync(ro, { recursive: true, force: true });
  });

  it('makeFolder fails with the real cause, not ENOENT; elsewhere it makes the whole path', () => {
    expect(() => makeFolder(join(ro, 'a', 'b'))).toThrow(expect.objectContaining({ code: 'EROFS' }) as Error);
    const ok = join(tempDir('relief-rw-'), 'a', 'b');
    makeFolder(ok);
    expect(existsSync(ok)).toBe(true);
  });

  it('keys new --out on it: the read-only message naming the folder, nothing written', () => {
    const dir = join(ro, '密钥');
    expect(() => saveKeyPair(dir, generateKeyPair({ role: 'township', name: '青山镇' }))).toThrow(/^无法在文件夹 .*密钥 中保存 private\.json：该磁盘是只读的（U 盘的写保护开关？）。没有留下不完整的文件。/);
    expect(readdirSync(ro)).toEqual([]);
  });

  it('a new archive on it: the read-only message naming the folder, no file made', () => {
    expect(() => createArchiveFile(join(ro, '青山镇.db'))).toThrow(/^无法在文件夹 .* 中保存 青山镇\.db：该磁盘是只读的/);
    expect(readdirSync(ro)).toEqual([]);
  });
});
