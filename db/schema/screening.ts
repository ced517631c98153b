import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { travelling } from './columns.ts';
import { households, members } from './households.ts';
import { batches } from './workflows.ts';

// 部门筛查预警: a department's list as imported (which department, which file and date) and each
// hit on the archive (预警): the person matched, the department's reason and figures, and what the
// clerk made of it — 核实 result, a 监测识别 batch started, or dismissed — with its due date.
// Both travel to the county in the township's packages.

export const screeningLists = sqliteTable(
  'screening_lists',
  {
    ...travelling(),
    /** A key of shared/screening DEPARTMENTS. */
    department: text('department').notNull(),
    fileName: text('file_name').notNull(),
    /** The list's own title (the workbook's title row), else the file name. */
    title: text('title').notNull(),
    /** The list's date: given by the clerk, else the import day. */
    listDate: text('list_date').notNull(),
    importedOn: text('imported_on').notNull(),
    rows: integer('rows').notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [index('screening_lists_department_idx').on(t.department, t.importedOn)],
);

export const screeningAlerts = sqliteTable(
  'screening_alerts',
  {
    ...travelling(),
    listId: text('list_id')
      .notNull()
      .references(() => screeningLists.id, { onDelete: 'cascade' }),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    memberId: text('member_id').references(() => members.id, { onDelete: 'set null' }),
    department: text('department').notNull(),
    /** The row of the list it came from (spreadsheet row number). */
    rowNo: integer('row_no').notNull(),
    /** How the person was found: by ID number, or by name and birth date. */
    matchedBy: text('matched_by', { enum: ['id', 'name-birth'] }).notNull(),
    reason: text('reason').notNull(),
    figures: text('figures', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    status: text('status', { enum: ['pending', 'monitor', 'no_risk', 'dismissed'] }).notNull(),
    dueOn: text('due_on').notNull(),
    /** The 核实 result or the reason for dismissing. */
    result: text('result'),
    resolvedBy: text('resolved_by'),
    resolvedOn: text('resolved_on'),
    /** The 监测识别 batch started from this hit. */
    batchId: text('batch_id').references(() => batches.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('screening_alerts_list_idx').on(t.listId),
    index('screening_alerts_household_idx').on(t.householdId),
    index('screening_alerts_status_idx').on(t.status, t.dueOn),
  ],
);
