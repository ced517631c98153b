import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, resolvePolicy } from './policy.ts';

describe('policy parameters', () => {
  it('every default names its source', () => {
    for (const p of DEFAULT_POLICY) expect(p.source.length).toBeGreaterThan(4);
  });

  it('uses the exact year’s national figure', () => {
    expect(resolvePolicy(DEFAULT_POLICY, 'povertyLine', 2013, '四川省')).toMatchObject({ value: 273600, carriedOver: true });
    expect(resolvePolicy(DEFAULT_POLICY, 'edgeLine', 2019, '')).toMatchObject({ value: 400000, carriedOver: false });
  });

  it('prefers the province’s figure, else carries the latest earlier one over', () => {
    expect(resolvePolicy(DEFAULT_POLICY, 'monitoringLine', 2023, '贵州省')?.value).toBe(730000);
    expect(resolvePolicy(DEFAULT_POLICY, 'monitoringLine', 2024, '贵州省')?.value).toBe(730000);
    expect(resolvePolicy(DEFAULT_POLICY, 'monitoringLine', 2024, '四川省')).toMatchObject({ value: 500000, carriedOver: true });
    expect(resolvePolicy(DEFAULT_POLICY, 'monitoringLine', 2025, '云南省')?.value).toBe(870000);
  });

  it('has nothing before the first figure', () => {
    expect(resolvePolicy(DEFAULT_POLICY, 'edgeLine', 2015, '')).toBeNull();
  });
});
