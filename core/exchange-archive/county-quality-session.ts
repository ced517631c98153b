// The county's per-township quality as the shells ask for it: results kept in the session per
// township snapshot (core/exchange-archive/county-quality.ts), dropped with the archive; between
// townships the shell's request loop gets its turn (a county of 20 large townships takes a while
// the first time).
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

export function countyQualityOf(s: Session): Promise<CountyQualityView> {
  return countyQuality(s.requireArchive(), { asOf: s.today(), now: () => s.clock.now(), cache: cacheOf(s), onTownship: pause });
}

export function countyTownshipProblemsOf(s: Session, townshipId: string): TownshipProblemsView {
  return townshipProblems(s.requireArchive(), townshipId, { asOf: s.today(), now: () => s.clock.now(), cache: cacheOf(s) });
}
