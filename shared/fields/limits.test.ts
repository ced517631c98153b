// The hostile values of issue 13 against the catalogue's limits: the editor's save schema and
// the pure check the import and the data check use refuse the same values with the same words.
import { describe, expect, it } from 'vitest';
import { householdDraft } from '../api/households.ts';
import { fieldOf } from './index.ts';
import type { FieldDef, RecordKind } from './index.ts';
import { textLimitIssue, valueLimitIssue } from './limits.ts';
import { fieldSchema } from './schema.ts';

const f = (record: RecordKind, key: string): FieldDef => fieldOf(record, key)!;
const schemaMessage = (field: FieldDef, v: unknown): string | null => {
  const r = fieldSchema(field).safeParse(v);
  return r.success ? null : r.error.issues[0]!.message;
};

const HOSTILE: [RecordKind, string, string, string][] = [
  ['member', 'name', 'x'.repeat(10_000), '姓名不能超过20个字'],
  ['member', 'name', '张'.repeat(21), '姓名不能超过20个字'],
  ['member', 'name', '张\u202E三', '姓名含有看不见的控制字符（U+202E），请删去后重新输入'],
  ['member', 'name', '张\u0007三', '姓名含有看不见的控制字符（U+0007），请删去后重新输入'],
  ['member', 'name', '张\n三', '姓名含有看不见的控制字符（U+000A），请删去后重新输入'],
  ['household', 'phone', "=cmd|' /C calc'!A0", '联系电话不能超过13个字'],
  ['household', 'phone', '=1+1', '联系电话应为11位手机号或带区号的座机'],
  ['member', 'phone', "=cmd|' /C calc'!A0", '联系电话不能超过11个字'],
  ['member', 'phone', '@SUM(A1)', '手机号码应为11位数字'],
  ['household', 'address', '某村\u2066一组', '住址含有看不见的控制字符（U+2066），请删去后重新输入'],
  ['household', 'notes', '备'.repeat(501), '备注不能超过500个字'],
];

describe('one limit source for the editor, the import and the check', () => {
  it.each(HOSTILE)('%s.%s refuses a hostile value with the same message in both', (record, key, value, message) => {
    expect(schemaMessage(f(record, key), value)).toBe(message);
    expect(textLimitIssue(f(record, key), value)?.message).toBe(message);
  });

  it('lets ordinary values through both', () => {
    for (const [record, key, value] of [
      ['member', 'name', '张三'],
      ['household', 'phone', '0871-1234567'],
      ['member', 'phone', '13812345678'],
      ['household', 'notes', '第一行\n第二行'],
    ] as const) {
      expect(schemaMessage(f(record, key), value), key).toBeNull();
      expect(textLimitIssue(f(record, key), value), key).toBeNull();
    }
  });

  it('checks numbers and list labels as the schema does', () => {
    expect(valueLimitIssue(f('member', 'workMonths'), 13)?.message).toBe(schemaMessage(f('member', 'workMonths'), 13));
    expect(valueLimitIssue(f('household', 'housingArea'), -1)?.message).toBe('住房面积不能为负数');
    expect(valueLimitIssue(f('household', 'otherCauses'), ['因病\u202E'])?.rule).toBe('chars');
    expect(schemaMessage(f('household', 'otherCauses'), ['因病\u202E'])).toBe('其他致贫原因含有看不见的控制字符（U+202E），请删去后重新输入');
  });

  it('the household draft the editor sends is refused for a hostile member name', () => {
    const r = householdDraft.safeParse({ villageId: 'v', no: 'A1', members: [{ name: '张\u202E三', relation: '户主' }] });
    expect(r.success).toBe(false);
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toContain('姓名含有看不见的控制字符（U+202E），请删去后重新输入');
  });
});
