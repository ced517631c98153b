// A command with verbs (`batch list`, `monitor due` …): each verb declares its options and
// runs on an open archive with the operator as actor; dates default to today.
import type { Archive } from '../../core/archive.ts';
import type { Actor } from '../../core/context.ts';
import { splitList } from '../../core/workflows/refs.ts';
import { todayIso } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { yuanToFen } from '../../shared/money.ts';
import { kindFrom } from '../../shared/workflows/index.ts';
import type { WorkflowKind } from '../../shared/workflows/index.ts';
import type { OptionSpec, Parsed } from '../args.ts';
import { dateOption, optionalString, parse, requireString } from '../args.ts';
import { cliActor } from '../clock.ts';
import type { Command } from '../command.ts';
import type { Io } from '../io.ts';
import { withArchive } from '../with-archive.ts';
import type { Access } from '../../shared/roles.ts';

export interface Verb {
  /** Options after the common ones (--db, --json, --operator). */
  options: OptionSpec;
  /** The part of the usage line after `relief-archive NAME VERB --db 文件`. */
  args: string;
  summary: string;
  /** The contract endpoint this verb acts as: who may run it, whether it writes (shared/roles.ts). */
  acts: Access | ((argv: readonly string[]) => Access);
  run(ctx: VerbContext): number | Promise<number>;
}

export interface VerbContext {
  p: Parsed;
  archive: Archive;
  actor: Actor;
  io: Io;
  usage: string;
  /** --on (or another date option), else today. */
  date(name?: string): string;
}

export function verbCommand(name: string, summary: string, verbs: Record<string, Verb>): Command {
  const line = (verb: string, v: Verb): string => `relief-archive ${name} ${verb} --db 文件 ${v.args}`.trimEnd();
  const usage = ['', ...Object.entries(verbs).map(([verb, v]) => `  ${line(verb, v)}\n      ${v.summary}`)].join('\n');
  return {
    name,
    summary,
    usage,
    acts(argv) {
      const v = argv[0] === undefined ? undefined : verbs[argv[0]];
      if (!v) return null;
      return typeof v.acts === 'function' ? v.acts(argv.slice(1)) : v.acts;
    },
    run(argv, io) {
      const [verb, ...rest] = argv;
      const v = verb === undefined ? undefined : verbs[verb];
      if (!v || verb === undefined) {
        throw new UserError(`${verb === undefined ? `请在 ${name} 后面写明要做什么` : `未知的 ${name} 操作“${verb}”`}。可用：${Object.keys(verbs).join('、')}。\n用法：${usage}`, { kind: 'usage' });
      }
      const own = line(verb, v);
      const p = parse(rest, v.options, own);
      if (p.positionals.length) throw new UserError(`多余的参数“${p.positionals.join(' ')}”。\n用法：${own}`, { kind: 'usage' });
      const file = requireString(p, 'db', own);
      const actor = cliActor(optionalString(p, 'operator'));
      return withArchive(file, (archive) => v.run({ p, archive, actor, io, usage: own, date: (opt = 'on') => dateOption(p, opt) ?? todayIso(actor.now()) }));
    },
  };
}

/** A required option that is a list: "A,B" (also ，、 and spaces). */
export function listOption(p: Parsed, name: string, usage: string): string[] {
  return splitList(requireString(p, name, usage));
}

export function optionalList(p: Parsed, name: string): string[] {
  const v = optionalString(p, name);
  return v === undefined ? [] : splitList(v);
}

/** An amount in 元 given on the command line, as fen. */
export function yuanOption(p: Parsed, name: string): number | null {
  const v = optionalString(p, name);
  if (v === undefined) return null;
  const n = Number(v.replace(/[,，元\s]/g, ''));
  if (!Number.isFinite(n) || n < 0) throw new UserError(`参数 --${name} 应为金额（元），例如 4999.99；收到“${v}”。`, { kind: 'usage' });
  return yuanToFen(n);
}

export function intValue(p: Parsed, name: string, usage: string, range: [number, number]): number {
  const v = requireString(p, name, usage);
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < range[0] || n > range[1]) throw new UserError(`参数 --${name} 应为 ${range[0]} 到 ${range[1]} 之间的整数，收到“${v}”。`, { kind: 'usage' });
  return n;
}

export const text = (p: Parsed, name: string): string | null => optionalString(p, name)?.trim() || null;

export function kindOption(p: Parsed, usage: string, required: true): WorkflowKind;
export function kindOption(p: Parsed, usage: string, required: false): WorkflowKind | null;
export function kindOption(p: Parsed, usage: string, required: boolean): WorkflowKind | null {
  const v = required ? requireString(p, 'kind', usage) : optionalString(p, 'kind');
  if (v === undefined) return null;
  const k = kindFrom(v);
  if (!k) throw new UserError(`程序类型“${v}”无效：可填 identification（贫困户识别）、edge（贫困边缘户认定）、exit（脱贫退出）、return（返贫认定）、monitoring（监测对象识别）、risk-removal（风险消除）。`, { kind: 'usage' });
  return k;
}
