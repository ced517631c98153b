import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { flag, travelling } from './columns.ts';

/** One row: what this archive file is. */
export const archiveInfo = sqliteTable(
  'archive_info',
  {
    id: integer('id').primaryKey(),
    role: text('role', { enum: ['township', 'county'] }).notNull(),
    /** The township this archive belongs to (township role), or null for a county archive. */
    townshipId: text('township_id'),
    /** Display name: the township's, or the county's for a county archive. */
    name: text('name').notNull(),
    county: text('county'),
    province: text('province'),
    createdAt: text('created_at').notNull(),
    /** Minutes without use after which the app locks and asks for the password again (set by the station chief). */
    idleLockMinutes: integer('idle_lock_minutes').notNull().default(15),
  },
  (t) => [check('archive_info_single_row', sql`${t.id} = 1`)],
);

export const townships = sqliteTable(
  'townships',
  {
    ...travelling(),
    name: text('name').notNull(),
    /** 12-digit statistical division code (统计用区划代码). */
    code: text('code'),
    county: text('county'),
    city: text('city'),
    province: text('province'),
    /** Local supervision phones printed on notices after the national 12317 (JSON list). */
    supervisionPhones: text('supervision_phones', { mode: 'json' }).$type<string[]>(),
    /** 投诉监督地址: where objections are handed in (the township office's address). */
    officeAddress: text('office_address'),
    /** The township office's phone (乡镇人民政府/扶贫工作站). */
    officePhone: text('office_phone'),
  },
  (t) => [uniqueIndex('townships_code_unique').on(t.code)],
);

export const villages = sqliteTable(
  'villages',
  {
    ...travelling(),
    townshipId: text('township_id')
      .notNull()
      .references(() => townships.id, { onDelete: 'restrict' }),
    /** 12-digit division code of the administrative village. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    isPoorVillage: flag('is_poor_village').notNull().default(false),
    exitYear: integer('exit_year'),
    workTeam: text('work_team'),
    firstSecretary: text('first_secretary'),
    firstSecretaryPhone: text('first_secretary_phone'),
    /** 村委会电话: printed on the village's notices and 明白卡. */
    committeePhone: text('committee_phone'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('villages_code_unique').on(t.code), index('villages_township_idx').on(t.townshipId)],
);

/** Yearly figures of a village; money in fen. The checklist is a JSON object of item → met. */
export const villageYears = sqliteTable(
  'village_years',
  {
    ...travelling(),
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    ruralHouseholds: integer('rural_households'),
    ruralPopulation: integer('rural_population'),
    perCapitaIncomeFen: integer('per_capita_income_fen'),
    collectiveIncomeFen: integer('collective_income_fen'),
    checklist: text('checklist', { mode: 'json' }).$type<Record<string, boolean>>(),
  },
  (t) => [uniqueIndex('village_years_village_year_unique').on(t.villageId, t.year)],
);
