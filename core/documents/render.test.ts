// The single entry and its contract: refusals leave the archive unchanged and no file behind,
// an existing file is kept unless the clerk confirmed, a cancelled batch leaves nothing, a
// preview renders a batch's first records in memory, and the API runs a render as a job.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveChecksum, sqlGet, tempDir } from '../../db/testing.ts';
import type { DocumentFile, DocumentKindView, DocumentPreview, WallChartView } from '../../shared/api/documents.ts';
import { DOCUMENT_KINDS } from '../../shared/api/documents.ts';
import type { JobView } from '../../shared/api/jobs.ts';
import { fixedDayClock } from '../../shared/clock.ts';
import { createCoreDispatch } from '../api/index.ts';
import { generateDemo } from '../demo/index.ts';
import { createSession } from '../session.ts';
import { CANCELLED_MESSAGE } from '../../templates/layout/forms.ts';
import { pdfInfo } from '../../templates/layout/pdf-tools.ts';
import { documentKinds, renderDocument, renderToBuffer } from './index.ts';
import type { DocFixture } from './testing.ts';
import { documentsFixture, insertTestBatch, TEST_AS_OF } from './testing.ts';
import { TEST_PASSWORD } from '../testing.ts';

let fx: DocFixture;
let code: string;
let batchId: string;
beforeAll(() => {
  fx = documentsFixture(60, 'render');
  code = sqlGet<{ code: string }>(fx.archive, 'SELECT code FROM villages ORDER BY code LIMIT 1')!.code;
  batchId = insertTestBatch(fx.archive, { kind: 'exit', year: 2026, households: 5, meeting: true }).id;
});
afterAll(() => fx.dispose());

const leftovers = () => readdirSync(fx.dir).filter((f) => f.endsWith('.part'));

describe('renderDocument', () => {
  it('offers every kind of CLI.md with its scopes and formats', () => {
    expect(documentKinds().map((k) => k.kind).sort()).toEqual([...DOCUMENT_KINDS].sort());
    for (const k of documentKinds()) expect(k.label).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each([
    ['an unknown village', { kind: 'roster', scope: { villageCode: '999999999999' } }, /没有区划代码为 999999999999 的行政村/],
    ['an unknown household', { kind: 'enrollment', scope: { householdNo: 'X1' } }, /没有户编号为 X1 的农户/],
    ['a roster without a village', { kind: 'roster', scope: {} }, /需要指定一个行政村/],
    ['a bad paper size', { kind: 'wallchart', options: { paper: 'A5' } }, /纸张只能是 A3、A2 或 A1/],
  ] as const)('refuses %s in Chinese, with the archive unchanged and no file written', async (_name, req, message) => {
    const before = archiveChecksum(fx.archive.sqlite);
    const out = fx.file('refused.pdf');
    await expect(renderDocument(fx.archive, { asOf: TEST_AS_OF, ...req } as never, { out })).rejects.toThrow(message);
    expect(archiveChecksum(fx.archive.sqlite)).toBe(before);
    expect(existsSync(out)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it.each(DOCUMENT_KINDS.map((k) => [k] as const))('writes %s as a workbook with a title and print setup', async (kind) => {
    const scope = { publicity: { batchId }, meeting: { batchId }, roster: { villageCode: code }, 'verification-village': { villageCode: code }, 'income-calc': { villageCode: code }, 'sign-in': { batchId } }[kind as string] ?? {};
    const out = fx.file(`${kind}.xlsx`);
    const r = await renderDocument(fx.archive, { kind, format: 'xlsx', scope, asOf: TEST_AS_OF }, { out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.length).toBe(r.sheets);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').text).toMatch(/[\u4e00-\u9fa5]{4}/);
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1 });
  });

  it('keeps an existing file unless overwriting was confirmed, and checks the extension', async () => {
    const out = fx.file('exists.pdf');
    writeFileSync(out, 'keep me');
    await expect(renderDocument(fx.archive, { kind: 'wallchart', asOf: TEST_AS_OF }, { out })).rejects.toThrow(/文件已存在/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    await renderDocument(fx.archive, { kind: 'wallchart', asOf: TEST_AS_OF }, { out, overwrite: true });
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(renderDocument(fx.archive, { kind: 'wallchart', format: 'xlsx', asOf: TEST_AS_OF }, { out: fx.file('chart.pdf') })).rejects.toThrow(/应以 \.xlsx 结尾/);
  });

  it('stops a batch when cancelled, leaving no file and no partial file', async () => {
    const out = fx.file('cancelled.pdf');
    const controller = new AbortController();
    const done: number[] = [];
    const job = renderDocument(fx.archive, { kind: 'enrollment', asOf: TEST_AS_OF }, { out }, {
      signal: controller.signal,
      onProgress: (d) => {
        done.push(d);
        if (d === 3) controller.abort();
      },
    });
    await expect(job).rejects.toThrow(CANCELLED_MESSAGE);
    expect(done).toEqual([1, 2, 3]);
    expect(existsSync(out)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('previews the first records of a batch in memory', async () => {
    const r = await renderToBuffer(fx.archive, { kind: 'enrollment', scope: { villageCode: code }, asOf: TEST_AS_OF }, { limit: 2 });
    expect(r.truncated).toBe(true);
    expect(r.mime).toBe('application/pdf');
    expect(r.data.subarray(0, 5).toString()).toBe('%PDF-');
    const file = fx.file('preview.pdf');
    writeFileSync(file, r.data);
    expect(pdfInfo(file).pages).toBe(r.result.pages);
    expect(r.result.pages).toBeGreaterThanOrEqual(2);
  });
});

describe('the documents endpoints', () => {
  it('list kinds, preview, render as a job with progress, and give the dashboard its charts', async () => {
    const dataDir = tempDir('docs-api-');
    const session = createSession({ dataDir, clock: fixedDayClock(TEST_AS_OF) });
    const dispatch = createCoreDispatch(session);
    try {
      expect((await dispatch('archive.create', { name: '青山镇', code: '511922101000', county: '示例县', file: join(dataDir, 'a.db'), admin: { name: '测试', password: TEST_PASSWORD } })).ok).toBe(true);
      generateDemo(session.requireArchive(), { villages: 2, households: 20, seed: 'api', asOf: TEST_AS_OF, actor: session.actor() });
      const kinds = await dispatch('documents.kinds', {});
      expect(kinds.ok && (kinds.value as DocumentKindView[]).length).toBe(DOCUMENT_KINDS.length);

      const preview = await dispatch('documents.preview', { kind: 'card', asOf: TEST_AS_OF });
      if (!preview.ok) throw new Error(preview.error.message);
      const p = preview.value as DocumentPreview;
      expect(Buffer.from(p.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      expect(p.pages).toBeLessThanOrEqual(10);

      const rendered = await dispatch('documents.render', { kind: 'enrollment', asOf: TEST_AS_OF, jobId: 'doc-job-1' });
      if (!rendered.ok) throw new Error(rendered.error.message);
      const file = (rendered.value as DocumentFile).file;
      expect(file.startsWith(join(dataDir, '文档'))).toBe(true);
      expect(file).toMatch(/入户登记表_全镇_\d{14}\.pdf$/);
      expect(pdfInfo(file).pages).toBe((rendered.value as DocumentFile).pages);
      const status = await dispatch('jobs.status', { id: 'doc-job-1' });
      expect(status.ok && (status.value as JobView)).toMatchObject({ state: 'done', fraction: 1 });

      const wall = await dispatch('documents.wallchart', { year: null, asOf: TEST_AS_OF });
      expect(wall.ok && (wall.value as WallChartView).charts).toHaveLength(6);

      const refused = await dispatch('documents.render', { kind: 'roster', scope: { villageCode: '000000000000' } });
      expect(refused).toMatchObject({ ok: false, error: { kind: 'refused', message: expect.stringMatching(/没有区划代码/) as unknown } });
    } finally {
      session.close();
    }
  });
});
