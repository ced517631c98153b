// The protected archive as a clerk and an attacker meet it: nothing personal readable in the
// archive, its -wal, its backups or its key file; the password (and only the right one) opens
// it, a wrong one changes no byte; the recovery code opens it and rebuilds a lost key file; a
// viewer is refused writes through the contract; a plain archive from before is encrypted with
// every row kept, and its plain backup can then be wiped.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveChecksum, openReadOnly, sqlAll, tempDir } from '../../db/testing.ts';
import { createArchiveFile } from '../../db/open.ts';
import { WRONG_LOGIN } from '../../db/keystore.ts';
import { fixedDayClock } from '../../shared/clock.ts';
import { initArchive } from '../archive.ts';
import { verifyAudit } from '../audit.ts';
import { backupArchive } from '../backup.ts';
import { createCoreDispatch } from '../api/index.ts';
import { generateDemo } from '../demo/index.ts';
import { createSession } from '../session.ts';
import type { Session } from '../session.ts';
import { TEST_PASSWORD } from '../testing.ts';
import { LoginThrottle } from './passwords.ts';
import { deletePlainBackup } from './plain-backup.ts';
import { encryptPlainArchive } from './upgrade.ts';

const FAST = { alg: 'argon2id', m: 1024, t: 1, p: 1 } as const;
const actor = { operator: '王站长', now: () => new Date('2026-11-24T08:00:00Z') };
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const ADMIN = { name: '王站长', password: TEST_PASSWORD };

interface Secrets {
  ids: string[];
  names: string[];
  accounts: string[];
}

/** Personal values the archive holds, to look for as bytes. */
function secretsOf(a: Parameters<typeof sqlAll>[0]): Secrets {
  const members = sqlAll<{ id_number: string; name: string }>(a, "SELECT id_number, name FROM members WHERE id_number IS NOT NULL AND length(name) >= 2 LIMIT 20");
  const accounts = sqlAll<{ bank_account: string }>(a, 'SELECT bank_account FROM households WHERE bank_account IS NOT NULL LIMIT 10');
  return { ids: members.map((m) => m.id_number), names: members.map((m) => m.name), accounts: accounts.map((r) => r.bank_account) };
}

/** Which of the secrets a file shows in clear (UTF-8, as SQLite stores text). */
function leaks(file: string, s: Secrets): string[] {
  const bytes = readFileSync(file);
  return [...s.ids, ...s.names, ...s.accounts].filter((v) => bytes.includes(Buffer.from(v, 'utf8')));
}

let session: Session;
let file: string;
let recoveryCode: string;
let secrets: Secrets;

beforeAll(async () => {
  session = createSession({ dataDir: tempDir(), clock: fixedDayClock('2026-11-24') });
  file = join(session.dataDir, '青山镇.db');
  recoveryCode = await session.create({ name: '青山镇', code: '511922101000', file, admin: ADMIN });
  generateDemo(session.requireArchive(), { villages: 2, households: 40, seed: 'protected', asOf: '2026-11-24', actor: session.actor() });
  secrets = secretsOf(session.requireArchive());
  expect(secrets.ids.length).toBeGreaterThan(10);
  expect(secrets.accounts.length).toBeGreaterThan(0);
});
afterAll(() => session.close());

describe('at rest', () => {
  it('the archive, its -wal, a backup and the key file show no ID number, name or bank account', () => {
    const archive = session.requireArchive();
    // Written just now: the pages are still in the -wal.
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(leaks(`${file}-wal`, secrets)).toEqual([]);
    const backup = backupArchive(archive, join(session.dataDir, '备份', 'b.db'));
    archive.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(leaks(file, secrets)).toEqual([]);
    expect(leaks(backup.file, secrets)).toEqual([]);
    expect(leaks(`${file}.key`, secrets)).toEqual([]);
    const keyFile = readFileSync(`${file}.key`, 'utf8');
    expect(keyFile).not.toContain(archive.key!.toString('hex'));
    expect(keyFile).not.toContain('王站长'); // names are looked up by hash, not listed
    // The backup opens with the archive's key, and only with it.
    const copy = openReadOnly(backup.file, archive.key);
    expect(archiveChecksum(copy.sqlite)).toBe(archiveChecksum(archive.sqlite));
    copy.close();
  });
});

describe('login', () => {
  it('a wrong password or an unknown name is refused with one message, and no byte changes', async () => {
    session.lock();
    expect(session.state()).toMatchObject({ operator: null, pending: { file, kind: 'login' } });
    const before = [sha(file), sha(`${file}.key`)];
    await expect(session.login({ name: '王站长', password: 'wrong-password-1' })).rejects.toThrow(WRONG_LOGIN);
    await expect(session.login({ name: '县长', password: TEST_PASSWORD })).rejects.toThrow(WRONG_LOGIN);
    expect([sha(file), sha(`${file}.key`)]).toEqual(before);
    expect(session.archive).toBeNull();
    await session.login(ADMIN);
    expect(session.state()).toMatchObject({ operator: '王站长', role: 'admin', roleLabel: expect.any(String) as unknown });
  });

  it('a viewer reads but is refused every write, through the contract', async () => {
    const dispatch = createCoreDispatch(session);
    const added = await dispatch('accounts.add', { name: '赵查看', role: 'viewer', password: 'viewer-pass-2026' });
    expect(added.ok).toBe(true);
    session.lock();
    await session.login({ name: '赵查看', password: 'viewer-pass-2026' });
    const list = await dispatch('households.list', { limit: 1 });
    expect(list.ok).toBe(true);
    const first = list.ok ? (list.value as { items: { id: string; villageId: string }[] }).items[0]! : { id: '', villageId: '' };
    const before = sha(file);
    for (const [channel, input] of [
      ['households.save', { id: first.id, expectedVersion: 1, villageId: first.villageId, no: 'X1', members: [{ name: '甲', relation: '户主' }] }],
      ['accounts.add', { name: '钱某', role: 'admin', password: TEST_PASSWORD }],
      ['audit.undoLast', {}],
    ] as const) {
      const r = await dispatch(channel, input);
      expect(r.ok, channel).toBe(false);
      if (!r.ok) expect(r.error.message, channel).toMatch(/查看|权限|不能/);
    }
    expect(sha(file)).toBe(before);
    session.lock();
    await session.login(ADMIN);
    // A stopped account cannot log in, with a message that says so.
    expect((await dispatch('accounts.setDisabled', { name: '赵查看', disabled: true })).ok).toBe(true);
    session.lock();
    await expect(session.login({ name: '赵查看', password: 'viewer-pass-2026' })).rejects.toThrow(/已停用/);
    await session.login(ADMIN);
  });

  it('the recovery code opens the archive, resets the chief’s password and rebuilds a lost key file', async () => {
    session.lock();
    await expect(session.recover('ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ', { name: '王站长', password: 'new-pass-2026' })).rejects.toThrow(/恢复码/);
    renameSync(`${file}.key`, `${file}.key.lost`);
    await expect(session.login(ADMIN)).rejects.toThrow(/密钥文件.*不见了.*恢复码/);
    await session.recover(recoveryCode, { name: '王站长', password: 'new-pass-2026' });
    expect(existsSync(`${file}.key`)).toBe(true);
    session.lock();
    await session.login({ name: '王站长', password: 'new-pass-2026' });
    expect(verifyAudit(session.requireArchive().db)).toMatchObject({ intact: true });
    rmSync(`${file}.key.lost`);
  });
});

describe('a key file that is not what it should be', () => {
  it('damaged, from a newer scheme, or with a damaged account record: each said plainly, no byte changed', async () => {
    session.lock();
    const keyFile = `${file}.key`;
    const good = readFileSync(keyFile, 'utf8');
    const ks = JSON.parse(good) as { format: string; entries: { wrapped: string }[] };
    const cases: [string, RegExp][] = [
      ['{ not json', /密钥文件已损坏.*恢复码/],
      [JSON.stringify({ ...ks, format: 'relief-archive-keystore/v9' }), /更新版本的程序写入.*升级/],
      [JSON.stringify({ ...ks, entries: ks.entries.map((e) => ({ ...e, wrapped: 'AAAA' })) }), /此账户的记录已损坏.*恢复码/],
    ];
    try {
      for (const [content, message] of cases) {
        writeFileSync(keyFile, content);
        const before = [sha(file), sha(keyFile)];
        await expect(session.login({ name: '王站长', password: 'new-pass-2026' })).rejects.toThrow(message);
        expect([sha(file), sha(keyFile)]).toEqual(before);
      }
    } finally {
      writeFileSync(keyFile, good);
    }
    await session.login({ name: '王站长', password: 'new-pass-2026' });
  });
});

describe('upgrading a plain archive from before encryption', () => {
  it('encrypts it in place with every row kept, and the plain backup can then be wiped', async () => {
    const dir = tempDir();
    const old = join(dir, '白马镇.db');
    const plain = initArchive({ file: old, name: '白马镇', code: '511922102000' }, actor, { legacyPlain: true });
    generateDemo(plain, { villages: 2, households: 30, seed: 'legacy', asOf: '2026-11-24', actor });
    const oldSecrets = secretsOf(plain);
    const checksum = archiveChecksum(plain.sqlite);
    plain.close();
    expect(leaks(old, oldSecrets).length).toBeGreaterThan(0); // the attack the upgrade closes

    // Cancelled midway: the plain archive is left exactly as it was.
    const pristine = join(dir, 'pristine.db');
    copyFileSync(old, pristine);
    const abort = new AbortController();
    await expect(
      encryptPlainArchive(old, ADMIN, actor, { kdf: FAST, signal: abort.signal, onProgress: (label) => label === '加密' && abort.abort() }),
    ).rejects.toThrow(/已取消/);
    expect(sha(old)).toBe(sha(pristine));
    expect(existsSync(`${old}.key`)).toBe(false);

    const steps: string[] = [];
    const r = await encryptPlainArchive(old, ADMIN, actor, { kdf: FAST, onProgress: (label) => steps.push(label) });
    expect(steps).toEqual(expect.arrayContaining(['备份原档案', '加密', '核对每一行', '完成']));
    expect(r.archive.key).not.toBeNull();
    expect(r.operator).toMatchObject({ name: '王站长', role: 'admin' });
    expect(r.recoveryCode).toMatch(/^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/);
    // Every row of every table came over (the new account and the audit row aside).
    const kept = openReadOnly(r.plainBackup);
    expect(archiveChecksum(kept.sqlite)).toBe(checksum);
    kept.close();
    expect(verifyAudit(r.archive.db)).toMatchObject({ intact: true });
    r.archive.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(leaks(old, oldSecrets)).toEqual([]);
    expect(leaks(r.plainBackup, oldSecrets).length).toBeGreaterThan(0);

    expect(() => deletePlainBackup(r.archive, old)).toThrow(/备份/);
    expect(deletePlainBackup(r.archive, r.plainBackup).deleted).toBe(r.plainBackup);
    expect(existsSync(r.plainBackup)).toBe(false);
    r.archive.close();
    // And a file made by another program is not taken for an archive to encrypt.
    const other = join(dir, 'x.db');
    createArchiveFile(other).close();
    await expect(encryptPlainArchive(other, ADMIN, actor, { kdf: FAST })).rejects.toThrow(/登录/);
  });
});

describe('repeated wrong passwords', () => {
  it('are slowed down after three, longer each time, per archive and name (on the throttle’s clock)', () => {
    let now = 0;
    const t = new LoginThrottle(() => now);
    for (let i = 0; i < 3; i++) {
      t.check('a.db', '王站长');
      t.failed('a.db', '王站长');
    }
    expect(() => t.check('a.db', '王站长')).toThrow('已连续输错 3 次密码：为防止猜测，请 5 秒后再试。');
    t.check('a.db', '李会计');
    t.check('b.db', '王站长');
    now += 5_000;
    t.check('a.db', '王站长');
    t.failed('a.db', '王站长');
    expect(() => t.check('a.db', '王站长')).toThrow(/请 10 秒后再试/);
    t.succeeded('a.db', '王站长');
    t.check('a.db', '王站长');
  });
});
