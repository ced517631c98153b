// Policy parameters per year and province, each with its source. Defaults come from the seed
// texts and FIELDS-REFERENCE.md §4; a station edits or adds its province's figures.

export const POLICY_KINDS = {
  povertyLine: { label: '国家扶贫标准（贫困线）', unit: 'fen' },
  exitStandard: { label: '脱贫标准（人均纯收入）', unit: 'fen' },
  edgeLine: { label: '贫困边缘户收入上限', unit: 'fen' },
  monitoringLine: { label: '防返贫监测范围（人均纯收入）', unit: 'fen' },
  monitoringRed: { label: '监测红色等级上限（低于即红色）', unit: 'fen' },
  monitoringYellow: { label: '监测黄色等级上限（低于即黄色）', unit: 'fen' },
  villageIncomeRatio: { label: '贫困村出列：人均可支配收入占全省平均比例', unit: 'percent' },
  villageCollectiveIncome: { label: '贫困村出列：村集体经营性收入', unit: 'fen' },
  publicityDays: { label: '公示期（天）', unit: 'day' },
} as const;

export type PolicyKind = keyof typeof POLICY_KINDS;
export type PolicyUnit = (typeof POLICY_KINDS)[PolicyKind]['unit'];

export interface PolicyParameter {
  kind: PolicyKind;
  year: number;
  /** '' = national. */
  province: string;
  value: number;
  source: string;
}

const SEED_000 = '《2018建档立卡贫困村贫困户精准脱贫验收方案》（种子文本000）';
const SEED_001 = '《贫困边缘户精准识别和实施帮扶的方案》（种子文本001）';
const SEED_002 = '《精准扶贫实施方案》2017年长沙（种子文本002）';
const SEED_003 = '《四川省扶贫开发建档立卡工作方案》（种子文本003）';
const SEED_004 = '防返贫监测工作方案（种子文本004，2020年）';
const NBS = '国家统计局现价扶贫标准（云南调查年鉴2017 表4-2 注）';

const yuan = (n: number): number => n * 100;

export const DEFAULT_POLICY: readonly PolicyParameter[] = [
  { kind: 'povertyLine', year: 2011, province: '', value: yuan(2536), source: NBS },
  { kind: 'povertyLine', year: 2012, province: '', value: yuan(2625), source: NBS },
  { kind: 'povertyLine', year: 2013, province: '', value: yuan(2736), source: `${SEED_003}：2013年农民年人均纯收入2736元` },
  { kind: 'povertyLine', year: 2014, province: '', value: yuan(2800), source: NBS },
  { kind: 'povertyLine', year: 2015, province: '', value: yuan(2855), source: NBS },
  { kind: 'povertyLine', year: 2016, province: '', value: yuan(2952), source: NBS },
  { kind: 'povertyLine', year: 2019, province: '', value: yuan(3218), source: '国家扶贫标准2019年现价3218元（公开报道）' },
  { kind: 'povertyLine', year: 2020, province: '', value: yuan(4000), source: '国家扶贫标准2020年现价“4000元左右”（公开报道）' },
  { kind: 'exitStandard', year: 2017, province: '', value: yuan(4000), source: `${SEED_002}：建档立卡贫困户人均可支配收入4000元` },
  { kind: 'edgeLine', year: 2019, province: '', value: yuan(4000), source: `${SEED_001}：人均纯收入高于建档立卡贫困户标准但未达到4000元` },
  { kind: 'monitoringLine', year: 2020, province: '', value: yuan(5000), source: `${SEED_004}：年人均可支配收入低于5000元且有致贫风险` },
  { kind: 'monitoringLine', year: 2023, province: '贵州省', value: yuan(7300), source: '贵州省2023年防返贫监测范围7300元' },
  { kind: 'monitoringLine', year: 2025, province: '云南省', value: yuan(8700), source: '云农办通〔2025〕1号：2025年监测范围8700元' },
  { kind: 'monitoringRed', year: 2020, province: '', value: yuan(5000), source: `${SEED_004}：预估人均纯收入低于5000元为红色` },
  { kind: 'monitoringYellow', year: 2020, province: '', value: yuan(10000), source: `${SEED_004}：5000元（含）至10000元（不含）为黄色` },
  { kind: 'villageIncomeRatio', year: 2017, province: '', value: 70, source: `${SEED_000}：农村居民人均可支配收入达到全省平均水平的70%以上` },
  { kind: 'villageCollectiveIncome', year: 2017, province: '', value: yuan(50000), source: `${SEED_000}：村集体经营性收入达到5万元以上` },
  { kind: 'publicityDays', year: 2014, province: '', value: 7, source: `${SEED_001}：公示、公告期均为7天` },
];

export interface ResolvedPolicy {
  value: number;
  /** The parameter actually used: may be an earlier year or the national figure. */
  from: PolicyParameter;
  /** True when no figure exists for exactly this year and province. */
  carriedOver: boolean;
}

/**
 * The figure in force for a year and province: that year's provincial figure, else the
 * national one, else the latest earlier year (provincial before national). Null if none.
 */
export function resolvePolicy(
  params: readonly PolicyParameter[],
  kind: PolicyKind,
  year: number,
  province: string,
): ResolvedPolicy | null {
  const candidates = params.filter((p) => p.kind === kind && p.year <= year && (p.province === province || p.province === ''));
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => b.year - a.year || (a.province === '' ? 1 : 0) - (b.province === '' ? 1 : 0));
  const from = candidates[0]!;
  return { value: from.value, from, carriedOver: from.year !== year || from.province !== province };
}
