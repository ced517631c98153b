// Who may call what: every contract endpoint declares whether it writes and which roles may call
// it (shared/roles.ts); this is where that declaration is enforced, for the API dispatcher and
// for the command line alike. A county archive holds the townships' data read-only: its roles
// are the county's, which the township writes do not list.
import { archiveSide } from '../db/repos/archive-info.ts';
import type { ArchiveSide } from '../db/repos/archive-info.ts';
import type { Access, Role } from '../shared/roles.ts';
import { COUNTY_ROLES, ROLE_LABELS, defaultRole, mayCall } from '../shared/roles.ts';
import { UserError } from '../shared/errors.ts';
import type { Session } from './session.ts';

export const COUNTY_READ_ONLY =
  '这是县级档案：其中各乡镇的数据来自乡镇报送的数据包，县级只读，不能在这里修改（县级只能登记审核意见）。如需更正，请退回乡镇，由乡镇改正后重新报送。';
export const COUNTY_ONLY = '这是乡镇档案：审核意见只能在县级档案中登记，审核结果数据包也只能由县级档案发出。';

/** Why `role` may not make this call in an archive of this side, or null when it may. */
export function refusal(access: Access, side: ArchiveSide, role: Role): string | null {
  if (mayCall(access, role)) return null;
  if (side === 'county') return COUNTY_READ_ONLY;
  if (access.roles.every((r) => (COUNTY_ROLES as readonly Role[]).includes(r))) return COUNTY_ONLY;
  return `您当前的身份是“${ROLE_LABELS[role]}”，不能做这项操作（需要${access.roles.map((r) => `“${ROLE_LABELS[r]}”`).join('或')}身份）。请站长（管理员）办理，或换用相应的账号。`;
}

/** The role a session acts in: its logged-in operator's, else the default of the open archive's side. */
export function roleOf(session: Pick<Session, 'role'>, side: ArchiveSide): Role {
  return session.role ?? defaultRole(side);
}

/** Refuses a call the session (or a command's login) may not make; nothing to check while no archive is open. */
export function checkAccess(access: Access, session: Pick<Session, 'archive' | 'role'>): void {
  const archive = session.archive;
  if (!archive) return;
  const side = archiveSide(archive.db);
  if (!side) return;
  const why = refusal(access, side, roleOf(session, side));
  if (why) throw new UserError(why);
}
