// This side's key pair inside the archive: made there with nothing private written beside it;
// a key left by an older version in the folder beside the archive moved in on first use (key
// status, pack, unpack) with its clear private.json zeroed and removed and a 说明.txt left —
// and left alone when it is not this archive's to take.
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlAll, tempDir } from '../../db/testing.ts';
import { initArchive } from '../archive.ts';
import type { Archive } from '../archive.ts';
import { generateKeyPair, saveKeyPair } from '../exchange/index.ts';
import type { KeyPair } from '../exchange/index.ts';
import { ageIdentity } from '../exchange/keys.ts';
import { packTownship } from './export.ts';
import { trustKey } from './keys.ts';
import { createOwnKey, keyStatus, legacyKeyDir, ownKey, savePublicKey } from './own-key.ts';
import { countyActor, makeTownship, publicFileOf, refusal, townshipActor } from './testing.ts';
import { unpackPackage } from './unpack.ts';

let dir: string;
beforeAll(() => {
  dir = tempDir('relief-own-key-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh folder under the test's own. */
function folder(name: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  return d;
}

/**
 * Every file under `root` except the archive and its copies: its -wal and -shm, and the backups
 * in 备份/ (copies of the archive, protected as the archive is).
 */
function filesBeside(archive: Archive, root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const f = join(root, name);
    if (statSync(f).isFile() && !f.startsWith(archive.file) && !f.startsWith(join(dirname(archive.file), '备份'))) out.push(f);
  }
  return out;
}

/** The secret in each form it could be written: raw, base64, hex, and the age identity. */
function secretForms(pair: KeyPair): Buffer[] {
  const seed = Buffer.from(pair.signingSecret);
  const age = Buffer.from(pair.encryptionSecret);
  return [seed, age, Buffer.from(seed.toString('base64')), Buffer.from(seed.toString('hex')), Buffer.from(age.toString('base64')), Buffer.from(ageIdentity(pair.encryptionSecret))];
}

function expectNoSecretBeside(archive: Archive, root: string, pair: KeyPair): void {
  const files = filesBeside(archive, root);
  for (const f of files) {
    const bytes = readFileSync(f);
    for (const s of secretForms(pair)) expect(bytes.includes(s), `${f} holds the private key`).toBe(false);
  }
}

/** An archive as an older version left it: its key pair in clear in `密钥/<名称>-<id>/`. */
function withLegacyKey(archive: Archive, name: string): { pair: KeyPair; keyDir: string } {
  const pair = generateKeyPair({ role: 'township', name });
  const keyDir = legacyKeyDir(archive);
  saveKeyPair(keyDir, pair);
  return { pair, keyDir };
}

describe('the own key inside the archive', () => {
  it('is made in the archive: nothing private beside it, public.json only where the user saves it', async () => {
    const home = folder('new');
    const a = initArchive({ file: join(home, '青山镇.db'), name: '青山镇', code: '511922101000', province: '四川省' }, townshipActor);
    try {
      expect(keyStatus(a, townshipActor)).toMatchObject({ own: null, notes: [] });
      const pair = await createOwnKey(a, townshipActor, '青山镇扶贫工作站');
      expect(ownKey(a).publicKey).toEqual(pair.publicKey);
      expect(ownKey(a).signingSecret).toEqual(pair.signingSecret);
      expect(existsSync(join(home, '密钥'))).toBe(false);
      const pub = savePublicKey(a, join(home, 'U盘_public.json'), false).file;
      expect(JSON.parse(readFileSync(pub, 'utf8'))).toEqual(pair.publicKey);
      expectNoSecretBeside(a, home, pair);
      expect(sqlAll<{ table_name: string; record_id: string }>(a, "SELECT table_name, record_id FROM audit_log WHERE table_name = 'own_keys'")).toEqual([
        { table_name: 'own_keys', record_id: pair.publicKey.fingerprint },
      ]);
      const again = await refusal(a, () => createOwnKey(a, townshipActor, null));
      expect(again.error.message).toMatch(/本档案已有乡镇密钥（青山镇扶贫工作站，指纹 \d{5}/);
      expect(again.unchanged).toBe(true);
    } finally {
      a.close();
    }
  });
});

describe('a key left in the old folder beside the archive', () => {
  it('is moved in on the first key status: the clear file zeroed and removed, a 说明.txt left, the user told', () => {
    const home = folder('migrate');
    const a = initArchive({ file: join(home, '青山镇.db'), name: '青山镇', code: '511922101000', province: '四川省' }, townshipActor);
    try {
      const { pair, keyDir } = withLegacyKey(a, '青山镇扶贫工作站');
      // A second name for the same file: after the wipe it shows what was left in its blocks.
      linkSync(join(keyDir, 'private.json'), join(home, 'private-link'));
      const size = statSync(join(keyDir, 'private.json')).size;
      const status = keyStatus(a, townshipActor);
      expect(status.own?.fingerprint.replaceAll(' ', '')).toBe(pair.publicKey.fingerprint);
      expect(status.notes.join()).toMatch(/本方私钥已从文件夹 .* 移入本档案保存，原来未加密的 private\.json 已抹去/);
      expect(ownKey(a).signingSecret).toEqual(pair.signingSecret);
      expect(existsSync(join(keyDir, 'private.json'))).toBe(false);
      expect(readFileSync(join(home, 'private-link')).equals(Buffer.alloc(size))).toBe(true);
      expect(readFileSync(join(keyDir, '说明.txt'), 'utf8')).toMatch(/已于 .* 移入档案 .*青山镇\.db 内保存/);
      expect(existsSync(join(keyDir, 'public.json'))).toBe(true);
      expectNoSecretBeside(a, home, pair);
      // Once only: the next call has nothing to move and says nothing.
      expect(keyStatus(a, townshipActor).notes).toEqual([]);
    } finally {
      a.close();
    }
  });

  it('is moved in by pack (township) and by unpack (county), which say so in their result', async () => {
    const home = folder('first-use');
    const t = await makeTownship(home, { households: 10 });
    mkdirSync(join(home, '县级'));
    const c = initArchive({ file: join(home, '县级', '示例县.db'), name: '示例县', role: 'county', province: '四川省' }, countyActor);
    try {
      const cPair = generateKeyPair({ role: 'county', name: '示例县乡村振兴局' });
      saveKeyPair(legacyKeyDir(c), cPair);
      trustKey(t, townshipActor, { file: join(legacyKeyDir(c), 'public.json'), checkedBy: '李会计' });
      trustKey(c, countyActor, { file: publicFileOf(t), checkedBy: '王科长' });
      const out = join(home, '报送.fpkg');
      await packTownship(t, townshipActor, { type: 'all' }, { out });
      const r = await unpackPackage(c, countyActor, out);
      expect(r.applied).toBe(true);
      expect(r.notes.join()).toMatch(/本方私钥已从文件夹 .* 移入本档案保存/);
      expect(ownKey(c).publicKey.fingerprint).toBe(cPair.publicKey.fingerprint);
      expectNoSecretBeside(c, join(home, '县级'), cPair);

      mkdirSync(join(home, '乡镇2'));
      const t2 = initArchive({ file: join(home, '乡镇2', '白马镇.db'), name: '白马镇', code: '511923102000', province: '四川省' }, townshipActor);
      try {
        const { pair } = withLegacyKey(t2, '白马镇扶贫工作站');
        const packed = await packTownship(t2, townshipActor, { type: 'all' }, { out: join(home, '白马镇.fpkg'), passphrase: true, scryptLogN: 10 });
        expect(packed.notes.join()).toMatch(/本方私钥已从文件夹 .* 移入本档案保存/);
        expect(ownKey(t2).publicKey.fingerprint).toBe(pair.publicKey.fingerprint);
        expectNoSecretBeside(t2, join(home, '乡镇2'), pair);
      } finally {
        t2.close();
      }
    } finally {
      t.close();
      c.close();
    }
  });

  it('is left alone when it is not this archive’s: another side’s key, or an archive that has its own', async () => {
    const home = folder('not-ours');
    const a = initArchive({ file: join(home, '青山镇.db'), name: '青山镇', code: '511922101000', province: '四川省' }, townshipActor);
    try {
      const keyDir = legacyKeyDir(a);
      saveKeyPair(keyDir, generateKeyPair({ role: 'county', name: '示例县' }));
      const before = readFileSync(join(keyDir, 'private.json'));
      const r = await refusal(a, () => Promise.resolve(ownKey(a)));
      expect(r.error.message).toMatch(/本档案还没有乡镇密钥。请先在“数据交换 → 密钥与对方”中生成本方密钥/);
      expect(keyStatus(a, townshipActor)).toMatchObject({ own: null, notes: [] });
      expect(readFileSync(join(keyDir, 'private.json')).equals(before)).toBe(true);
      rmSync(keyDir, { recursive: true });

      // The archive has its key; a different one in the folder is not taken in, nor wiped.
      await createOwnKey(a, townshipActor, '青山镇扶贫工作站');
      saveKeyPair(keyDir, generateKeyPair({ role: 'township', name: '另一把' }));
      const other = readFileSync(join(keyDir, 'private.json'));
      expect(keyStatus(a, townshipActor).notes).toEqual([]);
      expect(readFileSync(join(keyDir, 'private.json')).equals(other)).toBe(true);
      expect(ownKey(a).publicKey.name).toBe('青山镇扶贫工作站');
    } finally {
      a.close();
    }
  });

  it('finishes a move cut short: the same key in the archive and still in clear in the folder is wiped', async () => {
    const home = folder('cut-short');
    const a = initArchive({ file: join(home, '青山镇.db'), name: '青山镇', code: '511922101000', province: '四川省' }, townshipActor);
    try {
      const pair = await createOwnKey(a, townshipActor, '青山镇扶贫工作站');
      saveKeyPair(legacyKeyDir(a), pair); // as if the process died between the commit and the wipe
      expect(keyStatus(a, townshipActor).notes.join()).toMatch(/已抹去/);
      expect(existsSync(join(legacyKeyDir(a), 'private.json'))).toBe(false);
      expectNoSecretBeside(a, home, pair);
    } finally {
      a.close();
    }
  });
});
