// Every document kind printed from a small archive holding the longest values the field
// catalogue allows (names, 村民小组, address, village and helper names): no value is ever cut.
// Each kind is read back — the PDF's text in drawing order, the workbook's cells — and wherever
// the start of a long value shows, the whole value must be there ("阿卜杜热合…" fails). The kinds
// come from DOCUMENT_KINDS, with a scope chosen from what each kind accepts.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlGet, sqlRun } from '../../db/testing.ts';
import { DOCUMENT_KINDS } from '../../shared/api/documents.ts';
import type { DocumentKind, DocumentRequestInput } from '../../shared/api/documents.ts';
import { HOUSEHOLD_FIELDS, MEMBER_FIELDS } from '../../shared/fields/index.ts';
import { pdfDrawnText } from '../../templates/layout/pdf-tools.ts';
import { documentKinds, renderDocument } from './index.ts';
import type { DocFixture } from './testing.ts';
import { documentsFixture, insertTestBatch, TEST_AS_OF } from './testing.ts';

const maxOf = (fields: readonly { key: string; limits: { maxLength?: number } }[], key: string): number => fields.find((f) => f.key === key)!.limits.maxLength!;

/** `text` repeated and cut to exactly `n` characters. */
const fill = (text: string, n: number): string => text.repeat(Math.ceil(n / text.length)).slice(0, n);

const NAME_MAX = maxOf(MEMBER_FIELDS, 'name');
const GROUP_MAX = maxOf(HOUSEHOLD_FIELDS, 'groupName');
const ADDRESS_MAX = maxOf(HOUSEHOLD_FIELDS, 'address');

/** The long values, each unlike the others from its first characters on. */
const LONG = {
  head: fill('阿卜杜热合曼·买买提艾力·阿不都热西提江', NAME_MAX),
  spouse: fill('古丽娜尔·阿不都克力木·热合曼托合提', NAME_MAX),
  group: fill('第十二村民小组（原红旗村第三生产队片区）', GROUP_MAX),
  address: fill('四川省示例县青山镇红旗路东段老供销社后院三单元二楼左侧第一户', ADDRESS_MAX),
  village: '巴什托格拉克阿热勒村',
  helper: '热依拉·阿不都热合曼江',
};
/** Characters that start each value: where they show, the whole value must. */
const START = 5;

let fx: DocFixture;
let scopes: Record<'township' | 'village' | 'household' | 'batch', DocumentRequestInput['scope']>;

beforeAll(() => {
  fx = documentsFixture(48, 'long-values', 2);
  const village = sqlGet<{ id: string; code: string }>(fx.archive, 'SELECT id, code FROM villages ORDER BY code LIMIT 1')!;
  // A registered household with a helper (the kinds about 建档立卡户 print it), first by 户编号 in its village.
  const h = sqlGet<{ id: string; no: string }>(
    fx.archive,
    `SELECT id, no FROM households WHERE village_id = ? AND identification_year IS NOT NULL AND id IN (SELECT household_id FROM pairings) ORDER BY no LIMIT 1`,
    village.id,
  )!;
  sqlRun(fx.archive, 'UPDATE villages SET name = ? WHERE id = ?', LONG.village, village.id);
  sqlRun(fx.archive, 'UPDATE households SET group_name = ?, address = ? WHERE village_id = ?', LONG.group, LONG.address, village.id);
  sqlRun(fx.archive, "UPDATE members SET name = ? WHERE household_id = ? AND relation = '户主'", LONG.head, h.id);
  sqlRun(fx.archive, "UPDATE members SET name = ? WHERE household_id = ? AND relation = '配偶'", LONG.spouse, h.id);
  sqlRun(fx.archive, 'UPDATE helpers SET name = ? WHERE id IN (SELECT helper_id FROM pairings WHERE household_id = ?)', LONG.helper, h.id);
  // Batches list their households by 户编号: the long one first, in a notice long enough for two side-by-side column groups.
  sqlRun(fx.archive, 'UPDATE households SET no = ? WHERE id = ?', `0${h.no}`, h.id);
  const batch = insertTestBatch(fx.archive, { kind: 'monitoring', year: 2026, villageIds: [village.id], households: 22, meeting: true });
  scopes = { township: {}, village: { villageCode: village.code }, household: { householdNo: `0${h.no}` }, batch: { batchId: batch.id } };
});
afterAll(() => fx.dispose());

/** The long values cut somewhere in `text`: their start is there, the whole is not. */
function cut(text: string): string[] {
  return Object.values(LONG).filter((v) => text.includes(v.slice(0, START)) && !text.includes(v));
}

async function cellTexts(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => void out.push(cell.text.replace(/\s+/g, ''))));
  return out;
}

const cases = DOCUMENT_KINDS.flatMap((kind: DocumentKind) => documentKinds().find((k) => k.kind === kind)!.formats.map((format) => [kind, format] as const));

describe('the longest values the catalogue allows', () => {
  it('are at the catalogue limits', () => {
    expect([LONG.head.length, LONG.spouse.length, LONG.group.length, LONG.address.length]).toEqual([NAME_MAX, NAME_MAX, GROUP_MAX, ADDRESS_MAX]);
  });

  it.each(cases)('print whole in %s (%s)', async (kind, format) => {
    const view = documentKinds().find((k) => k.kind === kind)!;
    // The narrowest scope the kind accepts: one household, one batch, one village, else the township.
    const type = (['household', 'batch', 'village', 'township'] as const).find((t) => view.scopes.includes(t))!;
    const out = fx.file(`${kind}.${format}`);
    await renderDocument(fx.archive, { kind, format, scope: scopes[type], asOf: TEST_AS_OF }, { out, overwrite: true });
    if (format === 'pdf') {
      const text = pdfDrawnText(out);
      expect(cut(text)).toEqual([]);
      expect(text).not.toContain('…');
      // Every kind prints at least one of them (a kind about people its name, the 挂图 the village).
      expect(Object.values(LONG).filter((v) => text.includes(v)).length).toBeGreaterThan(0);
    } else {
      const cells = await cellTexts(out);
      expect(cells.flatMap(cut)).toEqual([]);
      expect(Object.values(LONG).filter((v) => cells.some((c) => c.includes(v))).length).toBeGreaterThan(0);
    }
  });
});
