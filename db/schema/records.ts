import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { travelling } from './columns.ts';

/** File contents, kept once per sha256 inside the archive so one file holds everything. */
export const blobs = sqliteTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  data: blob('data', { mode: 'buffer' }).notNull(),
});

/** 档案资料: a scan or photo attached to any record. */
export const attachments = sqliteTable(
  'attachments',
  {
    ...travelling(),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256, { onDelete: 'restrict' }),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    originalName: text('original_name').notNull(),
    ownerTable: text('owner_table').notNull(),
    ownerId: text('owner_id').notNull(),
    caption: text('caption'),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerTable, t.ownerId)],
);

/** Who changed what, when, before and after (谁签字谁负责). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    operator: text('operator').notNull(),
    action: text('action').notNull(), // insert / update / delete / import / status …
    tableName: text('table_name').notNull(),
    recordId: text('record_id').notNull(),
    /** The household a change belongs to, for a household's history tab. */
    householdId: text('household_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    note: text('note'),
    /** For an 'undo' entry: the id of the entry it reversed. */
    undoes: integer('undoes'),
    /** The hash chain (谁签字谁负责, tamper-evident): the previous row's hash, and this row's over its canonical content and that. */
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [index('audit_log_household_idx').on(t.householdId, t.id), index('audit_log_record_idx').on(t.tableName, t.recordId)],
);

/** Every import of a workbook or a package. */
export const importsLog = sqliteTable('imports_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  operator: text('operator').notNull(),
  kind: text('kind').notNull(), // xlsx / package / demo
  fileName: text('file_name'),
  sha256: text('sha256'),
  households: integer('households').notNull().default(0),
  members: integer('members').notNull().default(0),
  summary: text('summary', { mode: 'json' }),
});
