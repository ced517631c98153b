import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { households } from './households.ts';
import { townships } from './archive.ts';
import { travelling } from './columns.ts';

/** 帮扶责任人 */
export const helpers = sqliteTable(
  'helpers',
  {
    ...travelling(),
    townshipId: text('township_id')
      .notNull()
      .references(() => townships.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    unit: text('unit'), // 单位名称
    unitLevel: text('unit_level'), // 中央 / 省 / 市 / 县 / 乡镇 / 村 …
    post: text('post'), // 职务
    phone: text('phone'),
    politicalStatus: text('political_status'),
  },
  (t) => [index('helpers_name_idx').on(t.name)],
);

/** A helper paired with a household for a period; a change of helper adds a new row. */
export const pairings = sqliteTable(
  'pairings',
  {
    ...travelling(),
    helperId: text('helper_id')
      .notNull()
      .references(() => helpers.id, { onDelete: 'restrict' }),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    startOn: text('start_on').notNull(),
    endOn: text('end_on'),
  },
  (t) => [index('pairings_household_idx').on(t.householdId), index('pairings_helper_idx').on(t.helperId)],
);

/** 帮扶措施: one measure given to a household. Amount in fen. */
export const measures = sqliteTable(
  'measures',
  {
    ...travelling(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    helperId: text('helper_id').references(() => helpers.id, { onDelete: 'set null' }),
    year: integer('year').notNull(),
    category: text('category').notNull(), // 帮扶措施类别
    content: text('content'),
    startOn: text('start_on'),
    endOn: text('end_on'),
    amountFen: integer('amount_fen'),
    result: text('result'), // 帮扶成效
  },
  (t) => [index('measures_household_idx').on(t.householdId, t.year)],
);
