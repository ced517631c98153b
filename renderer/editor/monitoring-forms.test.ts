import { describe, expect, it } from 'vitest';
import { boardSummary, checkInputFrom, levelPreview, removalInputFrom, removalPreview, remedyInputFrom, risksProblem } from './monitoring-forms.ts';

const TODAY = '2026-11-24';
const T = { year: 2026, redBelowFen: 500_000, yellowBelowFen: 1_000_000 };
const check = { checkedOn: TODAY, predicted: '', atRisk: [], findings: '', actions: '', checkedBy: '' };

describe('monthly check form', () => {
  it('previews the level exactly at the threshold edges, as the archive computes it', () => {
    expect(['4999.99', '5000', '9999.99', '10000'].map((p) => levelPreview({ predicted: p, atRisk: [] }, T)?.level)).toEqual(['red', 'yellow', 'yellow', 'green']);
    expect(levelPreview({ predicted: '12000', atRisk: ['housing'] }, T)).toMatchObject({ level: 'red', reasons: ['“两不愁三保障”有风险：住房安全有保障'] });
    expect(levelPreview({ predicted: '', atRisk: [] }, T)?.level).toBe('red');
    expect(levelPreview({ predicted: '12,000.5', atRisk: [] }, T)?.level).toBe('green');
    expect(levelPreview({ predicted: 'abc', atRisk: [] }, T)).toBeNull();
  });

  it('turns 元 into 分 and refuses what is not money', () => {
    expect(checkInputFrom({ ...check, predicted: '6500.5', atRisk: ['water', 'water'], checkedBy: ' 王干部 ' }, 'h', TODAY)).toEqual({
      ok: true,
      input: { householdId: 'h', checkedOn: TODAY, predictedPerCapitaFen: 650_050, atRisk: ['water'], findings: null, actions: null, checkedBy: '王干部' },
    });
    expect(checkInputFrom({ ...check, predicted: '-5' }, 'h', TODAY)).toMatchObject({ ok: false, field: 'predicted', message: '金额不能为负数' });
    expect(checkInputFrom({ ...check, checkedOn: '2026-12-01' }, 'h', TODAY)).toMatchObject({ ok: false, field: 'checkedOn' });
  });

  it('summarises the board', () => {
    const counts = { red: 1, yellow: 2, green: 1, total: 4, due: 2, overdue: 2 };
    expect(boardSummary({ asOf: TODAY, month: '2026-11', thresholds: T, counts, objects: [] })).toBe('2026年11月 监测对象 4 户：红色 1，黄色 2，绿色 1；本月待走访 2，上月也未走访 2');
  });
});

describe('risks, remedies and removal', () => {
  it('at most five risks, at least one', () => {
    expect(risksProblem([])).toBe('至少填写1项风险');
    expect(risksProblem(['因病', '因学', '因灾', '因残', '缺劳力'])).toBeNull();
    expect(risksProblem(['因病', '因学', '因灾', '因残', '缺劳力', '缺资金'])).toMatch(/最多5项，现有 6 项/);
    expect(risksProblem(['因病', '因病 ', ''])).toBeNull();
  });

  it('a remedy needs its shortfall and action', () => {
    const v = { checkId: null, shortfall: '', action: '', responsible: '', dueOn: '', doneOn: '', result: '' };
    expect(remedyInputFrom(v, 'h', null, TODAY)).toMatchObject({ ok: false, field: 'shortfall' });
    expect(remedyInputFrom({ ...v, shortfall: '住房', action: '危房改造', dueOn: '2027-03-01' }, 'h', null, TODAY)).toMatchObject({ ok: true, input: { dueOn: '2027-03-01', doneOn: null } });
    expect(remedyInputFrom({ ...v, shortfall: '住房', action: '危房改造', doneOn: '2027-03-01' }, 'h', null, TODAY)).toMatchObject({ ok: false, field: 'doneOn' });
  });

  it('flags a removal sooner than six months before it is saved', () => {
    expect(removalPreview({ identifiedOn: '2026-06-01' }, '2026-11-24')).toMatchObject({ early: true, months: 5 });
    expect(removalPreview({ identifiedOn: '2026-05-24' }, '2026-11-24')).toMatchObject({ early: false, months: 6 });
    expect(removalPreview({ identifiedOn: '202606' }, '2026-11-24')?.message).toMatch(/监测不足6个月（5个月）/);
    expect(removalPreview({ identifiedOn: null }, '2026-11-24')).toBeNull();
    expect(removalPreview({ identifiedOn: '2026-06-01' }, '2026-11')).toBeNull();
    expect(removalInputFrom({ method: null, removedOn: TODAY, decision: 'x', reason: '' }, 'h', TODAY)).toMatchObject({ ok: false, field: 'method' });
    expect(removalInputFrom({ method: '自然消除', removedOn: TODAY, decision: '', reason: '' }, 'h', TODAY)).toMatchObject({ ok: false, field: 'decision' });
  });
});
