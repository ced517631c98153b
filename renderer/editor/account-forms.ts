// The forms of the protected archive as pure functions: a new archive with its station chief, the
// login, the recovery-code login, a new account, a password reset or change. Each turns what was
// typed into the contract's input, or names the field to fix. The rules of a good password are
// the archive's (it words the refusal); here only what the form itself knows: filled, twice alike.
import type { Api, InputOf } from '../../shared/api/index.ts';
import type { OperatorView } from '../../shared/api/accounts.ts';
import type { Role } from '../../shared/roles.ts';
import { COUNTY_ROLES, ROLE_LABELS, TOWNSHIP_ROLES } from '../../shared/roles.ts';

export type FormResult<T> = { ok: true; input: T } | { ok: false; field: string; message: string };

/** Shown under every new-password field; the archive refuses with the same words. */
export const PASSWORD_HINT = '至少8位，可用字母、数字和汉字；不能包含自己的姓名。';

/** Why the second entry of a new password is not accepted, or null. */
export function repeatProblem(first: string, again: string): string | null {
  if (!again) return '请再输入一次密码';
  return first === again ? null : '两次输入的密码不一样，请重新输入';
}

const fail = (field: string, message: string): { ok: false; field: string; message: string } => ({ ok: false, field, message });

/** The roles an account of this archive may have: the township's, or the county's. */
export function rolesFor(side: 'township' | 'county'): { value: Role; label: string }[] {
  return (side === 'county' ? COUNTY_ROLES : TOWNSHIP_ROLES).map((r) => ({ value: r, label: ROLE_LABELS[r] }));
}

/** Who the first account is: the station chief, or the county's reviewer. */
export const adminTitle = (side: 'township' | 'county'): string => (side === 'county' ? '县级审核员' : '管理员（站长）');

export interface NewArchiveValues {
  role: 'township' | 'county';
  name: string;
  code?: string | undefined;
  county?: string | undefined;
  province?: string | undefined;
  file?: string | undefined;
  adminName: string;
  password: string;
  password2: string;
}

const blankToNull = (s: string | undefined): string | null => (s && s.trim() !== '' ? s.trim() : null);

export function createInput(v: NewArchiveValues): FormResult<InputOf<Api['archive']['create']>> {
  if (!v.name.trim()) return fail('name', v.role === 'county' ? '请填写县名称' : '请填写乡镇名称');
  if (!v.adminName.trim()) return fail('adminName', `请填写${adminTitle(v.role)}的姓名`);
  if (!v.password) return fail('password', '请填写密码');
  const again = repeatProblem(v.password, v.password2);
  if (again) return fail('password2', again);
  return {
    ok: true,
    input: {
      name: v.name.trim(),
      code: blankToNull(v.code),
      county: blankToNull(v.county),
      province: blankToNull(v.province),
      role: v.role,
      file: blankToNull(v.file),
      admin: { name: v.adminName.trim(), password: v.password },
    },
  };
}

export function loginInput(v: { name: string; password: string }): FormResult<InputOf<Api['archive']['login']>> {
  if (!v.name.trim()) return fail('name', '请填写姓名');
  if (!v.password) return fail('password', '请填写密码');
  return { ok: true, input: { name: v.name.trim(), password: v.password } };
}

export interface RecoverValues {
  recoveryCode: string;
  name: string;
  password: string;
  password2: string;
}

export function recoverInput(v: RecoverValues): FormResult<InputOf<Api['archive']['recover']>> {
  const code = v.recoveryCode.trim();
  if (!code) return fail('recoveryCode', '请填写恢复码');
  if (!v.name.trim()) return fail('name', '请填写管理员姓名');
  if (!v.password) return fail('password', '请填写新密码');
  const again = repeatProblem(v.password, v.password2);
  if (again) return fail('password2', again);
  return { ok: true, input: { recoveryCode: code, name: v.name.trim(), password: v.password } };
}

export interface AdminValues {
  name: string;
  password: string;
  password2: string;
}

/** The station chief's account for encrypting an archive from before encryption. */
export function upgradeAdmin(v: AdminValues): FormResult<{ name: string; password: string }> {
  if (!v.name.trim()) return fail('name', '请填写站长（管理员）的姓名');
  if (!v.password) return fail('password', '请填写密码');
  const again = repeatProblem(v.password, v.password2);
  if (again) return fail('password2', again);
  return { ok: true, input: { name: v.name.trim(), password: v.password } };
}

export interface AccountValues {
  name: string;
  role: Role | null;
  password: string;
  password2: string;
}

export function addAccountInput(v: AccountValues): FormResult<InputOf<Api['accounts']['add']>> {
  if (!v.name.trim()) return fail('name', '请填写姓名');
  if (!v.role) return fail('role', '请选择角色');
  if (!v.password) return fail('password', '请填写初始密码');
  const again = repeatProblem(v.password, v.password2);
  if (again) return fail('password2', again);
  return { ok: true, input: { name: v.name.trim(), role: v.role, password: v.password } };
}

export function resetInput(name: string, v: { password: string; password2: string }): FormResult<InputOf<Api['accounts']['resetPassword']>> {
  if (!v.password) return fail('password', '请填写新密码');
  const again = repeatProblem(v.password, v.password2);
  if (again) return fail('password2', again);
  return { ok: true, input: { name, password: v.password } };
}

export interface ChangeValues {
  oldPassword: string;
  newPassword: string;
  newPassword2: string;
}

export function changePasswordInput(v: ChangeValues): FormResult<InputOf<Api['archive']['changePassword']>> {
  if (!v.oldPassword) return fail('oldPassword', '请填写原密码');
  if (!v.newPassword) return fail('newPassword', '请填写新密码');
  const again = repeatProblem(v.newPassword, v.newPassword2);
  if (again) return fail('newPassword2', again);
  if (v.newPassword === v.oldPassword) return fail('newPassword', '新密码与原密码相同，请换一个');
  return { ok: true, input: { oldPassword: v.oldPassword, newPassword: v.newPassword } };
}

/**
 * Where the archive's refusal belongs in a form: its `field` as the core names it ('password',
 * 'oldPassword', 'admin.name' …) mapped onto this form's fields, else null (shown above the form).
 */
export function formFieldOf(apiField: string | undefined, fields: Record<string, string>): string | null {
  if (!apiField) return null;
  return fields[apiField] ?? null;
}

/** The recovery code in its groups of five, for reading and writing down (any separators typed). */
export function recoveryGroups(code: string): string[] {
  const parts = code.trim().split(/[\s\-—_]+/).filter(Boolean);
  if (parts.length > 1) return parts;
  return code.trim().match(/.{1,5}/g) ?? [];
}

export interface AccountRow extends OperatorView {
  statusLabel: '在用' | '已停用';
  /** What the row's switch does: 停用, or 启用 (through a new password, as the archive requires). */
  toggle: '停用' | '启用';
  /** The logged-in operator's own row: it cannot be stopped. */
  self: boolean;
}

export function accountRows(list: OperatorView[], me: string | null): AccountRow[] {
  return list.map((o) => ({ ...o, statusLabel: o.disabled ? '已停用' : '在用', toggle: o.disabled ? '启用' : '停用', self: o.name === me }));
}

/** An ISO stamp as the clerk reads it (local time, to the minute); '从未' for none. */
export function stampLabel(iso: string | null, never = '从未'): string {
  if (!iso) return never;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
