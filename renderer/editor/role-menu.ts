// What the logged-in operator's role may use (shared/roles.ts, from the contract's own access
// declarations): a menu entry shows only when its role may make the call the screen is for, and
// an address of a screen the role may not use (an old bookmark, the Back button) lands on the
// first entry instead. The archive refuses such calls anyway; hiding only spares the clerk.
import { API } from '../../shared/api/index.ts';
import type { Endpoint } from '../../shared/api/index.ts';
import type { Role } from '../../shared/roles.ts';
import { mayCall } from '../../shared/roles.ts';
import type { MenuKey, Screen } from '../store/screens.ts';
import { menuKeyOf } from '../store/screens.ts';
import type { MenuEntry } from './exchange-menu.ts';

/** The call a screen is for, where not every role may make it (the rest are reads anyone may make). */
const NEEDS: Partial<Record<MenuKey, Endpoint>> = {
  import: API.imports.apply,
  send: API.exchange.pack,
  receive: API.exchange.unpack,
  keys: API.exchange.newKey,
  accounts: API.accounts.list,
  settings: API.archive.saveSettings,
};

export function mayUse(role: Role | null, key: MenuKey): boolean {
  const needs = NEEDS[key];
  return !needs || (role != null && mayCall(needs, role));
}

export function menuForRole(role: Role | null, menu: MenuEntry[]): MenuEntry[] {
  return menu.filter((m) => mayUse(role, m.key));
}

/** The screen shown: one the role may not use becomes the menu's first entry. */
export function screenForRole(role: Role | null, s: Screen, menu: MenuEntry[]): Screen {
  if (mayUse(role, menuKeyOf(s))) return s;
  const first = menu.find((m) => mayUse(role, m.key));
  return { name: first?.key ?? 'overview' };
}
