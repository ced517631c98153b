// The screens of the app and their addresses (#/households/…), so Back/Forward and a reload
// land where the clerk was. No router: the navigation slice keeps one Screen value.
export type Screen =
  | { name: 'overview' }
  | { name: 'villages' }
  | { name: 'village'; id: string }
  | { name: 'households' }
  | { name: 'household'; id: string | null }
  | { name: 'quality' }
  | { name: 'import' };

export type MenuKey = 'overview' | 'villages' | 'households' | 'quality' | 'import';

export function menuKeyOf(s: Screen): MenuKey {
  if (s.name === 'village') return 'villages';
  if (s.name === 'household') return 'households';
  return s.name;
}

export function hashOf(s: Screen): string {
  switch (s.name) {
    case 'village':
      return `#/village/${encodeURIComponent(s.id)}`;
    case 'household':
      return `#/household/${s.id == null ? 'new' : encodeURIComponent(s.id)}`;
    default:
      return `#/${s.name}`;
  }
}

export function screenOfHash(hash: string): Screen {
  const [, name, arg] = /^#\/([a-z]+)(?:\/(.+))?$/.exec(hash) ?? [];
  const id = arg ? decodeURIComponent(arg) : null;
  switch (name) {
    case 'villages':
    case 'households':
    case 'quality':
    case 'import':
      return { name };
    case 'village':
      return id ? { name, id } : { name: 'villages' };
    case 'household':
      return { name, id: id === 'new' ? null : id };
    default:
      return { name: 'overview' };
  }
}

export function sameScreen(a: Screen, b: Screen): boolean {
  return hashOf(a) === hashOf(b);
}
