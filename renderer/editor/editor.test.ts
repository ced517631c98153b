import { describe, expect, it } from 'vitest';
import { householdDraft } from '../../shared/api/index.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import { draftsEqual, isDirty } from './dirty.ts';
import { draftFromDetail, emptyDraft } from './draft.ts';
import { addIncomeYear, addMember, moveMember, removeMember, setIncomeAmount, setMemberFlag, setMemberText, setOtherCauses, setText } from './draft-ops.ts';
import { detailFixture, HEAD_ID } from './fixture.ts';
import { ageText, applyIdInput, idDerived, idFeedback, idMismatch } from './id-fill.ts';
import { liveIncome } from './income-live.ts';
import { fenToYuanInput, parseYuanInput, tidyYuanInput } from './money-input.ts';
import { editorField, tabOfField, toHouseholdDraft } from './to-draft.ts';

const TODAY = new Date('2026-06-01T00:00:00Z');

describe('draft from detail', () => {
  const d = draftFromDetail(detailFixture());
  it('copies the household as text, money as 元 with two decimals', () => {
    expect(d.no).toBe('5119221010010001');
    expect(d.version).toBe(3);
    expect(d.farmlandMu).toBe('2.5');
    expect(d.housingArea).toBe('');
    expect(d.otherCauses).toEqual(['缺技术']);
    expect(d.incomes[0]!.amounts.businessFen).toBe('3500.50');
    expect(d.incomes[0]!.amounts.propertyFen).toBe('0.00');
    expect(d.incomes[0]!.householdSize).toBe('2');
  });
  it('keeps current members in order and puts those who left last', () => {
    expect(d.members.map((m) => m.name)).toEqual(['张三', '李四', '张老汉']);
    expect(d.members[2]!.leftReason).toBe('死亡');
  });
  it('a new household starts with one empty 户主 row', () => {
    const e = emptyDraft('v1');
    expect(e.members).toHaveLength(1);
    expect(e.members[0]!.relation).toBe('户主');
    expect(e.id).toBeNull();
  });
});

describe('typing an ID number', () => {
  const blank = emptyDraft().members[0]!;
  it('fills gender and birth date at once, and so the age', () => {
    const id = makeIdNumber('110105', '1990-02-03', 124, '女');
    const m = applyIdInput(blank, id, TODAY);
    expect(m.gender).toBe('女');
    expect(m.birthDate).toBe('1990-02-03');
    expect(ageText(m.birthDate, '2026-06-01')).toBe('36');
    expect(idDerived(m, TODAY)).toBe(true);
  });
  it('accepts a lower-case x and spaces', () => {
    const id = makeIdNumber('110105', '1985-12-31', 3, '男');
    const typed = id.endsWith('X') ? id.slice(0, -1) + 'x' : id;
    expect(applyIdInput(blank, ` ${typed} `, TODAY).birthDate).toBe('1985-12-31');
  });
  it('says at once that the check digit is wrong', () => {
    const bad = HEAD_ID.slice(0, 17) + (HEAD_ID[17] === '0' ? '1' : '0');
    const m = applyIdInput(blank, bad, TODAY);
    expect(m.gender).toBe('');
    expect(idFeedback(bad, true, TODAY)).toEqual({ state: 'error', message: expect.stringContaining('校验位错误') as string });
  });
  it('counts digits while typing, but calls a short number wrong once the cell is left', () => {
    expect(idFeedback('110105199', true, TODAY)).toEqual({ state: 'typing', message: '已输入 9 位，共 18 位' });
    expect(idFeedback('110105199', false, TODAY).state).toBe('error');
    expect(idFeedback('11010519A', true, TODAY).state).toBe('error');
    expect(idFeedback('', false, TODAY).state).toBe('empty');
  });
  it('leaves a recorded gender that disagrees with the ID editable, and says what the ID shows', () => {
    const m = { ...draftFromDetail(detailFixture()).members[0]!, gender: '女' };
    expect(idDerived(m, TODAY)).toBe(false);
    expect(idMismatch(m, TODAY)).toBe('与身份证号不一致：身份证号显示为男、1970-05-06出生');
    expect(idMismatch(applyIdInput(m, m.idNumber, TODAY), TODAY)).toBeNull();
  });
  it('goes through the draft operation', () => {
    const id = makeIdNumber('511922', '2010-07-01', 51, '男');
    const d = setMemberText(emptyDraft(), 0, 'idNumber', id, TODAY);
    expect(d.members[0]).toMatchObject({ idNumber: id, gender: '男', birthDate: '2010-07-01' });
  });
});

describe('dirty detection', () => {
  const base = draftFromDetail(detailFixture());
  it('is clean when nothing changed, even for a fresh copy with the same data', () => {
    expect(isDirty(draftFromDetail(detailFixture()), base)).toBe(false);
  });
  it('sees any edit, and is clean again when it is typed back', () => {
    const edited = setText(base, 'address', '青山村二组');
    expect(isDirty(edited, base)).toBe(true);
    expect(isDirty(setText(edited, 'address', base.address), base)).toBe(false);
  });
  it('sees reordering and a removed member; an added then removed row is no change', () => {
    expect(isDirty(moveMember(base, 1, -1), base)).toBe(true);
    expect(isDirty(removeMember(base, 1), base)).toBe(true);
    const added = addMember(base);
    expect(added.members[2]!.name).toBe('');
    expect(added.members[3]!.name).toBe('张老汉');
    expect(draftsEqual(removeMember(added, 2), base)).toBe(true);
  });
});

describe('edits', () => {
  const base = draftFromDetail(detailFixture());
  it('keeps other causes to two, never the main cause', () => {
    expect(setOtherCauses(base, ['因病', '缺资金', '因学', '缺技术']).otherCauses).toEqual(['缺资金', '因学']);
    expect(setText(base, 'mainCause', '缺技术').otherCauses).toEqual([]);
  });
  it('moving past either end does nothing', () => {
    expect(moveMember(base, 0, -1)).toBe(base);
    expect(moveMember(base, 2, 1)).toBe(base);
  });
  it('a new year follows the newest, sized to the current members', () => {
    const d = addIncomeYear(base, 2026);
    expect(d.incomes.map((r) => r.year)).toEqual([2026, 2025]);
    expect(d.incomes[0]!.householdSize).toBe('2');
    expect(addIncomeYear(emptyDraft(), 2024).incomes[0]!.year).toBe(2024);
    expect(addIncomeYear(base, 2026, 2023).incomes.map((r) => r.year)).toEqual([2025, 2023]);
    expect(addIncomeYear(base, 2026, 2025)).toBe(base);
  });
});

describe('money in 元', () => {
  it('parses what clerks type', () => {
    expect(parseYuanInput('1200')).toEqual({ ok: true, fen: 120000 });
    expect(parseYuanInput('1,200.5')).toEqual({ ok: true, fen: 120050 });
    expect(parseYuanInput('０.０５')).toEqual({ ok: true, fen: 5 });
    expect(parseYuanInput('.5')).toEqual({ ok: true, fen: 50 });
    expect(parseYuanInput('')).toEqual({ ok: true, fen: 0 });
    expect(parseYuanInput('12.345').ok).toBe(false);
    expect(parseYuanInput('-3').ok).toBe(false);
    expect(parseYuanInput('abc').ok).toBe(false);
  });
  it('shows two decimals after the cell is left', () => {
    expect(tidyYuanInput('1200')).toBe('1200.00');
    expect(tidyYuanInput('0.1')).toBe('0.10');
    expect(tidyYuanInput('1x')).toBe('1x');
    expect(fenToYuanInput(5)).toBe('0.05');
  });
});

describe('live income totals', () => {
  it('match computeIncome on the typed components and that year’s size', () => {
    const d = draftFromDetail(detailFixture());
    const live = liveIncome(d.incomes[0]!);
    expect(live).toMatchObject({ transferFen: 120_000, grossFen: 1_670_050, netFen: 1_570_050, perCapitaFen: 785_025, invalid: [] });
    const edited = setIncomeAmount(d, 2025, 'wageFen', '12000.5x');
    expect(liveIncome(edited.incomes[0]!).invalid).toEqual(['工资性收入']);
    expect(liveIncome({ ...d.incomes[0]!, householdSize: '' }).perCapitaFen).toBeNull();
  });
});

describe('draft → HouseholdDraft', () => {
  it('turns 元 into 分, blanks into null, and passes the API schema', () => {
    const d = setIncomeAmount(draftFromDetail(detailFixture()), 2025, 'propertyFen', '88.8');
    const { draft, errors } = toHouseholdDraft(d);
    expect(errors).toEqual([]);
    expect(draft.expectedVersion).toBe(3);
    expect(draft.address).toBe('青山村一组8号');
    expect(draft.housingArea).toBeNull();
    expect(draft.farmlandMu).toBe(2.5);
    expect(draft.incomes![0]).toMatchObject({ year: 2025, householdSize: 2, propertyFen: 8880, businessFen: 350_050 });
    expect(draft.members.map((m) => m.name)).toEqual(['张三', '李四', '张老汉']);
    expect(draft.members[2]!.leftReason).toBe('死亡');
    expect(householdDraft.safeParse(draft).success).toBe(true);
  });
  it('leaves out blank new rows and maps API paths back to editor rows', () => {
    let d = addMember(addMember(emptyDraft('v1')));
    d = setText(d, 'no', 'A001');
    d = setMemberText(d, 0, 'name', '王五', TODAY);
    d = setMemberText(d, 2, 'name', '王小', TODAY);
    d = setMemberText(d, 2, 'relation', '之子', TODAY);
    const c = toHouseholdDraft(d);
    expect(c.errors).toEqual([]);
    expect(c.draft.members.map((m) => m.name)).toEqual(['王五', '王小']);
    expect(c.memberRows).toEqual([0, 2]);
    expect(editorField('members.1.idNumber', c.memberRows)).toBe('members.2.idNumber');
    expect(editorField('no', c.memberRows)).toBe('no');
    expect(householdDraft.safeParse(c.draft).success).toBe(true);
  });
  it('reports what the API would refuse, by field, in Chinese', () => {
    let d = setText(emptyDraft(''), 'bankAccount', '123');
    d = setMemberText(d, 0, 'name', '赵六', TODAY);
    d = setMemberText(d, 0, 'relation', '', TODAY);
    d = addIncomeYear(d, 2025);
    d = setIncomeAmount(d, 2025, 'wageFen', '1.234');
    const { errors } = toHouseholdDraft(d);
    expect(errors.map((e) => e.field)).toEqual(['villageId', 'no', 'bankAccount', 'members.0.relation', 'incomes.0.wageFen']);
    expect(errors.every((e) => /\p{Script=Han}/u.test(e.message))).toBe(true);
    expect(tabOfField('incomes.0.wageFen')).toBe('incomes');
  });
  it('refuses an ID with a wrong check digit, as the archive would; a valid one is normalised', () => {
    let d = setMemberText(emptyDraft('v1'), 0, 'name', '钱七', TODAY);
    d = setText(d, 'no', 'B2');
    d = setMemberText(d, 0, 'idNumber', HEAD_ID.slice(0, 17) + (HEAD_ID[17] === '1' ? '2' : '1'), TODAY);
    const c = toHouseholdDraft(d);
    expect(c.errors).toEqual([expect.objectContaining({ field: 'members.0.idNumber', message: expect.stringMatching(/钱七：身份证号校验位错误/) as unknown })]);
    const x = makeIdNumber('110105', '1985-12-31', 3, '男');
    const typed = x.toLowerCase();
    expect(toHouseholdDraft(setMemberText(d, 0, 'idNumber', typed, TODAY)).draft.members[0]!.idNumber).toBe(x);
  });
});

describe('the member fields behind 更多', () => {
  it('carries phone, work months and insurance flags into the saved draft, and checks them', () => {
    let d = draftFromDetail(detailFixture());
    d = setMemberText(d, 0, 'phone', '13812345678', TODAY);
    d = setMemberText(d, 0, 'workMonths', '8', TODAY);
    d = setMemberFlag(d, 0, 'medicalInsurance', false);
    const c = toHouseholdDraft(d);
    expect(c.errors).toEqual([]);
    expect(c.draft.members[0]).toMatchObject({ phone: '13812345678', workMonths: 8, medicalInsurance: false });
    expect(toHouseholdDraft(setMemberText(d, 0, 'workMonths', '13', TODAY)).errors).toEqual([expect.objectContaining({ field: 'members.0.workMonths' })]);
  });
});
