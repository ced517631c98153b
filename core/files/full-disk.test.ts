// A full (or read-only) disk for each writer the clerk uses — documents (PDF and XLSX),
// export-xlsx, backup — by an injected write fault partway through the file. Both halves: the
// Chinese message naming the folder, and nothing left behind (neither the final file nor a .part).
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sqlGet } from '../../db/testing.ts';
import { backupArchive } from '../backup.ts';
import { renderDocument } from '../documents/index.ts';
import type { DocFixture } from '../documents/testing.ts';
import { documentsFixture, TEST_AS_OF } from '../documents/testing.ts';
import { exportRoster } from '../export.ts';
import { injectWriteFault } from './atomic-write.ts';

let fx: DocFixture;
let code: string;
let n = 0;
/** A fresh, empty output folder for each case, so "nothing left" is exact. */
const outDir = () => {
  const d = join(fx.dir, `out-${++n}`);
  mkdirSync(d);
  return d;
};
beforeAll(() => {
  fx = documentsFixture(40, 'full-disk', 2);
  code = sqlGet<{ code: string }>(fx.archive, 'SELECT code FROM villages ORDER BY code LIMIT 1')!.code;
});
afterAll(() => fx.dispose());
afterEach(() => injectWriteFault(null));

describe('a disk that fills up while writing', () => {
  it.each(['pdf', 'xlsx'] as const)('doc %s: Chinese message with the folder, no file, no .part, no crash', async (format) => {
    const dir = outDir();
    injectWriteFault('ENOSPC', 4096);
    const out = join(dir, `花名册.${format}`);
    const err = await renderDocument(fx.archive, { kind: 'roster', format, scope: { villageCode: code }, asOf: TEST_AS_OF }, { out }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(new RegExp(`^磁盘空间不足，无法在文件夹 ${dir} 中保存 花名册\\.${format}.*没有留下不完整的文件`));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a document over an existing file (confirmed overwrite) keeps the old one when the disk is full', async () => {
    const dir = outDir();
    const out = join(dir, 'wall.pdf');
    await renderDocument(fx.archive, { kind: 'wallchart', asOf: TEST_AS_OF }, { out });
    injectWriteFault('ENOSPC', 1000);
    await expect(renderDocument(fx.archive, { kind: 'wallchart', asOf: TEST_AS_OF }, { out, overwrite: true })).rejects.toThrow(/磁盘空间不足/);
    expect(readdirSync(dir)).toEqual(['wall.pdf']);
  });

  it('export-xlsx: Chinese message, not a truncated workbook under the final name', async () => {
    const dir = outDir();
    injectWriteFault('ENOSPC', 2000);
    await expect(exportRoster(fx.archive, join(dir, '导出.xlsx'), { exportedOn: TEST_AS_OF })).rejects.toThrow(new RegExp(`^磁盘空间不足，无法在文件夹 ${dir} 中保存 导出\\.xlsx`));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('export-xlsx onto a read-only stick says so', async () => {
    const dir = outDir();
    injectWriteFault('EROFS', 0);
    await expect(exportRoster(fx.archive, join(dir, '导出.xlsx'), { exportedOn: TEST_AS_OF })).rejects.toThrow(/无法在文件夹 .* 中保存 导出\.xlsx：该磁盘是只读的/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('backup: Chinese message with the space the copy needs; no copy, no key file, no .part', () => {
    const dir = outDir();
    injectWriteFault('ENOSPC');
    expect(() => backupArchive(fx.archive, join(dir, 'copy.db'))).toThrow(new RegExp(`^磁盘空间不足，无法在文件夹 ${dir} 中保存 copy\\.db（约需 [0-9.]+ [KMG]B`));
    expect(readdirSync(dir)).toEqual([]);
    injectWriteFault(null);
    expect(backupArchive(fx.archive, join(dir, 'copy.db')).file).toBe(join(dir, 'copy.db'));
  });
});
