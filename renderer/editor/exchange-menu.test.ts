import { describe, expect, it } from 'vitest';
import { COUNTY_MENU, menuFor, screenFor } from './exchange-menu.ts';

const TOWNSHIP = [
  { key: 'overview' as const, label: '概览' },
  { key: 'households' as const, label: '农户档案' },
  { key: 'import' as const, label: '导入花名册' },
];

describe('the menu by role', () => {
  it('adds the exchange entries to the township’s own', () => {
    expect(menuFor('township', TOWNSHIP).map((m) => m.label)).toEqual(['概览', '农户档案', '导入花名册', '报送县级', '县级审核结果', '密钥与对方', '账户管理']);
  });

  it('shows the county only its review screens', () => {
    expect(menuFor('county', TOWNSHIP)).toBe(COUNTY_MENU);
    expect(COUNTY_MENU.map((m) => m.label)).toEqual(['县级审核', '导入数据包', '密钥与对方', '账户管理']);
  });

  it('never shows a township screen in a county archive, nor the reverse', () => {
    expect(screenFor('county', { name: 'overview' })).toEqual({ name: 'county' });
    expect(screenFor('county', { name: 'household', id: 'h' })).toEqual({ name: 'county' });
    expect(screenFor('county', { name: 'import' })).toEqual({ name: 'county' });
    expect(screenFor('county', { name: 'send' })).toEqual({ name: 'county' });
    expect(screenFor('county', { name: 'township', id: 't' })).toEqual({ name: 'township', id: 't' });
    expect(screenFor('county', { name: 'keys' })).toEqual({ name: 'keys' });
    expect(screenFor('county', { name: 'accounts' })).toEqual({ name: 'accounts' });
    expect(screenFor('township', { name: 'accounts' })).toEqual({ name: 'accounts' });
    expect(screenFor('township', { name: 'county' })).toEqual({ name: 'overview' });
    expect(screenFor('township', { name: 'township', id: 't' })).toEqual({ name: 'overview' });
    expect(screenFor('township', { name: 'send' })).toEqual({ name: 'send' });
    expect(screenFor('township', { name: 'household', id: 'h' })).toEqual({ name: 'household', id: 'h' });
  });
});
