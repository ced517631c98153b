// The household list: filters, the search as typed and as applied, and the rows loaded so
// far. Rows arrive a page at a time as the clerk scrolls (20,000 households stay smooth);
// a response to an older query is dropped.
import type { HouseholdListItem, HouseholdSort } from '../../shared/api/index.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import { api } from '../api.ts';
import type { Slice } from './types.ts';

export const PAGE_SIZE = 100;

export interface ListFilter {
  villageId: string | null;
  groupName: string | null;
  status: HouseholdStatus | null;
  attribute: string | null;
  mainCause: string | null;
  monitoringCategory: string | null;
  /** Registered households with no helper paired today (the overview's 待办 opens the list so). */
  noHelper: boolean;
  search: string;
  sort: HouseholdSort;
  desc: boolean;
}

export const NO_FILTER: ListFilter = {
  villageId: null,
  groupName: null,
  status: null,
  attribute: null,
  mainCause: null,
  monitoringCategory: null,
  noHelper: false,
  search: '',
  sort: 'village',
  desc: false,
};

export interface ListSlice {
  filter: ListFilter;
  searchInput: string;
  total: number | null;
  pages: Record<number, HouseholdListItem[]>;
  listError: string | null;
  /** Bumped by every new query; responses to older ones are ignored. */
  queryId: number;
  groups: string[];
  activeIndex: number;
  scrollTop: number;
  /** Set after a save or undo: the list reloads the next time it is shown. */
  listStale: boolean;
  setSearchInput: (text: string) => void;
  /** Applies a filter change; resolves when the first page of the new query is in. */
  setFilter: (patch: Partial<ListFilter>) => Promise<void>;
  loadPage: (page: number) => Promise<void>;
  ensureRange: (first: number, last: number) => void;
  refreshList: () => Promise<void>;
  setActiveIndex: (i: number) => void;
  setScrollTop: (top: number) => void;
  markListStale: () => void;
  resetList: () => void;
  loadGroups: () => Promise<void>;
}

// In-flight page loads by query and page: a second caller waits for the same request.
const loading = new Map<string, Promise<void>>();

export const createListSlice: Slice<ListSlice> = (set, get) => ({
  filter: NO_FILTER,
  searchInput: '',
  total: null,
  pages: {},
  listError: null,
  queryId: 0,
  groups: [],
  activeIndex: 0,
  scrollTop: 0,
  listStale: true,
  setSearchInput(text) {
    set({ searchInput: text });
  },
  async setFilter(patch) {
    const filter = { ...get().filter, ...patch };
    if (patch.villageId !== undefined && patch.villageId !== get().filter.villageId) filter.groupName = null;
    set({ filter, pages: {}, total: null, activeIndex: 0, scrollTop: 0, queryId: get().queryId + 1, listError: null, listStale: false });
    const villageChanged = patch.villageId !== undefined;
    await Promise.all([get().loadPage(0), villageChanged ? get().loadGroups() : Promise.resolve()]);
  },
  loadPage(page) {
    const { queryId, filter } = get();
    const key = `${queryId}:${page}`;
    const inFlight = loading.get(key);
    if (inFlight) return inFlight;
    if (get().pages[page]) return Promise.resolve();
    const request = (async () => {
      try {
        const result = await api.households.list({ ...filter, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
        if (get().queryId !== queryId) return;
        set({ total: result.total, pages: { ...get().pages, [page]: result.items }, listError: null });
      } catch (e) {
        if (get().queryId === queryId) set({ listError: e instanceof Error ? e.message : String(e) });
      } finally {
        loading.delete(key);
      }
    })();
    loading.set(key, request);
    return request;
  },
  ensureRange(first, last) {
    const total = get().total;
    const end = total == null ? last : Math.min(last, total - 1);
    for (let p = Math.floor(Math.max(first, 0) / PAGE_SIZE); p <= Math.floor(Math.max(end, 0) / PAGE_SIZE); p++) {
      if (!get().pages[p]) void get().loadPage(p);
    }
  },
  async refreshList() {
    // Same filter, fresh rows; keeps the selection and scroll position.
    set({ pages: {}, queryId: get().queryId + 1, listStale: false, listError: null });
    const page = Math.floor(get().activeIndex / PAGE_SIZE);
    await Promise.all([get().loadPage(0), page > 0 ? get().loadPage(page) : Promise.resolve(), get().loadGroups()]);
  },
  setActiveIndex(i) {
    const total = get().total ?? 0;
    set({ activeIndex: Math.max(0, Math.min(i, total - 1)) });
  },
  setScrollTop(top) {
    set({ scrollTop: top });
  },
  markListStale() {
    set({ listStale: true });
  },
  resetList() {
    set({ filter: NO_FILTER, searchInput: '', total: null, pages: {}, groups: [], activeIndex: 0, scrollTop: 0, listStale: true, queryId: get().queryId + 1 });
  },
  async loadGroups() {
    try {
      set({ groups: await api.households.groups({ villageId: get().filter.villageId }) });
    } catch {
      set({ groups: [] });
    }
  },
});

export function itemAt(pages: Record<number, HouseholdListItem[]>, index: number): HouseholdListItem | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}
