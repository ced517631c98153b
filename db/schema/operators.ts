import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Role } from '../../shared/roles.ts';
import { ROLES } from '../../shared/roles.ts';

/**
 * The people who may open this archive and what each may do (谁签字谁负责). A password is never
 * stored: its argon2id key unwraps the archive's key in the key file beside the archive
 * (db/keystore.ts), which is what proves it. Not a travelling table: accounts stay on this PC.
 */
export const operators = sqliteTable(
  'operators',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).$type<Role>().notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    passwordChangedAt: text('password_changed_at').notNull(),
    lastLoginAt: text('last_login_at'),
  },
  (t) => [uniqueIndex('operators_name_unique').on(t.name), index('operators_role_idx').on(t.role)],
);
