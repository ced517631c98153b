// Households: the list (filters + search), one household's whole page, and saving an edit.
import { z } from 'zod';
import type { IncomeTotals } from '../income.ts';
import type { Problem } from '../quality/types.ts';
import type {
  HouseholdRecord,
  IncomeRecord,
  MeasureRecord,
  MemberRecord,
  PairingRecord,
  StatusHistoryRecord,
} from '../records.ts';
import type { HouseholdStatus } from '../status.ts';
import { HOUSEHOLD_STATUSES } from '../status.ts';
import { endpoint } from './endpoint.ts';
import { EDIT } from '../roles.ts';
import { MAX_MEMBERS, draftFields } from '../fields/index.ts';
import type { DraftInput, DraftValues, Edited, HouseholdField, IncomeField, MemberField } from '../fields/index.ts';
import { shapeOf } from '../fields/schema.ts';
import { id, limit, offset, year } from './schemas.ts';

export interface HouseholdListItem {
  id: string;
  no: string;
  villageId: string;
  villageName: string;
  groupName: string | null;
  status: HouseholdStatus;
  attribute: string | null;
  mainCause: string | null;
  monitoringCategory: string | null;
  head: string | null;
  size: number;
  /** With a search: the members whose name, initials or ID tail matched (the row says who). */
  matched?: string[];
}

/** The list's column sorts. */
export const HOUSEHOLD_SORTS = ['village', 'no', 'head', 'group', 'size', 'status'] as const;
export type HouseholdSort = (typeof HOUSEHOLD_SORTS)[number];

export interface HouseholdPage {
  total: number;
  items: HouseholdListItem[];
}

export const householdFilter = z.object({
  villageId: z.string().nullable().default(null),
  groupName: z.string().nullable().default(null),
  status: z.enum(HOUSEHOLD_STATUSES).nullable().default(null),
  attribute: z.string().nullable().default(null),
  mainCause: z.string().nullable().default(null),
  monitoringCategory: z.string().nullable().default(null),
  /** Registered households with no helper paired today (the overview's 待办). */
  noHelper: z.boolean().default(false),
  /** Name, pinyin initials (zs → 张三), ID-number tail, or 户编号. */
  search: z.string().trim().max(40).default(''),
  /** A column sort; 'village' is the archive's own order (village, then 户编号). */
  sort: z.enum(HOUSEHOLD_SORTS).default('village'),
  desc: z.boolean().default(false),
  limit,
  offset,
});
export type HouseholdFilter = z.input<typeof householdFilter>;

export type IncomeView = IncomeRecord & IncomeTotals;
export type PairingView = PairingRecord & { helperName: string; helperUnit: string | null; helperPhone: string | null };

export interface HouseholdDetail {
  household: HouseholdRecord;
  village: { id: string; code: string; name: string };
  members: MemberRecord[];
  incomes: IncomeView[];
  pairings: PairingView[];
  measures: MeasureRecord[];
  history: StatusHistoryRecord[];
  problems: Problem[];
}

// The save drafts are derived from the field catalogue (shared/fields): every field the household
// page edits, with its limits and messages. Cross-field and archive rules (one 户主, no ID in
// two households …) are the core's (core/households/validate.ts).
type HouseholdEdited = Edited<HouseholdField>;
type MemberEdited = Edited<MemberField>;
type IncomeEdited = Edited<IncomeField>;

export type ParsedMemberDraft = { id: string | null } & DraftValues<MemberEdited>;
export type MemberDraft = { id?: string | null | undefined } & DraftInput<MemberEdited>;
export const memberDraft = z.object({
  /** Absent for a new member. */
  id: z.string().nullable().default(null),
  ...shapeOf(draftFields('member')),
}) as unknown as z.ZodType<ParsedMemberDraft, MemberDraft>;

export type ParsedIncomeDraft = { year: number } & DraftValues<IncomeEdited>;
export type IncomeDraft = { year: number } & DraftInput<IncomeEdited>;
export const incomeDraft = z.object({ year, ...shapeOf(draftFields('income')) }) as unknown as z.ZodType<ParsedIncomeDraft, IncomeDraft>;

interface DraftFrame<M, I> {
  /** Absent for a new household. */
  id: string | null;
  /** The version the clerk started editing (required for an existing household; null only for a
   * new one): a newer one in the archive means someone else saved, and the save is refused. */
  expectedVersion: number | null;
  villageId: string;
  members: M[];
  incomes: I[];
}
export type ParsedHouseholdDraft = DraftFrame<ParsedMemberDraft, ParsedIncomeDraft> & DraftValues<HouseholdEdited>;
export type HouseholdDraft = Partial<Pick<DraftFrame<MemberDraft, IncomeDraft>, 'id' | 'expectedVersion' | 'incomes'>> &
  Pick<DraftFrame<MemberDraft, IncomeDraft>, 'villageId' | 'members'> &
  DraftInput<HouseholdEdited>;

export const EXPECTED_VERSION_MISSING = '修改已有的一户时缺少开始编辑时的版本号，无法确认是否会覆盖别人的修改，本次没有保存。请刷新这一户后重新填写并保存。';

export const householdDraft = z.object({
  id: z.string().nullable().default(null),
  expectedVersion: z.number().int().nullable().default(null),
  villageId: z.string({ error: '请选择行政村' }).min(1, '请选择行政村'),
  ...shapeOf(draftFields('household')),
  members: z.array(memberDraft).min(1, '至少要有一名家庭成员').max(MAX_MEMBERS, `家庭成员过多：一户最多${MAX_MEMBERS}人`),
  incomes: z.array(incomeDraft).default([]),
})
  // Without the version a save cannot know whether it overwrites someone else's: refused, never skipped.
  .refine((d) => d.id == null || d.expectedVersion != null, { path: ['expectedVersion'], message: EXPECTED_VERSION_MISSING }) as unknown as z.ZodType<ParsedHouseholdDraft, HouseholdDraft>;

export const householdsApi = {
  list: endpoint<HouseholdPage>()('households.list', householdFilter),
  get: endpoint<HouseholdDetail>()('households.get', z.object({ id })),
  save: endpoint<HouseholdDetail>()('households.save', householdDraft, EDIT),
  groups: endpoint<string[]>()('households.groups', z.object({ villageId: z.string().nullable().default(null) })),
};
