// Who may send what. A key belongs to one side; each package kind is signed by one side only.

export const ROLES = ['township', 'county'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = { township: '乡镇', county: '县级' };

export const KINDS = ['township-export', 'review-result', 'key-registration', 'trust-bundle'] as const;
export type PackageKind = (typeof KINDS)[number];

export const KIND_LABEL: Record<PackageKind, string> = {
  'township-export': '乡镇报送数据包',
  'review-result': '县级审核结果',
  'key-registration': '乡镇密钥登记包',
  'trust-bundle': '县级公钥包',
};

/** The only role whose key may sign each kind. */
export const KIND_SIGNER: Record<PackageKind, Role> = {
  'township-export': 'township',
  'review-result': 'county',
  'key-registration': 'township',
  'trust-bundle': 'county',
};

/** Kinds that answer an earlier package and must name it (id and payload hash). */
export function needsAnswersTo(kind: PackageKind): boolean {
  return kind === 'review-result';
}
