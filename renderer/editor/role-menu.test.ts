import { describe, expect, it } from 'vitest';
import { COUNTY_MENU, menuFor } from './exchange-menu.ts';
import { mayUse, menuForRole, screenForRole } from './role-menu.ts';

const TOWNSHIP = menuFor('township', [
  { key: 'overview', label: '概览' },
  { key: 'households', label: '农户档案' },
  { key: 'import', label: '导入花名册' },
  { key: 'audit', label: '审计核验' },
]);
const labels = (m: { label: string }[]): string[] => m.map((e) => e.label);

describe('the menu by the operator’s role', () => {
  it('shows the station chief everything', () => {
    expect(labels(menuForRole('admin', TOWNSHIP))).toEqual(['概览', '农户档案', '导入花名册', '审计核验', '报送县级', '县级审核结果', '密钥与对方', '账户管理']);
  });

  it('hides from each role the entries it may not use', () => {
    expect(labels(menuForRole('viewer', TOWNSHIP))).toEqual(['概览', '农户档案', '审计核验']);
    expect(labels(menuForRole('clerk', TOWNSHIP))).toEqual(['概览', '农户档案', '导入花名册', '审计核验']);
    expect(labels(menuForRole('reviewer', TOWNSHIP))).toEqual(['概览', '农户档案', '审计核验', '报送县级', '县级审核结果', '密钥与对方']);
    expect(labels(menuForRole('county-reviewer', COUNTY_MENU))).toEqual(['县级审核', '导入数据包', '密钥与对方', '账户管理']);
    expect(labels(menuForRole('county-viewer', COUNTY_MENU))).toEqual(['县级审核']);
    expect(mayUse(null, 'accounts')).toBe(false);
  });

  it('lands an address the role may not use on the first entry', () => {
    expect(screenForRole('viewer', { name: 'accounts' }, TOWNSHIP)).toEqual({ name: 'overview' });
    expect(screenForRole('viewer', { name: 'household', id: 'h' }, TOWNSHIP)).toEqual({ name: 'household', id: 'h' });
    expect(screenForRole('county-viewer', { name: 'receive' }, COUNTY_MENU)).toEqual({ name: 'county' });
    expect(screenForRole('admin', { name: 'accounts' }, TOWNSHIP)).toEqual({ name: 'accounts' });
  });
});
