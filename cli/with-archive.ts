// Opens the archive for one command as its operator and always closes it. The operator logs in
// (cli/credentials.ts) and the command is checked against the contract's role declaration for
// what it does (the command's `acts`) before it runs. A command that writes (or asks for the
// archive to itself, as backup does) first takes the archive lock (core/files/archive-lock.ts):
// refused with the holder's name while a shell or another command has the archive open.
import { checkAccess } from '../core/access.ts';
import { unlockArchive } from '../core/accounts/login.ts';
import type { Archive } from '../core/archive.ts';
import { acquireArchiveLock } from '../core/files/archive-lock.ts';
import type { Access } from '../shared/roles.ts';
import { cliClock } from './clock.ts';
import { credentialsFrom } from './credentials.ts';

/** What the running command does and the arguments it was given (set by main before it runs). */
let invocation: { argv: readonly string[]; access: Access | null; operator: string | null } = { argv: [], access: null, operator: null };

export function setInvocation(argv: readonly string[], access: Access | null): void {
  invocation = { argv, access, operator: null };
}

/** The operator who logged in for this command (null before it has). */
export function loggedInOperator(): string | null {
  return invocation.operator;
}

/**
 * `exclusive`: take the lock although the command only reads (backup: no restore or import may
 * start while it copies). A command of unknown access counts as a write.
 */
export async function withArchive<T>(file: string, fn: (archive: Archive) => T | Promise<T>, opts: { exclusive?: boolean } = {}): Promise<T> {
  const creds = await credentialsFrom(invocation.argv);
  const writes = opts.exclusive === true || invocation.access?.writes !== false;
  // Taken before the file is opened: opening may migrate it, which is a write too.
  const lock = writes ? acquireArchiveLock(file, { shell: '命令行', operator: creds.name }, cliClock().now, { forCli: true }) : null;
  try {
    const { archive, operator } = await unlockArchive(file, creds, { operator: creds.name, now: cliClock().now });
    invocation = { ...invocation, operator: operator.name };
    try {
      if (invocation.access) checkAccess(invocation.access, { archive, role: operator.role });
      return await fn(archive);
    } finally {
      archive.close();
    }
  } finally {
    lock?.release();
  }
}
