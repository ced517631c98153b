// The township's audit chain upstream: each export carries its length and head; the county holds
// the next package against what the previous one carried — continuous, cut, or rewritten (even by
// someone who recomputed every hash after the change) — and shows it, without refusing the data.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '../../db/handles.ts';
import { AUDIT_GENESIS, AUDIT_ROW_COLUMNS, auditRowHash, recordAudit } from '../../db/repos/audit.ts';
import type { StoredAuditRow } from '../../db/repos/audit.ts';
import { sqlAll, sqlRun, sqlValue, tempDir } from '../../db/testing.ts';
import { verifyAudit } from '../audit.ts';
import { countyTownships } from './county-review.ts';
import { packTownship } from './export.ts';
import { countyActor, makePair, townshipActor } from './testing.ts';
import type { Pair } from './testing.ts';
import { unpackPackage } from './unpack.ts';

let p: Pair;
let n = 0;
/** Audit rows the township already has (making the archive and its key): the counts below are on top. */
let base = 0;
beforeAll(async () => {
  p = await makePair(tempDir('relief-audit-chain-'), 6);
  base = verifyAudit(p.township.db).rows;
}, 60_000);
afterAll(() => {
  p.township.close();
  p.county.close();
  rmSync(p.dir, { recursive: true, force: true });
});

/** The township's clerk at work: `k` more audit rows. */
function work(k: number): void {
  writeTransaction(p.township.db, (w) => {
    for (let i = 0; i < k; i++) recordAudit(w, townshipActor, { action: 'insert', tableName: 'helpers', recordId: `helper-${++n}`, note: `新增帮扶责任人${n}` });
  });
}

/** Township packs, county imports: what the county says about the chain. */
async function send(): Promise<Awaited<ReturnType<typeof unpackPackage>>> {
  const file = join(p.dir, `报送${++n}.fpkg`);
  const packed = await packTownship(p.township, townshipActor, { type: 'all' }, { out: file });
  expect(packed.audit).toMatchObject({ rows: verifyAudit(p.township.db).rows });
  const preview = await unpackPackage(p.county, countyActor, file, { dryRun: true });
  const r = await unpackPackage(p.county, countyActor, file, { backupDir: join(p.dir, '备份') });
  expect(r.applied).toBe(true);
  expect(preview.audit).toEqual(r.audit);
  return r;
}

/** Someone who knows the formula: edits row `id` and recomputes every hash after it (and the township's own package records). */
function rewriteFrom(id: number, note: string): void {
  sqlRun(p.township, 'UPDATE audit_log SET note = ? WHERE id = ?', note, id);
  let prev = id === 1 ? AUDIT_GENESIS : (sqlValue(p.township, 'SELECT hash FROM audit_log WHERE id = ?', id - 1) as string);
  for (const r of sqlAll<StoredAuditRow>(p.township, `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_log WHERE id >= ? ORDER BY id`, id)) {
    const hash = auditRowHash(prev, r);
    sqlRun(p.township, 'UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?', prev, hash, r.id);
    prev = hash;
  }
  const length = sqlValue(p.township, 'SELECT count(*) FROM audit_log') as number;
  sqlRun(p.township, "UPDATE exchange_packages SET audit_length = ?, audit_head = ? WHERE direction = 'out'", length, prev);
}

describe('the audit chain at the county', () => {
  it('first package: the chain is noted; next: it goes on from the last one', async () => {
    work(3);
    const first = await send();
    expect(first.audit).toMatchObject({ status: 'first', warning: false, length: base + 3 });
    work(2);
    const second = await send();
    expect(second.audit).toMatchObject({ status: 'continuous', warning: false, length: base + 5, message: `审计记录连续：上次报送（第 1 号数据包）时 ${base + 3} 条，这次 ${base + 5} 条（新增 2 条）。` });
  });

  it('a package made after history was rewritten — every hash recomputed — is flagged, and the data still imported', async () => {
    rewriteFrom(base + 2, '新增帮扶责任人（改过）');
    work(1);
    // The township's own check passes: the forger fixed its package records too. Only the county can tell.
    expect(verifyAudit(p.township.db).intact).toBe(true);
    const r = await send();
    expect(r.audit).toMatchObject({ status: 'rewritten', warning: true });
    expect(r.audit!.message).toBe(`审计记录被删改：乡镇档案中的审计记录与上次报送（第 2 号数据包）时不同（前 ${base + 5} 条记录被删除或改写过）。`);
  });

  it('a package made after history was cut is flagged as cut', async () => {
    sqlRun(p.township, 'DELETE FROM audit_log WHERE id > ?', base + 3);
    sqlRun(p.township, "UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'", base + 3);
    const r = await send();
    expect(r.audit).toMatchObject({ status: 'cut', warning: true, length: base + 3, message: `审计记录被删减：上次报送（第 3 号数据包）时共 ${base + 6} 条，这次只有 ${base + 3} 条。` });
  });

  it('the township page shows the latest verdict and the earlier warnings', () => {
    const t = countyTownships(p.county)[0]!;
    expect(t.audit).toMatchObject({ status: 'cut', warning: true, length: base + 3 });
    expect(t.auditWarnings).toEqual([expect.stringMatching(/^第 3 号数据包（\d{4}-\d\d-\d\d 导入）：审计记录被删改/)]);
  });

  it('a township whose own check fails says so in the package', async () => {
    work(1);
    sqlRun(p.township, "UPDATE audit_log SET note = '改过' WHERE id = ?", base + 2);
    const r = await send();
    expect(r.audit).toMatchObject({ status: 'broken', warning: true });
    expect(r.audit!.message).toMatch(new RegExp(`^乡镇档案的审计记录自检未通过：第 ${base + 2} 条审计记录`));
    expect(r.audit!.message).toMatch(/审计记录（.*）的内容被改动过/);
  });
});
