import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Encrypted USB packages at the archive level (issue 7). None of these tables travels in a
// package: they are this installation's registry, log and review records.

/** The other side's public keys registered here after the phone check of their fingerprint. */
export const exchangeKeys = sqliteTable(
  'exchange_keys',
  {
    /** 30-digit fingerprint (no spaces). */
    fingerprint: text('fingerprint').primaryKey(),
    role: text('role', { enum: ['township', 'county'] }).notNull(),
    name: text('name').notNull(),
    /** The organisation as the clerk registered it (optional). */
    org: text('org'),
    signingKey: text('signing_key').notNull(),
    encryptionKey: text('encryption_key').notNull(),
    /** The whole public.json as received (self-signed), kept for re-checking. */
    record: text('record', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: text('created_at').notNull(),
    checkedBy: text('checked_by').notNull(),
    checkedAt: text('checked_at').notNull(),
    method: text('method').notNull(),
    status: text('status', { enum: ['active', 'revoked'] }).notNull().default('active'),
    revokedAt: text('revoked_at'),
    revokedBy: text('revoked_by'),
    revokedReason: text('revoked_reason'),
    validThroughSeq: integer('valid_through_seq'),
    lastAcceptedSeq: integer('last_accepted_seq'),
    /** County side: the township whose packages this key signs (set by the first import). */
    townshipId: text('township_id'),
  },
  (t) => [index('exchange_keys_role_idx').on(t.role, t.status)],
);

/** Every package written or applied here: the replay / rollback / idempotence record. */
export const exchangePackages = sqliteTable(
  'exchange_packages',
  {
    packageId: text('package_id').primaryKey(),
    kind: text('kind').notNull(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    seq: integer('seq').notNull(),
    senderFingerprint: text('sender_fingerprint').notNull(),
    senderName: text('sender_name').notNull(),
    /** Out: the recipient key (null for a passphrase package). */
    recipientFingerprint: text('recipient_fingerprint'),
    recipientName: text('recipient_name'),
    payloadSha256: text('payload_sha256').notNull(),
    answersToId: text('answers_to_id'),
    answersToSha256: text('answers_to_sha256'),
    bytes: integer('bytes'),
    at: text('at').notNull(),
    operator: text('operator').notNull(),
    authenticated: integer('authenticated', { mode: 'boolean' }).notNull(),
    /** 'all' or 'batches' for township exports. */
    scope: text('scope'),
    townshipId: text('township_id'),
    file: text('file'),
    /** Chinese one-line summary. */
    result: text('result').notNull(),
    summary: text('summary', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** The sender's audit chain when the package was made: its length and head hash (township exports). */
    auditLength: integer('audit_length'),
    auditHead: text('audit_head'),
  },
  (t) => [index('exchange_packages_order_idx').on(t.direction, t.kind, t.senderFingerprint, t.seq), index('exchange_packages_township_idx').on(t.townshipId, t.at)],
);

/** County side: which township each received row belongs to (its snapshot replaces the last one). */
export const exchangeRows = sqliteTable(
  'exchange_rows',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    townshipId: text('township_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId] }), index('exchange_rows_township_idx').on(t.townshipId, t.tableName)],
);

/** County side: 通过 / 退回 on a batch's county step, for the whole step or one household. */
export const reviewOpinions = sqliteTable(
  'review_opinions',
  {
    id: text('id').primaryKey(),
    townshipId: text('township_id').notNull(),
    /** The township package the opinion was made on. */
    packageId: text('package_id').notNull(),
    batchId: text('batch_id').notNull(),
    stepId: text('step_id').notNull(),
    stepSeq: integer('step_seq').notNull(),
    stepCode: text('step_code').notNull(),
    /** '' for an opinion on the whole step. */
    householdId: text('household_id').notNull().default(''),
    opinion: text('opinion', { enum: ['pass', 'return'] }).notNull(),
    reason: text('reason'),
    reviewer: text('reviewer').notNull(),
    reviewedOn: text('reviewed_on').notNull(),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
    /** The review-result package that carried it. */
    sentIn: text('sent_in'),
  },
  (t) => [uniqueIndex('review_opinions_step_household_unique').on(t.stepId, t.householdId), index('review_opinions_township_idx').on(t.townshipId, t.batchId)],
);

/** Township side: the county's opinions as received, and what the import did with each. */
export const reviewReceived = sqliteTable(
  'review_received',
  {
    /** The county's opinion id. */
    id: text('id').primaryKey(),
    packageId: text('package_id').notNull(),
    receivedAt: text('received_at').notNull(),
    batchId: text('batch_id').notNull(),
    stepSeq: integer('step_seq').notNull(),
    householdId: text('household_id').notNull().default(''),
    opinion: text('opinion', { enum: ['pass', 'return'] }).notNull(),
    reason: text('reason'),
    reviewer: text('reviewer').notNull(),
    reviewedOn: text('reviewed_on').notNull(),
    effect: text('effect', { enum: ['advanced', 'returned', 'recorded', 'skipped'] }).notNull(),
    note: text('note'),
  },
  (t) => [index('review_received_batch_idx').on(t.batchId, t.stepSeq)],
);

/**
 * This side's own key pair, inside the encrypted archive (never in clear on disk): the private
 * record (Ed25519 seed, age identity) and the public one handed to the other side.
 */
export const ownKeys = sqliteTable('own_keys', {
  fingerprint: text('fingerprint').primaryKey(),
  role: text('role', { enum: ['township', 'county'] }).notNull(),
  name: text('name').notNull(),
  publicRecord: text('public_record', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  privateRecord: text('private_record', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
});
