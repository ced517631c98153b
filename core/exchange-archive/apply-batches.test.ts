// The county side writes a package's rows in batches (multi-row statements of N rows, streamed
// from the staged files): with N small enough to cross batch boundaries many times in a small
// township, the county ends with exactly the rows it gets with the default batch — a first
// snapshot (inserts) and a second one (changed rows upserted, removed rows deleted) — and a
// failure after some batches are written leaves the county archive exactly as it was.
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../db/open.ts';
import type { Archive } from '../../db/open.ts';
import { sqlAll, sqlRun, sqlValue, tempDir } from '../../db/testing.ts';
import { UserError } from '../../shared/errors.ts';
import { packTownship } from './export.ts';
import { TABLES } from './tables.ts';
import { countyActor, makePair, refusal, townshipActor } from './testing.ts';
import type { Pair } from './testing.ts';
import { unpackPackage } from './unpack.ts';

let p: Pair;
/** Two copies of the same county archive (same key): one fed with the default batch, one with batches of 3. */
let small: Archive;
let spare: Archive;
const packages: string[] = [];

function copyOf(county: Archive, name: string): Archive {
  county.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const file = join(p.dir, name);
  copyFileSync(county.file, file);
  return openArchive(file, { key: county.key! });
}

/** Every travelling table, row for row (what the county holds of the township). */
const travelling = (a: Archive): string => JSON.stringify(TABLES.map((t) => sqlAll(a, `SELECT * FROM "${t.name}" ORDER BY id`)));

beforeAll(async () => {
  p = await makePair(tempDir('relief-apply-batches-'));
  small = copyOf(p.county, '县-小批.db');
  spare = copyOf(p.county, '县-备用.db');
  packages.push(join(p.dir, '报送1.fpkg'));
  await packTownship(p.township, townshipActor, { type: 'all' }, { out: packages[0]! });
  // The second snapshot: some members changed, some incomes gone.
  sqlRun(p.township, `UPDATE members SET name = name || '改', version = version + 1, updated_at = '2026-12-10T08:00:00.000Z' WHERE id IN (SELECT id FROM members ORDER BY id LIMIT 7)`);
  sqlRun(p.township, 'DELETE FROM incomes WHERE id IN (SELECT id FROM incomes ORDER BY id LIMIT 5)');
  packages.push(join(p.dir, '报送2.fpkg'));
  await packTownship(p.township, townshipActor, { type: 'all' }, { out: packages[1]! });
}, 120_000);

afterAll(() => {
  for (const a of [p.township, p.county, small, spare]) a.close();
  rmSync(p.dir, { recursive: true, force: true });
});

describe('county apply in batches', () => {
  it('writes the same rows with batches of 3 as with the default batch, across inserts, updates and removals', async () => {
    const members = sqlValue(p.township, 'SELECT count(*) FROM members') as number;
    expect(members).toBeGreaterThan(30); // many batches of 3
    for (const [i, file] of packages.entries()) {
      const progress: number[] = [];
      await unpackPackage(p.county, countyActor, file, { backupDir: join(p.dir, '备份') });
      await unpackPackage(small, countyActor, file, { backupDir: join(p.dir, '备份-小批'), applyBatchRows: 3, onProgress: (l, f) => l === '写入档案' && progress.push(f) });
      expect(travelling(small)).toBe(travelling(p.county));
      // Per batch, the bar moves on (and never backwards): the first snapshot writes every row,
      // the second only the 7 changed members (batches of 3, 3 and 1).
      expect(progress.length).toBeGreaterThan(i === 0 ? 20 : 3);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
    }
    expect(travelling(p.county)).toBe(travelling(p.township));
    expect(sqlValue(small, `SELECT count(*) FROM members WHERE name LIKE '%改'`)).toBe(7);
  });

  it('leaves the county archive unchanged when a later batch fails', async () => {
    let batches = 0;
    const r = await refusal(spare, () =>
      unpackPackage(spare, countyActor, packages[0]!, {
        backupDir: join(p.dir, '备份-备用'),
        applyBatchRows: 3,
        onProgress: (label) => {
          // Several batches are in when the "disk" fails.
          if (label === '写入档案' && ++batches === 6) throw new UserError('模拟：写入第六批时失败');
        },
      }),
    );
    expect(batches).toBe(6);
    expect(r.error.message).toBe('模拟：写入第六批时失败');
    expect(r.unchanged).toBe(true);
    expect(sqlValue(spare, 'SELECT count(*) FROM households')).toBe(0);
    expect(sqlValue(spare, 'SELECT count(*) FROM exchange_packages')).toBe(0);
    // Nothing left in the staging folder (decrypted rows never stay on disk).
    const staging = join(p.dir, '.交换暂存');
    expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
    // And the same package then goes in whole.
    await unpackPackage(spare, countyActor, packages[0]!, { backupDir: join(p.dir, '备份-备用'), applyBatchRows: 3 });
    expect(sqlValue(spare, 'SELECT count(*) FROM households')).toBe(40);
  });
});
