// Argument parsing on node:util parseArgs; wrong usage becomes a UserError of kind 'usage' (exit 2).
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UserError } from '../shared/errors.ts';
import { cliClock } from './clock.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export const COMMON_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  operator: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies OptionSpec;

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parse(argv: string[], options: OptionSpec, usage: string): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
    return { values: values, positionals };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new UserError(`命令参数有误：${msg}\n用法：${usage}`, { kind: 'usage' });
  }
}

export function requireString(p: Parsed, name: string, usage: string): string {
  const v = p.values[name];
  if (typeof v !== 'string' || v.trim() === '') {
    throw new UserError(`缺少参数 --${name}。\n用法：${usage}`, { kind: 'usage' });
  }
  return v;
}

export function optionalString(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function intOption(p: Parsed, name: string, fallback: number, range: [number, number]): number {
  const v = p.values[name];
  if (v === undefined) return fallback;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < range[0] || n > range[1]) {
    throw new UserError(`参数 --${name} 应为 ${range[0]} 到 ${range[1]} 之间的整数，收到“${String(v)}”。`, { kind: 'usage' });
  }
  return n;
}

export function dateOption(p: Parsed, name: string): string | undefined {
  const v = optionalString(p, name);
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
    throw new UserError(`参数 --${name} 应为日期，格式 YYYY-MM-DD，例如 2026-11-24；收到“${v}”。`, { kind: 'usage' });
  }
  return v;
}

/** The options that say which year and day a report is about: --year Y and --as-of DATE. */
export const PERIOD_OPTIONS = { year: { type: 'string' }, 'as-of': { type: 'string' } } as const satisfies OptionSpec;

/** --as-of defaults to today on the CLI's clock (RELIEF_ARCHIVE_TODAY when set). */
export function periodOptions(p: Parsed): { year?: number; asOf: string } {
  const year = p.values.year === undefined ? undefined : intOption(p, 'year', 0, [2000, 2100]);
  const asOf = dateOption(p, 'as-of') ?? cliClock().today();
  return { ...(year === undefined ? {} : { year }), asOf };
}
