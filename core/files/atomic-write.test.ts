// The one writer discipline, on the helper itself: a failure at any point (an injected disk
// fault, a producer that throws) leaves neither the final file nor a .part, and a disk failure is said in Chinese with
// the folder; a success leaves exactly the final file.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../db/testing.ts';
import { UserError } from '../../shared/errors.ts';
import { injectWriteFault, writeAtomicSync, writeFileAtomic, writeStreamAtomic } from './atomic-write.ts';
import { diskFailure } from './disk-errors.ts';

afterEach(() => injectWriteFault(null));

const megabytes = (n: number) => Buffer.alloc(n * 1024 * 1024, 7);

async function writeChunks(out: NodeJS.WritableStream, chunks: number): Promise<string> {
  for (let i = 0; i < chunks; i++) {
    if (!out.write(Buffer.alloc(64 * 1024, i))) await new Promise((r) => out.once('drain', r));
  }
  out.end();
  return 'done';
}

describe('writeStreamAtomic', () => {
  it('leaves exactly the final file on success', async () => {
    const dir = tempDir();
    const out = join(dir, 'a.pdf');
    expect(await writeStreamAtomic(out, (s) => writeChunks(s, 4))).toBe('done');
    expect(readdirSync(dir)).toEqual(['a.pdf']);
    expect(readFileSync(out).length).toBe(4 * 64 * 1024);
  });

  it.each([
    ['ENOSPC', /磁盘空间不足，无法在文件夹 .* 中保存 a\.pdf.*没有留下不完整的文件/],
    ['EROFS', /无法在文件夹 .* 中保存 a\.pdf：该磁盘是只读的/],
    ['EACCES', /无法在文件夹 .* 中保存 a\.pdf：没有写入权限/],
    ['EDQUOT', /磁盘空间不足/],
  ])('a stream failing with %s mid-way rejects in Chinese naming the folder, and leaves nothing', async (code, message) => {
    const dir = tempDir();
    injectWriteFault(code, 100 * 1024);
    const err = await writeStreamAtomic(join(dir, 'a.pdf'), (s) => writeChunks(s, 20)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toContain(dir);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects at once even when the producer never looks at the stream again (no hang, no crash)', async () => {
    const dir = tempDir();
    injectWriteFault('ENOSPC', 0);
    const never = (s: NodeJS.WritableStream) => {
      s.write(Buffer.alloc(10));
      return new Promise<string>(() => undefined);
    };
    await expect(writeStreamAtomic(join(dir, 'b.xlsx'), never)).rejects.toThrow(/磁盘空间不足/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('aborts the signal handed to the producer when the stream fails, so a long render stops', async () => {
    const dir = tempDir();
    injectWriteFault('ENOSPC', 0);
    let sawAbort = false;
    await expect(
      writeStreamAtomic(join(dir, 'c.pdf'), async (s, signal) => {
        s.write(Buffer.alloc(10));
        await new Promise((r) => signal.addEventListener('abort', r));
        sawAbort = true;
        throw new Error('stopped');
      }),
    ).rejects.toThrow(/磁盘空间不足/);
    expect(sawAbort).toBe(true);
  });

  it('removes the .part when the producer itself fails, passing its error on', async () => {
    const dir = tempDir();
    await expect(
      writeStreamAtomic(join(dir, 'd.pdf'), (s) => {
        s.write(Buffer.alloc(1000));
        return Promise.reject(new UserError('模板出错'));
      }),
    ).rejects.toThrow('模板出错');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeAtomicSync / writeFileAtomic', () => {
  it('writes whole files and replaces nothing on failure', () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, 'k.key'), 'secret', { mode: 0o600 });
    expect(readFileSync(join(dir, 'k.key'), 'utf8')).toBe('secret');
    injectWriteFault('ENOSPC');
    expect(() => writeFileAtomic(join(dir, 'r.xlsx'), megabytes(2))).toThrow(/磁盘空间不足，无法在文件夹 .* 中保存 r\.xlsx（约需 2\.0 MB/);
    expect(() => writeAtomicSync(join(dir, 'b.db'), (part) => writeFileSync(part, 'x'), { needed: 5000 })).toThrow(/约需 5 KB/);
    expect(readdirSync(dir)).toEqual(['k.key']);
  });

  it('says SQLite’s full disk (VACUUM INTO) the same way', () => {
    const e = diskFailure(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), '/x/备份/a.db', 3 * 1024 ** 3);
    expect(e?.message).toMatch(/磁盘空间不足，无法在文件夹 \/x\/备份 中保存 a\.db（约需 3\.0 GB/);
    expect(diskFailure(new Error('other'), '/x/a.db')).toBeNull();
  });
});
