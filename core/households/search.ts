// The household list with the search box: the index (core/search-index.ts) answers which
// households match, in list order. Without other filters the page is cut from that list in
// memory, so a one-letter query matching thousands of households asks SQLite for 50 rows only.
import { listHouseholds } from '../../db/repos/households.ts';
import type { HouseholdQuery } from '../../db/repos/households.ts';
import type { HouseholdListItem } from '../../shared/api/index.ts';
import type { Db } from '../../db/open.ts';
import { searchIndexOf } from '../derived.ts';
import type { SearchIndex } from '../search-index.ts';
import type { Session } from '../session.ts';

const FILTERS = ['villageId', 'groupName', 'status', 'attribute', 'mainCause', 'monitoringCategory'] as const;

export type SearchQuery = HouseholdQuery & { search?: string };
type Page = { total: number; items: HouseholdListItem[] };

export async function listWithSearch(session: Session, f: SearchQuery): Promise<Page> {
  const { db } = session.requireArchive();
  return f.search ? searchPage(db, f, await searchIndexOf(session)) : listHouseholds(db, f);
}

/** One page of the households matching `f.search` (and the other filters). */
export function searchPage(db: Db, f: SearchQuery, index: SearchIndex): Page {
  const ids = index.match(f.search ?? '');
  if (FILTERS.some((k) => typeof f[k] === 'string' && f[k] !== '')) return listHouseholds(db, f, ids);
  const offset = f.offset ?? 0;
  const page = ids.slice(offset, offset + (f.limit ?? 200));
  return { total: ids.length, items: listHouseholds(db, { limit: page.length }, page).items };
}
