// The TypeScript schema and the committed migrations must agree: a schema change without
// `npm run db:generate` (or a hand-edited migration) fails here, not on a clerk's PC.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as kit from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, readMigrations } from './migrate.ts';
import * as schema from './schema/index.ts';

describe('schema guard', () => {
  it('has no schema change that is missing a migration', async () => {
    const journal = readMigrations();
    const last = journal[journal.length - 1]!;
    const snapshotFile = join(MIGRATIONS_DIR, 'meta', `${last.tag.split('_')[0]!}_snapshot.json`);
    // drizzle-kit's declaration files are too heavy for the linter's type service; the calls
    // are typed by hand here, as narrowly as this test uses them.
    const api = kit as unknown as {
      generateSQLiteDrizzleJson(s: Record<string, unknown>): Promise<unknown>;
      generateSQLiteMigration(prev: unknown, cur: unknown): Promise<string[]>;
    };
    const previous: unknown = JSON.parse(readFileSync(snapshotFile, 'utf8'));
    const current = await api.generateSQLiteDrizzleJson(schema);
    expect(await api.generateSQLiteMigration(previous, current)).toEqual([]);
  });
});
