// What the archive-level import refuses (EXCHANGE-REFERENCE §8.6–8.9, 8.13): each case asserts the
// Chinese message and that the receiving archive is unchanged (archiveChecksum) — unregistered and
// revoked keys, a township key signing a review result, a tampered file, replays and rollbacks, the
// same package id with other content, hostile rows — plus the passphrase fallback and the
// township's own check before packing.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '../../db/handles.ts';
import { insertExchangeKey } from '../../db/repos/exchange-keys.ts';
import { allBlobs, openSnapshot, townshipRefs, travellingRows } from '../../db/repos/exchange-snapshot.ts';
import { sqlValue, tempDir } from '../../db/testing.ts';
import { initArchive } from '../archive.ts';
import { addAttachment } from '../attachments.ts';
import { generateKeyPair, writePackage } from '../exchange/index.ts';
import type { EntrySource, KeyPair, PublicKeyRecord } from '../exchange/index.ts';
import type { JsonObject } from '../exchange/canonical.ts';
import { flipBit, writeRawPackage } from '../exchange/testing.ts';
import { packTownship } from './export.ts';
import { listKeys, revokeKey, trustKey } from './keys.ts';
import { createOwnKey, ownKey } from './own-key.ts';
import { listPackages } from './log.ts';
import type { Row } from './rows.ts';
import { TABLES } from './tables.ts';
import { countyActor, makePair, makeTownship, publicFileOf, refusal, townshipActor } from './testing.ts';
import type { Pair } from './testing.ts';
import { unpackPackage } from './unpack.ts';

let p: Pair;
let tKey: KeyPair;
let cPublic: PublicKeyRecord;
let attachmentId: string;
let seqs = 100;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 7)]);

beforeAll(async () => {
  p = await makePair(tempDir('relief-exchange-refuse-'));
  const household = sqlValue(p.township, 'SELECT id FROM households LIMIT 1') as string;
  attachmentId = addAttachment(p.township.db, townshipActor, { ownerTable: 'households', ownerId: household, originalName: '入户照片.png', caption: null, dataBase64: PNG.toString('base64') }).id;
  tKey = ownKey(p.township);
  cPublic = ownKey(p.county).publicKey;
}, 60_000);
afterAll(() => {
  p.township.close();
  p.county.close();
  rmSync(p.dir, { recursive: true, force: true });
});

/** A township export made by hand from the township's rows, with `mutate` applied: what no honest app would send. */
async function hostile(name: string, mutate: (table: string, row: Row) => Row | null, extra: EntrySource[] = [], opts: { packageId?: string; seq?: number; sender?: KeyPair } = {}): Promise<string> {
  const file = join(p.dir, name);
  const snap = openSnapshot(p.township.file, p.township.key);
  try {
    const township = { ...townshipRefs(snap.db, 1)[0]! };
    const entries: EntrySource[] = TABLES.map((t) => {
      const rows = [...travellingRows(snap.db, t.name)].map((r) => mutate(t.name, r)).filter((r): r is Row => r !== null) as JsonObject[];
      return { type: 'table', name: t.name, rows };
    });
    const { entryIdOf } = await import('./export.ts');
    for (const b of allBlobs(snap.db)) entries.push({ type: 'attachment', id: entryIdOf(b.sha256), sha256: b.sha256, size: b.size, data: [b.data] });
    await writePackage({
      file,
      sender: opts.sender ?? tKey,
      kind: 'township-export',
      seq: opts.seq ?? ++seqs,
      to: { recipients: [cPublic] },
      entries: [...entries, ...extra],
      schemaVersion: p.township.schemaVersion,
      meta: { scope: 'all', batchIds: [], township },
      ...(opts.packageId ? { packageId: opts.packageId } : {}),
    });
  } finally {
    snap.close();
  }
  return file;
}

const stagingLeft = (): string[] => (existsSync(join(p.dir, '.交换暂存')) ? readdirSync(join(p.dir, '.交换暂存')) : []);

describe('rows the county refuses, with nothing written', () => {
  it.each([
    ['a wrong ID check digit', 'members', (r: Row) => ({ ...r, id_number: `${(r.id_number as string).slice(0, 17)}${(r.id_number as string)[17] === '0' ? '1' : '0'}` }), /身份证号校验位错误/],
    ['an unknown status', 'households', (r: Row) => ({ ...r, status: 'rich' }), /状态取值不在允许范围内/],
    ['a reference to nowhere', 'members', (r: Row) => ({ ...r, household_id: '00000000-0000-4000-8000-000000000000' }), /所属农户指向的记录不在数据包中/],
    ['a path-like attachment name', 'attachments', (r: Row) => ({ ...r, original_name: '../../AppData/Roaming/evil.exe' }), /文件名含有路径符号/],
    ['a device name as attachment name', 'attachments', (r: Row) => ({ ...r, original_name: 'aux.txt' }), /设备名/],
    ['negative money', 'incomes', (r: Row) => ({ ...r, wage_fen: -100 }), /金额应为不小于0的整数/],
    ['fractional fen', 'incomes', (r: Row) => ({ ...r, wage_fen: 100.5 }), /类型不对/],
    ['an impossible date', 'status_history', (r: Row) => ({ ...r, effective_on: '2026-02-30' }), /日期格式/],
    ['an extra column', 'households', (r: Row) => ({ ...r, evil: 1 }), /多出了未知的列/],
    ['a record id that is a path', 'villages', (r: Row) => ({ ...r, id: '../x' }), /记录编号格式不对/],
  ])('%s', async (_what, table, change, message) => {
    let done = false;
    const file = await hostile(`hostile-${table}-${seqs}.fpkg`, (t, r) => {
      if (t !== table || done || (table === 'members' && !r.id_number)) return r;
      done = true;
      return change(r);
    });
    const r = await refusal(p.county, () => unpackPackage(p.county, countyActor, file));
    expect(r.error.message).toMatch(/不合规，整个数据包不予导入，档案没有任何改动/);
    expect([r.error.message, ...r.error.details].join('\n')).toMatch(message);
    expect(r.unchanged).toBe(true);
    expect(stagingLeft()).toEqual([]);
  });

  // The field catalogue's limits (shared/fields/limits.ts), as the editor and the import apply
  // them: values signed by a registered township key and still refused, naming household and field.
  const householdNo = () => sqlValue(p.township, 'SELECT no FROM households WHERE id = (SELECT household_id FROM members ORDER BY id LIMIT 1)') as string;
  const firstHouseholdNo = () => sqlValue(p.township, 'SELECT no FROM households ORDER BY id LIMIT 1') as string;
  it.each<[string, string, (r: Row) => Row, () => string, RegExp]>([
    ['a 10,000-character member name', 'members', (r: Row) => ({ ...r, name: '张'.repeat(10_000) }), () => `家庭成员 ${'张'.repeat(40)}…（`, /（户编号 ([^）]+)）：姓名不能超过20个字/],
    ['U+202E in a member name', 'members', (r: Row) => ({ ...r, name: '张\u202E三' }), () => '家庭成员 张[U+202E]三', /（户编号 ([^）]+)）：姓名含有看不见的控制字符（U\+202E）/],
    ['a formula as phone', 'households', (r: Row) => ({ ...r, phone: "=cmd|' /C calc'!A0" }), () => `农户 户编号 ${firstHouseholdNo()}：`, /联系电话不能超过13个字/],
    ['more than two 其他致贫原因', 'households', (r: Row) => ({ ...r, other_causes: ['缺技术', '缺资金', '缺劳力'] }), () => `农户 户编号 ${firstHouseholdNo()}：`, /其他致贫原因最多选2项/],
    ['a household of 31', 'incomes', (r: Row) => ({ ...r, household_size: 31 }), () => '收入 ', /年（户编号 ([^）]+)）：家庭人口数应为1到30之间的整数/],
  ])('%s (the catalogue limit)', async (_what, table, change, starts, message) => {
    let done = false;
    let changedHousehold: unknown = null;
    const file = await hostile(`limit-${table}-${seqs}.fpkg`, (t, r) => {
      if (t !== table || done || (table === 'members' && r.id !== sqlValue(p.township, 'SELECT id FROM members ORDER BY id LIMIT 1'))) return r;
      if (table === 'households' && r.no !== firstHouseholdNo()) return r;
      done = true;
      changedHousehold = r.household_id ?? r.id;
      return change(r);
    });
    expect(done).toBe(true);
    const r = await refusal(p.county, () => unpackPackage(p.county, countyActor, file));
    expect(r.error.message).toMatch(/不合规，整个数据包不予导入，档案没有任何改动/);
    const first = r.error.details[0]!;
    expect(first.startsWith(starts())).toBe(true);
    expect(first).toMatch(message);
    const no = sqlValue(p.township, 'SELECT no FROM households WHERE id = ?', changedHousehold) as string;
    if (table !== 'households') expect(first).toContain(`（户编号 ${no}）`);
    if (table === 'members') expect(no).toBe(householdNo());
    expect(r.unchanged).toBe(true);
    expect(stagingLeft()).toEqual([]);
  });

  it('an attachment row whose content is not in the package', async () => {
    const file = await hostile('no-blob.fpkg', (t, r) => (t === 'attachments' ? { ...r, sha256: 'ab'.repeat(32) } : r));
    const r = await refusal(p.county, () => unpackPackage(p.county, countyActor, file));
    expect(r.error.details.join('\n')).toMatch(/数据包中没有这份附件的内容/);
    expect(r.unchanged).toBe(true);
  });

  it('a full snapshot missing a table', async () => {
    const without = join(p.dir, 'missing-members.fpkg');
    const snap = openSnapshot(p.township.file, p.township.key);
    try {
      const township = { ...townshipRefs(snap.db, 1)[0]! };
      await writePackage({
        file: without,
        sender: tKey,
        kind: 'township-export',
        seq: ++seqs,
        to: { recipients: [cPublic] },
        entries: TABLES.filter((t) => t.name !== 'members' && t.name !== 'attachments').map((t) => ({ type: 'table' as const, name: t.name, rows: [] })),
        schemaVersion: 1,
        meta: { scope: 'all', batchIds: [], township },
      });
    } finally {
      snap.close();
    }
    const r = await refusal(p.county, () => unpackPackage(p.county, countyActor, without));
    expect(r.error.message).toMatch(/缺少 家庭成员、档案资料 等表/);
    expect(r.unchanged).toBe(true);
  });
});

describe('packages the county refuses before decrypting or applying', () => {
  let good: string;
  let goodId: string;

  it('imports an honest package (with an attachment) first', async () => {
    good = join(p.dir, 'good.fpkg');
    const packed = await packTownship(p.township, townshipActor, { type: 'all' }, { out: good });
    goodId = packed.packageId;
    expect(packed.attachments).toBe(1);
    const r = await unpackPackage(p.county, countyActor, good);
    expect(r).toMatchObject({ applied: true, attachments: { added: 1, bytes: PNG.length } });
    expect(sqlValue(p.county, 'SELECT original_name FROM attachments WHERE id = ?', attachmentId)).toBe('入户照片.png');
    expect((sqlValue(p.county, 'SELECT data FROM blobs') as Buffer).equals(PNG)).toBe(true);
  });

  it('a flipped bit in the payload', async () => {
    const bad = join(p.dir, 'flipped.fpkg');
    await packTownship(p.township, townshipActor, { type: 'all' }, { out: join(p.dir, 'to-flip.fpkg') });
    flipBit(join(p.dir, 'to-flip.fpkg'), -100, bad);
    const r = await refusal(p.county, () => unpackPackage(p.county, countyActor, bad));
    expect(r.error.message).toMatch(/校验值不符：文件已损坏或被改动，没有解密/);
    expect(r.unchanged).toBe(true);
    expect(stagingLeft()).toEqual([]);
  });

  it('an older package after a newer one (rollback)', async () => {
    const older = join(p.dir, 'older.fpkg');
    const newer = join(p.dir, 'newer.fpkg');
    await packTownship(p.township, townshipActor, { type: 'all' }, { out: older });
    await packTownship(p.township, townshipActor, { type: 'all' }, { out: newer });
    await unpackPackage(p.county, countyActor, newer);
    const r = await refusal(p.county, () => unpackPackage(p.county, countyActor, older));
    expect(r.error.message).toMatch(/这是旧的或重复的数据包，不能导入/);
    expect(r.unchanged).toBe(true);
  });

  it('the same package id with other content, loudly', async () => {
    const twin = await hostile('twin.fpkg', (_t, r) => r, [], { packageId: goodId, seq: 10_000 });
    const r = await refusal(p.county, () => unpackPackage(p.county, countyActor, twin));
    expect(r.error.message).toMatch(/^警告：.*编号.*相同，内容却不同/);
    expect(r.unchanged).toBe(true);
  });

  it('a package from an unregistered township', async () => {
    const other = await makeTownship(p.dir, { name: '白马镇', code: '511923102000', seed: 'other', households: 10 });
    try {
      trustKey(other, townshipActor, { file: publicFileOf(p.county), checkedBy: '李会计' });
      const file = join(p.dir, 'unregistered.fpkg');
      await packTownship(other, townshipActor, { type: 'all' }, { out: file });
      const r = await refusal(p.county, () => unpackPackage(p.county, countyActor, file));
      expect(r.error.message).toMatch(/公钥没有在本机登记，无法确认来源，不能导入/);
      expect(r.unchanged).toBe(true);

      // Passphrase fallback: refused as unauthenticated, unless the supervisor accepts it.
      const byPhrase = join(p.dir, 'passphrase.fpkg');
      const packed = await packTownship(other, townshipActor, { type: 'all' }, { out: byPhrase, passphrase: true, scryptLogN: 10 });
      expect(packed.passphrase).toMatch(/^(\d{4} ){7}\d{4}$/);
      const r2 = await refusal(p.county, () => unpackPackage(p.county, countyActor, byPhrase, { passphrase: packed.passphrase }));
      expect(r2.error.message).toMatch(/未认证/);
      expect(r2.unchanged).toBe(true);
      const wrong = await refusal(p.county, () => unpackPackage(p.county, countyActor, byPhrase, { passphrase: '1234 '.repeat(8), acceptUnauthenticated: true }));
      expect(wrong.error.message).toMatch(/口令不对/);
      expect(wrong.unchanged).toBe(true);
      const ok = await unpackPackage(p.county, countyActor, byPhrase, { passphrase: packed.passphrase, acceptUnauthenticated: true });
      expect(ok).toMatchObject({ applied: true, authenticated: false, township: { name: '白马镇' } });
      expect(ok.notes.join()).toMatch(/未认证/);

      // Registered later, 白马镇's key still cannot send 青山镇's data.
      trustKey(p.county, countyActor, { file: publicFileOf(other), checkedBy: '王科长' });
      const posing = await hostile('posing.fpkg', (_t, row) => row, [], { sender: ownKey(other) });
      const r3 = await refusal(p.county, () => unpackPackage(p.county, countyActor, posing));
      expect(r3.error.message).toMatch(/“青山镇”的数据只接受其登记的密钥/);
      expect(r3.unchanged).toBe(true);
    } finally {
      other.close();
    }
  });

  it('a revoked key beyond the last package accepted', async () => {
    const fp = tKey.publicKey.fingerprint;
    revokeKey(p.county, countyActor, { fingerprint: fp, reason: '工作站电脑被盗' });
    expect(listKeys(p.county).find((k) => k.fingerprint === fp)).toMatchObject({ status: 'revoked' });
    const file = join(p.dir, 'after-revoke.fpkg');
    await packTownship(p.township, townshipActor, { type: 'all' }, { out: file });
    const r = await refusal(p.county, () => unpackPackage(p.county, countyActor, file));
    expect(r.error.message).toMatch(/由已吊销的密钥签发/);
    expect(r.unchanged).toBe(true);
  });
});

describe('the township side', () => {
  it('refuses a review result signed by a township key', async () => {
    const impostor = generateKeyPair({ role: 'township', name: '冒充县级' });
    // Even registered here (by mistake), a township key may not sign review results.
    writeTransaction(p.township.db, (w) =>
      insertExchangeKey(w, { fingerprint: impostor.publicKey.fingerprint, role: 'township', name: impostor.publicKey.name, org: null, signingKey: impostor.publicKey.signingKey, encryptionKey: impostor.publicKey.encryptionKey, record: {}, createdAt: impostor.publicKey.createdAt, checkedBy: 'x', checkedAt: 'x', method: 'x', status: 'active', revokedAt: null, revokedBy: null, revokedReason: null, validThroughSeq: null, lastAcceptedSeq: null, townshipId: null }),
    );
    const out = listPackages(p.township.db, 'out', 1)[0]!;
    const sent = { packageId: out.packageId, payloadSha256: out.payloadSha256 };
    const file = join(p.dir, 'impostor-review.fpkg');
    await writeRawPackage(file, { sender: impostor, to: [tKey], kind: 'review-result', answersTo: sent, plaintext: () => [] });
    const r = await refusal(p.township, () => unpackPackage(p.township, townshipActor, file));
    expect(r.error.message).toMatch(/只能由县级密钥签发，但它由乡镇密钥签发/);
    expect(r.unchanged).toBe(true);
  });

  it('refuses a township export (it takes only review results)', async () => {
    const r = await refusal(p.township, () => unpackPackage(p.township, townshipActor, join(p.dir, 'good.fpkg')));
    expect(r.error.message).toMatch(/乡镇档案只导入县级的审核结果/);
    expect(r.unchanged).toBe(true);
  });

  it('will not pack rows the county would refuse, and leaves no file', async () => {
    const dir = tempDir('relief-exchange-planted-');
    const a = initArchive({ file: join(dir, '有问题.db'), name: '有问题镇', code: '511922109000', province: '四川省' }, townshipActor);
    try {
      const { generateDemo } = await import('../demo/index.ts');
      generateDemo(a, { villages: 1, households: 20, seed: 'planted', asOf: '2026-11-24', actor: townshipActor }); // with the planted wrong check digit
      await createOwnKey(a, townshipActor, '有问题镇');
      const phases: [string, number][] = [];
      const r = await refusal(a, () => packTownship(a, townshipActor, { type: 'all' }, { out: join(dir, 'x.fpkg'), passphrase: true, scryptLogN: 10, onProgress: (label, f) => phases.push([label, f]) }));
      // Named with its household, and refused before any table was read into the package.
      expect(r.error.message).toMatch(/记录不合规，县级会拒收，数据包没有生成：家庭成员 .*（户编号 \d+）：身份证号校验位错误/);
      expect(phases.filter(([label, f]) => label.startsWith('打包：读取并加密档案') && f > 0)).toEqual([]);
      expect(readdirSync(dir).filter((f) => f.includes('.fpkg'))).toEqual([]);
    } finally {
      a.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
