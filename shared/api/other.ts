// Villages, the overview, the audit log (history, undo and the hash chain's check) and the quality check.
import { z } from 'zod';
import type { Problem } from '../quality/types.ts';
import type { VillageRecord } from '../records.ts';
import { endpoint, offThread } from './endpoint.ts';
import { EDIT } from '../roles.ts';
import { id, year } from './schemas.ts';
import { jobId } from './jobs.ts';

export interface VillageYearView {
  year: number;
  ruralHouseholds: number | null;
  ruralPopulation: number | null;
  perCapitaIncomeFen: number | null;
  collectiveIncomeFen: number | null;
  checklist: Record<string, boolean> | null;
}

export interface VillageView extends VillageRecord {
  households: number;
  members: number;
  years: VillageYearView[];
}

/** A thing to do soon (待办), and the screen where the clerk does it. */
export interface DueItem {
  text: string;
  go: 'quality' | 'households-no-helper' | 'import';
}

export interface OverviewView {
  township: string;
  year: number | null;
  villages: number;
  households: number;
  members: number;
  byStatus: Record<string, { label: string; households: number; members: number }>;
  perVillage: { code: string; name: string; households: number; members: number; exitedHouseholds: number; monitoredHouseholds: number; poorHouseholds: number; incidence: number }[];
  /** The quality check's part, when a current result is kept; else null: ask overview.problems. */
  check: OverviewProblemsView | null;
  /** Things a clerk should do soon, in Chinese (the check's own lines are in `check.due`). */
  due: DueItem[];
}

/** The overview's share of the quality check: counts, and the lines they add to 待办. */
export interface OverviewProblemsView {
  problems: { error: number; warning: number };
  due: DueItem[];
}

export interface AuditEntryView {
  id: number;
  at: string;
  operator: string;
  action: string;
  tableName: string;
  recordId: string;
  note: string | null;
  before: unknown;
  after: unknown;
}

/** A row of the audit log as named in a verify result. */
export interface AuditRowBriefView {
  id: number;
  at: string;
  operator: string;
  action: string;
  note: string | null;
}

/** 审计核验: the audit log's hash chain walked in full. */
export interface AuditVerifyView {
  intact: boolean;
  /** Rows in the chain. */
  rows: number;
  /** The last row's hash (64 hex digits; all zeros for an empty chain). */
  head: string;
  /** Rows written before this version, chained when the archive was first opened with it (not protected before then). */
  legacyRows: number;
  /** The first broken link: where, and what is wrong, in plain Chinese. */
  broken: {
    /** changed: a row's content was edited; missing: rows removed; reordered: rows moved; unsealed: a row not written by this software; head: the chain no longer matches what it was when a package was sent. */
    kind: 'changed' | 'missing' | 'reordered' | 'unsealed' | 'head';
    /** The row the break was found at (null: at the end of the chain, or against a package). */
    row: AuditRowBriefView | null;
    message: string;
  } | null;
  /** One line: 审计记录完整 … / 审计记录有断点 … */
  summary: string;
}

export interface UndoResult {
  undone: AuditEntryView;
  householdId: string | null;
}

export interface CheckView {
  year: number | null;
  asOf: string;
  problems: Problem[];
  counts: { error: number; warning: number };
}

export const villagesApi = {
  list: endpoint<VillageView[]>()('villages.list', z.object({})),
  get: endpoint<VillageView>()('villages.get', z.object({ id })),
};

export const overviewApi = {
  get: endpoint<OverviewView>()('overview.get', z.object({ year: year.nullable().default(null) })),
  /** The quality check's counts, as a job (jobs.status for the bar): seconds on a large archive, unless kept. */
  problems: endpoint<OverviewProblemsView>()('overview.problems', z.object({ jobId: jobId.nullable().default(null) })),
};

export const auditApi = {
  ofHousehold: endpoint<AuditEntryView[]>()('audit.ofHousehold', z.object({ id })),
  /** The newest entry that can still be undone, if any. */
  last: endpoint<AuditEntryView | null>()('audit.last', z.object({})),
  undoLast: endpoint<UndoResult>()('audit.undoLast', z.object({}), EDIT),
  /** Walks the audit log's hash chain: 完整, or the first broken link. */
  verify: endpoint<AuditVerifyView>()('audit.verify', z.object({})),
};

export const qualityApi = {
  check: offThread(endpoint<CheckView>()('quality.check', z.object({ villageId: z.string().nullable().default(null) })), { cache: true }),
};
