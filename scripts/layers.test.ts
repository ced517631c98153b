// The layer map (ARCHITECTURE.md rule 3) is enforced by eslint in `npm test`; this proves the
// rules really fire, so a broken config cannot silently let a bad import through.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
// Type information is not needed for import rules, and the linted files do not exist on disk.
const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });

async function messages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  const all = result?.messages ?? [];
  expect(all.filter((m) => m.fatal)).toEqual([]);
  return all.map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

describe('import direction', () => {
  it.each([
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", /no-restricted-imports/],
    ['shared/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n", /no-restricted-imports/],
    ['shared/x.ts', "import { households } from '../db/schema/index.ts';\nexport const x = households;\n", /no-restricted-paths/],
    ['db/x.ts', "import { initArchive } from '../core/archive.ts';\nexport const x = initArchive;\n", /no-restricted-paths/],
    ['templates/x.ts', "import { openArchive } from '../db/open.ts';\nexport const x = openArchive;\n", /no-restricted-paths/],
    ['renderer/x.ts', "import { openArchive } from '../db/open.ts';\nexport const x = openArchive;\n", /no-restricted-paths/],
    ['renderer/x.ts', "import { join } from 'path';\nexport const x = join;\n", /no-restricted-imports/],
    ['cli/x.ts', "import { openArchive } from '../db/open.ts';\nexport const x = openArchive;\n", /no-restricted-paths/],
    // No layer below the shells may reach the browser shell.
    ['shared/x.ts', "import { startWebShell } from '../web/server.ts';\nexport const x = startWebShell;\n", /no-restricted-paths/],
    ['db/x.ts', "import { startWebShell } from '../web/server.ts';\nexport const x = startWebShell;\n", /no-restricted-paths/],
    ['templates/x.ts', "import { startWebShell } from '../web/server.ts';\nexport const x = startWebShell;\n", /no-restricted-paths/],
    ['renderer/x.ts', "import { startWebShell } from '../web/server.ts';\nexport const x = startWebShell;\n", /no-restricted-paths/],
    // Tests follow the same map as code.
    ['renderer/x.test.ts', "import { openArchive } from '../core/archive.ts';\nexport const x = openArchive;\n", /no-restricted-paths/],
    ['renderer/x.test.tsx', "import { openArchive } from '../core/archive.ts';\nexport const x = <b>{String(openArchive)}</b>;\n", /no-restricted-paths/],
    ['shared/x.test.ts', "import { tempDir } from '../db/testing.ts';\nexport const x = tempDir;\n", /no-restricted-paths/],
    ['templates/x.test.ts', "import { tempDir } from '../db/testing.ts';\nexport const x = tempDir;\n", /no-restricted-paths/],
    ['cli/x.test.ts', "import { tempDir } from '../db/testing.ts';\nexport const x = tempDir;\n", /no-restricted-paths/],
    ['web/x.test.ts', "import { pdfInfo } from '../templates/layout/pdf-tools.ts';\nexport const x = pdfInfo;\n", /no-restricted-paths/],
    ['core/x.test.ts', "import { startWebShell } from '../web/server.ts';\nexport const x = startWebShell;\n", /no-restricted-paths/],
    // SQL lives in db/ (rule 9): core/, tests included, uses no driver, query builder or table values.
    ['core/x.ts', "import { eq } from 'drizzle-orm';\nexport const x = eq;\n", /no-restricted-imports: .*SQL lives in db\//],
    ['core/x.ts', "import { sqliteTable } from 'drizzle-orm/sqlite-core';\nexport const x = sqliteTable;\n", /no-restricted-imports: .*SQL lives in db\//],
    ['core/x.ts', "import { households } from '../db/schema/index.ts';\nexport const x = households;\n", /no-restricted-imports: .*SQL lives in db\//],
    ['core/a/x.ts', "import { households } from '../../db/schema/households.ts';\nexport const x = households;\n", /no-restricted-imports: .*SQL lives in db\//],
    ['core/x.test.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n", /no-restricted-imports: .*SQL lives in db\//],
    ['core/x.test.ts', "import { members } from '../db/schema/index.ts';\nexport const x = members;\n", /no-restricted-imports: .*SQL lives in db\//],
    ['core/demo/x.test.ts', "import { sql } from 'drizzle-orm';\nexport const x = sql;\n", /no-restricted-imports: .*SQL lives in db\//],
    ['core/demo/x.ts', "import { sql } from 'drizzle-orm';\nexport const x = sql;\n", /no-restricted-imports: .*SQL lives in db\//],
    ['templates/x.ts', "import { maskIdNumber } from '../shared/mask.ts';\nexport const x = maskIdNumber;\n", /no-restricted-paths: .*never the masking/],
  ])('%s may not: %s', async (file, code, rule) => {
    expect((await messages(file, code)).join('\n')).toMatch(rule);
  });

  it.each([
    ['db/x.ts', "import { parseIdNumber } from '../shared/id-number.ts';\nexport const x = parseIdNumber;\n"],
    ['core/x.ts', "import { openArchive } from '../db/open.ts';\nexport const x = openArchive;\n"],
    ['shared/x.ts', "import { pinyin } from 'pinyin-pro';\nexport const x = pinyin;\n"],
    // A test may use the helpers of its own layer and below; e2e/ and bench/ drive the whole app.
    ['core/x.test.ts', "import { tempDir } from '../db/testing.ts';\nexport const x = tempDir;\n"],
    // …the schema's types are fine there.
    ['core/x.ts', "import type { households } from '../db/schema/index.ts';\nexport type X = typeof households.$inferSelect;\n"],
    ['core/x.test.ts', "import type { members } from '../db/schema/index.ts';\nexport type X = typeof members.$inferSelect;\n"],
    ['cli/x.test.ts', "import { tempDir } from '../core/testing.ts';\nexport const x = tempDir;\n"],
    ['e2e/x.test.ts', "import { tempDir } from '../db/testing.ts';\nimport { startWebShell } from '../web/server.ts';\nexport const x = [tempDir, startWebShell];\n"],
  ])('%s may: %s', async (file, code) => {
    expect((await messages(file, code)).filter((m) => /restricted/.test(m))).toEqual([]);
  });
});
