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

/** node:util's parse errors (English) in Chinese: which argument, what is wrong with it. */
function parseFailure(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  const msg = e instanceof Error ? e.message : String(e);
  const named = /'(-{1,2}[^'\s]+)/.exec(msg)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `没有参数 ${named ?? ''}（拼写错误？）：请删去它，或按下面的用法改正。`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = named ?? '';
    return /does not take/.test(msg) ? `参数 ${flag} 不带值：请去掉它后面的“=…”。` : `参数 ${flag} 后面缺少它的值：请在 ${flag} 后面写上值（以“-”开头的值写成 ${flag}=值）。`;
  }
  return `命令参数有误（${msg}）。`;
}

export function parse(argv: string[], options: OptionSpec, usage: string): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
    return { values: values, positionals };
  } catch (e) {
    throw new UserError(`${parseFailure(e)}\n用法：${usage}`, { kind: 'usage' });
  }
}

/** Wrong usage when the command takes no bare arguments and was given some (a typo, a missing "--"). */
export function noPositionals(p: Parsed, usage: string): void {
  if (p.positionals.length > 0) throw new UserError(`多余的参数：${p.positionals.join(' ')}。请删去，或在前面写上它所属的参数名（如 --year）。\n用法：${usage}`, { kind: 'usage' });
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
  // Round-tripped: Date.parse takes 2026-02-30 (and rolls it over to March).
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) {
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
