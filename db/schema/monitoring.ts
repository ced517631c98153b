import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { travelling } from './columns.ts';
import { households } from './households.ts';

// 防返贫监测 (seed 004): the monthly check (每月“测”) of a monitoring object and the remedies
// (分类“补”) for what it found. The object itself is the household (status, category, risks,
// monitoring start/end on the households row); its level is computed, and kept on each check
// as it was on that day.

export const monitoringChecks = sqliteTable(
  'monitoring_checks',
  {
    ...travelling(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    checkedOn: text('checked_on').notNull(),
    /** 预估当年人均纯收入 (fen), as estimated on the visit. */
    predictedPerCapitaFen: integer('predicted_per_capita_fen'),
    /** 两不愁三保障 / 饮水 items found at risk (keys of GUARANTEE_ITEMS). */
    atRisk: text('at_risk', { mode: 'json' }).$type<string[]>().notNull(),
    level: text('level', { enum: ['red', 'yellow', 'green'] }).notNull(),
    findings: text('findings'),
    actions: text('actions'),
    checkedBy: text('checked_by'),
  },
  (t) => [index('monitoring_checks_household_idx').on(t.householdId, t.checkedOn), index('monitoring_checks_date_idx').on(t.checkedOn)],
);

export const monitoringRemedies = sqliteTable(
  'monitoring_remedies',
  {
    ...travelling(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    checkId: text('check_id').references(() => monitoringChecks.id, { onDelete: 'set null' }),
    /** What falls short: 收入 or a GUARANTEE_ITEMS label. */
    shortfall: text('shortfall').notNull(),
    action: text('action').notNull(),
    responsible: text('responsible'),
    dueOn: text('due_on'),
    doneOn: text('done_on'),
    result: text('result'),
  },
  (t) => [index('monitoring_remedies_household_idx').on(t.householdId)],
);
