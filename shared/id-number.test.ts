import { describe, expect, it } from 'vitest';
import { checkDigit, makeIdNumber, parseIdNumber, upgradeLegacyId } from './id-number.ts';

const TODAY = new Date('2026-11-24T00:00:00Z');
const parse = (s: string | null) => parseIdNumber(s, TODAY);

describe('ID numbers (GB 11643)', () => {
  it('accepts the standard’s own examples with birth date and gender', () => {
    expect(parse('11010519491231002X')).toEqual({
      ok: true,
      info: { normalized: '11010519491231002X', birthDate: '1949-12-31', gender: '女', regionCode: '110105' },
    });
    // The standard's second example (born 1880) has a correct check digit, but no living
    // person in an archive is born before 1900: treated as a mistyped birth date.
    const b = parse('440524188001010014');
    expect(b.ok ? 'ok' : b.problem).toBe('birthDate');
  });

  it('normalises lower-case x, spaces and full-width digits', () => {
    const r = parse(' 110105 19491231002x ');
    expect(r.ok && r.info.normalized).toBe('11010519491231002X');
    expect(parse('１１０１０５１９４９１２３１００２Ｘ'.replace('Ｘ', 'X')).ok).toBe(true);
  });

  it('upgrades 15-digit numbers', () => {
    expect(upgradeLegacyId('110105491231002')).toBe('11010519491231002X');
    const r = parse('110105491231002');
    expect(r.ok && r.info.normalized).toBe('11010519491231002X');
  });

  it.each([
    ['110105194912310021', 'checkDigit'],
    ['11010519491231002', 'length'],
    ['1101051949123100211', 'length'],
    ['11010519491231A02X', 'characters'],
    ['001105194912310021', 'region'],
    ['110105194902300021', 'birthDate'],
    ['110105203001010021', 'birthDate'],
    ['110105180001010021', 'birthDate'],
    ['999999199001010011', 'placeholder'],
    ['', 'empty'],
    [null, 'empty'],
  ] as const)('rejects %s as %s with a Chinese message', (input, problem) => {
    const r = parse(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem).toBe(problem);
      expect(r.message).toMatch(/身份证号/);
    }
  });

  it('makes valid IDs of the requested gender for synthetic data', () => {
    for (let seq = 0; seq < 50; seq++) {
      for (const g of ['男', '女'] as const) {
        const id = makeIdNumber('511922', '1988-02-29', seq * 17, g);
        const r = parse(id);
        expect(r.ok && r.info).toMatchObject({ gender: g, birthDate: '1988-02-29' });
      }
    }
  });

  it('computes the check character from the weights', () => {
    expect(checkDigit('11010519491231002')).toBe('X');
    expect(checkDigit('44052418800101001')).toBe('4');
  });
});
