import { pinyin } from 'pinyin-pro';

/** Lower-case pinyin initials of a name, e.g. 张三 → "zs"; used by the search box. */
export function nameInitials(name: string): string {
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return initials.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}
