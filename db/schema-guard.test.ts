// The TypeScript schema and the committed migrations must agree: a schema change without
// `npm run db:generate` (or a hand-edited migration) fails here, not on a clerk's PC.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, readMigrations } from './migrate.ts';
import * as schema from './schema/index.ts';

describe('schema guard', () => {
  it('has no schema change that is missing a migration', async () => {
    const journal = readMigrations();
    const last = journal[journal.length - 1]!;
    const snapshotFile = join(MIGRATIONS_DIR, 'meta', `${last.tag.split('_')[0]!}_snapshot.json`);
    const previous = JSON.parse(readFileSync(snapshotFile, 'utf8')) as Parameters<typeof generateSQLiteMigration>[0];
    const current = await generateSQLiteDrizzleJson(schema);
    expect(await generateSQLiteMigration(previous, current)).toEqual([]);
  });
});
