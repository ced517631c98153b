import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { identityToRecipient } from 'age-encryption';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ageIdentity } from './keys.ts';
import { fingerprintOf, formatFingerprint, generateKeyPair, loadKeyPair, loadPublicKey, normalizeFingerprint, saveKeyPair } from './index.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fpkg-keys-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('key pairs', () => {
  it('saves a private file readable by its owner only and a shareable, self-signed public.json', () => {
    const pair = generateKeyPair({ role: 'county', name: ' 示例县乡村振兴局 ' });
    const out = join(dir, 'county-keys');
    const { privateFile, publicFile } = saveKeyPair(out, pair);
    if (process.platform !== 'win32') expect(statSync(privateFile).mode & 0o777).toBe(0o600);
    const pub = loadPublicKey(publicFile);
    expect(pub).toEqual(pair.publicKey);
    expect(pub.name).toBe('示例县乡村振兴局');
    expect(pub.role).toBe('county');
    expect(readFileSync(publicFile, 'utf8')).not.toMatch(/secret|AGE-SECRET-KEY/i);
    const loaded = loadKeyPair(out);
    expect(loaded.publicKey).toEqual(pair.publicKey);
    expect(loaded.signingSecret).toEqual(pair.signingSecret);
    expect(loaded.encryptionSecret).toEqual(pair.encryptionSecret);
  });

  it('writes age-standard keys: our recipient is what age derives from our identity', async () => {
    const pair = generateKeyPair({ role: 'township', name: '青山镇' });
    expect(await identityToRecipient(ageIdentity(pair.encryptionSecret))).toBe(pair.publicKey.encryptionKey);
  });

  it('shows the fingerprint as 6 groups of 5 digits that depend on role, name and both keys', () => {
    const pair = generateKeyPair({ role: 'township', name: '青山镇' });
    const fp = pair.publicKey.fingerprint;
    expect(formatFingerprint(fp)).toMatch(/^\d{5}( \d{5}){5}$/);
    expect(normalizeFingerprint(formatFingerprint(fp).replaceAll(' ', '-'))).toBe(fp);
    expect(normalizeFingerprint('12345 6789')).toBeNull();
    const other = generateKeyPair({ role: 'township', name: '青山镇' }).publicKey;
    for (const change of [{ role: 'county' as const }, { name: '绿水乡' }, { signingKey: other.signingKey }, { encryptionKey: other.encryptionKey }]) {
      expect(fingerprintOf({ ...pair.publicKey, ...change })).not.toBe(fp);
    }
  });

  it('refuses to overwrite keys, bad names and roles', () => {
    const pair = generateKeyPair({ role: 'township', name: '青山镇' });
    saveKeyPair(dir, pair);
    const before = readFileSync(join(dir, 'private.json'));
    expect(() => saveKeyPair(dir, generateKeyPair({ role: 'township', name: '青山镇' }))).toThrow(/已有密钥.*请换一个空文件夹/);
    expect(readFileSync(join(dir, 'private.json')).equals(before)).toBe(true);
    expect(() => generateKeyPair({ role: 'township', name: '' })).toThrow(/单位名称“”不合适/);
    expect(() => generateKeyPair({ role: 'township', name: 'a\u202eb' })).toThrow(/不合适/);
    expect(() => generateKeyPair({ role: 'province' as never, name: '省' })).toThrow(/应为 township（乡镇）或 county（县级）/);
  });

  it('refuses an edited public.json (name, role, key or fingerprint changed)', () => {
    const pair = generateKeyPair({ role: 'township', name: '青山镇' });
    const { publicFile } = saveKeyPair(dir, pair);
    const other = generateKeyPair({ role: 'township', name: '青山镇' }).publicKey;
    const edits: [Record<string, string>, RegExp][] = [
      [{ name: '绿水乡' }, /指纹与密钥不符/],
      [{ role: 'county' }, /指纹与密钥不符/],
      [{ encryptionKey: other.encryptionKey }, /指纹与密钥不符/],
      [{ name: '绿水乡', fingerprint: fingerprintOf({ ...pair.publicKey, name: '绿水乡' }) }, /自签名不对/],
      [{ signingKey: other.signingKey, fingerprint: fingerprintOf({ ...pair.publicKey, signingKey: other.signingKey }) }, /自签名不对/],
      [{ extra: 'x' }, /字段不对/],
    ];
    for (const [edit, message] of edits) {
      writeFileSync(publicFile, JSON.stringify({ ...pair.publicKey, ...edit }));
      expect(() => loadPublicKey(publicFile)).toThrow(message);
    }
    writeFileSync(publicFile, '{not json');
    expect(() => loadPublicKey(publicFile)).toThrow(/不是有效的 JSON 文件/);
    expect(() => loadPublicKey(join(dir, 'missing.json'))).toThrow(/^找不到文件：.*missing\.json。请检查路径或重新选择公钥文件/);
  });

  it('refuses a private file that others can read, or whose keys do not match', () => {
    const { privateFile } = saveKeyPair(dir, generateKeyPair({ role: 'county', name: '示例县' }));
    if (process.platform !== 'win32') {
      chmodSync(privateFile, 0o644);
      expect(() => loadKeyPair(dir)).toThrow(/别人也能读取.*chmod 600/);
      chmodSync(privateFile, 0o600);
    }
    const secret = JSON.parse(readFileSync(privateFile, 'utf8')) as Record<string, unknown>;
    secret.encryptionIdentity = ageIdentity(generateKeyPair({ role: 'county', name: '示例县' }).encryptionSecret);
    rmSync(privateFile);
    writeFileSync(privateFile, JSON.stringify(secret), { mode: 0o600 });
    expect(() => loadKeyPair(dir)).toThrow(/私钥与其中的公钥不配对/);
    expect(existsSync(join(dir, 'public.json'))).toBe(true);
  });
});
