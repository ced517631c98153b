// County mode is read-only for the townships' data: the only writes a county archive takes are
// packages imported, keys registered or revoked, and review opinions. One guard for the API
// (wrapping the dispatcher's handlers) and one for the command line (before a command runs).
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { HandlerMap, RegisteredHandler } from '../api/handlers.ts';
import type { Session } from '../session.ts';
import { UserError } from '../../shared/errors.ts';

export const COUNTY_READ_ONLY =
  '这是县级档案：其中各乡镇的数据来自乡镇报送的数据包，县级只读，不能在这里修改（县级只能登记审核意见）。如需更正，请退回乡镇，由乡镇改正后重新报送。';

/** Writes a county archive may take (besides opening and closing archives). */
const COUNTY_ALLOWED = new Set([
  'archive.create',
  'archive.open',
  'archive.close',
  'archive.setOperator',
  'exchange.newKey',
  'exchange.pack',
  'exchange.trustKey',
  'exchange.revokeKey',
  'exchange.unpack',
  'exchange.recordOpinion',
  'exchange.deleteOpinion',
  'exchange.packReview',
]);

function isCounty(session: Session): boolean {
  const a = session.archive;
  if (!a) return false;
  return (a.sqlite.prepare('SELECT role FROM archive_info WHERE id = 1').pluck().get() as string | undefined) === 'county';
}

/** Wraps every writing handler: refused in a county archive unless it is one of the county's own writes. */
export function guardCountyWrites(map: HandlerMap): HandlerMap {
  const out = new Map<string, RegisteredHandler>();
  for (const [channel, h] of map) {
    if (!h.writes || COUNTY_ALLOWED.has(channel)) out.set(channel, h);
    else
      out.set(
        channel,
        Object.assign(
          (input: unknown, s: Session) => {
            if (isCounty(s)) throw new UserError(COUNTY_READ_ONLY);
            return h(input, s);
          },
          { writes: true },
        ),
      );
  }
  return out;
}

/** Command-line verbs that write the townships' data. */
const CLI_WRITES: Record<string, true | ((argv: string[]) => boolean)> = {
  demo: true,
  import: (argv) => !argv.includes('--dry-run'),
  batch: (argv) => {
    const verb = argv[0] ?? '';
    if (['list', 'show', 'exit-check'].includes(verb)) return false;
    if (verb === 'quota') return argv.includes('--households');
    if (verb === 'settings') return argv.includes('--publicity-days') || argv.includes('--two-years');
    return true;
  },
  monitor: (argv) => !['list', 'due', 'show'].includes(argv[0] ?? ''),
};

/** Refuses, before it runs, a command that would write a county archive's township data. */
export function refuseCountyCommand(command: string, argv: string[]): void {
  const rule = CLI_WRITES[command];
  if (!rule || (rule !== true && !rule(argv))) return;
  const i = argv.indexOf('--db');
  const file = i >= 0 ? argv[i + 1] : undefined;
  if (!file || !existsSync(file)) return; // the command says what is missing
  let role: string | undefined;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      role = db.prepare('SELECT role FROM archive_info WHERE id = 1').pluck().get() as string | undefined;
    } finally {
      db.close();
    }
  } catch {
    return; // not an archive: the command refuses it with its own message
  }
  if (role === 'county') throw new UserError(COUNTY_READ_ONLY);
}
