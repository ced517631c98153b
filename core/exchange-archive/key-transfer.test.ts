// Moving a key pair to a new PC: exported to a passphrase-protected file (nothing secret in it
// in clear), imported into a fresh archive that then packs and unpacks with it; and each refusal
// (wrong passphrase, not a key export, the other side's key, an archive with another key) in
// Chinese, with the archive and the file unchanged.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Encrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../db/testing.ts';
import { initArchive } from '../archive.ts';
import type { Archive } from '../archive.ts';
import { generateKeyPair, saveKeyPair } from '../exchange/index.ts';
import { ageIdentity, ageRecipient } from '../exchange/keys.ts';
import { injectWriteFault } from '../files/atomic-write.ts';
import { x25519 } from '@noble/curves/ed25519.js';
import { packTownship } from './export.ts';
import { exportKeyPair, importKeyFolder, importKeyPair } from './key-transfer.ts';
import { trustKey } from './keys.ts';
import { createOwnKey, ownKey } from './own-key.ts';
import { countyActor, makePair, publicFileOf, refusal, townshipActor } from './testing.ts';
import type { Pair } from './testing.ts';
import { unpackPackage } from './unpack.ts';

const PASS = '青山镇 2026 密钥导出口令';
const LOG_N = 10; // tests only: the app uses the package work factor

let p: Pair;
let root: string;
let tExport: string;
let cExport: string;
/** Fresh archives "on the new PC". */
let newPc: string;

beforeAll(async () => {
  root = tempDir('relief-key-transfer-');
  mkdirSync(join(root, 'old'));
  p = await makePair(join(root, 'old'), 10);
  newPc = join(root, 'new');
  mkdirSync(newPc);
  tExport = join(root, '青山镇密钥.age');
  cExport = join(root, '示例县密钥.age');
}, 60_000);
afterAll(() => {
  p.township.close();
  p.county.close();
  rmSync(root, { recursive: true, force: true });
});

/** What a refused import says, and whether both the archive and the export file stayed as they were. */
async function refusedImport(a: Archive, file: string, passphrase: string) {
  const bytes = readFileSync(file);
  const r = await refusal(a, () => importKeyPair(a, townshipActor, { file, passphrase }));
  return { message: r.error.message, unchanged: r.unchanged && readFileSync(file).equals(bytes) };
}

describe('key export and import', () => {
  it('exports to a passphrase-protected file with nothing secret in clear', async () => {
    const r = await exportKeyPair(p.township, townshipActor, { out: tExport, passphrase: PASS, scryptLogN: LOG_N });
    expect(r.key.fingerprint.replaceAll(' ', '')).toBe(ownKey(p.township).publicKey.fingerprint);
    expect(r.notes.join()).toMatch(/口令与文件分开保管/);
    const bytes = readFileSync(tExport);
    expect(bytes.subarray(0, 40).toString()).toMatch(/^age-encryption\.org\/v1\n-> scrypt /);
    const k = ownKey(p.township);
    for (const s of [Buffer.from(k.signingSecret), Buffer.from(Buffer.from(k.signingSecret).toString('base64')), Buffer.from(ageIdentity(k.encryptionSecret)), Buffer.from('青山镇')]) {
      expect(bytes.includes(s)).toBe(false);
    }
    await exportKeyPair(p.county, countyActor, { out: cExport, passphrase: PASS, scryptLogN: LOG_N });
  });

  it('refuses a short passphrase and an existing file, writing nothing', async () => {
    const out = join(root, '短口令.age');
    const short = await refusal(p.township, () => exportKeyPair(p.township, townshipActor, { out, passphrase: '12345678901', scryptLogN: LOG_N }));
    expect(short.error.message).toMatch(/口令太短：至少 12 个字符/);
    const exists = await refusal(p.township, () => exportKeyPair(p.township, townshipActor, { out: tExport, passphrase: PASS, scryptLogN: LOG_N }));
    expect(exists.error.message).toMatch(/文件已存在/);
    expect(exists.unchanged).toBe(true);
  });

  it('a full stick: the key export says so in Chinese and leaves neither the file nor a .part', async () => {
    const stick = join(root, 'full-stick');
    mkdirSync(stick);
    injectWriteFault('ENOSPC');
    try {
      const full = await refusal(p.township, () => exportKeyPair(p.township, townshipActor, { out: join(stick, 'key.age'), passphrase: PASS, scryptLogN: LOG_N }));
      expect(full.error.message).toMatch(/^磁盘空间不足，无法在文件夹 .*full-stick 中保存 key\.age/);
      expect(full.unchanged).toBe(true);
    } finally {
      injectWriteFault(null);
    }
    expect(readdirSync(stick)).toEqual([]);
  });

  it('imports into a fresh archive on the new PC, which then packs for the county and the county unpacks', async () => {
    const t2 = initArchive({ file: join(newPc, '青山镇.db'), name: '青山镇', code: '511922101000', county: '示例县', province: '四川省' }, townshipActor);
    const c2 = initArchive({ file: join(newPc, '示例县.db'), name: '示例县', role: 'county', province: '四川省' }, countyActor);
    try {
      const r = await importKeyPair(t2, townshipActor, { file: tExport, passphrase: PASS });
      expect(r).toMatchObject({ added: true, key: { role: 'township', name: '青山镇扶贫工作站' } });
      expect(ownKey(t2).signingSecret).toEqual(ownKey(p.township).signingSecret);
      expect((await importKeyPair(c2, countyActor, { file: cExport, passphrase: PASS })).added).toBe(true);
      // The same key again: nothing to do, nothing changed.
      const again = await importKeyPair(t2, townshipActor, { file: tExport, passphrase: PASS });
      expect(again).toMatchObject({ added: false, notes: ['本档案已有这把密钥，没有任何改动。'] });

      // The old county (which registered the old PC's key) takes the new PC's package; so does the county's new PC.
      trustKey(t2, townshipActor, { file: publicFileOf(p.county), checkedBy: '李会计' });
      const out = join(newPc, '报送.fpkg');
      await packTownship(t2, townshipActor, { type: 'all' }, { out });
      expect((await unpackPackage(p.county, countyActor, out)).applied).toBe(true);
      trustKey(c2, countyActor, { file: publicFileOf(t2), checkedBy: '王科长' });
      const onNew = await unpackPackage(c2, countyActor, out);
      expect(onNew).toMatchObject({ applied: true, authenticated: true });
    } finally {
      t2.close();
      c2.close();
    }
  });

  it('refuses, with nothing changed: wrong passphrase, not a key export, the other side’s key, another key already there', async () => {
    const fresh = initArchive({ file: join(newPc, '白马镇.db'), name: '白马镇', code: '511923102000', province: '四川省' }, townshipActor);
    try {
      const wrong = await refusedImport(fresh, tExport, '不是这个口令不是这个口令');
      expect(wrong.message).toMatch(/口令不对，解不开密钥导出文件/);
      expect(wrong.unchanged).toBe(true);

      const publicJson = publicFileOf(p.township);
      const garbage = join(root, 'garbage.age');
      writeFileSync(garbage, 'age-encryption.org/v1\n-> scrypt but nothing else');
      const toKey = join(root, 'x25519.age');
      const e = new Encrypter();
      e.addRecipient(ageRecipient(x25519.getPublicKey(x25519.utils.randomSecretKey())));
      writeFileSync(toKey, await e.encrypt('{"format":"fupin-key-export/v1"}'));
      const notExport = join(root, 'not-export.age');
      const e2 = new Encrypter();
      e2.setScryptWorkFactor(LOG_N);
      e2.setPassphrase(PASS);
      writeFileSync(notExport, await e2.encrypt('{"hello":"world"}'));
      for (const file of [publicJson, garbage, toKey, notExport]) {
        const r = await refusedImport(fresh, file, PASS);
        expect(r.message, file).toMatch(/不是扶贫档案的密钥导出文件/);
        expect(r.unchanged, file).toBe(true);
      }

      const cut = join(root, 'cut.age');
      const whole = readFileSync(tExport);
      writeFileSync(cut, whole.subarray(0, whole.length - 5));
      const damaged = await refusedImport(fresh, cut, PASS);
      expect(damaged.message).toMatch(/已损坏或被改动，不能导入/);
      expect(damaged.unchanged).toBe(true);

      const county = await refusedImport(fresh, cExport, PASS);
      expect(county.message).toMatch(/里是县级密钥（示例县乡村振兴局），而本档案是乡镇档案：只能导入本方（乡镇）的密钥。档案没有任何改动/);
      expect(county.unchanged).toBe(true);

      await createOwnKey(fresh, townshipActor, '白马镇扶贫工作站');
      const other = await refusedImport(fresh, tExport, PASS);
      expect(other.message).toMatch(/本档案已有另一把本方密钥（白马镇扶贫工作站，指纹 [\d ]+），与 .* 里的密钥（指纹 [\d ]+）不同，没有导入/);
      expect(other.message).toMatch(/请把它导入一个还没有本方密钥的档案/);
      expect(other.unchanged).toBe(true);
    } finally {
      fresh.close();
    }
  });

  it('brings in a clear folder made by keys new --out, then wipes its private.json', () => {
    const a = initArchive({ file: join(newPc, '绿水乡.db'), name: '绿水乡', code: '511923103000', province: '四川省' }, townshipActor);
    try {
      const pair = generateKeyPair({ role: 'township', name: '绿水乡' });
      const keyDir = join(newPc, '绿水乡密钥');
      saveKeyPair(keyDir, pair);
      const r = importKeyFolder(a, townshipActor, keyDir);
      expect(r.added).toBe(true);
      expect(r.notes.join()).toMatch(/已抹去/);
      expect(ownKey(a).publicKey.fingerprint).toBe(pair.publicKey.fingerprint);
      expect(readFileSync(join(keyDir, '说明.txt'), 'utf8')).toMatch(/已于/);
      expect(() => importKeyFolder(a, townshipActor, keyDir)).toThrow(/没有私钥（private\.json）：它已移入某个档案/);
    } finally {
      a.close();
    }
  });
});
