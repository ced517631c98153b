// EXCHANGE-REFERENCE §8.5, 8.9, 8.10 at the file level: hostile age stanzas, hostile entry ids
// and names, and declared sizes that do not fit — each refused before the work or the bytes it
// asks for, with nothing staged.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, toBase64NoPad } from './bytes.ts';
import { FRAME, frameHead, jsonFrame } from './frames.ts';
import type { Manifest, Summary } from './frames.ts';
import { generatePassphrase, memoryTrustStore, sanitizeDisplayName, writePackage } from './index.ts';
import type { OpenOptions } from './index.ts';
import { resign, testKeys, tryUnpack, writeRawPackage } from './testing.ts';

const keys = testKeys();
const atCounty: OpenOptions = { key: keys.county, trust: memoryTrustStore([keys.township.publicKey]) };
let dir: string;
let n = 0;
const fresh = () => join(dir, `case-${n++}.fpkg`);

async function refusedWith(path: string, message: RegExp, opts: OpenOptions = atCounty): Promise<void> {
  const { error, left } = await tryUnpack(path, opts, join(dir, `stage-${n++}`));
  expect(error?.message).toMatch(message);
  expect(left).toEqual([]);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fpkg-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rewrites the age header text (the start of the payload, up to and including the MAC line). */
function editAgeHeader(edit: (text: string) => string) {
  return (p: Uint8Array) => {
    const end = Buffer.from(p).indexOf('\n--- ') + 1 + 48;
    return concatBytes(new TextEncoder().encode(edit(new TextDecoder().decode(p.subarray(0, end)))), p.subarray(end));
  };
}

describe('age stanzas', () => {
  let keyed: string;
  let withPassphrase: string;
  const passphrase = generatePassphrase();
  beforeAll(async () => {
    keyed = join(dir, 'keyed.fpkg');
    withPassphrase = join(dir, 'passphrase.fpkg');
    const base = { sender: keys.township, kind: 'township-export' as const, seq: 1, schemaVersion: 1, entries: [] };
    await writePackage({ ...base, file: keyed, to: { recipients: [keys.county.publicKey] } });
    await writePackage({ ...base, file: withPassphrase, to: { passphrase }, scryptLogN: 10 });
  });

  for (const logN of [30, 21]) {
    it(`refuses a scrypt work factor of 2^${logN} without attempting it`, async () => {
      const file = fresh();
      resign(withPassphrase, file, keys.township, { payload: editAgeHeader((t) => t.replace(/(-> scrypt \S+) 10\n/, `$1 ${logN}\n`)) });
      await refusedWith(file, new RegExp(`口令计算量过大（2\\^${logN}，最多允许 2\\^20）.*没有尝试解开`), { ...atCounty, passphrase });
    });
  }

  it('refuses a scrypt stanza mixed with X25519 stanzas', async () => {
    const file = fresh();
    const scrypt = `-> scrypt ${toBase64NoPad(randomBytes(16))} 10\n${toBase64NoPad(randomBytes(32))}\n`;
    resign(keyed, file, keys.township, { payload: editAgeHeader((t) => t.replace('\n-> ', `\n${scrypt}-> `)) });
    await refusedWith(file, /口令加密不能与其他收件方混用/);
  });

  for (const size of [31, 33]) {
    it(`refuses an X25519 stanza body of ${size} bytes`, async () => {
      const file = fresh();
      resign(keyed, file, keys.township, { payload: editAgeHeader((t) => t.replace(/(-> X25519 \S+\n)\S+\n/, `$1${toBase64NoPad(randomBytes(size))}\n`)) });
      await refusedWith(file, /收件信息长度不是 32 字节/);
    });
  }

  it('refuses an all-zero X25519 share', async () => {
    const file = fresh();
    resign(keyed, file, keys.township, { payload: editAgeHeader((t) => t.replace(/-> X25519 \S+\n/, `-> X25519 ${toBase64NoPad(new Uint8Array(32))}\n`)) });
    await refusedWith(file, /加密信息不合规（收件信息不合规）/);
  });

  it('refuses other recipient types and non-canonical base64', async () => {
    const other = fresh();
    resign(keyed, other, keys.township, { payload: editAgeHeader((t) => t.replace('-> X25519', '-> ssh-ed25519')) });
    await refusedWith(other, /不支持的收件方类型“ssh-ed25519”/);
    const padded = fresh();
    resign(keyed, padded, keys.township, { payload: editAgeHeader((t) => t.replace(/(-> X25519 \S+)\n/, '$1=\n')) });
    await refusedWith(padded, /X25519 收件信息格式不对/);
  });

  it('refuses an age header that never ends within 16 KiB', async () => {
    const file = fresh();
    const lines = Array.from({ length: 400 }, () => `-> X25519 ${toBase64NoPad(randomBytes(32))}\n${toBase64NoPad(randomBytes(32))}\n`).join('');
    resign(keyed, file, keys.township, { payload: editAgeHeader((t) => t.replace('\n-> ', `\n${lines}-> `)) });
    await refusedWith(file, /收件方超过 16 个|加密头部不完整或过长/);
  });
});

const noSummary: Summary = { tables: [], attachments: 0, attachmentBytes: 0 };
const manifestFrame = (m: Manifest) => jsonFrame(FRAME.manifest, 'manifest', m);
const endFrame = (s: Summary = noSummary) => jsonFrame(FRAME.end, 'end', s);
const idFrame = (type: number, id: Uint8Array, size: bigint) => concatBytes(Uint8Array.of(type, id.length), id, bigU64(size));
function bigU64(v: bigint): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, v);
  return b;
}
function rowFrame(json: string): Uint8Array {
  const bytes = new TextEncoder().encode(json);
  return concatBytes(frameHead(FRAME.row, '', bytes.length), bytes);
}

async function rawPackage(plaintext: (m: Manifest) => Uint8Array[]): Promise<string> {
  const file = fresh();
  await writeRawPackage(file, { sender: keys.township, to: [keys.county], plaintext });
  return file;
}

describe('entries', () => {
  const uuid = randomUUID();
  const att = randomBytes(500);
  const attSha = createHash('sha256').update(att).digest();
  const cases: [string, (m: Manifest) => Uint8Array[], RegExp, Partial<OpenOptions>?][] = [
    ['no manifest first', (m) => [frameHead(FRAME.table, 't', 0), manifestFrame(m), endFrame()], /第一个条目不是清单/],
    ['a second manifest', (m) => [manifestFrame(m), manifestFrame(m), endFrame()], /清单出现了两次/],
    ['a manifest that does not match the header', (m) => [manifestFrame({ ...m, kind: 'review-result' }), endFrame()], /内容与封面不一致（类型不同）/],
    ['a manifest as deep as 100,000 arrays', () => [concatBytes(frameHead(FRAME.manifest, 'manifest', 200_000), new TextEncoder().encode('['.repeat(100_000) + ']'.repeat(100_000))), endFrame()], /清单不是有效的 JSON 对象/],
    ['a manifest over the size limit', (m) => [manifestFrame({ ...m, meta: { pad: 'x'.repeat(2000) } }), endFrame()], /清单过大/, { limits: { manifestBytes: 1000 } }],
    ['an unknown entry type', (m) => [manifestFrame(m), frameHead(0x10, 'x', 0), endFrame()], /未知的条目类型 16/],
    ['a row outside any table', (m) => [manifestFrame(m), rowFrame('{"a":1}'), endFrame()], /数据行不在任何表之内/],
    ['a row that is not a JSON object', (m) => [manifestFrame(m), frameHead(FRAME.table, 't', 0), rowFrame('[1,2]'), endFrame()], /表“t”第 1 行不是有效的 JSON 对象/],
    ['a row over the size limit', (m) => [manifestFrame(m), frameHead(FRAME.table, 't', 0), rowFrame(`{"a":"${'x'.repeat(200)}"}`), endFrame()], /第 1 行过大/, { limits: { rowBytes: 100 } }],
    ['a table twice', (m) => [manifestFrame(m), frameHead(FRAME.table, 't', 0), frameHead(FRAME.table, 't', 0), endFrame()], /表“t”出现了两次/],
    ['a table not on the allow-list', (m) => [manifestFrame(m), frameHead(FRAME.table, 'secrets', 0), endFrame()], /不接受的表“secrets”/, { tables: (t) => t === 'households' }],
    ['10^7 tiny entries (limit lowered to 50)', (m) => [manifestFrame(m), frameHead(FRAME.table, 't', 0), ...Array.from({ length: 60 }, () => rowFrame('{}')), endFrame()], /条目超过 50 个/, { limits: { entries: 50 } }],
    ['an attachment declaring 16 EiB', (m) => [manifestFrame(m), idFrame(FRAME.attachment, new TextEncoder().encode(uuid), 2n ** 64n - 1n), endFrame()], /声明 18446744073709551615 字节，超过剩余的 \d+ 字节/],
    ['an attachment declaring more than what remains', (m) => [manifestFrame(m), concatBytes(frameHead(FRAME.attachment, uuid, 32 + 100_000), attSha, att), endFrame()], /声明 100032 字节，超过剩余的 \d+ 字节/],
    ['an attachment over the size limit', (m) => [manifestFrame(m), concatBytes(frameHead(FRAME.attachment, uuid, 32 + att.length), attSha, att), endFrame({ ...noSummary, attachments: 1, attachmentBytes: 500 })], /附件 .* 的大小超出限制（最多 100 字节）/, { limits: { attachmentBytes: 100 } }],
    ['an attachment whose bytes do not match its hash', (m) => [manifestFrame(m), concatBytes(frameHead(FRAME.attachment, uuid, 32 + att.length), new Uint8Array(32), att), endFrame({ ...noSummary, attachments: 1, attachmentBytes: 500 })], /内容与其校验值不符/],
    ['the same attachment id twice', (m) => [manifestFrame(m), ...[1, 2].map(() => concatBytes(frameHead(FRAME.attachment, uuid, 32 + att.length), attSha, att)), endFrame({ ...noSummary, attachments: 2, attachmentBytes: 1000 })], /出现了两次/],
    ['an end summary that does not match', (m) => [manifestFrame(m), frameHead(FRAME.table, 't', 0), rowFrame('{}'), endFrame({ ...noSummary, tables: [{ name: 't', rows: 2 }] })], /条目数与实际不符/],
    ['no end entry', (m) => [manifestFrame(m), frameHead(FRAME.table, 't', 0)], /条目不完整/],
    ['bytes after the end entry', (m) => [manifestFrame(m), endFrame(), Uint8Array.of(0)], /结束标记之后还有数据/],
  ];
  for (const [what, plaintext, message, opts] of cases) {
    it(`refuses ${what}`, async () => {
      await refusedWith(await rawPackage(plaintext), message, { ...atCounty, ...opts });
    });
  }

  const hostileIds = ['../../AppData/Roaming/evil.exe', 'C:\\Windows\\x', '\\\\?\\C:\\x', 'CON', 'aux.txt', `${uuid}.`, uuid.toUpperCase(), `${uuid}/../x`, 'a'.repeat(255)];
  for (const id of hostileIds) {
    it(`refuses the attachment id ${JSON.stringify(id.slice(0, 40))}`, async () => {
      const file = await rawPackage((m) => [manifestFrame(m), concatBytes(frameHead(FRAME.attachment, id, 32 + att.length), attSha, att), endFrame({ ...noSummary, attachments: 1, attachmentBytes: 500 })]);
      await refusedWith(file, /附件编号“.*”不是 UUID/);
    });
  }

  for (const bytes of [new TextEncoder().encode(`${uuid}\u202e`), Uint8Array.of(0x2e, 0x2e, 0x2f, 0x00), Uint8Array.of(0x20)]) {
    it(`refuses an entry id with bytes ${Buffer.from(bytes.slice(-4)).toString('hex')} (control, NUL, RTL override, space)`, async () => {
      const file = await rawPackage((m) => [manifestFrame(m), idFrame(FRAME.attachment, bytes, 32n), new Uint8Array(32), endFrame()]);
      await refusedWith(file, /条目编号“.*”含有非法字符/);
    });
  }

  for (const name of ['../x', 'CON.', 'Households', 'a b', 'x'.repeat(64), '1abc', 'a/b']) {
    it(`refuses the table name ${JSON.stringify(name.slice(0, 20))}`, async () => {
      const file = await rawPackage((m) => [manifestFrame(m), frameHead(FRAME.table, name, 0), endFrame()]);
      await refusedWith(file, /表名“.*”不合规|含有非法字符/);
    });
  }

  it('accepts the same hand-built stream when it is well-formed (the cases above are not refused for another reason)', async () => {
    const file = await rawPackage((m) => [manifestFrame(m), frameHead(FRAME.table, 't', 0), rowFrame('{"a":1}'), concatBytes(frameHead(FRAME.attachment, uuid, 32 + att.length), attSha, att), endFrame({ tables: [{ name: 't', rows: 1 }], attachments: 1, attachmentBytes: 500 })]);
    const { error, left } = await tryUnpack(file, atCounty, join(dir, `stage-${n++}`));
    expect(error).toBeNull();
    expect(left).toHaveLength(1);
  });
});

describe('display names of attachments', () => {
  const cases: [string, string][] = [
    ['../../AppData/Roaming/evil.exe', 'evil.exe'],
    ['C:\\Windows\\x', 'x'],
    ['\\\\?\\C:\\scan.pdf', 'scan.pdf'],
    ['CON', '_CON'],
    ['aux.txt', '_aux.txt'],
    ['照片.jpg. . .', '照片.jpg'],
    ['a\u0000b.pdf', 'ab.pdf'],
    ['invoice\u202Egpj.exe', 'invoicegpj.exe'],
    ['', '未命名附件'],
    ['..', '未命名附件'],
    ['e\u0301.png', '\u00e9.png'],
  ];
  for (const [raw, shown] of cases) {
    it(`shows ${JSON.stringify(raw)} as ${JSON.stringify(shown)}`, () => {
      expect(sanitizeDisplayName(raw)).toBe(shown);
    });
  }

  it('cuts 300-character names to 80, keeping the extension', () => {
    const s = sanitizeDisplayName(`${'档'.repeat(300)}.pdf`);
    expect(Array.from(s)).toHaveLength(80);
    expect(s.endsWith('….pdf')).toBe(true);
  });
});
