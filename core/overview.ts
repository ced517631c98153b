// The overview screen: counts, per village, how many data problems, and what is due. The
// figures answer at once (a few GROUP BYs); the problems come from the quality check, which takes
// seconds on 80k people: `overview` gives them only when the kept result is current
// (core/check-cache.ts), else null, and the screen asks `overviewProblems` for them as a job with
// a progress bar.
import type { DueItem, OverviewProblemsView, OverviewView } from '../shared/api/index.ts';
import type { Session } from './session.ts';
import { applyAcks } from './check-acks.ts';
import type { CheckWithAcks } from './check-acks.ts';
import { checkArchive } from './check.ts';
import type { CheckResult } from './check.ts';
import { checkCacheOf } from './derived.ts';
import { townshipStats } from './stats.ts';

/**
 * The whole archive's check from the kept result; one village's is checked afresh (a thirtieth of
 * the work). Findings marked 已核实无误 (data unchanged since) are listed apart, out of the counts.
 */
export async function cachedCheck(session: Session, villageId: string | null, onProgress?: (label: string, fraction: number) => void): Promise<CheckWithAcks> {
  const asOf = session.today();
  const archive = session.requireArchive();
  const raw = villageId ? checkArchive(archive, { asOf, villageId }) : await checkCacheOf(session).compute(asOf, onProgress);
  return applyAcks(archive.db, raw);
}

function problemsView(check: CheckResult): OverviewProblemsView {
  const due: DueItem[] = [];
  if (check.counts.error > 0) due.push({ text: `数据检查发现 ${check.counts.error.toLocaleString('zh-CN')} 个错误，报县前请改正。`, go: 'quality' });
  if (check.counts.warning > 0) due.push({ text: `数据检查发现 ${check.counts.warning.toLocaleString('zh-CN')} 个疑点，请逐一核实。`, go: 'quality' });
  return { problems: check.counts, due };
}

export function overview(session: Session, year: number | null): OverviewView {
  const archive = session.requireArchive();
  const asOf = session.today();
  const s = townshipStats(archive, year == null ? { asOf } : { year, asOf });
  const kept = checkCacheOf(session).fresh(asOf);
  const check = kept && applyAcks(archive.db, kept);
  const due: DueItem[] = [];
  if (s.households === 0) due.push({ text: '档案里还没有农户：请先导入国家系统导出的花名册（Excel），或在“农户档案”中逐户新增。', go: 'import' });
  if (s.helperCoverage.households > s.helperCoverage.covered) {
    due.push({ text: `${(s.helperCoverage.households - s.helperCoverage.covered).toLocaleString('zh-CN')} 户建档或监测户目前没有帮扶责任人。`, go: 'households-no-helper' });
  }
  return {
    township: session.state().archive?.township ?? '',
    year: s.year,
    villages: s.villages,
    households: s.households,
    members: s.members,
    byStatus: s.byStatus,
    perVillage: s.perVillage,
    check: check ? problemsView(check) : null,
    due,
  };
}

/** The overview's problem counts and the lines they add to 待办, as job `jobId` (progress, cancel). */
export function overviewProblems(session: Session, jobId: string | null): Promise<OverviewProblemsView> {
  return session.jobs.run(jobId, '数据检查', async (job) => {
    const check = await cachedCheck(session, null, (label, f) => job.report(label, f));
    job.signal.throwIfAborted();
    return problemsView(check);
  });
}
