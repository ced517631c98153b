import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveChecksum, tempDir } from '../../db/testing.ts';
import { initArchive } from '../archive.ts';
import type { Archive } from '../archive.ts';
import { applyUpload, checkUpload } from './upload.ts';

const SAMPLE = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'sample-roster-2019.xlsx');
const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
let archive: Archive;
const upload = (bytes: Buffer) => ({ fileName: '花名册.xlsx', dataBase64: bytes.toString('base64') });

beforeEach(() => {
  archive = initArchive({ file: join(tempDir(), 'a.db'), name: '青山镇', code: '513722101000' }, actor);
});
afterEach(() => archive.close());

describe('importing from the app (uploaded bytes)', () => {
  it('checks without writing, then imports', async () => {
    const before = archiveChecksum(archive.sqlite);
    const checked = await checkUpload(archive, actor, upload(readFileSync(SAMPLE)));
    expect(checked).toMatchObject({ fileName: '花名册.xlsx', refused: false, applied: false, households: 300, members: 1078 });
    expect(archiveChecksum(archive.sqlite)).toBe(before);
    const applied = await applyUpload(archive, actor, { ...upload(readFileSync(SAMPLE)), year: 2019 });
    expect(applied).toMatchObject({ applied: true, households: 300 });
    expect(archive.sqlite.prepare('SELECT DISTINCT year FROM status_history').all()).toEqual([{ year: 2019 }]);
  });

  it('answers a refusal from check with every problem, and refuses apply, writing nothing', async () => {
    const before = archiveChecksum(archive.sqlite);
    const r = await checkUpload(archive, actor, upload(readFileSync(SAMPLE)));
    expect(r.refused).toBe(false);
    await applyUpload(archive, actor, { ...upload(readFileSync(SAMPLE)), year: null });
    const again = await checkUpload(archive, actor, upload(readFileSync(SAMPLE)));
    expect(again.refused).toBe(true);
    expect(again.problems[0]).toMatchObject({ row: 4, column: '户编号', severity: 'error', message: expect.stringMatching(/户编号5137220001000001已在档案中/) as unknown });
    expect(again.problems.at(-1)!.message).toMatch(/另有 280 户/);
    const after = archiveChecksum(archive.sqlite);
    await expect(applyUpload(archive, actor, { ...upload(readFileSync(SAMPLE)), year: null })).rejects.toThrow(/导入被拒绝/);
    expect(archiveChecksum(archive.sqlite)).toBe(after);
    expect(before).not.toBe(after);
    await expect(checkUpload(archive, actor, upload(Buffer.from('not a workbook')))).rejects.toThrow(/不是可以读取的 Excel 工作簿/);
  });
});
