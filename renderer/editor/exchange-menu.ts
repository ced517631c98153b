// The menu by the archive's role. A township archive keeps its screens and gains 报送县级, 县级审核结果
// (importing the county's answer) and 密钥与对方. A county archive holds the townships' data
// read-only: it shows only 县级审核, 导入数据包, 密钥与对方 and 账户管理, and any township screen asked for
// (an old address, a bookmark) lands on 县级审核 instead.
import type { MenuKey, Screen } from '../store/screens.ts';

export type Role = 'township' | 'county';

export interface MenuEntry {
  key: MenuKey;
  label: string;
}

/** Township-side entries of the exchange, appended after the township's own screens. */
export const TOWNSHIP_EXCHANGE_MENU: MenuEntry[] = [
  { key: 'send', label: '报送县级' },
  { key: 'receive', label: '县级审核结果' },
  { key: 'keys', label: '密钥与对方' },
];

/** Last on either side (shown to the station chief or the county reviewer only: see role-menu.ts). */
export const ACCOUNTS_ENTRY: MenuEntry = { key: 'accounts', label: '账户管理' };

export const COUNTY_MENU: MenuEntry[] = [{ key: 'county', label: '县级审核' }, { key: 'receive', label: '导入数据包' }, { key: 'keys', label: '密钥与对方' }, ACCOUNTS_ENTRY];

const COUNTY_SCREENS = new Set<Screen['name']>(['county', 'township', 'receive', 'keys', 'accounts']);
const COUNTY_ONLY = new Set<Screen['name']>(['county', 'township']);

/** The menu for this role: the township's own entries (without county ones) plus the exchange's. */
export function menuFor(role: Role, township: MenuEntry[]): MenuEntry[] {
  if (role === 'county') return COUNTY_MENU;
  const own = township.filter((m) => !TOWNSHIP_EXCHANGE_MENU.some((x) => x.key === m.key) && m.key !== 'county' && m.key !== 'accounts');
  return [...own, ...TOWNSHIP_EXCHANGE_MENU, ACCOUNTS_ENTRY];
}

/** The screen actually shown: county archives never show township screens, nor the reverse. */
export function screenFor(role: Role, s: Screen): Screen {
  if (role === 'county') return COUNTY_SCREENS.has(s.name) ? s : { name: 'county' };
  return COUNTY_ONLY.has(s.name) ? { name: 'overview' } : s;
}
