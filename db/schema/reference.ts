import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { travelling } from './columns.ts';

/**
 * Policy parameters per year and province ('' province = national). `value` is an integer
 * in `unit`: fen for money, days for periods, percent for ratios.
 */
export const policyParameters = sqliteTable(
  'policy_parameters',
  {
    ...travelling(),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    /** '' = national; otherwise the province's name as in the archive (e.g. 四川省). */
    province: text('province').notNull().default(''),
    value: integer('value').notNull(),
    unit: text('unit', { enum: ['fen', 'day', 'percent'] }).notNull(),
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('policy_parameters_key_unique').on(t.kind, t.year, t.province)],
);

/** Value lists (致贫原因, 与户主关系 …) with their aliases, so imports can match labels. */
export const codeLists = sqliteTable(
  'code_lists',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    category: text('category').notNull(),
    code: text('code'), // the national code, where one is known (informative only)
    label: text('label').notNull(),
    aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
    era: text('era').notNull(), // '2014-2020' | '2021+' | 'all'
    sortOrder: integer('sort_order').notNull(),
    /** Added by this archive (a local value), not shipped with the program. */
    local: integer('local', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('code_lists_category_label_unique').on(t.category, t.label), index('code_lists_category_idx').on(t.category)],
);
