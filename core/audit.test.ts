// The audit log as a hash chain: rows edited, deleted, moved or slipped in with raw SQL are found
// by verify, which names the row; an archive from before the chain is sealed once; no code but
// db/repos/audit.ts inserts into audit_log.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTransaction } from '../db/handles.ts';
import { AUDIT_ROW_COLUMNS, auditRowHash, recordAudit, sealAuditChain } from '../db/repos/audit.ts';
import type { StoredAuditRow } from '../db/repos/audit.ts';
import { insertPackageLog } from '../db/repos/exchange-log.ts';
import { freshArchive, sqlGet, sqlRun, sqlValue } from '../db/testing.ts';
import type { TempArchive } from '../db/testing.ts';
import { verifyAudit } from './audit.ts';

const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
let a: TempArchive | null = null;
afterEach(() => {
  a?.dispose();
  a = null;
});

/** A fresh archive with `n` audit rows written the way the app writes them. */
function chain(n: number): TempArchive {
  a = freshArchive();
  const archive = a;
  writeTransaction(archive.db, (w) => {
    for (let i = 1; i <= n; i++) {
      recordAudit(w, actor, { action: 'update', tableName: 'households', recordId: `h${i}`, householdId: `h${i}`, before: { bankAccount: '6228480000000000001' }, after: { bankAccount: '6228480000000000002' }, note: `修改第${i}户银行账号` });
    }
  });
  return archive;
}

const verify = (x: TempArchive) => verifyAudit(x.db);

describe('verify', () => {
  it('says 完整 with the row count and the last row’s hash', () => {
    const x = chain(5);
    const v = verify(x);
    expect(v).toMatchObject({ intact: true, rows: 5, broken: null, legacyRows: 0 });
    expect(v.head).toBe(sqlValue(x, 'SELECT hash FROM audit_log WHERE id = 5'));
    expect(v.summary).toMatch(/^审计记录完整：共 5 条/);
    const empty = freshArchive();
    expect(verifyAudit(empty.db)).toMatchObject({ intact: true, rows: 0, summary: '审计记录完整：还没有任何审计记录。' });
    empty.dispose();
  });

  it('finds a row whose content was edited, even one byte of a bank account, naming it', () => {
    const x = chain(5);
    sqlRun(x, `UPDATE audit_log SET after = replace(after, '0002', '0003') WHERE id = 3`);
    const v = verify(x);
    expect(v.broken).toMatchObject({ kind: 'changed', row: { id: 3, operator: '李会计', action: 'update', note: '修改第3户银行账号' } });
    expect(v.broken!.message).toMatch(/^第 3 条审计记录（.*李会计：修改第3户银行账号）的内容被改动过/);
    expect(v.summary).toMatch(/^审计记录有断点：/);
  });

  it('finds a row deleted in the middle, at the start and at the end', () => {
    const x = chain(5);
    sqlRun(x, 'DELETE FROM audit_log WHERE id = 3');
    expect(verify(x).broken).toMatchObject({ kind: 'missing', row: { id: 4 } });
    expect(verify(x).broken!.message).toMatch(/^第 3 条审计记录不见了（被删除）：缺口在第 4 条审计记录/);
    sqlRun(x, 'DELETE FROM audit_log WHERE id = 1');
    expect(verify(x).broken).toMatchObject({ kind: 'missing', row: { id: 2 } });

    const y = chain(5);
    sqlRun(y, 'DELETE FROM audit_log WHERE id >= 4');
    expect(verify(y).broken).toMatchObject({ kind: 'missing', row: null });
    expect(verify(y).broken!.message).toBe('最后的第 4–5 条审计记录不见了（被删除）：现在的最后一条是第 3 条。');
    // Rows written after the cut keep the gap: the cut stays visible.
    writeTransaction(y.db, (w) => recordAudit(w, actor, { action: 'insert', tableName: 'helpers', recordId: 'x' }));
    expect(verify(y).broken).toMatchObject({ kind: 'missing', row: { id: 6 }, message: expect.stringMatching(/^第 4–5 条审计记录不见了/) as string });
  });

  it('finds rows moved out of order', () => {
    const x = chain(5);
    sqlRun(x, 'UPDATE audit_log SET id = 100 WHERE id = 2');
    sqlRun(x, 'UPDATE audit_log SET id = 2 WHERE id = 3');
    sqlRun(x, 'UPDATE audit_log SET id = 3 WHERE id = 100');
    const v = verify(x);
    expect(v.broken).toMatchObject({ kind: 'reordered', row: { id: 2, note: '修改第3户银行账号' } });
    expect(v.broken!.message).toMatch(/^审计记录的顺序被调换过：紧接第 1 条之后的本应是现在的第 3 条，却是第 2 条审计记录/);
  });

  it('finds a row edited and re-hashed by someone who knows the formula: the next row no longer links to it', () => {
    const x = chain(4);
    sqlRun(x, "UPDATE audit_log SET note = '修改第2户联系电话' WHERE id = 2");
    const row = sqlGet<StoredAuditRow>(x, `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_log WHERE id = 2`)!;
    sqlRun(x, 'UPDATE audit_log SET hash = ? WHERE id = 2', auditRowHash(row.prevHash!, row));
    const v = verify(x);
    expect(v.broken).toMatchObject({ kind: 'missing', row: { id: 3 } });
    expect(v.broken!.message).toMatch(/^第 3 条审计记录（.*）之前的记录被删除或改写过：它记下的上一条记录与现在的第 2 条不符。$/);
  });

  it('finds a row slipped in with a database tool; the app’s next rows chain on past it', () => {
    const x = chain(3);
    sqlRun(x, "INSERT INTO audit_log (at, operator, action, table_name, record_id, note) VALUES ('2026-11-24T09:00:00.000Z', '站长', 'update', 'households', 'h1', '补录')");
    writeTransaction(x.db, (w) => recordAudit(w, actor, { action: 'insert', tableName: 'helpers', recordId: 'x' }));
    const v = verify(x);
    expect(v.broken).toMatchObject({ kind: 'unsealed', row: { id: 4, operator: '站长', note: '补录' } });
    expect(v.broken!.message).toMatch(/没有校验值：不是由本软件写入的/);
    expect(sqlValue(x, 'SELECT prev_hash FROM audit_log WHERE id = 5')).toBe(sqlValue(x, 'SELECT hash FROM audit_log WHERE id = 3'));
  });

  it('finds history cut after a package was made, against the head kept in the packages log', () => {
    const x = chain(5);
    const head = sqlValue(x, 'SELECT hash FROM audit_log WHERE id = 5') as string;
    writeTransaction(x.db, (w) =>
      insertPackageLog(w, {
        packageId: '00000000-0000-4000-8000-000000000001', kind: 'township-export', direction: 'out', seq: 1, senderFingerprint: '1'.repeat(30), senderName: '青山镇', recipientFingerprint: null,
        recipientName: null, payloadSha256: '0'.repeat(64), answersToId: null, answersToSha256: null, bytes: 1, at: '2026-11-24T08:00:00Z', operator: '李会计', authenticated: true, scope: 'all',
        townshipId: null, file: null, result: '', summary: null, auditLength: 5, auditHead: head,
      }),
    );
    expect(verify(x).intact).toBe(true);
    // The last row removed and AUTOINCREMENT's counter put back: only the package's mark still knows.
    sqlRun(x, 'DELETE FROM audit_log WHERE id = 5');
    sqlRun(x, "UPDATE sqlite_sequence SET seq = 4 WHERE name = 'audit_log'");
    expect(verify(x).broken).toMatchObject({ kind: 'head', row: null, message: '审计记录被删减：第 1 号报送数据包制作时共有 5 条，现在只有 4 条。' });
  });
});

describe('archives from before the chain', () => {
  const legacyRows = (x: TempArchive, n: number) => {
    for (let i = 1; i <= n; i++) sqlRun(x, "INSERT INTO audit_log (at, operator, action, table_name, record_id, note) VALUES ('2025-01-01T00:00:00.000Z', '旧操作员', 'update', 'households', ?, '旧记录')", `h${i}`);
  };

  it('are sealed once when opened: verify then says 完整 and that those rows were not protected before', () => {
    a = freshArchive();
    legacyRows(a, 3);
    expect(verify(a).broken).toMatchObject({ kind: 'unsealed', message: expect.stringMatching(/还没有串入校验链/) as string });
    const x = a;
    expect(writeTransaction(x.db, (w) => sealAuditChain(w, new Date('2026-11-24T08:00:00Z')))).toBe(3);
    expect(writeTransaction(x.db, (w) => sealAuditChain(w))).toBe(0);
    writeTransaction(x.db, (w) => recordAudit(w, actor, { action: 'insert', tableName: 'helpers', recordId: 'x' }));
    const v = verify(x);
    expect(v).toMatchObject({ intact: true, rows: 5, legacyRows: 3 });
    expect(v.summary).toMatch(/前 3 条写于升级到本版本之前，当时未受保护/);
    // An edit of a sealed legacy row is found like any other.
    sqlRun(x, "UPDATE audit_log SET note = '改过' WHERE id = 2");
    expect(verify(x).broken).toMatchObject({ kind: 'changed', row: { id: 2 } });
  });

  it('are sealed by the first write when the open path did not', () => {
    a = freshArchive();
    legacyRows(a, 2);
    const x = a;
    writeTransaction(x.db, (w) => recordAudit(w, actor, { action: 'insert', tableName: 'helpers', recordId: 'x' }));
    expect(verify(x)).toMatchObject({ intact: true, rows: 4, legacyRows: 2 });
  });
});

describe('one way into audit_log', () => {
  it('no code but db/repos/audit.ts inserts into the audit log', () => {
    const root = join(import.meta.dirname, '..');
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.name === 'node_modules' || e.name.startsWith('.') || e.name === 'dist') continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx|mjs|js)$/.test(e.name)) {
          const file = relative(root, p);
          if (file === join('db', 'repos', 'audit.ts')) continue;
          const text = readFileSync(p, 'utf8');
          // Tests tamper with raw SQL on purpose (through db/testing.ts); no code may write rows that way.
          const sqlInsert = !file.endsWith('.test.ts') && /INSERT\s+(OR\s+\w+\s+)?INTO\s+["'`]?audit_log\b/i.test(text);
          if (sqlInsert || /\.insert\(\s*(schema\.)?auditLog\b/.test(text) || /\b(inserter|insertInto)\([^)]*\bauditLog\b/.test(text)) offenders.push(file);
        }
      }
    };
    for (const d of ['db', 'core', 'cli', 'web', 'electron', 'shared', 'scripts', 'bench']) walk(join(root, d));
    expect(offenders).toEqual([]);
  });
});
