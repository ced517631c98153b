// Reading a file the clerk named (a package, a public key, a key export): a missing file, a
// folder or a file the program may not read is said as such in Chinese — never "not a package"
// (the old "文件开头的标识不对" for a path that does not exist) — and the key writer's
// no-overwrite mode refuses a name already taken, leaving the file there untouched.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../db/testing.ts';
import { inspectPackage, loadPublicKey } from '../exchange/index.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { readFailure } from './disk-errors.ts';

const dir = tempDir();

describe('a file that cannot be read', () => {
  it('a package path that does not exist: 找不到文件, with the path and what to do', async () => {
    const file = join(dir, '不存在.fpkg');
    await expect(inspectPackage(file)).rejects.toThrow(new RegExp(`^找不到文件：${file}。请检查路径或重新选择数据包文件`));
  });

  it('a folder given as a package or a public key: says it is a folder', async () => {
    const folder = join(dir, '文件夹');
    mkdirSync(folder);
    await expect(inspectPackage(folder)).rejects.toThrow(new RegExp(`^${folder} 是文件夹，不是数据包文件`));
    expect(() => loadPublicKey(folder)).toThrow(/是文件夹，不是公钥文件/);
  });

  it('no permission and a failing stick are said in Chinese (tests run as root, so the codes are given)', () => {
    const f = join(dir, 'x.fpkg');
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(readFailure(err('EACCES'), f, '数据包文件')?.message).toMatch(/^没有读取 .*x\.fpkg 的权限/);
    expect(readFailure(err('EPERM'), f)?.message).toMatch(/没有读取/);
    expect(readFailure(err('EIO'), f)?.message).toMatch(/读取 .* 时出错/);
    expect(readFailure(err('EBUSY'), f)).toBeNull();
  });
});

describe('the no-overwrite mode (keys)', () => {
  it('refuses an existing name in Chinese and leaves that file as it was, with no .part', () => {
    const d = join(dir, 'keys');
    mkdirSync(d);
    const f = join(d, 'private.json');
    writeFileSync(f, 'the key that must not be lost');
    expect(() => writeFileAtomic(f, 'another', { noOverwrite: true })).toThrow(new RegExp(`^文件已存在：${f}。为免覆盖原有文件，没有写入`));
    expect(readFileSync(f, 'utf8')).toBe('the key that must not be lost');
    expect(readdirSync(d)).toEqual(['private.json']);
  });

  it('writes a new name whole', () => {
    const f = join(dir, 'keys', 'public.json');
    writeFileAtomic(f, '{}', { noOverwrite: true });
    expect(readFileSync(f, 'utf8')).toBe('{}');
    expect(readdirSync(join(dir, 'keys')).sort()).toEqual(['private.json', 'public.json']);
  });
});
