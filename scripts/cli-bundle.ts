// The command line as one CommonJS bundle (esbuild, like the Electron main process): a process
// starts in ~1 s instead of ~3 s of TypeScript compiled on the fly. The test run builds it once
// (vitest globalSetup) and runs the CLI tests against it — the same bin, the bundled core —
// through RELIEF_ARCHIVE_CLI_BUNDLE. Natives and libraries that read their own files stay external.
import { join } from 'node:path';
import { build } from 'esbuild';
import { nodeBundleOptions, ROOT } from './build-electron.ts';

export const TEST_CLI_BUNDLE = join(ROOT, 'dist', 'test-cli', 'main.cjs');

export async function buildCliBundle(outfile: string = TEST_CLI_BUNDLE): Promise<string> {
  const r = await build({ ...nodeBundleOptions(join(ROOT, 'cli', 'main.ts'), outfile), logLevel: 'silent' });
  if (r.errors.length) throw new Error(`CLI bundle failed: ${r.errors.map((e) => e.text).join('; ')}`);
  return outfile;
}

/** vitest globalSetup: one build per test run. */
export default async function setup(): Promise<void> {
  await buildCliBundle();
}
