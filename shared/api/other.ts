// Villages, the overview, the audit log (history, undo and the hash chain's check) and the quality check.
import { z } from 'zod';
import type { Problem } from '../quality/types.ts';
import type { VillageRecord } from '../records.ts';
import { endpoint, offThread } from './endpoint.ts';
import { EDIT } from '../roles.ts';
import { id, optionalText, text, year } from './schemas.ts';
import { jobId } from './jobs.ts';
import { ackInput, unackInput } from './quality.ts';
import type { AckView, AcknowledgedProblem } from './quality.ts';

export interface VillageYearView {
  year: number;
  ruralHouseholds: number | null;
  ruralPopulation: number | null;
  perCapitaIncomeFen: number | null;
  collectiveIncomeFen: number | null;
  checklist: Record<string, boolean> | null;
}

export interface VillageView extends VillageRecord {
  /** All households of the village in the archive, and their current members. */
  households: number;
  members: number;
  /** 建档户: 建档立卡 and monitored households, and their current members. */
  registeredHouseholds: number;
  registeredMembers: number;
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
  /** The findings still open (已核实无误 ones left out). */
  problems: Problem[];
  /** Of the open findings. */
  counts: { error: number; warning: number };
  /** Findings marked 已核实无误 whose data has not changed since. */
  acknowledged: AcknowledgedProblem[];
}

const fen = (label: string) => z.number().int(`${label}应为整数（分）`).min(0, `${label}不能为负数`).max(1_000_000_000_00, `${label}过大，请核对单位（元）`).nullable().default(null);
const count = (label: string) => z.number().int(`${label}应为整数`).min(0, `${label}不能为负数`).max(1_000_000, `${label}过大`).nullable().default(null);

export const villageInput = z.object({
  /** null: a new village (新增行政村). */
  id: z.string().min(1).nullable().default(null),
  code: z.string().trim().regex(/^\d{12}$/, '行政村区划代码应为12位数字（统计用区划代码，例如 511922101001）'),
  name: text('行政村名称', 40).min(1, '请填写行政村名称'),
  isPoorVillage: z.boolean().default(false),
  exitYear: z.number().int().min(2013, '出列年度应在2013年以后').max(2100, '出列年度有误').nullable().default(null),
  firstSecretary: optionalText('第一书记', 20),
  firstSecretaryPhone: z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '第一书记电话应为11位手机号或带区号的座机号').nullable().default(null),
  workTeam: optionalText('驻村工作队', 200),
});

export const villageYearInput = z.object({
  villageId: id,
  year,
  ruralHouseholds: count('农村户数'),
  ruralPopulation: count('农村人口'),
  perCapitaIncomeFen: fen('人均可支配收入'),
  collectiveIncomeFen: fen('村集体经营性收入'),
  /** Item → met; null leaves no checklist for the year. */
  checklist: z.record(z.string().trim().min(1).max(40), z.boolean()).nullable().default(null),
});

export const villagesApi = {
  list: endpoint<VillageView[]>()('villages.list', z.object({})),
  get: endpoint<VillageView>()('villages.get', z.object({ id })),
  /** Adds a village (id null) or changes one's facts: code, name, 贫困村, 出列年度, 第一书记, 驻村工作队. */
  save: endpoint<VillageView>()('villages.save', villageInput, EDIT),
  /** A year's figures and checklist of a village (集体收入, 人均收入, 清单), added or replaced. */
  saveYear: endpoint<VillageView>()('villages.saveYear', villageYearInput, EDIT),
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
  /** 已核实无误: the finding(s) of a rule on a household (or one member) with the reason; audited. */
  ack: endpoint<AckView[]>()('quality.ack', ackInput, EDIT),
  /** 取消核实: the finding counts again. */
  unack: endpoint<AckView>()('quality.unack', unackInput, EDIT),
};
