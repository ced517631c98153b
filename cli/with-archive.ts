// Opens the archive for one command as its operator and always closes it. The operator logs in
// (cli/credentials.ts) and the command is checked against the contract's role declaration for
// what it does (the command's `acts`) before it runs.
import { checkAccess } from '../core/access.ts';
import { unlockArchive } from '../core/accounts/login.ts';
import type { Archive } from '../core/archive.ts';
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

export async function withArchive<T>(file: string, fn: (archive: Archive) => T | Promise<T>): Promise<T> {
  const creds = await credentialsFrom(invocation.argv);
  const { archive, operator } = await unlockArchive(file, creds, { operator: creds.name, now: cliClock().now });
  invocation = { ...invocation, operator: operator.name };
  try {
    if (invocation.access) checkAccess(invocation.access, { archive, role: operator.role });
    return await fn(archive);
  } finally {
    archive.close();
  }
}
