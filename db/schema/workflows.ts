import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { HouseholdStatus } from '../../shared/status.ts';
import { HOUSEHOLD_STATUSES } from '../../shared/status.ts';
import { villages } from './archive.ts';
import { flag, travelling } from './columns.ts';
import { households } from './households.ts';

// Workflow records (申请 → 民主评议 → 核实 → 公示 → 审核 → 公告). The kinds and their steps are
// data in shared/; these tables hold one run of a kind ("batch") and what happened at each step.

export const batches = sqliteTable(
  'batches',
  {
    ...travelling(),
    kind: text('kind').notNull(), // identification / edge / exit / return / monitoring / risk-removal
    year: integer('year').notNull(),
    /** Null for a township-wide batch. */
    villageId: text('village_id').references(() => villages.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    status: text('status', { enum: ['open', 'closed', 'cancelled'] }).notNull().default('open'),
    createdOn: text('created_on').notNull(),
    closedOn: text('closed_on'),
  },
  (t) => [index('batches_kind_year_idx').on(t.kind, t.year), index('batches_village_idx').on(t.villageId)],
);

export const batchSteps = sqliteTable(
  'batch_steps',
  {
    ...travelling(),
    batchId: text('batch_id')
      .notNull()
      .references(() => batches.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    step: text('step').notNull(), // step code from the kind's definition
    isPublicity: flag('is_publicity').notNull().default(false),
    minDays: integer('min_days'),
    status: text('status', { enum: ['pending', 'open', 'closed'] }).notNull().default('pending'),
    startedOn: text('started_on'),
    endsOn: text('ends_on'),
    closedOn: text('closed_on'),
    closedBy: text('closed_by'),
    postedAt: text('posted_at'), // where a notice was posted
    note: text('note'),
  },
  (t) => [uniqueIndex('batch_steps_batch_seq_unique').on(t.batchId, t.seq)],
);

export const batchHouseholds = sqliteTable(
  'batch_households',
  {
    ...travelling(),
    batchId: text('batch_id')
      .notNull()
      .references(() => batches.id, { onDelete: 'cascade' }),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'restrict' }),
    category: text('category'), // the kind's per-household choice: monitoring category or removal method
    risks: text('risks', { mode: 'json' }).$type<string[]>(), // proposed 致贫/返贫风险 (monitoring)
    addedOn: text('added_on').notNull(),
    removedOn: text('removed_on'),
    removalReason: text('removal_reason'),
  },
  (t) => [
    uniqueIndex('batch_households_batch_household_unique').on(t.batchId, t.householdId),
    index('batch_households_household_idx').on(t.householdId),
  ],
);

/** Per household and step: 通过 / 不通过 / 退回 with reason, who, when. */
export const stepOutcomes = sqliteTable(
  'step_outcomes',
  {
    ...travelling(),
    stepId: text('step_id')
      .notNull()
      .references(() => batchSteps.id, { onDelete: 'cascade' }),
    batchHouseholdId: text('batch_household_id')
      .notNull()
      .references(() => batchHouseholds.id, { onDelete: 'cascade' }),
    outcome: text('outcome', { enum: ['pass', 'fail', 'return'] }).notNull(),
    reason: text('reason'),
    decidedOn: text('decided_on').notNull(),
    /** Who decided (the reviewing body or person); the operator who recorded it is updatedBy. */
    decidedBy: text('decided_by'),
  },
  (t) => [uniqueIndex('step_outcomes_step_household_unique').on(t.stepId, t.batchHouseholdId)],
);

/** 异议 raised during a publicity period, and how it was settled. */
export const objections = sqliteTable(
  'objections',
  {
    ...travelling(),
    stepId: text('step_id')
      .notNull()
      .references(() => batchSteps.id, { onDelete: 'cascade' }),
    householdId: text('household_id').references(() => households.id, { onDelete: 'set null' }),
    raisedBy: text('raised_by'),
    raisedOn: text('raised_on').notNull(),
    content: text('content').notNull(),
    handling: text('handling'),
    result: text('result'),
    settledOn: text('settled_on'),
  },
  (t) => [index('objections_step_idx').on(t.stepId)],
);

/** 民主评议 meeting record. */
export const meetings = sqliteTable(
  'meetings',
  {
    ...travelling(),
    batchId: text('batch_id')
      .notNull()
      .references(() => batches.id, { onDelete: 'cascade' }),
    stepId: text('step_id').references(() => batchSteps.id, { onDelete: 'set null' }),
    heldOn: text('held_on').notNull(),
    place: text('place'),
    host: text('host'),
    recorder: text('recorder'),
    /** 开始/结束时间 of day, "HH:MM". */
    startsAt: text('starts_at'),
    endsAt: text('ends_at'),
    /** 投票方式: 'hands' 举手表决 or 'ballot' 无记名投票 (shared/workflows/meeting.ts). */
    voteMethod: text('vote_method'),
    /** 监票人 and 计票人. */
    scrutineer: text('scrutineer'),
    teller: text('teller'),
    attendeesCount: integer('attendees_count'),
    entitledCount: integer('entitled_count'),
    attendees: text('attendees'),
    minutes: text('minutes'),
    result: text('result'),
  },
  (t) => [index('meetings_batch_idx').on(t.batchId), index('meetings_step_idx').on(t.stepId)],
);

/** The villages a batch covers (one row each); none for a township-wide batch. */
export const batchVillages = sqliteTable(
  'batch_villages',
  {
    ...travelling(),
    batchId: text('batch_id')
      .notNull()
      .references(() => batches.id, { onDelete: 'cascade' }),
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id, { onDelete: 'restrict' }),
  },
  (t) => [uniqueIndex('batch_villages_batch_village_unique').on(t.batchId, t.villageId), index('batch_villages_village_idx').on(t.villageId)],
);

/** Per-household votes at a 民主评议 meeting. */
export const meetingVotes = sqliteTable(
  'meeting_votes',
  {
    ...travelling(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    batchHouseholdId: text('batch_household_id')
      .notNull()
      .references(() => batchHouseholds.id, { onDelete: 'cascade' }),
    votesFor: integer('votes_for').notNull(),
    votesAgainst: integer('votes_against').notNull().default(0),
    abstentions: integer('abstentions').notNull().default(0),
  },
  (t) => [uniqueIndex('meeting_votes_meeting_household_unique').on(t.meetingId, t.batchHouseholdId)],
);

/** A recorded decision on a batch: reopening its last completed step, or cancelling it. */
export const batchDecisions = sqliteTable(
  'batch_decisions',
  {
    ...travelling(),
    batchId: text('batch_id')
      .notNull()
      .references(() => batches.id, { onDelete: 'cascade' }),
    action: text('action', { enum: ['reopen', 'cancel'] }).notNull(),
    stepId: text('step_id').references(() => batchSteps.id, { onDelete: 'set null' }),
    decision: text('decision').notNull(), // 文号 or the body and date of the decision
    reason: text('reason').notNull(),
    decidedOn: text('decided_on').notNull(),
  },
  (t) => [index('batch_decisions_batch_idx').on(t.batchId)],
);

/** 规模控制: households allowed per village, year and kind. */
export const quotas = sqliteTable(
  'quotas',
  {
    ...travelling(),
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    households: integer('households').notNull(),
  },
  (t) => [uniqueIndex('quotas_village_year_kind_unique').on(t.villageId, t.year, t.kind)],
);

/** Per-archive settings of a workflow kind (defaults in shared/workflows/kinds.ts). */
export const workflowSettings = sqliteTable(
  'workflow_settings',
  {
    ...travelling(),
    kind: text('kind').notNull(),
    publicityDays: integer('publicity_days').notNull(),
    /** Exit only: the standard must be met two years running (seed 002). */
    requireTwoYears: flag('require_two_years').notNull().default(false),
  },
  (t) => [uniqueIndex('workflow_settings_kind_unique').on(t.kind)],
);

/** Every status change, dated, with what caused it (a workflow batch or a recorded decision). */
export const statusHistory = sqliteTable(
  'status_history',
  {
    ...travelling(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    status: text('status', { enum: HOUSEHOLD_STATUSES }).$type<HouseholdStatus>().notNull(),
    year: integer('year'),
    effectiveOn: text('effective_on').notNull(),
    batchId: text('batch_id').references(() => batches.id, { onDelete: 'restrict' }),
    decision: text('decision'), // 文号 or description of the recorded decision
    reason: text('reason'),
  },
  (t) => [index('status_history_household_idx').on(t.householdId, t.effectiveOn)],
);
