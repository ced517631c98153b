// keys trust / pack / unpack (and the county guard) end to end through the real bin: exit codes,
// one JSON object on stdout, Chinese refusals, the archive unchanged when refused.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestArchive, rowsChecksum, runCli, tempDir } from '../testing.ts';
import { createOwnKey } from './own-key.ts';
import { countyActor, makeTownship, publicFileOf, townshipActor } from './testing.ts';

/** The bin, logged in to the township archive as its clerk, to the county's as its reviewer. */
const run = (...args: string[]) => {
  const db = args[args.indexOf('--db') + 1];
  return runCli(args, { as: db === cFile ? countyActor.operator : townshipActor.operator });
};

let dir: string;
let tFile: string;
let cFile: string;
const keys = new Map<string, Buffer>();
/** Each side's public.json, saved as the clerk saves it to the stick. */
let tPublic: string;
let cPublic: string;

beforeAll(async () => {
  dir = tempDir('relief-exchange-cli-');
  const t = await makeTownship(dir, { households: 20, login: true });
  tFile = t.file;
  tPublic = publicFileOf(t);
  keys.set(tFile, t.key!);
  t.close();
  const c = await createTestArchive({ file: join(dir, '示例县.db'), name: '示例县', role: 'county' }, { actor: countyActor });
  await createOwnKey(c, countyActor, '示例县乡村振兴局');
  cFile = c.file;
  cPublic = publicFileOf(c);
  keys.set(cFile, c.key!);
  c.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every row (the login stamps left out: each run logs in). */
const checksum = (file: string): string => rowsChecksum(file, keys.get(file));

// Each run of the bin takes seconds on a loaded machine; these tests run it several times each.
describe('relief-archive keys trust / pack / unpack', { timeout: 180_000 }, () => {
  it('registers each side, after refusing a fingerprint that does not match the phone check', () => {
    const before = checksum(cFile);
    const wrong = run('keys', 'trust', tPublic, '--db', cFile, '--checked-by', '王科长', '--fingerprint', '11111 22222 33333 44444 55555 66666', '--json');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/电话核对的指纹与公钥文件不符/);
    expect(checksum(cFile)).toBe(before);
    const c = run('keys', 'trust', tPublic, '--db', cFile, '--checked-by', '王科长', '--json');
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout)).toMatchObject({ role: 'township', fingerprint: expect.stringMatching(/^\d{5}( \d{5}){5}$/) as unknown });
    const t = run('keys', 'trust', cPublic, '--db', tFile, '--checked-by', '李会计', '--json');
    expect(t.code, t.stderr).toBe(0);
    expect(JSON.parse(t.stdout)).toMatchObject({ role: 'county' });
  });

  it('packs on the township and unpacks on the county (dry run, apply, again)', () => {
    const out = join(dir, '报送.fpkg');
    // No --key: each archive holds its own key.
    const p = run('pack', '--db', tFile, '--to', cPublic, '--out', out, '--json');
    expect(p.code, p.stderr).toBe(0);
    const packed = JSON.parse(p.stdout) as { packageId: string; bytes: number; audit: { intact: boolean } };
    expect(packed.bytes).toBeGreaterThan(8192);
    expect(packed.audit).toMatchObject({ intact: true });

    const before = checksum(cFile);
    const dry = run('unpack', out, '--db', cFile, '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ packageId: packed.packageId, applied: false, households: { added: 20 } });
    expect(checksum(cFile)).toBe(before);

    const u = run('unpack', out, '--db', cFile, '--json');
    expect(u.code, u.stderr).toBe(0);
    expect(JSON.parse(u.stdout)).toMatchObject({ packageId: packed.packageId, applied: true, audit: { status: 'first', warning: false } });

    const after = checksum(cFile);
    const again = run('unpack', out, '--db', cFile, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ applied: false, alreadyImported: true });
    expect(checksum(cFile)).toBe(after);
  });

  it('refuses writes to the townships data in a county archive', () => {
    const before = checksum(cFile);
    const r = run('batch', 'create', '--db', cFile, '--kind', 'edge', '--year', '2026', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/这是县级档案.*县级只读/);
    expect(run('batch', 'list', '--db', cFile, '--json').code).toBe(0);
    expect(checksum(cFile)).toBe(before);
  });

  it('revokes a township key on the county side and lists it', () => {
    const fp = (JSON.parse(run('keys', 'show', tPublic, '--json').stdout) as { fingerprint: string }).fingerprint;
    const r = run('keys', 'revoke', '--db', cFile, '--fingerprint', fp, '--reason', '电脑被盗', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'revoked', validThroughSeq: 1 });
    const list = JSON.parse(run('keys', 'list', '--db', cFile, '--json').stdout) as { keys: { status: string }[] };
    expect(list.keys.map((k) => k.status)).toEqual(['revoked']);
    const t = run('keys', 'revoke', '--db', tFile, '--fingerprint', fp, '--reason', 'x');
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/吊销密钥由县级办理/);
  });
});
