// EXCHANGE-REFERENCE §8.1–8.4 at the file level: every flipped bit, cut and addition is refused
// with a Chinese message, before decryption where the outer layer can tell, and nothing is staged.
import { randomBytes, randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_CHUNK, AGE_NONCE, AGE_TAG, HEADER_BLOCK } from './limits.ts';
import { memoryTrustStore, writePackage } from './index.ts';
import { flipBit, resign, splitFile, testKeys, tryUnpack } from './testing.ts';

const keys = testKeys();
const opts = { key: keys.county, trust: memoryTrustStore([keys.township.publicKey]) };
let dir: string;
let file: string;
let n = 0;
type Layout = { headerEnd: number; sigAt: number; ageLen: number; chunk: (k: number) => number; chunks: number; size: number };
let layout: Layout;
/** A package of rows only: no frame declares a size that a cut would contradict, so age itself must notice. */
let rowsFile: string;
let rowsLayout: Layout;

function layoutOf(path: string): Layout {
  const { headerBytes, payload } = splitFile(path);
  const ageLen = Buffer.from(payload).indexOf('\n--- ') + 1 + 48; // "--- " + 43 base64 + "\n"
  const body = payload.length - ageLen - AGE_NONCE;
  return {
    headerEnd: 16 + headerBytes.length,
    sigAt: 17 + headerBytes.length,
    ageLen,
    chunk: (k) => HEADER_BLOCK + ageLen + AGE_NONCE + k * (AGE_CHUNK + AGE_TAG),
    chunks: Math.ceil(body / (AGE_CHUNK + AGE_TAG)),
    size: HEADER_BLOCK + payload.length,
  };
}

const fresh = () => join(dir, `case-${n++}.fpkg`);
async function refusedWith(path: string, message: RegExp): Promise<void> {
  const { error, left } = await tryUnpack(path, opts, join(dir, `stage-${n++}`));
  expect(error?.message).toMatch(message);
  expect(left).toEqual([]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fpkg-tamper-'));
  file = join(dir, 'good.fpkg');
  const bytes = randomBytes(3 * AGE_CHUNK + 5000); // 4 chunks, the last one short
  await writePackage({
    file,
    sender: keys.township,
    kind: 'township-export',
    seq: 3,
    to: { recipients: [keys.county.publicKey] },
    schemaVersion: 1,
    entries: [
      { type: 'table', name: 'households', rows: [{ no: '5119221010010001', 户主: '张三' }] },
      { type: 'attachment', id: randomUUID(), sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, data: [bytes] },
    ],
  });
  layout = layoutOf(file);
  rowsFile = join(dir, 'rows.fpkg');
  const rows = Array.from({ length: 1800 }, (_, i) => ({ no: `51192210100${String(i).padStart(5, '0')}`, 姓名: '张三丰', 备注: 'x'.repeat(60) }));
  await writePackage({ file: rowsFile, sender: keys.township, kind: 'township-export', seq: 3, to: { recipients: [keys.county.publicKey] }, schemaVersion: 1, entries: [{ type: 'table', name: 'members', rows }] });
  rowsLayout = layoutOf(rowsFile);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the intact package', () => {
  it('opens (the cases below differ from it by one change each)', async () => {
    expect(layout.chunks).toBe(4);
    expect(rowsLayout.chunks).toBe(4);
    expect((await tryUnpack(rowsFile, opts, join(dir, 'stage-ok-rows'))).error).toBeNull();
    expect(readFileSync(file).length).toBe(layout.size);
    const { error, left } = await tryUnpack(file, opts, join(dir, 'stage-ok'));
    expect(error).toBeNull();
    expect(left).toHaveLength(1);
  });
});

describe('a flipped bit is refused before decryption', () => {
  const cases: [string, () => number, RegExp][] = [
    ['magic', () => 3, /不是扶贫档案数据包/],
    ['header length', () => 13, /封面信息无效（封面长度/],
    ['header JSON, first byte', () => 16, /封面信息无效/],
    ['header JSON, a value', () => layout.headerEnd - 20, /封面信息无效|签名校验未通过/],
    ['signature algorithm', () => layout.headerEnd, /签名算法未知/],
    ['signature, first byte', () => layout.sigAt, /签名校验未通过/],
    ['signature, last byte', () => layout.sigAt + 63, /签名校验未通过/],
    ['zero padding', () => HEADER_BLOCK - 1, /填充区不是全零/],
    ['age version line', () => HEADER_BLOCK + 2, /校验值不符/],
    ['age stanza', () => HEADER_BLOCK + 40, /校验值不符/],
    ['age header MAC', () => HEADER_BLOCK + layout.ageLen - 5, /校验值不符/],
    ['payload nonce', () => HEADER_BLOCK + layout.ageLen + 3, /校验值不符/],
    ['first chunk', () => layout.chunk(0) + 10, /校验值不符/],
    ['middle chunk', () => layout.chunk(2) + 30000, /校验值不符/],
    ['last chunk', () => layout.chunk(3) + 100, /校验值不符/],
    ['a Poly1305 tag', () => layout.chunk(1) - 3, /校验值不符/],
    ['the last tag', () => layout.size - 1, /校验值不符/],
  ];
  for (const [where, at, message] of cases) {
    it(where, async () => {
      const out = fresh();
      flipBit(file, at(), out);
      await refusedWith(out, message);
    });
  }
});

describe('a flipped bit re-signed by the sender key is still refused by the age layer', () => {
  const flipIn = (at: () => number) => (p: Uint8Array) => {
    const c = p.slice();
    c[at()]! ^= 0x01;
    return c;
  };
  /** In the age header's base64, a bit flip may give an invalid character; swap for another valid one. */
  const swapChar = (at: () => number) => (p: Uint8Array) => {
    const c = p.slice();
    c[at()] = c[at()] === 0x41 ? 0x42 : 0x41;
    return c;
  };
  const inChunk = (k: number, offset: number) => () => layout.ageLen + AGE_NONCE + k * (AGE_CHUNK + AGE_TAG) + offset;
  const shareOfFirstStanza = () => 'age-encryption.org/v1\n-> X25519 '.length + 5;
  const cases: [string, (p: Uint8Array) => Uint8Array, RegExp][] = [
    ['age version line', flipIn(() => 2), /加密信息不合规（不是 age v1 格式）/],
    ['age stanza line, made non-canonical', flipIn(() => layout.ageLen - 49), /加密信息不合规/],
    ['age stanza share of this recipient', swapChar(shareOfFirstStanza), /本机的密钥解不开/],
    ['age stanza body of the other recipient (the header MAC catches it)', swapChar(() => layout.ageLen - 60), /加密头部校验未通过/],
    ['age header MAC', swapChar(() => layout.ageLen - 5), /加密头部校验未通过/],
    ['payload nonce', flipIn(() => layout.ageLen + 3), /解密失败/],
    ['first chunk', flipIn(inChunk(0, 10)), /解密失败/],
    ['middle chunk', flipIn(inChunk(2, 30000)), /解密失败/],
    ['last chunk', flipIn(inChunk(3, 100)), /解密失败/],
    ['a Poly1305 tag', flipIn(inChunk(1, AGE_CHUNK + 5)), /解密失败/],
    ['the last tag', flipIn(() => layout.size - HEADER_BLOCK - 1), /解密失败/],
  ];
  for (const [where, edit, message] of cases) {
    it(where, async () => {
      const out = fresh();
      resign(file, out, keys.township, { payload: edit });
      await refusedWith(out, message);
    });
  }
});
describe('cut files are refused', () => {
  const cuts: [string, () => number, RegExp][] = [
    ['inside the magic', () => 5, /不是扶贫档案数据包/],
    ['inside the header', () => 100, /不完整/],
    ['right after the signature', () => layout.sigAt + 64, /不完整/],
    ['at the end of the block', () => HEADER_BLOCK, /不完整/],
    ['inside the age header', () => HEADER_BLOCK + 30, /不完整/],
    ['mid-chunk', () => layout.chunk(1) + 1000, /不完整/],
    ['exactly at a 64 KiB chunk boundary', () => layout.chunk(2), /不完整/],
    ['the last chunk removed', () => layout.chunk(3), /不完整/],
    ['one byte short', () => layout.size - 1, /不完整/],
  ];
  for (const [where, at, message] of cuts) {
    it(where, async () => {
      const out = fresh();
      writeFileSync(out, readFileSync(file).subarray(0, at()));
      await refusedWith(out, message);
    });
  }

  const resignedCuts: [string, (p: Uint8Array, l: Layout) => Uint8Array, RegExp][] = [
    ['inside the age header', (p) => p.subarray(0, 30), /加密信息不合规/],
    ['mid-chunk', (p, l) => p.subarray(0, l.chunk(1) - HEADER_BLOCK + 1000), /解密失败/],
    ['at a chunk boundary', (p, l) => p.subarray(0, l.chunk(2) - HEADER_BLOCK), /解密失败/],
    ['the last chunk removed', (p, l) => p.subarray(0, l.chunk(3) - HEADER_BLOCK), /解密失败/],
  ];
  for (const [where, edit, message] of resignedCuts) {
    it(`${where}, re-signed: age refuses a rows-only package`, async () => {
      const out = fresh();
      resign(rowsFile, out, keys.township, { payload: (p) => edit(p, rowsLayout) });
      await refusedWith(out, message);
    });
    it(`${where}, re-signed: an attachment larger than what is left is refused before reading it`, async () => {
      const out = fresh();
      resign(file, out, keys.township, { payload: (p) => edit(p, layout) });
      await refusedWith(out, where === 'inside the age header' ? message : /声明 \d+ 字节，超过剩余的 \d+ 字节/);
    });
  }
});

describe('added, reordered and repeated bytes are refused', () => {
  const chunkAt = (p: Uint8Array, k: number) => p.subarray(rowsLayout.chunk(k) - HEADER_BLOCK, rowsLayout.chunk(k + 1) - HEADER_BLOCK);
  const head = (p: Uint8Array) => p.subarray(0, rowsLayout.chunk(0) - HEADER_BLOCK);
  const from = (p: Uint8Array, k: number) => p.subarray(rowsLayout.chunk(k) - HEADER_BLOCK);
  const join = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

  it('bytes appended after the payload', async () => {
    const out = fresh();
    writeFileSync(out, Buffer.concat([readFileSync(file), Buffer.from('extra')]));
    await refusedWith(out, /末尾多出了 5 字节/);
  });

  it('the last chunk duplicated (length bound by the signed header)', async () => {
    const out = fresh();
    const all = readFileSync(file);
    writeFileSync(out, Buffer.concat([all, all.subarray(layout.chunk(3))]));
    await refusedWith(out, /末尾多出了/);
  });

  const resigned: [string, (p: Uint8Array) => Uint8Array][] = [
    ['two chunks swapped', (p) => join(head(p), chunkAt(p, 1), chunkAt(p, 0), from(p, 2))],
    ['a chunk repeated', (p) => join(head(p), chunkAt(p, 0), chunkAt(p, 0), from(p, 1))],
    ['a middle chunk dropped', (p) => join(head(p), chunkAt(p, 0), from(p, 2))],
    ['a final chunk appended after the final chunk', (p) => join(p, from(p, 3))],
  ];
  for (const [what, edit] of resigned) {
    it(`${what}, re-signed`, async () => {
      const out = fresh();
      resign(rowsFile, out, keys.township, { payload: edit });
      await refusedWith(out, /解密失败/);
    });
  }
});
