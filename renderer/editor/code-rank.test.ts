import { describe, expect, it } from 'vitest';
import { CODE_LISTS, labelsOf } from '../../shared/code-lists/index.ts';
import type { CodeCategory } from '../../shared/code-lists/index.ts';
import { codeMatches, codeRank } from './code-rank.ts';
import type { CodeOption } from './code-rank.ts';

function options(category: CodeCategory): CodeOption[] {
  const aliases = new Map(CODE_LISTS[category].entries.map((e) => [e.label, e.aliases ?? []]));
  return labelsOf(category).map((l) => ({ value: l, label: l, search: [l, ...(aliases.get(l) ?? [])].join(' ') }));
}

/** What the select shows first after typing `q`: the filter, then the sort (stable). */
const first = (category: CodeCategory, q: string): string | undefined =>
  options(category)
    .filter((o) => codeMatches(o, q))
    .sort((a, b) => codeRank(a, q) - codeRank(b, q))[0]?.label;

describe('value-list type-ahead', () => {
  it('offers labels that start with what was typed first, never the negated one', () => {
    // "在校" is inside 非在校生 and its aliases only after a negation: it offers nothing rather than the opposite.
    expect(labelsOf('schoolStatus')).toContain('非在校生');
    expect(first('schoolStatus', '在校')).toBeUndefined();
    expect(first('schoolStatus', '不在校')).toBe('非在校生');
    expect(first('schoolStatus', '初一')).toBe('七年级');
    expect(first('relation', '户主')).toBe('户主');
    // A prefix comes before a mere substring: 小学 before labels that only contain it.
    expect(first('schoolStatus', '小学')).toBe('小学');
  });

  it('ranks an exact label, a prefix, an alias and a mere substring in that order', () => {
    const o = (label: string, ...aliases: string[]): CodeOption => ({ value: label, label, search: [label, ...aliases].join(' ') });
    expect(codeRank(o('之子'), '之子')).toBe(0);
    expect(codeRank(o('之子女'), '之子')).toBe(1);
    expect(codeRank(o('之子', '儿子'), '儿子')).toBe(2);
    expect(codeRank(o('非在校生'), '在校')).toBe(3);
  });
});
