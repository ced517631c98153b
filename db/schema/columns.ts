import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * Columns of every record that can travel in an exchange package: a stable UUID key and
 * a version stamp, so the receiving side can tell new from changed from stale.
 */
export function travelling() {
  return {
    id: text('id').primaryKey(),
    version: integer('version').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  };
}

/** A yes/no field that may also be unknown (null) — common in national exports. */
export function flag(name: string) {
  return integer(name, { mode: 'boolean' });
}
