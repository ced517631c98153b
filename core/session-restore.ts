// Restore inside a shell: the session holds the archive (and its lock) while the file is swapped.
// Our connection is closed before the file moves into 备份/ (core/backup.ts), and work goes on in
// the restored file through a new connection, so no later save can reach the moved file. The lock
// stays the session's throughout (same file name): no other process slips in between.
import { operatorByName } from '../db/repos/operators.ts';
import { openArchive } from './archive.ts';
import { restoreArchive } from './backup.ts';
import type { RestoreResult } from './backup.ts';
import type { Session } from './session.ts';

export function restoreOpenArchive(s: Session, from: string): RestoreResult {
  const archive = s.requireArchive();
  const actor = s.actor();
  const { file, key } = archive;
  // Whenever we cannot go on as this operator, a login is due: it opens a fresh connection.
  const relogin = (): void => {
    s.close();
    s.pending = { file, kind: 'login' };
  };
  let r: RestoreResult;
  try {
    r = restoreArchive(from, archive, actor);
  } catch (e) {
    if (!archive.sqlite.open) relogin(); // failed after closing ours
    throw e;
  }
  s.archive = null;
  s.cache.clear();
  try {
    const reopened = openArchive(file, { key, now: actor.now });
    // The restored copy has its own accounts: go on only if this operator is one in use there.
    const op = s.operator ? operatorByName(reopened.db, s.operator) : undefined;
    if (!op || op.disabled) {
      reopened.close();
      relogin();
    } else {
      s.archive = reopened;
      s.role = op.role;
    }
  } catch (e) {
    relogin();
    throw e;
  }
  return r;
}
