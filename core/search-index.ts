// The household search box (name, pinyin initials, ID-number tail, 户编号) answered from
// memory: one pass over ~80k short strings takes a few milliseconds, where SQLite would scan
// every member for an ID tail anyway. Built on first use, dropped with the session's cache
// on every write.
import type { Db } from '../db/open.ts';
import { searchRows } from '../db/repos/households.ts';
import type { Session } from './session.ts';

export class SearchIndex {
  private constructor(
    private readonly memberHousehold: string[],
    private readonly names: string[],
    private readonly initials: string[],
    private readonly idNumbers: string[],
    private readonly households: { id: string; no: string }[],
  ) {}

  static build(db: Db): SearchIndex {
    const { members, households } = searchRows(db);
    return new SearchIndex(
      members.map((m) => m.householdId),
      members.map((m) => m.name),
      members.map((m) => m.nameInitials),
      members.map((m) => m.idNumber ?? ''),
      households,
    );
  }

  /** Household ids matching the query, in no particular order. */
  match(raw: string): string[] {
    const q = raw.trim();
    const hits = new Set<string>();
    if (q === '') return [];
    // Digits (an ID tail may end in X) are an ID tail or part of a 户编号; letters alone — "x"
    // included — are pinyin initials.
    if (/^[0-9]+[xX]?$/.test(q)) {
      const tail = q.toUpperCase();
      for (const h of this.households) if (h.no.includes(q)) hits.add(h.id);
      if (tail.length >= 4) this.idNumbers.forEach((id, i) => id.endsWith(tail) && hits.add(this.memberHousehold[i]!));
    } else if (/^[a-zA-Z]+$/.test(q)) {
      const prefix = q.toLowerCase();
      this.initials.forEach((s, i) => s.startsWith(prefix) && hits.add(this.memberHousehold[i]!));
    } else {
      this.names.forEach((s, i) => s.includes(q) && hits.add(this.memberHousehold[i]!));
    }
    return [...hits];
  }
}

export function searchIndexOf(session: Session): SearchIndex {
  const hit = session.cache.get('search-index') as SearchIndex | undefined;
  if (hit) return hit;
  const index = SearchIndex.build(session.requireArchive().db);
  session.cache.set('search-index', index);
  return index;
}
