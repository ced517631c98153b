import { describe, expect, it } from 'vitest';
import { auditSummary, changedFields } from './audit-summary.ts';

describe('audit summary', () => {
  it('names the changed fields in Chinese and masks sensitive values', () => {
    const before = { id: 'h1', version: 1, attribute: '一般贫困户', phone: null, bankAccount: '6217001234567890123' };
    const after = { id: 'h1', version: 2, attribute: '低保贫困户', phone: '13800000000', bankAccount: '6217001234567890124' };
    expect(auditSummary(before, after)).toBe('贫困户属性：一般贫困户 → 低保贫困户；联系电话：（空） → 13800000000；银行账号：6217***********0123 → 6217***********0124');
    expect(changedFields({ wageFen: 100 }, { wageFen: 250 })[0]).toMatchObject({ label: '工资性收入', before: '1.00元', after: '2.50元' });
  });
  it('says new or deleted, and cuts long lists', () => {
    expect(auditSummary(null, { name: 'x' })).toBe('新增记录');
    expect(auditSummary({ name: 'x' }, null)).toBe('删除记录');
    const many = Object.fromEntries(['no', 'address', 'phone', 'notes', 'mainCause', 'attribute', 'roadType', 'fuelType'].map((k) => [k, 'a']));
    expect(auditSummary({}, many, 3)).toMatch(/另有 5 项$/);
  });
});

describe('audit summary of a household snapshot', () => {
  const m = (id: string, name: string, over: Record<string, unknown> = {}) => ({ id, version: 1, seq: 1, name, relation: '之子', idNumber: null, ...over });
  const before = {
    household: { id: 'h', version: 1, address: '一组1号', mainCause: '因病' },
    members: [m('a', '张三', { relation: '户主' }), m('b', '李四'), m('c', '王五')],
    incomes: [{ id: 'i', year: 2025, wageFen: 100 }],
  };
  it('names household fields, members by name, incomes by year, and ignores version bumps', () => {
    const after = {
      household: { id: 'h', version: 2, address: '一组2号', mainCause: '因病' },
      members: [m('a', '张三', { relation: '户主', version: 2 }), m('b', '李四', { idNumber: '110105199001011234', version: 2 }), m('d', '赵六')],
      incomes: [{ id: 'i', year: 2025, wageFen: 250 }, { id: 'j', year: 2026, wageFen: 0 }],
    };
    expect(auditSummary(before, after, 10)).toBe(
      '住址：一组1号 → 一组2号；李四 身份证号：（空） → 110105********1234；新增成员 赵六；删除成员 王五；2025年工资性收入：1.00元 → 2.50元；新增2026年收入',
    );
  });
  it('says when only the order changed, and nothing when nothing did', () => {
    expect(auditSummary(before, { ...before, members: [before.members[1], before.members[0], before.members[2]] })).toBe('调整成员顺序');
    expect(auditSummary(before, structuredClone(before))).toBe('');
    expect(auditSummary({ household: { otherCauses: null } }, { household: { otherCauses: [] } })).toBe('');
  });
});
