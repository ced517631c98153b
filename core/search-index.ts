// The household search box (name, pinyin initials, ID-number tail, 户编号) answered from
// memory: one pass over ~80k short strings takes a few milliseconds, where SQLite would scan
// every member for an ID tail anyway. Built in the background when an archive opens (in slices,
// core/derived.ts) and kept in step on writes: a saved household's entries are replaced, not the
// whole index rebuilt. Hits come back in list order, so a page of them needs no SQL sort.
import type { Db } from '../db/open.ts';
import { householdNosInOrder, searchMemberSlice, searchRows, searchRowsOf } from '../db/repos/households.ts';
import type { SearchMemberRow } from '../db/repos/households.ts';

/** Members read per slice of a background build: a few milliseconds each at 80k members. */
const SLICE = 8000;

export class SearchIndex {
  private memberHousehold: string[] = [];
  private names: string[] = [];
  private initials: string[] = [];
  private idNumbers: string[] = [];
  private households: { id: string; no: string }[] = [];
  private position = new Map<string, number>();
  /** Each member's household as its list position: a hit marks a flag, read back in list order (no Set, no sort). */
  private memberAt = new Int32Array(0);

  private add(rows: readonly SearchMemberRow[]): void {
    for (const m of rows) {
      this.memberHousehold.push(m.householdId);
      this.names.push(m.name);
      this.initials.push(m.nameInitials);
      this.idNumbers.push(m.idNumber ?? '');
    }
  }

  private setHouseholds(list: { id: string; no: string }[]): void {
    this.households = list;
    this.position = new Map(list.map((h, i) => [h.id, i]));
    this.memberAt = Int32Array.from(this.memberHousehold, (h) => this.position.get(h) ?? -1);
  }

  static build(db: Db): SearchIndex {
    const index = new SearchIndex();
    index.add(searchRows(db));
    index.setHouseholds(householdNosInOrder(db));
    return index;
  }

  /**
   * Built slice by slice, `pause()` between slices (setImmediate: the shell answers calls
   * meanwhile); null when `wanted()` turns false (the archive closed, or a write came: rebuilt).
   */
  static async buildInSlices(db: Db, pause: () => Promise<void>, wanted: () => boolean): Promise<SearchIndex | null> {
    const index = new SearchIndex();
    let after = 0;
    for (;;) {
      if (!wanted()) return null;
      const { rows, lastRowid } = searchMemberSlice(db, after, SLICE);
      index.add(rows);
      if (lastRowid === null) break;
      after = lastRowid;
      await pause();
    }
    if (!wanted()) return null;
    index.setHouseholds(householdNosInOrder(db));
    return index;
  }

  /** These households were saved, added or deleted: their entries replaced from the archive. */
  update(db: Db, householdIds: readonly string[]): void {
    if (householdIds.length === 0) return;
    const changed = new Set(householdIds);
    const keep = this.memberHousehold.map((h) => !changed.has(h));
    const pick = <T>(xs: T[]): T[] => xs.filter((_, i) => keep[i]);
    this.names = pick(this.names);
    this.initials = pick(this.initials);
    this.idNumbers = pick(this.idNumbers);
    this.memberHousehold = pick(this.memberHousehold);
    this.add(searchRowsOf(db, householdIds));
    // 户编号 and list order: one short read of the households table (a new one, a moved one).
    this.setHouseholds(householdNosInOrder(db));
  }

  /**
   * Calls `mark` with each member (index) the query matches: digits (an ID tail may end in X) are
   * an ID tail, letters alone — "x" included — pinyin initials, anything else part of a name.
   */
  private eachMemberHit(q: string, mark: (i: number) => void): void {
    if (/^[0-9]+[xX]?$/.test(q)) {
      const tail = q.toUpperCase();
      if (tail.length >= 4) this.idNumbers.forEach((id, i) => id.endsWith(tail) && mark(i));
    } else if (/^[a-zA-Z]+$/.test(q)) {
      const prefix = q.toLowerCase();
      this.initials.forEach((s, i) => s.startsWith(prefix) && mark(i));
    } else {
      this.names.forEach((s, i) => s.includes(q) && mark(i));
    }
  }

  /** Household ids matching the query, in list order (village, then 户编号). */
  match(raw: string): string[] {
    const q = raw.trim();
    if (q === '') return [];
    const hit = new Uint8Array(this.households.length);
    const at = this.memberAt;
    // Digits are also part of a 户编号.
    if (/^[0-9]+[xX]?$/.test(q)) this.households.forEach((h, k) => h.no.includes(q) && (hit[k] = 1));
    this.eachMemberHit(q, (i) => {
      if (at[i]! >= 0) hit[at[i]!] = 1;
    });
    const out: string[] = [];
    for (let k = 0; k < hit.length; k++) if (hit[k]) out.push(this.households[k]!.id);
    return out;
  }

  /** For a page of households: the names of their members the query matched (a 户编号 hit names none). */
  matchedMembers(raw: string, householdIds: readonly string[]): Map<string, string[]> {
    const q = raw.trim();
    const wanted = new Set(householdIds);
    const out = new Map<string, string[]>();
    if (q === '' || wanted.size === 0) return out;
    this.eachMemberHit(q, (i) => {
      const h = this.memberHousehold[i]!;
      if (!wanted.has(h)) return;
      const names = out.get(h) ?? [];
      names.push(this.names[i]!);
      out.set(h, names);
    });
    return out;
  }
}
