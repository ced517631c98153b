// What a shell's session keeps computed from the open archive — the search index and the quality
// check — and how it stays true: after every write the dispatcher calls `afterWrite`, which reads
// the audit log's new rows (db/repos/changes.ts) and updates only the households they name. A
// write from a part of the app that does not name households in the audit log (an import, a
// package, a village's figures) rebuilds instead. Both are built in the background: the index
// when the archive opens, the check again after a write once it has been asked for.
import type { Archive } from '../db/open.ts';
import { changeMark, changesSince } from '../db/repos/changes.ts';
import type { ChangeMark } from '../db/repos/changes.ts';
import { CheckCache } from './check-cache.ts';
import { SearchIndex } from './search-index.ts';
import type { Session } from './session.ts';

/** Endpoint groups whose every household change is audited with its household: updated in place. */
const AUDITED_BY_HOUSEHOLD = new Set(['households', 'audit', 'help', 'monitoring', 'attachments', 'workflows', 'quality']);
/** More households than this in one write: rebuilding is as quick as updating. */
const MANY = 2000;
const KEY = 'derived';

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

class Derived {
  mark: ChangeMark;
  private index: SearchIndex | null = null;
  private building: Promise<SearchIndex | null> | null = null;
  /** Bumped by a write during a build: that build's result is thrown away and the build restarts. */
  private generation = 0;
  readonly check: CheckCache;

  constructor(
    readonly archive: Archive,
    private readonly current: () => boolean,
  ) {
    this.mark = changeMark(archive.db);
    this.check = new CheckCache(archive, pause, current);
  }

  /** Starts building the search index in slices (once). */
  warm(): void {
    if (this.index || this.building) return;
    const generation = this.generation;
    const build = SearchIndex.buildInSlices(this.archive.db, pause, () => this.current() && generation === this.generation);
    this.building = build;
    void build
      .then((index) => {
        if (this.building !== build) return;
        this.building = null;
        if (index) this.index = index;
        else if (this.current()) this.warm();
      })
      .catch(() => {
        // The archive went away mid-build; the next search builds it in one go.
        if (this.building === build) this.building = null;
      });
  }

  /** The index, waiting for a build in progress, or built now when none is. */
  async searchIndex(): Promise<SearchIndex> {
    while (!this.index && this.building) await this.building.catch(() => null);
    this.index ??= SearchIndex.build(this.archive.db);
    return this.index;
  }

  afterWrite(channel: string): void {
    const changes = changesSince(this.archive.db, this.mark);
    if (changes.mark.changes === this.mark.changes && changes.mark.auditId === this.mark.auditId) return;
    this.mark = changes.mark;
    const inPlace = AUDITED_BY_HOUSEHOLD.has(channel.split('.')[0]!) && changes.households.length <= MANY;
    const listsChanged = changes.otherTables.some((t) => t === 'households' || t === 'members');
    if (inPlace && !listsChanged) {
      if (this.building) {
        this.generation += 1; // a build in progress may have read these households already
        this.building = null;
        this.warm();
      } else this.index?.update(this.archive.db, changes.households);
    } else {
      this.generation += 1;
      this.index = null;
      this.building = null;
      this.warm();
    }
    this.check.changed(inPlace && changes.otherTables.length === 0 ? changes.households : 'all');
  }
}

function derivedOf(session: Session): Derived {
  const archive = session.requireArchive();
  const had = session.cache.get(KEY) as Derived | undefined;
  if (had && had.archive === archive) return had;
  const made: Derived = new Derived(archive, (): boolean => session.archive === archive && session.cache.get(KEY) === made);
  session.cache.set(KEY, made);
  return made;
}

/** After every call: an archive just opened starts its background work; a write updates what is kept. */
export function afterCall(session: Session, channel: string, writes: boolean): void {
  if (!session.archive) return;
  const d = derivedOf(session);
  if (writes) {
    d.afterWrite(channel);
    // Asked for once: kept current in the background, so the next visit finds it done.
    if (d.check.wanted) void d.check.compute(session.today()).catch(() => undefined);
  }
  d.warm();
}

export function searchIndexOf(session: Session): Promise<SearchIndex> {
  return derivedOf(session).searchIndex();
}

export function checkCacheOf(session: Session): CheckCache {
  return derivedOf(session).check;
}
