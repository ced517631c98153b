import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Archive } from '../../db/open.ts';
import { ownTownship } from '../../db/repos/archive-info.ts';
import { villagesInOrder } from '../../db/repos/villages.ts';
import { insertRows, rowsWhere, sqlAll, sqlColumn, sqlValue, tempDir } from '../../db/testing.ts';
import { parseIdNumber } from '../../shared/id-number.ts';
import { UserError } from '../../shared/errors.ts';
import type { InitInput } from '../archive.ts';
import { initArchive, openArchive } from '../archive.ts';
import { checkArchive } from '../check.ts';
import type { Actor } from '../context.ts';
import { COUNTY_MESSAGE, generateDemo, NOT_EMPTY_MESSAGE } from './index.ts';
import { createDemoArchive, DEMO_LOGIN } from './archive.ts';
import { unlockArchive } from '../accounts/login.ts';
import { TEST_KDF } from '../testing.ts';
import { WRONG_LOGIN } from '../../db/keystore.ts';
import type { DemoOptions } from './index.ts';

const AS_OF = '2026-11-24';
const actor: Actor = { operator: '演示员', now: () => new Date(`${AS_OF}T08:00:00Z`) };
const opts = (over: Partial<DemoOptions> = {}): DemoOptions => ({ villages: 3, households: 60, seed: 'demo', asOf: AS_OF, actor, ...over });

const dirs: string[] = [];
const open: Archive[] = [];
afterEach(() => {
  for (const a of open.splice(0)) {
    try {
      a.close();
    } catch {
      // already closed by the test
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function newArchive(input: Partial<InitInput> = {}): Archive {
  const dir = tempDir('relief-demo-');
  dirs.push(dir);
  const archive = initArchive({ file: join(dir, 'a.db'), name: '青山镇', code: '511922101000', county: '仁寿县', province: '四川省', ...input }, actor);
  open.push(archive);
  return archive;
}

// Every table, by name (some have no typed test access): the raw helpers of db/testing.ts.
const count = (a: Archive, table: string): number => sqlValue(a, `SELECT count(*) FROM "${table}"`) as number;
const dump = (a: Archive, table: string): unknown[] => sqlAll(a, `SELECT * FROM "${table}" ORDER BY id`);
const tableNames = (a: Archive): string[] => sqlColumn(a, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") as string[];
const villageCodes = (a: Archive): { code: string }[] => villagesInOrder(a.db).map((v) => ({ code: v.code }));
const allCounts = (a: Archive): Record<string, number> => Object.fromEntries(tableNames(a).map((t) => [t, count(a, t)]));
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

interface MemberDump {
  household_id: string;
  name: string;
  name_initials: string;
  id_number: string;
  gender: string;
  birth_date: string;
  relation: string;
}

describe('generateDemo', () => {
  it('writes the counts it returns, with rows in every table', () => {
    const a = newArchive();
    const progress: [number, number][] = [];
    const r = generateDemo(a, opts(), (done, total) => progress.push([done, total]));
    expect(r.villages).toBe(3);
    expect(r.households).toBe(60);
    expect(count(a, 'villages')).toBe(3);
    expect(count(a, 'households')).toBe(60);
    expect(count(a, 'members')).toBe(r.members);
    expect(r.members).toBeGreaterThan(60 * 3);
    expect(count(a, 'incomes')).toBe(180);
    expect(count(a, 'village_years')).toBe(9);
    for (const t of ['helpers', 'pairings', 'measures', 'assessments', 'status_history']) expect(count(a, t)).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual([60, 60]);
    const log = sqlAll(a, 'SELECT kind, operator, households, members, summary FROM imports_log');
    expect(log).toEqual([{ kind: 'demo', operator: '演示员', households: 60, members: r.members, summary: JSON.stringify({ seed: 'demo', asOf: AS_OF, villages: 3 }) }]);
    expect(villageCodes(a)).toEqual([{ code: '511922101001' }, { code: '511922101002' }, { code: '511922101003' }]);
    expect(r.planted.length).toBeGreaterThanOrEqual(8);
  });

  it('gives valid, unique ID numbers that agree with gender and birth date (except the planted Q101)', () => {
    const a = newArchive();
    const r = generateDemo(a, opts());
    const badId = r.planted.find((p) => p.code === 'Q101')!;
    const dup = r.planted.find((p) => p.code === 'Q105')!;
    const rows = sqlAll<MemberDump & { no: string }>(a, 'SELECT m.*, h.no FROM members m JOIN households h ON h.id = m.household_id');
    const seen = new Map<string, number>();
    for (const m of rows) {
      expect(m.name_initials).toMatch(/^[a-z]{2,3}$/);
      const parsed = parseIdNumber(m.id_number, new Date(`${AS_OF}T12:00:00Z`));
      if (m.no === badId.household && m.name === badId.member) {
        expect(parsed.ok).toBe(false);
        continue;
      }
      if (!parsed.ok) throw new Error(`${m.no} ${m.name}: ${parsed.message}`);
      expect(parsed.info.gender).toBe(m.gender);
      expect(parsed.info.birthDate).toBe(m.birth_date);
      expect(m.id_number.slice(0, 6)).toBe('511922');
      seen.set(m.id_number, (seen.get(m.id_number) ?? 0) + 1);
    }
    const repeated = [...seen].filter(([, n]) => n > 1);
    expect(repeated).toHaveLength(1);
    expect(rows.filter((m) => m.id_number === repeated[0]![0]).every((m) => m.name === dup.member)).toBe(true);
  });

  it('keeps relation and gender consistent, one head per household', () => {
    const a = newArchive();
    const r = generateDemo(a, opts({ households: 300, villages: 5 }));
    const male = new Set(['之子', '之孙子', '之父', '之女婿']);
    const female = new Set(['之女', '之孙女', '之母', '之儿媳']);
    const rows = sqlAll<MemberDump & { no: string }>(a, 'SELECT m.*, h.no FROM members m JOIN households h ON h.id = m.household_id');
    for (const m of rows) {
      if (male.has(m.relation)) expect(m.gender).toBe('男');
      if (female.has(m.relation)) expect(m.gender).toBe('女');
    }
    const twoHeads = r.planted.find((p) => p.code === 'Q202')!.household;
    const heads = sqlAll<{ no: string; n: number }>(a, "SELECT h.no, count(*) AS n FROM members m JOIN households h ON h.id = m.household_id WHERE m.relation = '户主' GROUP BY h.no");
    expect(heads).toHaveLength(300);
    for (const h of heads) expect(h.n).toBe(h.no === twoHeads ? 2 : 1);
  });

  it('plants exactly the problems the data-quality check reports', () => {
    const a = newArchive();
    const r = generateDemo(a, opts());
    const codes = new Set(r.planted.map((p) => p.code));
    for (const c of ['Q101', 'Q202', 'Q203', 'Q501', 'Q105', 'Q601', 'Q302', 'Q405', 'Q404']) expect(codes).toContain(c);
    const key = (p: { code: string; household: string }): string => `${p.code} ${p.household}`;
    const found = checkArchive(a, { asOf: AS_OF }).problems.map(key).sort();
    expect(found).toEqual(r.planted.map(key).sort());
    const knockOns = r.planted.filter((p) => p.code === 'Q404' || p.code === 'Q908');
    const plantedHouseholds = new Set(r.planted.filter((p) => !knockOns.includes(p)).map((p) => p.household));
    expect(plantedHouseholds.size).toBe(r.planted.length - knockOns.length);
  });

  it('is deterministic from seed and asOf', () => {
    const a = newArchive();
    const b = newArchive();
    const c = newArchive();
    expect(generateDemo(a, opts())).toEqual(generateDemo(b, opts()));
    generateDemo(c, opts({ seed: 'other' }));
    // villages and helpers also hold the township's id, which init draws at random.
    for (const t of ['households', 'members', 'incomes', 'status_history', 'measures', 'pairings', 'assessments', 'village_years']) {
      expect(dump(b, t)).toEqual(dump(a, t));
    }
    expect(dump(c, 'members')).not.toEqual(dump(a, 'members'));
    expect(dump(c, 'households')).not.toEqual(dump(a, 'households'));
  });

  it('refuses an archive that already has data, changing nothing', () => {
    const a = newArchive();
    generateDemo(a, opts());
    const before = allCounts(a);
    const households = dump(a, 'households');
    a.close();
    const hash = sha256(a.file);

    const again = openArchive(a.file, { key: a.key });
    open.push(again);
    expect(() => generateDemo(again, opts({ seed: 'second' }))).toThrow(new UserError(NOT_EMPTY_MESSAGE));
    expect(allCounts(again)).toEqual(before);
    expect(dump(again, 'households')).toEqual(households);
    again.close();
    expect(sha256(a.file)).toBe(hash);
  });

  it('refuses an archive with a village but no households', () => {
    const a = newArchive();
    const township = ownTownship(a.db)!;
    insertRows(a.db, 'villages', [{ id: 'v1', updatedAt: '2026-01-01', updatedBy: 'x', townshipId: township.id, code: '511922101001', name: '石桥村' }]);
    const before = allCounts(a);
    expect(() => generateDemo(a, opts())).toThrow(NOT_EMPTY_MESSAGE);
    expect(allCounts(a)).toEqual(before);
  });

  it('refuses a county archive', () => {
    const a = newArchive({ name: '仁寿县', code: null, role: 'county' });
    const before = allCounts(a);
    expect(() => generateDemo(a, opts())).toThrow(new UserError(COUNTY_MESSAGE));
    expect(allCounts(a)).toEqual(before);
  });

  it('uses a default region when the township has no division code', () => {
    const a = newArchive({ code: null });
    generateDemo(a, opts({ villages: 2, households: 10 }));
    for (const { no } of rowsWhere(a.db, 'households')) expect(no).toMatch(/^511922000[12]\d{6}$/);
    expect(villageCodes(a)).toEqual([{ code: '511922101001' }, { code: '511922101002' }]);
  });

  it('rejects bad options as usage errors before writing', () => {
    const a = newArchive();
    const before = allCounts(a);
    for (const bad of [opts({ villages: 0 }), opts({ households: 1.5 }), opts({ asOf: '2026-02-30' })]) {
      try {
        generateDemo(a, bad);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        expect((e as UserError).kind).toBe('usage');
      }
    }
    expect(allCounts(a)).toEqual(before);
  });
});

describe('the demo archive (npm run web -- --demo)', () => {
  it('is protected: encrypted with a key file, and opens with the published demo login (stated in README) only', async () => {
    const dir = tempDir('relief-demo-');
    dirs.push(dir);
    const file = join(dir, '演示-青山镇.db');
    const made = await createDemoArchive(file, { villages: 2, households: 20, seed: 'demo', asOf: AS_OF, kdf: TEST_KDF });
    const someone = rowsWhere(made.archive.db, 'members')[0]!;
    expect(made.demo).toMatchObject({ villages: 2, households: 20 });
    made.archive.close();
    const bytes = readFileSync(file);
    for (const clear of ['青山镇', someone.name, someone.idNumber ?? '']) if (clear) expect(bytes.includes(Buffer.from(clear))).toBe(false);
    const now = () => new Date(`${AS_OF}T09:00:00Z`);
    await expect(unlockArchive(file, { name: DEMO_LOGIN.name, password: 'wrong-password' }, { operator: DEMO_LOGIN.name, now })).rejects.toThrow(WRONG_LOGIN);
    const { archive, operator } = await unlockArchive(file, DEMO_LOGIN, { operator: DEMO_LOGIN.name, now });
    open.push(archive);
    expect(operator).toMatchObject({ name: DEMO_LOGIN.name, role: 'admin' });
    expect(rowsWhere(archive.db, 'households')).toHaveLength(20);
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(`姓名 ${DEMO_LOGIN.name}，密码 ${DEMO_LOGIN.password}`);
  });
});
