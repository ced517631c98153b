// The household list with the search box: the index (core/search-index.ts) answers which
// households match, in list order. Without other filters or a column sort the page is cut from
// that list in memory, so a one-letter query matching thousands of households asks SQLite for
// 50 rows only. A hit says which members matched (`zs` finds 王昌's household through 张诗小).
import { listHouseholds } from '../../db/repos/households.ts';
import type { HouseholdQuery } from '../../db/repos/households.ts';
import type { HouseholdListItem } from '../../shared/api/index.ts';
import type { Db } from '../../db/open.ts';
import { searchIndexOf } from '../derived.ts';
import type { SearchIndex } from '../search-index.ts';
import type { Session } from '../session.ts';

const FILTERS = ['villageId', 'groupName', 'status', 'attribute', 'mainCause', 'monitoringCategory', 'noHelperOn'] as const;

export type SearchQuery = Omit<HouseholdQuery, 'noHelperOn'> & { search?: string; noHelper?: boolean };
type Page = { total: number; items: HouseholdListItem[] };

export async function listWithSearch(session: Session, query: SearchQuery): Promise<Page> {
  const { db } = session.requireArchive();
  const { noHelper, ...rest } = query;
  const f = { ...rest, noHelperOn: noHelper ? session.today() : null };
  return f.search ? searchPage(db, f, await searchIndexOf(session)) : listHouseholds(db, f);
}

/** One page of the households matching `f.search` (and the other filters), each with who matched. */
export function searchPage(db: Db, f: HouseholdQuery & { search?: string }, index: SearchIndex): Page {
  const q = f.search ?? '';
  const ids = index.match(q);
  let page: Page;
  if (FILTERS.some((k) => typeof f[k] === 'string' && f[k] !== '') || (f.sort && f.sort !== 'village') || f.desc) page = listHouseholds(db, f, ids);
  else {
    const offset = f.offset ?? 0;
    const slice = ids.slice(offset, offset + (f.limit ?? 200));
    page = { total: ids.length, items: listHouseholds(db, { limit: slice.length }, slice).items };
  }
  const who = index.matchedMembers(q, page.items.map((h) => h.id));
  return { total: page.total, items: page.items.map((h) => ({ ...h, matched: who.get(h.id) ?? [] })) };
}
