// Villages, the overview, the audit log (history and undo) and the quality check.
import { z } from 'zod';
import type { Problem } from '../quality/types.ts';
import type { VillageRecord } from '../records.ts';
import { endpoint } from './endpoint.ts';
import { EDIT } from '../roles.ts';
import { id, year } from './schemas.ts';

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

export interface OverviewView {
  township: string;
  year: number | null;
  villages: number;
  households: number;
  members: number;
  byStatus: Record<string, { label: string; households: number; members: number }>;
  perVillage: { code: string; name: string; households: number; members: number; exitedHouseholds: number; monitoredHouseholds: number; poorHouseholds: number; incidence: number }[];
  problems: { error: number; warning: number };
  /** Things a clerk should do soon, in Chinese. */
  due: string[];
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
};

export const auditApi = {
  ofHousehold: endpoint<AuditEntryView[]>()('audit.ofHousehold', z.object({ id })),
  /** The newest entry that can still be undone, if any. */
  last: endpoint<AuditEntryView | null>()('audit.last', z.object({})),
  undoLast: endpoint<UndoResult>()('audit.undoLast', z.object({}), EDIT),
};

export const qualityApi = {
  check: endpoint<CheckView>()('quality.check', z.object({ villageId: z.string().nullable().default(null) })),
};
