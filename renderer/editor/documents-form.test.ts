import { describe, expect, it } from 'vitest';
import type { DocumentKindView, StepView } from '../../shared/api/index.ts';
import { documentRequest } from '../../shared/api/documents.ts';
import { chooseBatch, chooseKind, defaultNoticeStep, emptyForm, missingChoice, noticeStepOptions, requestKey, toRequest, yearOptions } from './documents-form.ts';

const kind = (k: Partial<DocumentKindView> & Pick<DocumentKindView, 'kind'>): DocumentKindView => ({
  label: k.kind,
  description: '',
  scopes: ['township'],
  formats: ['pdf', 'xlsx'],
  batch: false,
  options: [],
  ...k,
});
const roster = kind({ kind: 'roster', label: '村花名册', scopes: ['village'], options: ['registeredOnly', 'maskedIds'] });
const publicity = kind({ kind: 'publicity', label: '公示 / 公告', scopes: ['batch'], options: ['stepId', 'maskedIds', 'phones', 'issuer', 'basis', 'font'] });
const enrollment = kind({ kind: 'enrollment', label: '入户登记表', scopes: ['household', 'village', 'township', 'batch'], batch: true, options: ['registeredOnly'] });
const wallchart = kind({ kind: 'wallchart', label: '统计挂图', scopes: ['township'], options: ['paper'] });
const villageExit = kind({ kind: 'verification-village', scopes: ['village'], formats: ['pdf'], options: ['provinceAverageFen', 'incidenceMaxPercent'] });

const step = (s: Partial<StepView> & Pick<StepView, 'seq' | 'code'>): StepView =>
  ({ id: `s${s.seq}`, label: s.code, publicity: false, status: 'pending', statusLabel: '未开始', startedOn: null, ...s }) as StepView;

describe('choosing a document', () => {
  it('keeps a scope and format the new kind accepts, else takes its first', () => {
    let f = chooseKind(emptyForm(), enrollment);
    expect(f).toMatchObject({ kind: 'enrollment', scopeType: 'township', format: 'pdf' });
    f = chooseKind({ ...f, scopeType: 'household', format: 'xlsx' }, roster);
    expect(f).toMatchObject({ kind: 'roster', scopeType: 'village', format: 'xlsx' });
    f = chooseKind({ ...f, format: 'xlsx' }, villageExit);
    expect(f.format).toBe('pdf');
  });

  it('forgets the chosen notice step for a kind without steps and when the batch changes', () => {
    const f = { ...chooseKind(emptyForm(), publicity), batchId: 'b1', stepId: 's4' };
    expect(chooseKind(f, publicity).stepId).toBe('s4');
    expect(chooseKind(f, enrollment).stepId).toBeNull();
    expect(chooseBatch(f, 'b1').stepId).toBe('s4');
    expect(chooseBatch(f, 'b2')).toMatchObject({ batchId: 'b2', stepId: null });
  });

  it('says in Chinese what is still missing', () => {
    expect(missingChoice(emptyForm(), undefined)).toMatch(/选择要打印的文档/);
    const f = chooseKind(emptyForm(), roster);
    expect(missingChoice(f, roster)).toBe('请选择行政村。');
    expect(missingChoice({ ...f, villageCode: '511922101001' }, roster)).toBeNull();
    expect(missingChoice(chooseKind(emptyForm(), publicity), publicity)).toBe('请选择程序批次。');
    expect(missingChoice({ ...chooseKind(emptyForm(), enrollment), scopeType: 'household' }, enrollment)).toMatch(/请选择农户/);
    expect(missingChoice({ ...f, villageCode: 'x', scopeType: 'township' }, roster)).toMatch(/不能按“全镇”生成/);
    expect(missingChoice(chooseKind(emptyForm(), enrollment), enrollment)).toBeNull();
  });
});

describe('the request', () => {
  it('sends only the chosen scope and the options the kind reads, valid for the contract', () => {
    const f = {
      ...chooseKind(emptyForm(), publicity),
      villageCode: '511922101001',
      householdNo: 'H1',
      batchId: 'b1',
      stepId: 's4',
      year: 2025,
      options: { ...emptyForm().options, maskedIds: true, phone: ' 0838-1234567、0838-7654321 ', issuer: '', paper: 'A1' as const },
    };
    const req = toRequest(f, publicity);
    expect(req).toEqual({
      kind: 'publicity',
      format: 'pdf',
      scope: { villageCode: null, householdNo: null, batchId: 'b1' },
      year: 2025,
      options: { maskedIds: true, phones: ['0838-1234567', '0838-7654321'], font: null, issuer: null, basis: null, stepId: 's4' },
    });
    expect(documentRequest.safeParse(req).success).toBe(true);
  });

  it('gives the wall chart its paper and the village exit table the average in fen', () => {
    const w = toRequest({ ...chooseKind(emptyForm(), wallchart), options: { ...emptyForm().options, paper: 'A2' } }, wallchart);
    expect(w.options).toEqual({ paper: 'A2' });
    const v = toRequest({ ...chooseKind(emptyForm(), villageExit), villageCode: '511922101001', options: { ...emptyForm().options, provinceAverageYuan: 17_575.5 } }, villageExit);
    expect(v.options).toEqual({ provinceAverageFen: 1_757_550, incidenceMaxPercent: 3 });
    expect(v.scope).toEqual({ villageCode: '511922101001', householdNo: null, batchId: null });
    expect(documentRequest.safeParse(v).success).toBe(true);
  });

  it('keys equal requests alike and different ones apart', () => {
    const f = { ...chooseKind(emptyForm(), roster), villageCode: 'a' };
    expect(requestKey(toRequest(f, roster))).toBe(requestKey(toRequest({ ...f }, roster)));
    expect(requestKey(toRequest(f, roster))).not.toBe(requestKey(toRequest({ ...f, villageCode: 'b' }, roster)));
  });
});

describe('years and notice steps', () => {
  it('offers the latest year first, then this year back to 2014', () => {
    const y = yearOptions(2026);
    expect(y[0]).toEqual({ value: null, label: '最新收入年度' });
    expect(y[1]).toEqual({ value: 2026, label: '2026年' });
    expect(y.at(-1)).toEqual({ value: 2014, label: '2014年' });
    expect(y).toHaveLength(14);
  });

  it('lists the publicity steps and the announcement, and defaults to the open one', () => {
    const steps = [
      step({ seq: 1, code: 'application', status: 'closed' }),
      step({ seq: 4, code: 'village-publicity', label: '村级公示', publicity: true, status: 'closed', statusLabel: '已完成', startedOn: '2026-11-05' }),
      step({ seq: 6, code: 'township-publicity', label: '乡镇审核公示', publicity: true, status: 'open', statusLabel: '进行中', startedOn: '2026-11-20' }),
      step({ seq: 8, code: 'announcement', label: '公告' }),
    ];
    expect(noticeStepOptions(steps).map((o) => o.label)).toEqual(['第4步 村级公示（已完成，2026-11-05起）', '第6步 乡镇审核公示（进行中，2026-11-20起）', '第8步 公告（未开始）']);
    expect(defaultNoticeStep(steps)?.seq).toBe(6);
    expect(defaultNoticeStep(steps.map((s) => (s.seq === 6 ? { ...s, status: 'pending' as const, startedOn: null } : s)))?.seq).toBe(4);
    expect(defaultNoticeStep([steps[3]!])?.seq).toBe(8);
    expect(defaultNoticeStep([steps[0]!])).toBeNull();
  });
});
