// The whole command, as a clerk or a script pays for it: `relief-archive stats --json` run by the
// real bin (its bundle, the stamp check, the login, the query, the exit), against bare node
// opening the same archive with better-sqlite3 and its key and running one query — and, as a
// second baseline, bare node doing the login's key derivation (argon2id, the archive's own
// parameters) first, the part of the command no bundle can make faster. Rounds interleave the
// three (A B C, A B C …) so each sees the same machine load; figures are medians of 5 rounds and
// the ratio the median of per-round ratios. Self-contained: given the archive files, it needs
// only the bundle, which it builds when stale (scripts/cli-bundle.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createProtectedArchive } from '../core/archive.ts';
import { ROOT } from '../scripts/build-electron.ts';
import { CLI_BUNDLE, ensureBundle } from '../scripts/cli-bundle.ts';
import type { Figure } from './harness.ts';
import { fromRounds } from './harness.ts';
import type { SuiteContext } from './registry.ts';
import { BENCH_LOGIN } from './suites.ts';
import type { DemoInput } from './suites.ts';

const ROUNDS = 5;
const BIN = join(ROOT, 'bin', 'relief-archive.mjs');

/** Wall seconds of one child process; throws (loudly) when it fails. */
function wall(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`bench cli-start: ${args.slice(-4).join(' ')} failed (${r.status}): ${r.stderr}`);
  return s;
}

/** Bare node: better-sqlite3 opens the file with its raw key and counts the members (with `kdf`, argon2id first). */
function bareScript(file: string, key: Buffer, kdf: boolean): string {
  const req = createRequire(join(ROOT, 'package.json'));
  const ks = kdf ? (JSON.parse(readFileSync(`${file}.key`, 'utf8')) as { entries: { kdf: { m: number; t: number; p: number } }[] }).entries[0]!.kdf : null;
  return [
    ks
      ? `await (await import(${JSON.stringify(req.resolve('hash-wasm'))})).argon2id({ password: 'x', salt: new Uint8Array(16), parallelism: ${ks.p}, iterations: ${ks.t}, memorySize: ${ks.m}, hashLength: 32, outputType: 'binary' });`
      : '',
    `const Database = (await import(${JSON.stringify(req.resolve('better-sqlite3'))})).default;`,
    `const db = new Database(${JSON.stringify(file)}, { readonly: true });`,
    `db.pragma("cipher = 'sqlcipher'"); db.pragma('legacy = 4'); db.pragma(\`key = "x'${key.toString('hex')}'"\`);`,
    `db.prepare('SELECT count(*) FROM members').get(); db.close();`,
  ].join('\n');
}

interface Subject {
  label: string;
  file: string;
  key: Buffer;
}

function measure(s: Subject, login: { name: string; password: string }): Figure[] {
  const env: NodeJS.ProcessEnv = { ...process.env, RELIEF_ARCHIVE_OPERATOR: login.name, RELIEF_ARCHIVE_PASSWORD: login.password };
  delete env.RELIEF_ARCHIVE_CLI_BUNDLE; // the default path: stamp check included
  const cli = () => wall([BIN, 'stats', '--db', s.file, '--json'], env);
  const bare = bareScript(s.file, s.key, false);
  const bareLogin = bareScript(s.file, s.key, true);
  const rounds: { cli: number; bare: number; login: number }[] = [];
  cli(); // warm the file cache and the compile cache alike for all three
  for (let i = 0; i < ROUNDS; i++) {
    rounds.push({ cli: cli(), bare: wall(['--input-type=module', '-e', bare], env), login: wall(['--input-type=module', '-e', bareLogin], env) });
  }
  const of = (k: 'cli' | 'bare' | 'login') => rounds.map((r) => r[k]);
  const a = fromRounds(`cli-stats-${s.label}`, 's', of('cli'), 'bare node: open + 1 query', of('bare'), '≤ 0.6 s and ≤ 3× bare');
  const b = fromRounds(`cli-stats-${s.label}-vs-login`, 's', of('cli'), 'bare node: argon2id + open + 1 query', of('login'));
  b.note = 'the login key derivation is deliberate (0.3–1 s); this ratio is what start-up and the command add to it';
  return [a, b];
}

/**
 * `stats --json` on a new empty archive (made here, the app's own key derivation) and on `archive`
 * (the bench's demo township), each against its bare baselines.
 */
export async function cliStartSuite(ctx: SuiteContext): Promise<Figure[]> {
  const demo = ctx.input('demo') as DemoInput;
  const archive = { file: demo.file, key: Buffer.from(demo.key, 'hex') };
  const { dir } = ctx;
  const login = BENCH_LOGIN;
  await ensureBundle('cli/main.ts', CLI_BUNDLE);
  const empty = await createProtectedArchive(
    { file: join(dir, 'cli-start-empty.db'), name: '空镇', code: '511922101000', county: '示例县', province: '四川省', admin: login },
    { operator: login.name, now: () => new Date('2026-11-24T08:00:00Z') },
  );
  const emptyKey = empty.archive.key!;
  empty.archive.close();
  return [...measure({ label: 'empty', file: join(dir, 'cli-start-empty.db'), key: emptyKey }, login), ...measure({ label: 'demo', ...archive }, login)];
}
