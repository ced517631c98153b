// Backups the program makes by itself are never refused for their name: two within the same
// second (a second import right after the first) get -2, -3 … instead of "备份文件已存在".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing.ts';
import { backupNameFor } from './backup-copy.ts';

describe('backup names', () => {
  it('takes the archive name, the reason and the stamp, then -2, -3 when the second already has one', () => {
    const dir = tempDir('backup-name-');
    const first = backupNameFor(dir, '/档案/青山镇.db', '导入前', '20261124-080003');
    expect(first).toBe(join(dir, '青山镇-导入前-20261124-080003.db'));
    writeFileSync(first, '');
    const second = backupNameFor(dir, '/档案/青山镇.db', '导入前', '20261124-080003');
    expect(second).toBe(join(dir, '青山镇-导入前-20261124-080003-2.db'));
    writeFileSync(second, '');
    expect(backupNameFor(dir, '/档案/青山镇.db', '导入前', '20261124-080003')).toBe(join(dir, '青山镇-导入前-20261124-080003-3.db'));
  });
});
