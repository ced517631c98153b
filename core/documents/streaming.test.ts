// Documents stream into the atomic writer's .part file: a multi-page roster and a village's
// enrollment forms come out complete (pages, first and last page), and a disk that fails
// midway — after part of the pages were already written — leaves neither the document nor a
// .part behind, with the Chinese message, and the archive unchanged.
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { archiveChecksum, sqlGet } from '../../db/testing.ts';
import { injectWriteFault } from '../files/atomic-write.ts';
import { pdfInfo, pdfPages } from '../../templates/layout/pdf-tools.ts';
import { docContext } from './context.ts';
import { renderDocument } from './index.ts';
import { rosterModel } from './roster.ts';
import type { DocFixture } from './testing.ts';
import { documentsFixture, TEST_AS_OF } from './testing.ts';

let fx: DocFixture;
let code: string;
beforeAll(() => {
  fx = documentsFixture(120, 'stream', 2);
  code = sqlGet<{ code: string }>(fx.archive, 'SELECT code FROM villages ORDER BY code LIMIT 1')!.code;
});
afterAll(() => fx.dispose());
afterEach(() => injectWriteFault(null));

const squash = (s: string) => s.replace(/\s+/g, '');
const leftovers = () => readdirSync(fx.dir).filter((f) => f.endsWith('.part'));

describe('streamed documents', () => {
  it('a multi-page roster is complete: every page numbered, the title first, the totals last', async () => {
    const out = fx.file('roster-streamed.pdf');
    const r = await renderDocument(fx.archive, { kind: 'roster', scope: { villageCode: code }, asOf: TEST_AS_OF }, { out });
    const m = rosterModel(docContext(fx.archive, { asOf: TEST_AS_OF }), code, { registeredOnly: false });
    const pages = pdfPages(out);
    expect(pdfInfo(out).pages).toBe(r.pages);
    expect(pages.length).toBe(r.pages);
    expect(r.pages).toBeGreaterThan(3);
    const first = squash(pages[0]!);
    const last = squash(pages[pages.length - 1]!);
    expect(first).toContain(squash(m.title));
    expect(first).toContain(`第1页共${pages.length}页`);
    expect(last).toContain(`合计${m.totals.households}户${m.totals.members}人`);
    expect(last).toContain(`第${pages.length}页共${pages.length}页`);
    expect(leftovers()).toEqual([]);
  });

  it('a village of enrollment forms is complete: one household per page, in order', async () => {
    const out = fx.file('enrollment-streamed.pdf');
    const r = await renderDocument(fx.archive, { kind: 'enrollment', scope: { villageCode: code }, asOf: TEST_AS_OF }, { out });
    const nos = [sqlGet<{ no: string }>(fx.archive, 'SELECT h.no FROM households h JOIN villages v ON v.id = h.village_id WHERE v.code = ? ORDER BY h.no LIMIT 1', code)!.no];
    nos.push(sqlGet<{ no: string }>(fx.archive, 'SELECT h.no FROM households h JOIN villages v ON v.id = h.village_id WHERE v.code = ? ORDER BY h.no DESC LIMIT 1', code)!.no);
    const pages = pdfPages(out);
    expect(pages.length).toBe(r.pages);
    expect(pdfInfo(out).pages).toBe(r.pages);
    expect(squash(pages[0]!)).toContain(nos[0]);
    expect(squash(pages[pages.length - 1]!)).toContain(nos[1]);
  });

  it.each(['roster', 'enrollment'] as const)('a disk full midway through the %s leaves no document and no .part, says so in Chinese, changes nothing', async (kind) => {
    const out = fx.file(`full-${kind}.pdf`);
    const before = archiveChecksum(fx.archive.sqlite);
    // 8 KB: past the first pages (they really reached the .part), far short of the whole document.
    injectWriteFault('ENOSPC', 8 * 1024);
    const job = renderDocument(fx.archive, { kind, scope: kind === 'roster' ? { villageCode: code } : {}, asOf: TEST_AS_OF }, { out });
    await expect(job).rejects.toThrow(/磁盘空间不足，无法在文件夹 .* 中保存 full-\w+\.pdf.*没有留下不完整的文件/);
    expect(existsSync(out)).toBe(false);
    expect(leftovers()).toEqual([]);
    expect(archiveChecksum(fx.archive.sqlite)).toBe(before);
  });
});
