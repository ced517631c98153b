import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { householdByNo, listHouseholds, changeStatus } from '../db/repos/households.ts';
import { tempDir } from '../db/testing.ts';
import { initArchive, openArchive } from './archive.ts';
import { backupArchive, restoreArchive } from './backup.ts';
import { generateDemo } from './demo/index.ts';

const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
let dir: string;
let file: string;
let firstNo: string;
let key: Buffer;

function statusOf(no: string): string {
  const a = openArchive(file, { key });
  try {
    return householdByNo(a.db, no)!.status;
  } finally {
    a.close();
  }
}

beforeEach(() => {
  dir = tempDir();
  file = join(dir, '青山镇.db');
  const a = initArchive({ file, name: '青山镇', code: '511922101000', province: '四川省' }, actor);
  generateDemo(a, { villages: 2, households: 40, seed: 'backup', asOf: '2026-11-24', actor });
  firstNo = listHouseholds(a.db, { status: 'ordinary', limit: 1 }).items[0]!.no;
  key = a.key!;
  a.close();
});

describe('backup and restore', () => {
  it('backs up a consistent, openable copy and refuses to overwrite', () => {
    const out = join(dir, 'copy.db');
    const live = openArchive(file, { key });
    expect(backupArchive(live, out)).toEqual({ file: out, keyFile: null });
    const copy = openArchive(out, { key });
    expect(listHouseholds(copy.db).total).toBe(40);
    copy.close();
    const before = sha(out);
    expect(() => backupArchive(live, out)).toThrow(/已存在/);
    live.close();
    expect(sha(out)).toBe(before);
  });

  it('restores a backup and keeps the replaced archive aside', () => {
    const out = join(dir, 'before-change.db');
    const live = openArchive(file, { key });
    backupArchive(live, out);
    live.close();
    const a = openArchive(file, { key });
    changeStatus(a.db, actor, { householdId: householdByNo(a.db, firstNo)!.id, status: 'edge', effectiveOn: '2026-11-24', decision: '测试决定' });
    a.close();
    expect(statusOf(firstNo)).toBe('edge');

    const r = restoreArchive(out, openArchive(file, { key }), actor);
    expect(statusOf(firstNo)).toBe('ordinary');
    expect(r.previous).not.toBeNull();
    const previous = openArchive(r.previous!, { key });
    expect(householdByNo(previous.db, firstNo)!.status).toBe('edge');
    previous.close();
    expect(readdirSync(dir).filter((f) => f.includes('恢复中'))).toEqual([]);
  });

  it('refuses a file that is not an archive and leaves the current archive as it was', () => {
    const bogus = join(dir, '花名册.xlsx');
    writeFileSync(bogus, 'PK\u0003\u0004 a workbook');
    const before = sha(file);
    const live = openArchive(file, { key });
    expect(() => restoreArchive(bogus, live, actor)).toThrow(/不是扶贫档案文件/);
    live.close();
    expect(sha(file)).toBe(before);
    expect(existsSync(join(dir, '备份'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('恢复中'))).toEqual([]);
    const again = openArchive(file, { key });
    expect(() => restoreArchive(join(dir, 'missing.db'), again, actor)).toThrow(/找不到备份文件/);
    again.close();
  });
});
