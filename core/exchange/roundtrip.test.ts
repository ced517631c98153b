import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decrypter } from 'age-encryption';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { injectWriteFault } from '../files/atomic-write.ts';
import { writeFailure } from './file-io.ts';
import { ageIdentity } from './keys.ts';
import { generatePassphrase, memoryTrustStore, openPackage, readSealed, stagePackage, writePackage } from './index.ts';
import type { EntrySource, PackInput, Progress } from './index.ts';
import { asAsync, splitFile, testKeys } from './testing.ts';

let dir: string;
const keys = testKeys();
const trustAtCounty = memoryTrustStore([keys.township.publicKey, keys.township2.publicKey]);
const trustAtTownship = memoryTrustStore([keys.county.publicKey]);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fpkg-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function attachment(bytes: Uint8Array, pieces = 3): EntrySource {
  return {
    type: 'attachment',
    id: randomUUID(),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    data: (function* () {
      const step = Math.ceil(bytes.length / pieces);
      for (let at = 0; at < bytes.length; at += step) yield bytes.subarray(at, at + step);
    })(),
  };
}

function exportInput(file: string, entries: EntrySource[], extra: Partial<PackInput> = {}): PackInput {
  return { file, sender: keys.township, kind: 'township-export', seq: 1, to: { recipients: [keys.county.publicKey] }, schemaVersion: 7, entries, ...extra };
}

describe('package round trip', () => {
  const big = randomBytes(20 * 1024 * 1024 + 7); // crosses 321 age chunks, ends mid-chunk
  const rows = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ id: `${tag}-${i}`, 姓名: `张${i}`, n: i, ok: i % 2 === 0, none: null }));

  it('carries many rows in several tables and a large attachment, byte for byte', async () => {
    const file = join(dir, 'export.fpkg');
    const small = randomBytes(1000);
    const input = exportInput(file, [
      { type: 'table', name: 'households', rows: rows(5000, 'h') },
      { type: 'table', name: 'members', rows: asAsync(rows(12000, 'm')) },
      attachment(big, 7),
      { type: 'table', name: 'empty', rows: [] },
      attachment(small, 1),
      attachment(new Uint8Array(0), 1),
    ], { meta: { township: '青山镇', note: '第一次报送' } });
    const packed = await writePackage(input);
    expect(existsSync(`${file}.part`)).toBe(false);
    expect(packed.bytes).toBe(readFileSync(file).length);

    const opened = await openPackage(file, { key: keys.county, trust: trustAtCounty });
    expect(opened.authenticated).toBe(true);
    expect(opened.sender?.name).toBe('青山镇扶贫工作站');
    expect(opened.ref).toEqual(packed.ref);
    const seen: Record<string, unknown[]> = {};
    const atts: { size: number; sha: string }[] = [];
    let manifestMeta: unknown;
    const it = opened.entries();
    for (;;) {
      const r = await it.next();
      if (r.done) {
        expect(r.value).toEqual({ tables: [{ name: 'households', rows: 5000 }, { name: 'members', rows: 12000 }, { name: 'empty', rows: 0 }], attachments: 3, attachmentBytes: big.length + 1000 });
        break;
      }
      const e = r.value;
      if (e.type === 'manifest') manifestMeta = e.manifest.meta;
      if (e.type === 'table') seen[e.name] = [];
      if (e.type === 'rows') seen[e.table]!.push(...e.rows);
      if (e.type === 'attachment') {
        const h = createHash('sha256');
        for await (const piece of e.data) h.update(piece);
        atts.push({ size: e.size, sha: h.digest('hex') });
        expect(e.sha256).toBe(atts.at(-1)!.sha);
      }
    }
    expect(manifestMeta).toEqual({ township: '青山镇', note: '第一次报送' });
    expect(seen.households).toEqual(rows(5000, 'h'));
    expect(seen.members).toEqual(rows(12000, 'm'));
    expect(seen.empty).toEqual([]);
    expect(atts.map((a) => a.size)).toEqual([big.length, 1000, 0]);
    expect(atts[0]!.sha).toBe(createHash('sha256').update(big).digest('hex'));
  });

  it('stages tables as NDJSON and attachments under their UUID, sealed on disk, skipping unread attachment data safely', async () => {
    const file = join(dir, 'export.fpkg');
    const a = attachment(randomBytes(300_000));
    await writePackage(exportInput(file, [{ type: 'table', name: 'members', rows: rows(3, 'm') }, a]));
    const staged = await stagePackage(await openPackage(file, { key: keys.county, trust: trustAtCounty }), join(dir, 'stage'));
    expect(readdirSync(join(dir, 'stage'))).toEqual([staged.manifest.packageId]);
    const table = join(staged.dir, 'tables', 'members.ndjson');
    expect(readSealed(table, staged.key).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(rows(3, 'm'));
    // On disk the rows are not readable: sealed with a key that lives only in memory.
    expect(readFileSync(table).includes(Buffer.from(JSON.stringify(rows(3, 'm')[0]).slice(0, 12)))).toBe(false);
    expect(() => readSealed(table, randomBytes(32))).toThrow(/已被改动/);
    const id = (a as { id: string }).id;
    expect(createHash('sha256').update(readSealed(join(staged.dir, 'attachments', id), staged.key)).digest('hex')).toBe((a as { sha256: string }).sha256);

    // a consumer that ignores attachment data still gets every later entry, checked
    const opened = await openPackage(file, { key: keys.county, trust: trustAtCounty });
    const types: string[] = [];
    for await (const e of opened.entries()) types.push(e.type === 'rows' ? `rows×${e.rows.length}` : e.type);
    // the three rows, decrypted together, arrive as one batch
    expect(types).toEqual(['manifest', 'table', 'rows×3', 'attachment']);
  });

  it('is a standard age v1 payload: age-encryption itself decrypts it with the age identity', async () => {
    const file = join(dir, 'export.fpkg');
    await writePackage(exportInput(file, [{ type: 'table', name: 't', rows: [{ x: '档案' }] }]));
    const d = new Decrypter();
    d.addIdentity(ageIdentity(keys.county.encryptionSecret));
    const plain = await d.decrypt(splitFile(file).payload);
    expect(new TextDecoder().decode(plain)).toContain('"x":"档案"');
  });

  it('lets the sender reopen its own package (it is among the recipients) unless told not to', async () => {
    const own = join(dir, 'own.fpkg');
    await writePackage(exportInput(own, [{ type: 'table', name: 't', rows: [{ a: 1 }] }]));
    const self = memoryTrustStore([keys.township.publicKey]);
    expect((await openPackage(own, { key: keys.township, trust: self })).header.recipients).toContain(keys.township.publicKey.fingerprint);
    const notOwn = join(dir, 'not-own.fpkg');
    await writePackage(exportInput(notOwn, [], { includeSelf: false }));
    await expect(openPackage(notOwn, { key: keys.township, trust: self })).rejects.toThrow(/不是发给本机的/);
  });

  it('binds a county review result to the exact export it answers', async () => {
    const exported = await writePackage(exportInput(join(dir, 'export.fpkg'), [{ type: 'table', name: 't', rows: [{ a: 1 }] }]));
    const file = join(dir, 'review.fpkg');
    await writePackage({ file, sender: keys.county, kind: 'review-result', seq: 1, to: { recipients: [keys.township.publicKey] }, schemaVersion: 7, answersTo: exported.ref, entries: [{ type: 'table', name: 'opinions', rows: [{ result: '通过' }] }] });
    const sent = new Set([`${exported.ref.packageId}/${exported.ref.payloadSha256}`]);
    const answers = (r: { packageId: string; payloadSha256: string }) => sent.has(`${r.packageId}/${r.payloadSha256}`);
    const opened = await openPackage(file, { key: keys.township, trust: trustAtTownship, answers });
    expect(opened.header.answersTo).toEqual(exported.ref);
    const kinds: string[] = [];
    for await (const e of opened.entries()) kinds.push(e.type === 'manifest' ? (e.manifest.answersTo?.packageId ?? '') : e.type);
    expect(kinds).toEqual([exported.packageId, 'table', 'rows']);
  });

  it('refuses to make packages the reader would refuse', async () => {
    const file = join(dir, 'x.fpkg');
    const base = exportInput(file, []);
    await expect(writePackage({ ...base, kind: 'review-result', answersTo: { packageId: randomUUID(), payloadSha256: 'a'.repeat(64) } })).rejects.toThrow(/乡镇密钥不能签发“县级审核结果”/);
    await expect(writePackage({ ...base, sender: keys.county, kind: 'review-result', to: { recipients: [keys.township.publicKey] } })).rejects.toThrow(/必须注明所回复的数据包/);
    await expect(writePackage({ ...base, to: { recipients: [keys.township2.publicKey] } })).rejects.toThrow(/只能发给另一方/);
    await expect(writePackage({ ...base, to: { passphrase: '1234' } })).rejects.toThrow(/口令格式不对/);
    const wrongSize = { ...(attachment(randomBytes(100)) as Extract<EntrySource, { type: 'attachment' }>), size: 99 };
    await expect(writePackage({ ...base, entries: [wrongSize] })).rejects.toThrow(/附件 .* 的内容与档案中记录的不一致.*数据包没有生成/);
    await expect(writePackage({ ...base, entries: [{ ...wrongSize, id: '../../evil.exe' }] })).rejects.toThrow(/不是 UUID/);
    expect(readdirSync(dir)).toEqual([]); // no package, no .part
  });

  it('refuses to overwrite an existing file', async () => {
    const file = join(dir, 'x.fpkg');
    await writePackage(exportInput(file, []));
    const before = readFileSync(file);
    await expect(writePackage(exportInput(file, []))).rejects.toThrow(/文件已存在/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('passphrase packages', () => {
  let passphrase: string;
  beforeAll(() => {
    passphrase = generatePassphrase();
  });

  it('round-trips with the app-made passphrase, however it is spaced when typed back', async () => {
    const file = join(dir, 'p.fpkg');
    await writePackage({ ...exportInput(file, [{ type: 'table', name: 't', rows: [{ a: 1 }] }]), to: { passphrase }, scryptLogN: 10 });
    const typed = passphrase.replaceAll(' ', '-');
    const opened = await openPackage(file, { passphrase: typed, trust: trustAtCounty });
    expect(opened.header.encryption).toBe('passphrase');
    expect(opened.header.recipients).toEqual([]);
    expect(opened.authenticated).toBe(true); // signed by a registered key
    const types: string[] = [];
    for await (const e of opened.entries()) types.push(e.type);
    expect(types).toEqual(['manifest', 'table', 'rows']);
  });

  it('reports a package from an unregistered key as unauthenticated, and refuses it unless accepted', async () => {
    const file = join(dir, 'p.fpkg');
    await writePackage({ ...exportInput(file, [], { sender: keys.township2 }), to: { passphrase }, scryptLogN: 10 });
    const trust = memoryTrustStore([keys.township.publicKey]);
    await expect(openPackage(file, { passphrase, trust })).rejects.toThrow(/发送方（乡镇“绿水乡扶贫工作站”，指纹 \d{5}( \d{5}){5}）的密钥未在本机登记.*未认证.*逐组核对上面的指纹.*负责人确认/);
    const opened = await openPackage(file, { passphrase, trust, acceptUnauthenticated: true });
    expect(opened.authenticated).toBe(false);
    expect(opened.sender).toBeNull();
    expect(opened.senderFingerprint).toBe(keys.township2.publicKey.fingerprint);
  });
});

describe('progress and cancel', () => {
  it('reports progress in every phase, monotonic, ending at the total', async () => {
    const file = join(dir, 'x.fpkg');
    const packing: Progress[] = [];
    await writePackage(exportInput(file, [attachment(randomBytes(3_000_000))], { onProgress: (p) => packing.push(p) }));
    const phases = (ps: Progress[], phase: Progress['phase']) => ps.filter((p) => p.phase === phase).map((p) => p.done);
    expect(phases(packing, 'pack').at(-1)).toBeGreaterThan(3_000_000);
    const size = readFileSync(file).length - 8192;
    expect(phases(packing, 'verify').at(-1)).toBe(size);
    const reading: Progress[] = [];
    const opened = await openPackage(file, { key: keys.county, trust: trustAtCounty, onProgress: (p) => reading.push(p) });
    for await (const e of opened.entries()) if (e.type === 'attachment') for await (const _ of e.data);
    for (const phase of ['hash', 'decrypt'] as const) {
      const done = phases(reading, phase);
      expect(done.at(-1)).toBe(size);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(reading.filter((p) => p.phase === phase).every((p) => p.total === size)).toBe(true);
    }
  });

  it('cancelling a write leaves neither the package nor its .part', async () => {
    const file = join(dir, 'x.fpkg');
    const ac = new AbortController();
    const input = exportInput(file, [attachment(randomBytes(2_000_000), 20)], {
      signal: ac.signal,
      onProgress: (p) => {
        if (p.phase === 'pack' && p.done > 500_000) ac.abort();
      },
    });
    await expect(writePackage(input)).rejects.toThrow(/操作已取消/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('cancelling a read stops it with a message and stages nothing', async () => {
    const file = join(dir, 'x.fpkg');
    await writePackage(exportInput(file, [attachment(randomBytes(3_000_000))]));
    const ac = new AbortController();
    const opened = await openPackage(file, { key: keys.county, trust: trustAtCounty, signal: ac.signal, onProgress: (p) => p.phase === 'decrypt' && p.done > 0 && ac.abort() });
    await expect(stagePackage(opened, join(dir, 'stage'))).rejects.toThrow(/操作已取消/);
    expect(readdirSync(join(dir, 'stage'))).toEqual([]);
  });
});

describe('failures while writing (EXCHANGE-REFERENCE §8.12)', () => {
  it('a source that fails midway (stick pulled) leaves neither the package nor its .part', async () => {
    const file = join(dir, 'x.fpkg');
    const failing: EntrySource = {
      type: 'attachment',
      id: randomUUID(),
      sha256: 'a'.repeat(64),
      size: 3_000_000,
      data: (function* () {
        yield randomBytes(1_000_000);
        throw Object.assign(new Error('read error'), { code: 'EIO' });
      })(),
    };
    await expect(writePackage(exportInput(file, [failing]))).rejects.toThrow(/读写出错.*没有留下不完整的文件/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a folder that does not exist is reported as such', async () => {
    await expect(writePackage(exportInput(join(dir, '不存在', 'x.fpkg'), []))).rejects.toThrow(/文件夹不存在/);
  });

  it.each([
    ['ENOSPC', /^磁盘空间不足，无法在文件夹 (.*) 中保存 x\.fpkg（该磁盘剩余 .*）。没有留下不完整的文件。请腾出空间或换一个文件夹（U 盘）后重试。$/],
    ['EROFS', /^无法在文件夹 (.*) 中保存 x\.fpkg：该磁盘是只读的（U 盘的写保护开关？）/],
    ['EACCES', /^无法在文件夹 (.*) 中保存 x\.fpkg：没有写入权限/],
  ])('a stick failing with %s partway: the Chinese message names the folder, and nothing is left', async (code, message) => {
    injectWriteFault(code, 200_000);
    try {
      const err = (await writePackage(exportInput(join(dir, 'x.fpkg'), [attachment(randomBytes(3_000_000))])).catch((e: unknown) => e)) as Error;
      expect(err.message).toMatch(message);
      expect(message.exec(err.message)![1]).toBe(dir);
    } finally {
      injectWriteFault(null);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an error that is not the disk’s passes through as it is', () => {
    const other = new Error('x');
    expect(writeFailure(other, 'f')).toBe(other);
  });
});
