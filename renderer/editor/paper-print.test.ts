import { describe, expect, it } from 'vitest';
import { batchPapers, printedNotice, villagePapers } from './paper-print.ts';
import { batchAtPublicity } from './workflow-fixture.ts';

describe('papers printed from a batch or village page', () => {
  it('a batch prints its open notice step, the meeting record and the sign-in sheet, as PDF for the batch', () => {
    const d = batchAtPublicity({});
    const papers = batchPapers(d);
    const open = d.steps.find((s) => s.status === 'open')!;
    expect(papers.map((p) => p.kind)).toEqual(['publicity', 'meeting', 'sign-in']);
    expect(papers[0]).toMatchObject({ label: `打印公示名单（第${open.seq}步）`, request: { kind: 'publicity', format: 'pdf', scope: { batchId: d.id }, options: { stepId: open.id } } });
    expect(papers[1]!.request).toEqual({ kind: 'meeting', format: 'pdf', scope: { batchId: d.id }, options: {} });
    expect(batchPapers({ ...d, steps: d.steps.map((s) => ({ ...s, meeting: false })) }).map((p) => p.kind)).toEqual(['publicity']);
  });

  it('a village prints every household’s 入户登记表 or 明白卡 in one document; none without households', () => {
    expect(villagePapers('511922101001', 216).map((p) => [p.kind, p.request.scope, p.disabled])).toEqual([
      ['enrollment', { villageCode: '511922101001' }, null],
      ['card', { villageCode: '511922101001' }, null],
    ]);
    expect(villagePapers('511922101001', 0)[0]!.disabled).toBe('本村还没有农户');
  });

  it('says whether the print dialog printed', () => {
    expect(printedNotice({ printed: true, title: '会议签到表', pages: 3 })).toEqual({ type: 'success', text: '已送往打印机：会议签到表（共 3 页）。' });
    expect(printedNotice({ printed: false, title: 'x', pages: 1 }).type).toBe('info');
  });
});
