// The field catalogue and what derives from it: one entry's limits are the save schema's, the
// editor's conversions and the import's; personal fields are masked for the public by their entry.
import { describe, expect, it } from 'vitest';
import { CODE_LISTS } from '../code-lists/index.ts';
import { householdDraft } from '../api/households.ts';
import { FIELDS, HOUSEHOLD_FIELDS, MEMBER_FIELDS, draftFields, fieldOf, isCode, isCodes } from './index.ts';
import { fromInput, toInput } from './input.ts';
import { INTERNAL, PUBLIC, present, presentRecord } from './mask.ts';
import { printedField } from './print.ts';
import { fieldSchema } from './schema.ts';

const f = (record: 'household' | 'member' | 'income', key: string) => fieldOf(record, key)!;

describe('the catalogue', () => {
  it('names each field once per record, with Chinese labels and known value lists', () => {
    for (const [record, fields] of Object.entries(FIELDS)) {
      const keys = fields.map((x) => x.key);
      expect(new Set(keys).size, record).toBe(keys.length);
      for (const x of fields) {
        expect(x.label, x.key).toMatch(/\p{Script=Han}/u);
        if (isCode(x.kind)) expect(CODE_LISTS[x.kind.code], x.key).toBeDefined();
        if (isCodes(x.kind)) expect(CODE_LISTS[x.kind.codes], x.key).toBeDefined();
        if (x.mask) expect(x.sensitivity, x.key).toBe('personal');
      }
    }
  });

  it('marks ID, phone, bank and health as personal', () => {
    for (const [record, key] of [['member', 'idNumber'], ['member', 'phone'], ['member', 'health'], ['member', 'disabilityGrade'], ['household', 'phone'], ['household', 'bankAccount'], ['household', 'bankName']] as const) {
      expect(f(record, key).sensitivity, key).toBe('personal');
    }
  });
});

describe('save schemas from the entries', () => {
  const parse = (field: ReturnType<typeof f>, v: unknown) => fieldSchema(field).safeParse(v);
  const message = (field: ReturnType<typeof f>, v: unknown): string => {
    const r = parse(field, v);
    return r.success ? '' : r.error.issues[0]!.message;
  };

  it('refuses what an entry’s limits refuse, saying so in Chinese', () => {
    expect(message(f('household', 'bankAccount'), '123')).toBe('银行账号应为12到23位数字');
    expect(message(f('member', 'name'), 'x'.repeat(21))).toBe('姓名不能超过20个字');
    expect(message(f('member', 'name'), '')).toBe('请填写姓名');
    expect(message(f('member', 'workMonths'), 13)).toBe('务工时间（月）应为0到12之间的整数');
    expect(message(f('household', 'housingArea'), -1)).toBe('住房面积不能为负数');
    expect(message(f('household', 'buildYear'), Number.NaN)).toBe('建房时间应为1900到2100之间的整数');
    expect(message(f('household', 'otherCauses'), ['因病', '因残', '因学'])).toBe('其他致贫原因最多选2项');
    expect(parse(f('household', 'buildYear'), 2008).success).toBe(true);
    expect(parse(f('household', 'buildYear'), undefined)).toMatchObject({ success: true, data: null });
  });

  it('the household draft carries exactly the fields the page edits', () => {
    const r = householdDraft.safeParse({ villageId: 'v', no: 'A1', buildYear: 1998, members: [{ name: '甲', relation: '户主' }] });
    expect(r.success).toBe(true);
    const keys = Object.keys(r.success ? r.data : {});
    for (const x of draftFields('household')) expect(keys, x.key).toContain(x.key);
    expect(keys).not.toContain('status');
    expect(keys).not.toContain('monitoringCategory');
  });
});

describe('editor inputs ↔ values by kind', () => {
  it('keeps what was typed as text and turns it back into the stored value', () => {
    expect(toInput(f('household', 'buildYear'), 1998)).toBe('1998');
    expect(fromInput(f('household', 'buildYear'), ' 1998 ')).toBe(1998);
    expect(fromInput(f('household', 'buildYear'), '九八')).toBeNaN();
    expect(fromInput(f('household', 'buildYear'), '')).toBeNull();
    expect(fromInput(f('household', 'housingArea'), '86.5')).toBe(86.5);
    expect(fromInput(f('household', 'bankAccount'), '6214 0000 1111 2222')).toBe('6214000011112222');
    expect(fromInput(f('household', 'drinkingWaterSafe'), false)).toBe(false);
    expect(toInput(f('household', 'otherCauses'), null)).toEqual([]);
  });
});

describe('masking from sensitivity', () => {
  const member = { name: '张三', idNumber: '110105199001011234', phone: '13812345678', health: '长期慢性病', disabilityGrade: '二级', education: '初中' };
  it('a public paper masks ID and phone and withholds health; an internal one shows them', () => {
    expect(presentRecord(MEMBER_FIELDS, member, PUBLIC)).toEqual({ ...member, idNumber: '110105********1234', phone: '138****5678', health: null, disabilityGrade: null });
    expect(presentRecord(MEMBER_FIELDS, member, INTERNAL)).toEqual(member);
    expect(presentRecord(MEMBER_FIELDS, member, { audience: 'internal', maskIds: true })).toEqual({ ...member, idNumber: '110105********1234' });
    expect(present(f('household', 'bankAccount'), '6214000011112222', PUBLIC)).toBe('6214********2222');
    expect(present(f('household', 'bankName'), '农村信用社', PUBLIC)).toBeNull();
  });
});

describe('printed rows', () => {
  it('prints numbers with their unit and yes/no with both choices', () => {
    expect(printedField(f('household', 'housingArea'), 86.5)).toMatchObject({ label: '住房面积', text: '86.5 ㎡' });
    expect(printedField(f('household', 'hasElectricity'), true).options).toEqual({ options: ['是', '否'], chosen: ['是'] });
    expect(HOUSEHOLD_FIELDS.filter((x) => x.prints.includes('enrollment')).map((x) => x.key)).toContain('buildYear');
  });
});
