// EXCHANGE-REFERENCE §8.5–8.8 at the file level: who signed it, whether we may accept it from
// them, whether it is for us, whether it is new, and whether its header is exactly canonical.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { u32 } from './bytes.ts';
import { jsonFrame, FRAME } from './frames.ts';
import { generatePassphrase, memoryTrustStore, writePackage } from './index.ts';
import type { OpenOptions, PackageHeader } from './index.ts';
import { MAGIC } from './limits.ts';
import { resign, splitFile, testKeys, tryUnpack, writeRawPackage } from './testing.ts';

const keys = testKeys();
const countyTrust = memoryTrustStore([keys.township.publicKey, keys.township2.publicKey]);
const atCounty: OpenOptions = { key: keys.county, trust: countyTrust };
let dir: string;
let exportFile: string;
let n = 0;
const fresh = () => join(dir, `case-${n++}.fpkg`);

async function refusedWith(path: string, opts: OpenOptions, message: RegExp): Promise<void> {
  const { error, left } = await tryUnpack(path, opts, join(dir, `stage-${n++}`));
  expect(error?.message).toMatch(message);
  expect(left).toEqual([]);
}

async function accepted(path: string, opts: OpenOptions): Promise<void> {
  const { error, left } = await tryUnpack(path, opts, join(dir, `stage-${n++}`));
  expect(error).toBeNull();
  expect(left).toHaveLength(1);
}

function exportTo(file: string, seq = 3, sender = keys.township) {
  return writePackage({ file, sender, kind: 'township-export', seq, to: { recipients: [keys.county.publicKey] }, schemaVersion: 1, entries: [{ type: 'table', name: 'households', rows: [{ no: 1 }] }] });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fpkg-trust-'));
  exportFile = join(dir, 'export.fpkg');
  await exportTo(exportFile);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sender keys', () => {
  it('refuses a package from a key that is not registered', async () => {
    await refusedWith(exportFile, { ...atCounty, trust: memoryTrustStore([keys.township2.publicKey]) }, /发送方（乡镇“青山镇扶贫工作站”，指纹 (\d{5} ){5}\d{5}）的公钥没有在本机登记.*keys trust/);
  });

  it('refuses a revoked key, except for packages numbered up to the last one accepted before revocation', async () => {
    await refusedWith(exportFile, { ...atCounty, trust: memoryTrustStore([{ key: keys.township.publicKey, revoked: true }]) }, /已吊销的密钥签发.*序号 3/);
    await refusedWith(exportFile, { ...atCounty, trust: memoryTrustStore([{ key: keys.township.publicKey, revoked: true, validThroughSeq: 2 }]) }, /已吊销/);
    await accepted(exportFile, { ...atCounty, trust: memoryTrustStore([{ key: keys.township.publicKey, revoked: true, validThroughSeq: 3 }]) });
  });

  it('refuses a package whose sender key differs from the registered one under the same fingerprint', async () => {
    const registered = { ...keys.township.publicKey, revoked: false, signingKey: keys.township2.publicKey.signingKey };
    await refusedWith(exportFile, { ...atCounty, trust: { lookup: () => registered } }, /所用的公钥与本机登记的不同/);
  });

  it('refuses a review result signed by a township key', async () => {
    const file = fresh();
    const answersTo = { packageId: randomUUID(), payloadSha256: 'a'.repeat(64) };
    await writeRawPackage(file, { sender: keys.township, to: [keys.township2], kind: 'review-result', answersTo, plaintext: (m) => [jsonFrame(FRAME.manifest, 'manifest', m), jsonFrame(FRAME.end, 'end', { tables: [], attachments: 0, attachmentBytes: 0 })] });
    await refusedWith(file, { key: keys.township2, trust: memoryTrustStore([keys.township.publicKey]) }, /“县级审核结果”，只能由县级密钥签发，但它由乡镇密钥签发/);
  });

  it('refuses a payload re-wrapped under another registered township’s signed header', async () => {
    const file = fresh();
    const { role, name, signingKey, encryptionKey } = keys.township2.publicKey;
    resign(exportFile, file, keys.township2, { header: (h) => ({ ...h, sender: { role, name, signingKey, encryptionKey } }) });
    await refusedWith(file, atCounty, /内容与封面不一致（发送方不同）/);
  });

  it('refuses a payload moved under a new header of the same sender (another package id or number)', async () => {
    const moved = fresh();
    resign(exportFile, moved, keys.township, { header: (h) => ({ ...h, packageId: randomUUID(), seq: 9 }) });
    await refusedWith(moved, atCounty, /内容与封面不一致（数据包编号不同）/);
    const renumbered = fresh();
    resign(exportFile, renumbered, keys.township, { header: (h) => ({ ...h, seq: 9 }) });
    await refusedWith(renumbered, atCounty, /内容与封面不一致（序号不同）/);
  });
});

describe('addressing and keys of this installation', () => {
  it('refuses a package for another county before trying to decrypt', async () => {
    await refusedWith(exportFile, { ...atCounty, key: keys.county2 }, /不是发给本机的/);
  });

  it('refuses when the header lists us but the encryption does not (header re-signed)', async () => {
    const file = fresh();
    resign(exportFile, file, keys.township, { header: (h) => ({ ...h, recipients: [...h.recipients, keys.county2.publicKey.fingerprint].sort() }) });
    await refusedWith(file, { ...atCounty, key: keys.county2 }, /本机的密钥解不开/);
  });

  it('asks for the key folder or the passphrase, whichever the package needs', async () => {
    await refusedWith(exportFile, { trust: countyTrust }, /请指定本机的密钥文件夹/);
    const file = fresh();
    await writePackage({ file, sender: keys.township, kind: 'township-export', seq: 1, to: { passphrase: generatePassphrase() }, scryptLogN: 10, schemaVersion: 1, entries: [] });
    await refusedWith(file, atCounty, /请输入发送方通过电话告知的口令/);
    await refusedWith(file, { ...atCounty, passphrase: generatePassphrase() }, /口令不对/);
    await refusedWith(file, { ...atCounty, passphrase: '1234 5678' }, /口令格式不对/);
  });
});

describe('replay and answers', () => {
  it('refuses a package not newer than the last one accepted from that sender, and takes a newer one', async () => {
    const lastSeq = (h: PackageHeader, fp: string) => (fp === keys.township.publicKey.fingerprint && h.kind === 'township-export' ? 3 : null);
    await refusedWith(exportFile, { ...atCounty, lastSeq }, /序号是 3，本机已接收过序号 3 的数据包：这是旧的或重复的数据包/);
    const newer = fresh();
    await exportTo(newer, 4);
    await accepted(newer, { ...atCounty, lastSeq });
    const older = fresh();
    await exportTo(older, 2);
    await refusedWith(older, { ...atCounty, lastSeq }, /序号是 2，本机已接收过序号 3/);
  });

  it('refuses a review result that answers a package this township never sent, or with another hash', async () => {
    const exported = await exportTo(fresh(), 5);
    const file = fresh();
    await writePackage({ file, sender: keys.county, kind: 'review-result', seq: 1, to: { recipients: [keys.township.publicKey] }, schemaVersion: 1, answersTo: exported.ref, entries: [] });
    const opts = (sent: { packageId: string; payloadSha256: string }): OpenOptions => ({
      key: keys.township,
      trust: memoryTrustStore([keys.county.publicKey]),
      answers: (r) => r.packageId === sent.packageId && r.payloadSha256 === sent.payloadSha256,
    });
    await accepted(file, opts(exported.ref));
    await refusedWith(file, opts({ ...exported.ref, packageId: randomUUID() }), /声称回复的报送数据包不是本机发出的/);
    await refusedWith(file, { key: keys.township, trust: memoryTrustStore([keys.county.publicKey]) }, /声称回复的报送数据包不是本机发出的/);
    await refusedWith(file, opts({ ...exported.ref, payloadSha256: 'b'.repeat(64) }), /声称回复的报送数据包不是本机发出的/);
  });
});

describe('the header must be exactly canonical and complete', () => {
  const text = () => new TextDecoder().decode(splitFile(exportFile).headerBytes);
  const raw = (edit: (s: string) => string) => () => new TextEncoder().encode(edit(text()));
  const cases: [string, () => Uint8Array][] = [
    ['a duplicate key', raw((s) => s.replace('{"appVersion"', '{"appVersion":"9","appVersion"'))],
    ['keys out of order', raw((s) => `{"suite":"AGE1-ED25519",${s.slice(1).replace(',"suite":"AGE1-ED25519"', '')}`)],
    ['whitespace', raw((s) => s.replace('"seq":3', '"seq": 3'))],
    ['NaN', raw((s) => s.replace('"seq":3', '"seq":NaN'))],
    ['a sequence number of 2^60', raw((s) => s.replace('"seq":3', `"seq":${2 ** 60}`))],
    ['a fractional sequence number', raw((s) => s.replace('"seq":3', '"seq":3.5'))],
    ['an unknown field', raw((s) => s.replace('{"appVersion"', '{"aaa":1,"appVersion"'))],
    ['a missing field', raw((s) => s.replace(/"schemaVersion":\d+,/, ''))],
    ['an unknown kind', raw((s) => s.replace('"township-export"', '"zzz"'))],
    ['an unknown suite', raw((s) => s.replace('"AGE1-ED25519"', '"GM1-SM2"'))],
    ['invalid UTF-8', () => Uint8Array.of(...new TextEncoder().encode(text()).slice(0, -2), 0xff, 0x7d)],
  ];
  for (const [what, bytes] of cases) {
    it(`refuses ${what} (even when validly signed)`, async () => {
      const file = fresh();
      resign(exportFile, file, keys.township, { raw: bytes });
      await refusedWith(file, atCounty, /封面信息无效/);
    });
  }

  it('refuses what is not a package at all: a folder, a missing file, another kind of file', async () => {
    const other = fresh();
    writeFileSync(other, Buffer.from('PK\u0003\u0004 a workbook, not a package'));
    // Each said for what it is: a folder, a path with nothing there, a file of another kind.
    await refusedWith(dir, atCounty, /是文件夹，不是数据包文件/);
    await refusedWith(join(dir, 'missing.fpkg'), atCounty, /^找不到文件：.*missing\.fpkg。请检查路径或重新选择数据包文件/);
    await refusedWith(other, atCounty, /不是扶贫档案数据包/);
  });

  it('refuses a header that asks for a newer reader', async () => {
    const file = fresh();
    resign(exportFile, file, keys.township, { header: (h) => ({ ...h, minReaderVersion: 2 }) });
    await refusedWith(file, atCounty, /由更新版本的软件制作.*请先升级本软件/);
  });

  it('refuses a header length of 4 GiB at once', async () => {
    const file = fresh();
    const all = readFileSync(exportFile);
    all.set(u32(0xffffffff), MAGIC.length);
    writeFileSync(file, all);
    await refusedWith(file, atCounty, /封面长度 4294967295 超出范围/);
  });

  it('refuses an unsigned package (algorithm byte 0, no signature)', async () => {
    const file = fresh();
    const all = readFileSync(exportFile);
    const at = 16 + splitFile(exportFile).headerBytes.length;
    all.fill(0, at, at + 65);
    writeFileSync(file, all);
    await refusedWith(file, atCounty, /签名算法未知或缺少签名/);
  });
});
