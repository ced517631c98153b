// Packages under a full or read-only disk (injected write faults, as in core/files): packing says
// the disk's problem in Chinese naming the folder — not "This database connection is busy" from
// the snapshot left mid-read — and leaves neither the package nor a .part; unpacking onto a full
// disk says so (not an internal error), stages nothing and leaves the archive unchanged.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sqlValue, tempDir } from '../../db/testing.ts';
import { addAttachment } from '../attachments.ts';
import { injectWriteFault } from '../files/atomic-write.ts';
import { packTownship } from './export.ts';
import { countyActor, makePair, refusal, townshipActor } from './testing.ts';
import type { Pair } from './testing.ts';
import { unpackPackage } from './unpack.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let p: Pair;
let n = 0;
const outDir = (): string => {
  const d = join(p.dir, `stick-${++n}`);
  mkdirSync(d);
  return d;
};
const staging = (): string[] => {
  try {
    return readdirSync(join(p.dir, '.交换暂存'));
  } catch {
    return [];
  }
};

beforeAll(async () => {
  p = await makePair(tempDir('relief-exchange-full-'), 60);
  // Three photos of 1.5 MB that do not compress: the fault then strikes while blobs are still being
  // read from the snapshot (the case that used to surface as "connection is busy").
  const household = sqlValue(p.township, 'SELECT id FROM households LIMIT 1') as string;
  for (let i = 0; i < 3; i++) {
    const png = Buffer.concat([PNG_SIGNATURE, randomBytes(1_500_000)]);
    addAttachment(p.township.db, townshipActor, { ownerTable: 'households', ownerId: household, originalName: `照片${i}.png`, caption: null, dataBase64: png.toString('base64') });
  }
}, 60_000);
afterAll(() => {
  p.township.close();
  p.county.close();
  rmSync(p.dir, { recursive: true, force: true });
});
afterEach(() => injectWriteFault(null));

describe('packages and a failing disk', () => {
  it.each([
    ['ENOSPC', /^磁盘空间不足，无法在文件夹 (.*) 中保存 报送\.fpkg（约需 [0-9.]+ [KMG]B，该磁盘剩余 .*）。没有留下不完整的文件。/],
    ['EROFS', /^无法在文件夹 (.*) 中保存 报送\.fpkg：该磁盘是只读的/],
  ])('pack onto a stick failing with %s: the cause in Chinese with the folder, nothing left, and the next pack works', async (code, message) => {
    const dir = outDir();
    injectWriteFault(code, 2_000_000);
    const r = await refusal(p.township, () => packTownship(p.township, townshipActor, { type: 'all' }, { out: join(dir, '报送.fpkg') }));
    expect(r.error.message).not.toMatch(/busy/i);
    expect(r.error.message).toMatch(message);
    expect(message.exec(r.error.message)![1]).toBe(dir);
    expect(r.unchanged).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    injectWriteFault(null);
    // The snapshot was closed properly: the archive packs again at once.
    const ok = await packTownship(p.township, townshipActor, { type: 'all' }, { out: join(dir, '报送.fpkg') });
    expect(ok.file).toBe(join(dir, '报送.fpkg'));
  });

  it('unpack onto a full disk: Chinese message naming the staging folder, archive unchanged, nothing staged', async () => {
    const file = join(outDir(), '报送.fpkg');
    await packTownship(p.township, townshipActor, { type: 'all' }, { out: file });
    injectWriteFault('ENOSPC', 500_000); // per file: a staged photo (1.5 MB) passes it
    const r = await refusal(p.county, () => unpackPackage(p.county, countyActor, file));
    expect(r.error.message).toMatch(new RegExp(`^解开数据包 ${file} 时，磁盘空间不足，无法在文件夹 ${join(p.dir, '.交换暂存')} 中保存 报送\\.fpkg.*档案没有任何改动。$`));
    expect(r.unchanged).toBe(true);
    expect(staging()).toEqual([]);
    injectWriteFault(null);
    expect(await unpackPackage(p.county, countyActor, file)).toMatchObject({ applied: true });
  });
});
