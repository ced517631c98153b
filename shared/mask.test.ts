import { describe, expect, it } from 'vitest';
import { maskBankAccount, maskIdNumber, maskName, maskPhone } from './mask.ts';

describe('masking for public notices', () => {
  it('keeps the first 6 and last 4 of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('110105491231002')).toBe('110105*****1002');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(null)).toBe('');
  });

  it('never leaves a whole number readable', () => {
    for (const id of ['11010519491231002X', '511922198802290015']) {
      expect(maskIdNumber(id)).not.toMatch(/\d{11}/);
    }
  });

  it('masks phones and bank cards', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskBankAccount('6222 0212 3456 7890 123')).toBe('6222***********0123');
    expect(maskBankAccount('12345678')).toBe('********');
  });

  it('masks names when asked', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('李')).toBe('李');
  });
});
