// The household list with the search box: the index (core/search-index.ts) answers which
// households match, in list order. Without other filters the page is cut from that list in
// memory, so a one-letter query matching thousands of households asks SQLite for 50 rows only.
import { listHouseholds } from '../../db/repos/households.ts';
import type { HouseholdQuery } from '../../db/repos/households.ts';
import type { HouseholdListItem } from '../../shared/api/index.ts';
import { searchIndexOf } from '../derived.ts';
import type { Session } from '../session.ts';

const FILTERS = ['villageId', 'groupName', 'status', 'attribute', 'mainCause', 'monitoringCategory'] as const;

export async function listWithSearch(session: Session, f: HouseholdQuery & { search?: string }): Promise<{ total: number; items: HouseholdListItem[] }> {
  const { db } = session.requireArchive();
  if (!f.search) return listHouseholds(db, f);
  const ids = (await searchIndexOf(session)).match(f.search);
  if (FILTERS.some((k) => typeof f[k] === 'string' && f[k] !== '')) return listHouseholds(db, f, ids);
  const offset = f.offset ?? 0;
  const page = ids.slice(offset, offset + (f.limit ?? 200));
  return { total: ids.length, items: listHouseholds(db, { limit: page.length }, page).items };
}
