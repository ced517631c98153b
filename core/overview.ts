// The overview screen: counts, per village, how many data problems, and what is due.
import type { OverviewView } from '../shared/api/index.ts';
import type { Session } from './session.ts';
import { checkArchive } from './check.ts';
import type { CheckResult } from './check.ts';
import { townshipStats } from './stats.ts';

/** The quality check is the slow part (seconds on 80k people): kept until the next write. */
export function cachedCheck(session: Session, villageId: string | null): CheckResult {
  const asOf = session.today();
  const key = `check:${asOf}:${villageId ?? ''}`;
  const hit = session.cache.get(key) as CheckResult | undefined;
  if (hit) return hit;
  const result = checkArchive(session.requireArchive(), villageId ? { asOf, villageId } : { asOf });
  session.cache.set(key, result);
  return result;
}

export function overview(session: Session, year: number | null): OverviewView {
  const archive = session.requireArchive();
  const asOf = session.today();
  const s = townshipStats(archive, year == null ? { asOf } : { year, asOf });
  const check = cachedCheck(session, null);
  const due: string[] = [];
  if (check.counts.error > 0) due.push(`数据检查发现 ${check.counts.error} 个错误，报县前请改正。`);
  if (check.counts.warning > 0) due.push(`数据检查发现 ${check.counts.warning} 个疑点，请逐一核实。`);
  if (s.helperCoverage.households > s.helperCoverage.covered) {
    due.push(`${s.helperCoverage.households - s.helperCoverage.covered} 户建档或监测户目前没有帮扶责任人。`);
  }
  return {
    township: session.state().archive?.township ?? '',
    year: s.year,
    villages: s.villages,
    households: s.households,
    members: s.members,
    byStatus: s.byStatus,
    perVillage: s.perVillage,
    problems: check.counts,
    due,
  };
}
