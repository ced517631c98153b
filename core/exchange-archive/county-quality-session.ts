// The county's per-township quality as the shells ask for it: results kept in the session per
// township snapshot (core/exchange-archive/county-quality.ts), dropped with the archive; run as a
// job (on the worker in the shells) that reports each township and stops between townships on 取消.
import type { CountyQualityView, TownshipProblemsView } from '../../shared/api/county-quality.ts';
import type { Session } from '../session.ts';
import { countyQuality, townshipProblems } from './county-quality.ts';
import type { CountyQualityCache } from './county-quality.ts';

const KEY = 'county-quality';

function cacheOf(s: Session): CountyQualityCache {
  const archive = s.requireArchive();
  const had = s.cache.get(KEY) as { archive: unknown; cache: CountyQualityCache } | undefined;
  if (had && had.archive === archive) return had.cache;
  const cache: CountyQualityCache = new Map();
  s.cache.set(KEY, { archive, cache });
  return cache;
}

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Every township's quality as job `jobId` (a bar per township, 取消 between townships). */
export function countyQualityOf(s: Session, jobId: string | null = null): Promise<CountyQualityView> {
  return s.jobs.run(jobId, '各乡镇数据检查', (job) =>
    countyQuality(s.requireArchive(), {
      asOf: s.today(),
      now: () => s.clock.now(),
      cache: cacheOf(s),
      onTownship: (done, total, name) => {
        job.signal.throwIfAborted();
        job.report(`各乡镇数据检查（已查 ${name}，${done}/${total}）`, done / total);
        return pause();
      },
    }),
  );
}

export function countyTownshipProblemsOf(s: Session, townshipId: string): TownshipProblemsView {
  return townshipProblems(s.requireArchive(), townshipId, { asOf: s.today(), now: () => s.clock.now(), cache: cacheOf(s) });
}
