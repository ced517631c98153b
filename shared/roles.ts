// Who may do what (谁签字谁负责). Each contract endpoint declares whether it writes the archive
// and which roles may call it (shared/api/endpoint.ts); the dispatcher, the cache, the county's
// read-only mode and the command line all decide from that one declaration.

export const TOWNSHIP_ROLES = ['admin', 'clerk', 'reviewer', 'viewer'] as const;
export const COUNTY_ROLES = ['county-reviewer', 'county-viewer'] as const;
export const ROLES = [...TOWNSHIP_ROLES, ...COUNTY_ROLES] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  clerk: '录入员',
  reviewer: '审核员',
  viewer: '只读',
  'county-reviewer': '县级审核员',
  'county-viewer': '县级只读',
};

export interface Access {
  /** Changes the archive: a success drops the session's cached results. */
  readonly writes: boolean;
  readonly roles: readonly Role[];
}

/** Looking and printing: everyone. */
export const READ: Access = { writes: false, roles: ROLES };
/** Opening, creating, closing archives and naming the operator: before any role applies. */
export const SESSION: Access = { writes: true, roles: ROLES };
/** Entering household data and importing: 录入员 and the station chief. */
export const EDIT: Access = { writes: true, roles: ['admin', 'clerk'] };
/** Workflow decisions, monitoring decisions, packages: 审核员 and the station chief. */
export const REVIEW: Access = { writes: true, roles: ['admin', 'reviewer'] };
/** Settings and quotas: the station chief. */
export const ADMIN: Access = { writes: true, roles: ['admin'] };
/** The county's own writes: review opinions and the review-result package. */
export const COUNTY_REVIEW: Access = { writes: true, roles: ['county-reviewer'] };
/** Replacing the whole archive from a backup: the top role of either side. */
export const MAINTAIN: Access = { writes: true, roles: ['admin', 'county-reviewer'] };
/** Keys and packages, on either side. */
export const EXCHANGE: Access = { writes: true, roles: ['admin', 'reviewer', 'county-reviewer'] };

/** Reads only some roles should run (an import's check: its screen is the clerk's). */
export const readBy = (a: Access): Access => ({ writes: false, roles: a.roles });

export function mayCall(access: Access, role: Role): boolean {
  return access.roles.includes(role);
}

/**
 * The role an operator acts in until accounts exist (issue "protected archive"): the station
 * chief in a township archive, the county reviewer in a county archive.
 */
export function defaultRole(side: 'township' | 'county'): Role {
  return side === 'county' ? 'county-reviewer' : 'admin';
}
