import { describe, expect, it } from 'vitest';
import { nameInitials } from './pinyin.ts';

describe('pinyin initials for the search box', () => {
  it.each([
    ['张三', 'zs'],
    ['欧阳娜娜', 'oynn'],
    ['牛鹏建', 'npj'],
    ['李 明', 'lm'],
    ['王小Ming', 'wxming'],
  ])('%s → %s', (name, initials) => {
    expect(nameInitials(name)).toBe(initials);
  });
});
