// Accounts (账户管理, the station chief's): add an operator with a role and a first password,
// reset a forgotten password, stop or resume an account, change one's own password, and how
// long the app may stay unused before it locks. Each change is in the audit log.
import { randomUUID } from 'node:crypto';
import { writeTransaction } from '../../db/handles.ts';
import { hasPassword, readKeystore, removeOperator, setPassword, unwrapKey, writeKeystore } from '../../db/keystore.ts';
import type { KdfParams, Keystore } from '../../db/keystore.ts';
import type { Archive } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { idleLockMinutes, insertOperator, listOperators, operatorByName, setIdleLockMinutes, updateOperator } from '../../db/repos/operators.ts';
import type { OperatorRecord } from '../../db/repos/operators.ts';
import type { Actor } from '../../shared/actor.ts';
import type { OperatorView } from '../../shared/api/accounts.ts';
import { UserError } from '../../shared/errors.ts';
import type { Role } from '../../shared/roles.ts';
import { COUNTY_ROLES, ROLE_LABELS, TOWNSHIP_ROLES } from '../../shared/roles.ts';
import { archiveSide } from '../../db/repos/archive-info.ts';
import { checkNewPassword } from './passwords.ts';

export interface KdfOption {
  kdf?: KdfParams;
}

const view = (o: OperatorRecord): OperatorView => ({ name: o.name, role: o.role, roleLabel: ROLE_LABELS[o.role], disabled: o.disabled, createdAt: o.createdAt, lastLoginAt: o.lastLoginAt, passwordChangedAt: o.passwordChangedAt });

export function operatorsOf(archive: Archive): OperatorView[] {
  return listOperators(archive.db).map(view);
}

function keysOf(archive: Archive): { ks: Keystore; key: Buffer } {
  const ks = readKeystore(archive.file);
  if (!ks || !archive.key) throw new UserError('这个档案没有密钥文件（或尚未加密），不能管理账户：请先加密档案，或用恢复码打开后重建密钥文件。');
  return { ks, key: archive.key };
}

function rolesOfSide(archive: Archive): readonly Role[] {
  return archiveSide(archive.db) === 'county' ? COUNTY_ROLES : TOWNSHIP_ROLES;
}

const TOP_ROLES: readonly Role[] = ['admin', 'county-reviewer'];

export async function addOperator(archive: Archive, actor: Actor, input: { name: string; role: Role; password: string }, opts: KdfOption = {}): Promise<OperatorView[]> {
  const name = input.name.trim();
  if (!name) throw new UserError('请填写姓名。', { kind: 'usage', field: 'name' });
  if (!rolesOfSide(archive).includes(input.role)) throw new UserError(`这个档案不能设“${ROLE_LABELS[input.role]}”账户：请选择${rolesOfSide(archive).map((r) => ROLE_LABELS[r]).join('、')}之一。`, { field: 'role' });
  if (operatorByName(archive.db, name)) throw new UserError(`已有名为“${name}”的账户：同名的人请加以区别（如“李明（民政）”）。`, { field: 'name' });
  checkNewPassword(input.password, name);
  const { ks, key } = keysOf(archive);
  const next = await setPassword(ks, name, input.password, key, opts.kdf);
  const now = actor.now().toISOString();
  writeTransaction(archive.db, (w) => {
    const id = randomUUID();
    insertOperator(w, { id, name, role: input.role, disabled: false, createdAt: now, createdBy: actor.operator, passwordChangedAt: now, lastLoginAt: null });
    recordAudit(w, actor, { action: 'account-add', tableName: 'operators', recordId: id, note: `新增账户“${name}”（${ROLE_LABELS[input.role]}）` });
    // The key file last: if writing it fails, the account row goes with the transaction.
    writeKeystore(archive.file, next);
  });
  return operatorsOf(archive);
}

export async function resetPassword(archive: Archive, actor: Actor, input: { name: string; password: string }, opts: KdfOption = {}): Promise<OperatorView[]> {
  const op = operatorByName(archive.db, input.name.trim());
  if (!op) throw new UserError(`没有名为“${input.name}”的账户。`, { field: 'name' });
  checkNewPassword(input.password, op.name);
  const { ks, key } = keysOf(archive);
  const next = await setPassword(ks, op.name, input.password, key, opts.kdf);
  writeTransaction(archive.db, (w) => {
    updateOperator(w, op.name, { passwordChangedAt: actor.now().toISOString(), disabled: false });
    recordAudit(w, actor, { action: 'account-password', tableName: 'operators', recordId: op.id, note: `重设“${op.name}”的密码${op.disabled ? '并恢复使用' : ''}` });
    writeKeystore(archive.file, next);
  });
  return operatorsOf(archive);
}

export function setOperatorDisabled(archive: Archive, actor: Actor, input: { name: string; disabled: boolean }): OperatorView[] {
  const op = operatorByName(archive.db, input.name.trim());
  if (!op) throw new UserError(`没有名为“${input.name}”的账户。`, { field: 'name' });
  if (op.name === actor.operator && input.disabled) throw new UserError('不能停用自己正在使用的账户。');
  // A stopped account's wrap of the key was removed: it comes back only with a new password.
  if (!input.disabled && !hasPassword(keysOf(archive).ks, op.name)) throw new UserError(`启用“${op.name}”需要同时为其设置新密码：请用“重设密码”，重设后账户即恢复使用。`);
  if (input.disabled && TOP_ROLES.includes(op.role) && listOperators(archive.db).filter((o) => TOP_ROLES.includes(o.role) && !o.disabled).length <= 1) {
    throw new UserError('这是最后一个在用的管理员账户，不能停用：请先另设一个管理员。');
  }
  writeTransaction(archive.db, (w) => {
    updateOperator(w, op.name, { disabled: input.disabled });
    recordAudit(w, actor, { action: input.disabled ? 'account-disable' : 'account-enable', tableName: 'operators', recordId: op.id, note: `${input.disabled ? '停用' : '启用'}账户“${op.name}”` });
    // A stopped account's wrap of the key goes too: its old password no longer opens the file.
    if (input.disabled) {
      const { ks } = keysOf(archive);
      writeKeystore(archive.file, removeOperator(ks, op.name, { stopped: true }));
    }
  });
  return operatorsOf(archive);
}

export async function changeOwnPassword(archive: Archive, actor: Actor, input: { oldPassword: string; newPassword: string }, opts: KdfOption = {}): Promise<void> {
  const op = operatorByName(archive.db, actor.operator);
  if (!op) throw new UserError('当前账户不存在，请重新登录。');
  const { ks, key } = keysOf(archive);
  try {
    await unwrapKey(ks, op.name, input.oldPassword);
  } catch {
    throw new UserError('原密码不对，密码没有修改。', { field: 'oldPassword' });
  }
  checkNewPassword(input.newPassword, op.name);
  const next = await setPassword(ks, op.name, input.newPassword, key, opts.kdf);
  writeTransaction(archive.db, (w) => {
    updateOperator(w, op.name, { passwordChangedAt: actor.now().toISOString() });
    recordAudit(w, actor, { action: 'account-password', tableName: 'operators', recordId: op.id, note: `“${op.name}”修改了自己的密码` });
    writeKeystore(archive.file, next);
  });
}

export function idleMinutesOf(archive: Archive): number {
  return idleLockMinutes(archive.db);
}

export function setIdleMinutes(archive: Archive, actor: Actor, minutes: number): number {
  writeTransaction(archive.db, (w) => {
    setIdleLockMinutes(w, minutes);
    recordAudit(w, actor, { action: 'setting', tableName: 'archive_info', recordId: '1', note: `无操作自动锁定时间设为${minutes}分钟` });
  });
  return minutes;
}
