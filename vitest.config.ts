import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineConfig } from 'vitest/config';

const ROOT = import.meta.dirname;
const SKIP = new Set(['node_modules', 'dist', 'release', '.git']);

function testFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) testFiles(path, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(relative(ROOT, path).split('\\').join('/'));
  }
  return out;
}

// A test file that mocks modules, spies on them or changes the environment gets a fresh module
// graph of its own. Every other file shares its worker's modules with the files before it: the
// core, the fonts and the libraries are loaded once per worker instead of once per file, which
// was two thirds of the CPU the suite spent on 2 cores (import 115 s → 28 s on the documents tests).
const CHANGES_MODULES = /\bvi\.(mock|doMock|unmock|spyOn|stubEnv|stubGlobal|resetModules)\b|process\.env\.\w+\s*=[^=]|process\.env\[[^\]]+\]\s*=[^=]|delete process\.env/;
const files = testFiles(ROOT);
const isolated = files.filter((f) => CHANGES_MODULES.test(readFileSync(join(ROOT, f), 'utf8')));

export default defineConfig({
  test: {
    exclude: ['node_modules/**', 'dist/**'],
    globalSetup: ['./scripts/cli-bundle.ts'],
    // Two files at a time even on 2 cores (vitest's default is cores − 1 = one): much of a file's
    // time is spent waiting on Chromium, a CLI child process or the disk, not on this process.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'shared', include: ['**/*.test.ts', '**/*.test.tsx'], exclude: ['node_modules/**', 'dist/**', ...isolated], isolate: false } },
      { extends: true, test: { name: 'isolated', include: isolated.length ? isolated : ['__none__'], isolate: true } },
    ],
  },
});
