// A plain archive from before encryption, encrypted in place the first time the station chief
// opens it with this version: back up the plain file, write an encrypted copy, check that every
// row of every table came over (checksum equal), give the chief an account and the recovery
// code, then put the encrypted copy in the plain file's place. The plain backup is then offered
// for deletion: it holds everyone's personal data in clear.
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeTransaction } from '../../db/handles.ts';
import { archiveChecksum } from '../../db/integrity.ts';
import { encryptCopy } from '../../db/encrypt.ts';
import { newDataKey, newKeystore, recoveryCodeOf, setPassword, writeKeystore } from '../../db/keystore.ts';
import type { KdfParams } from '../../db/keystore.ts';
import { openArchive } from '../../db/open.ts';
import { backupCopy, backupNameFor } from '../files/backup-copy.ts';
import { archiveInfoOf } from '../../db/repos/archive-info.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { insertOperator, listOperators } from '../../db/repos/operators.ts';
import type { OperatorRecord } from '../../db/repos/operators.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import type { Credentials, Unlocked } from './login.ts';
import { checkNewPassword } from './passwords.ts';

export interface UpgradeResult extends Unlocked {
  recoveryCode: string;
  /** The plain copy kept in 备份/ (and the one a schema upgrade made first, if any): to be deleted once the chief is sure. */
  plainBackup: string;
  plainBackups: string[];
}

const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');

export async function encryptPlainArchive(
  file: string,
  admin: Credentials,
  actor: Actor,
  opts: { onProgress?: (label: string, fraction: number) => void; signal?: AbortSignal; kdf?: KdfParams } = {},
): Promise<UpgradeResult> {
  // Each step is one long synchronous call: yield after reporting it, so the shell's poll sees it.
  const progress = async (label: string, fraction: number): Promise<void> => {
    opts.onProgress?.(label, fraction);
    await new Promise((r) => setImmediate(r));
  };
  const cancelled = () => {
    if (opts.signal?.aborted) throw new UserError('已取消加密：档案保持原样（仍未加密）。');
  };
  const name = admin.name.trim();
  checkNewPassword(admin.password, name);
  await progress('备份原档案', 0.05);
  const plain = openArchive(file);
  if (plain.key) {
    plain.close();
    throw new UserError('这个档案已经加密，不需要再加密：请直接登录。');
  }
  const role = archiveInfoOf(plain.db)?.role ?? 'township';
  const part = `${file}.${randomUUID().slice(0, 8)}.encrypting`;
  const plainBackup = backupNameFor(join(dirname(file), '备份'), file, '加密前', stamp(actor.now()));
  const key = newDataKey();
  try {
    const before = archiveChecksum(plain.sqlite);
    backupCopy(plain, plainBackup);
    cancelled();
    await progress('加密', 0.3);
    encryptCopy(plain.sqlite, part, key);
    cancelled();
    await progress('核对每一行', 0.7);
    const copy = openArchive(part, { key });
    try {
      if (archiveChecksum(copy.sqlite) !== before) throw new UserError('加密后的副本与原档案不一致，没有替换：档案保持原样（仍未加密）。请把此情况告知技术支持。');
      if (listOperators(copy.db).length > 0) throw new UserError('这个档案已有账户，不能这样加密：请告知技术支持。');
      const now = actor.now().toISOString();
      const operator: OperatorRecord = { id: randomUUID(), name, role: role === 'county' ? 'county-reviewer' : 'admin', disabled: false, createdAt: now, createdBy: name, passwordChangedAt: now, lastLoginAt: now };
      writeTransaction(copy.db, (w) => {
        insertOperator(w, operator);
        recordAudit(w, actor, { action: 'encrypt', tableName: 'archive_info', recordId: '1', note: `档案已加密（原未加密档案的备份：${basename(plainBackup)}）；新设管理员账户“${name}”` });
      });
    } finally {
      copy.close();
    }
    cancelled();
    writeKeystore(file, await setPassword(newKeystore(key), name, admin.password, key, opts.kdf));
    await progress('替换', 0.9);
    plain.close();
    for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
    renameSync(part, file);
  } catch (e) {
    plain.close();
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(part + suffix, { force: true });
    // The archive stays as it was (plain): a second plain copy of it would only be one more to leak.
    rmSync(plainBackup, { force: true });
    throw e;
  }
  const archive = openArchive(file, { key });
  const operator = listOperators(archive.db).find((o) => o.name === name)!;
  await progress('完成', 1);
  const plainBackups = [plainBackup, ...(plain.backupFile && existsSync(plain.backupFile) ? [plain.backupFile] : [])];
  return { archive, operator, recoveryCode: recoveryCodeOf(key), plainBackup, plainBackups };
}
