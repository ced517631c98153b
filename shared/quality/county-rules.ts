// Rules only the county runs, across its townships' snapshots (not in ruleCatalogue(): no township
// check runs them). The county's check (core/exchange-archive/county-duplicates.ts), its 问题清单 and
// docs/quality-rules.md take their code, title and 整改意见 from here.
import type { RuleInfo } from './index.ts';

/** Q105X 同一人在两个乡镇: a valid ID number of a current member in two townships. */
export const Q105X = {
  code: 'Q105X',
  severity: 'error',
  title: '同一人在两个乡镇',
  category: 'consistency',
  hint: '与另一乡镇共同核实此人实际所在的户，在另一乡镇的户中办理减员',
  source: '数据质量清洗手册：人员重复',
} as const satisfies RuleInfo;

export const COUNTY_RULES: readonly RuleInfo[] = [Q105X];
