#!/usr/bin/env node
// Entry for `npx relief-archive`. better-sqlite3 13 needs Node >= 22 (on 20 it crashes),
// so refuse older Node with a message instead of a segfault.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `relief-archive 需要 Node.js 22 或更高版本（当前 ${process.versions.node}）。` +
      '请在项目目录用 npx relief-archive 或 npm run cli 运行，它们使用项目自带的 Node 22。\n',
  );
  process.exit(2);
}
// RELIEF_ARCHIVE_CLI_BUNDLE: the CLI bundled by scripts/cli-bundle.ts (the test run uses it);
// otherwise the TypeScript sources, compiled on the fly by tsx.
const bundle = process.env.RELIEF_ARCHIVE_CLI_BUNDLE;
let main;
if (bundle) {
  const { createRequire } = await import('node:module');
  ({ main } = createRequire(import.meta.url)(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
