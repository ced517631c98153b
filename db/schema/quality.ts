import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { travelling } from './columns.ts';
import { households, members } from './households.ts';

// 已核实无误: a finding of the data check the clerk looked at and found correct, with the reason,
// who and when. `findingKey` names the finding (rule, member, field and message); `fingerprint`
// is a hash of the rows the finding is about as they were when acknowledged — once the data
// changes it no longer matches and the finding is raised again. Travels in whole-archive packages.
export const qualityAcks = sqliteTable(
  'quality_acks',
  {
    ...travelling(),
    code: text('code').notNull(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    memberId: text('member_id').references(() => members.id, { onDelete: 'cascade' }),
    field: text('field'),
    findingKey: text('finding_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    /** The finding's message when acknowledged (what the clerk saw). */
    message: text('message').notNull(),
    reason: text('reason').notNull(),
    acknowledgedBy: text('acknowledged_by').notNull(),
    /** The core context's today (never the machine clock). */
    acknowledgedOn: text('acknowledged_on').notNull(),
  },
  (t) => [index('quality_acks_household_idx').on(t.householdId, t.findingKey)],
);
