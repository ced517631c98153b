// Opening a protected archive: an operator's name and password unwrap the archive's key (its
// key file beside it), the account must be in use, and the session then acts in its role. The
// station chief's recovery code opens it too — and rebuilds a lost or damaged key file.
import { writeTransaction } from '../../db/handles.ts';
import { keyFromRecoveryCode, keyMatches, newKeystore, readKeystore, setPassword, unwrapKey, WRONG_LOGIN, writeKeystore } from '../../db/keystore.ts';
import type { KdfParams } from '../../db/keystore.ts';
import { archiveFileKind, openArchive } from '../../db/open.ts';
import type { Archive, OpenOptions } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { operatorByName, updateOperator } from '../../db/repos/operators.ts';
import type { OperatorRecord } from '../../db/repos/operators.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { checkNewPassword } from './passwords.ts';

export interface Credentials {
  name: string;
  password: string;
}

export interface Unlocked {
  archive: Archive;
  operator: OperatorRecord;
}

export const PLAIN_ARCHIVE = '此档案来自加密功能之前的版本，尚未加密：请由站长设置管理员账户并加密（“加密档案”），之后才能登录使用。';
const NO_KEYSTORE = (file: string) => `档案旁的密钥文件（${file}.key）不见了，无法用密码打开。请用恢复码打开档案（站长保管），程序会重建密钥文件；也可以从备份恢复（备份旁有它的密钥文件）。`;

/** The account after the key opened the archive: refused (archive closed) when unknown or disabled. */
function admit(archive: Archive, name: string, actor: Actor): OperatorRecord {
  const op = operatorByName(archive.db, name.trim());
  if (!op) {
    archive.close();
    throw new UserError(WRONG_LOGIN);
  }
  if (op.disabled) {
    archive.close();
    throw new UserError(`账户“${op.name}”已停用，不能登录。如需恢复使用，请找站长（管理员）在“账户管理”中启用。`);
  }
  writeTransaction(archive.db, (w) => updateOperator(w, op.name, { lastLoginAt: actor.now().toISOString() }));
  return op;
}

export async function unlockArchive(file: string, creds: Credentials, actor: Actor, options: Omit<OpenOptions, 'key'> = {}): Promise<Unlocked> {
  if (!creds.name.trim() || !creds.password) throw new UserError('请填写姓名和密码。', { kind: 'usage' });
  if (archiveFileKind(file) === 'plain') throw new UserError(PLAIN_ARCHIVE);
  const ks = readKeystore(file);
  if (!ks) throw new UserError(NO_KEYSTORE(file));
  const key = await unwrapKey(ks, creds.name.trim(), creds.password);
  const archive = openArchive(file, { ...options, key });
  return { archive, operator: admit(archive, creds.name, actor) };
}

/**
 * Opens with the recovery code and sets (or resets) the password of an administrator account —
 * a new key file is written when the old one is lost or damaged. The account must exist and be
 * of the archive's top role; the session then acts as that account.
 */
export async function recoverArchive(file: string, recoveryCode: string, admin: Credentials, actor: Actor, options: { kdf?: KdfParams } = {}): Promise<Unlocked> {
  if (archiveFileKind(file) === 'plain') throw new UserError(PLAIN_ARCHIVE);
  const key = keyFromRecoveryCode(recoveryCode);
  let ks = null;
  try {
    ks = readKeystore(file);
  } catch {
    ks = null; // damaged: rebuilt below
  }
  if (ks && !keyMatches(ks, key)) throw new UserError('恢复码与这个档案不符：请确认是这个档案（乡镇）的恢复码。档案未作任何改动。');
  const archive = openArchive(file, { key });
  try {
    const op = operatorByName(archive.db, admin.name.trim());
    if (!op || (op.role !== 'admin' && op.role !== 'county-reviewer')) {
      throw new UserError(`档案中没有名为“${admin.name.trim()}”的站长（管理员）账户：恢复码只能用来重设管理员的密码。请填写管理员的姓名。`);
    }
    checkNewPassword(admin.password, op.name);
    const next = await setPassword(ks ?? newKeystore(key), op.name, admin.password, key, options.kdf);
    writeKeystore(file, next);
    writeTransaction(archive.db, (w) => {
      updateOperator(w, op.name, { disabled: false, passwordChangedAt: actor.now().toISOString(), lastLoginAt: actor.now().toISOString() });
      recordAudit(w, { ...actor, operator: op.name }, { action: 'recover', tableName: 'operators', recordId: op.id, note: `用恢复码打开档案，重设了“${op.name}”的密码${ks ? '' : '，并重建了密钥文件'}` });
    });
    return { archive, operator: { ...op, disabled: false } };
  } catch (e) {
    archive.close();
    throw e;
  }
}
