// Creating and opening archives: the first use cases every shell calls.
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { createArchiveFile, openArchive } from '../db/open.ts';
import type { Archive, OpenOptions } from '../db/open.ts';
import { writeTransaction } from '../db/handles.ts';
import { keystoreFile, newDataKey, newKeystore, recoveryCodeOf, setPassword, writeKeystore } from '../db/keystore.ts';
import type { KdfParams } from '../db/keystore.ts';
import { insertOperator } from '../db/repos/operators.ts';
import type { OperatorRecord } from '../db/repos/operators.ts';
import type { Role } from '../shared/roles.ts';
import type { Credentials } from './accounts/login.ts';
import { checkNewPassword } from './accounts/passwords.ts';
import type { ArchiveRole } from '../db/repos/archive-info.ts';
import { archiveInfoOf, insertArchiveInfo, insertCodeListEntries, insertPolicyParameters, insertTownship } from '../db/repos/archive-info.ts';
import { CODE_LISTS } from '../shared/code-lists/index.ts';
import { UserError } from '../shared/errors.ts';
import { DEFAULT_POLICY, POLICY_KINDS } from '../shared/policy.ts';
import type { Actor } from './context.ts';
import { stampOf } from './context.ts';

export type { ArchiveRole };

export interface InitInput {
  file: string;
  /** The township's name; for a county archive, the county's. */
  name: string;
  code?: string | null;
  county?: string | null;
  city?: string | null;
  province?: string | null;
  role?: ArchiveRole;
}

export interface ArchiveSummary {
  file: string;
  township: string;
  role: ArchiveRole;
  schemaVersion: number;
}

function validateInit(input: InitInput): void {
  if (!input.name.trim()) throw new UserError('请填写乡镇名称（县级档案填写县名）。', { kind: 'usage' });
  if (input.code != null && !/^\d{12}$/.test(input.code)) {
    throw new UserError(`区划代码“${input.code}”无效：应为12位数字的统计用区划代码，例如 511922101000。`, { kind: 'usage' });
  }
}

/** Seeds a new archive: what it is, its township, the value lists and the policy defaults. */
function seed(archive: Archive, input: InitInput, actor: Actor): void {
  const role = input.role ?? 'township';
  const stamp = stampOf(actor);
  writeTransaction(archive.db, (w) => {
    let townshipId: string | null = null;
    if (role === 'township') {
      townshipId = randomUUID();
      insertTownship(w, {
        id: townshipId,
        ...stamp,
        name: input.name.trim(),
        code: input.code ?? null,
        county: input.county ?? null,
        city: input.city ?? null,
        province: input.province ?? null,
      });
    }
    insertArchiveInfo(w, {
      role,
      townshipId,
      name: input.name.trim(),
      county: input.county ?? null,
      province: input.province ?? null,
      createdAt: stamp.updatedAt,
    });
    insertCodeListEntries(
      w,
      Object.values(CODE_LISTS).flatMap((list) =>
        list.entries.map((e, i) => ({
          category: list.category,
          code: e.code ?? null,
          label: e.label,
          aliases: [...(e.aliases ?? [])],
          era: e.era ?? 'all',
          sortOrder: i,
        })),
      ),
    );
    insertPolicyParameters(
      w,
      DEFAULT_POLICY.map((p) => ({ id: randomUUID(), ...stamp, ...p, unit: POLICY_KINDS[p.kind].unit })),
    );
  });
}

export function initArchive(input: InitInput, actor: Actor, options: OpenOptions = {}): Archive {
  validateInit(input);
  const archive = createArchiveFile(input.file, options);
  try {
    seed(archive, input, actor);
    return archive;
  } catch (e) {
    // Never leave a half-made archive behind.
    archive.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(input.file + suffix, { force: true });
    throw e;
  }
}

/** The account that creates an archive: its station chief (管理员), or the county's reviewer. */
export function topRoleOf(role: ArchiveRole): Role {
  return role === 'county' ? 'county-reviewer' : 'admin';
}

/**
 * A new protected archive: encrypted with a new key, its first account (the station chief, or
 * the county's reviewer) able to open it with a password, and the recovery code — shown once —
 * that opens it whatever happens to passwords or the key file.
 */
export async function createProtectedArchive(
  input: InitInput & { admin: Credentials },
  actor: Actor,
  options: Omit<OpenOptions, 'key'> & { kdf?: KdfParams } = {},
): Promise<{ archive: Archive; operator: OperatorRecord; recoveryCode: string }> {
  const name = input.admin.name.trim();
  if (!name) throw new UserError('请填写管理员（站长）的姓名。', { kind: 'usage', field: 'admin.name' });
  checkNewPassword(input.admin.password, name);
  // Bad input is refused before the key derivation, which takes a good part of a second.
  validateInit(input);
  if (existsSync(keystoreFile(input.file))) throw new UserError(`档案旁已有密钥文件 ${keystoreFile(input.file)}：请换一个文件名。`);
  const key = newDataKey();
  const ks = await setPassword(newKeystore(key), name, input.admin.password, key, options.kdf);
  const archive = initArchive(input, { ...actor, operator: name }, { ...options, key });
  try {
    const now = actor.now().toISOString();
    const operator: OperatorRecord = { id: randomUUID(), name, role: topRoleOf(input.role ?? 'township'), disabled: false, createdAt: now, createdBy: name, passwordChangedAt: now, lastLoginAt: now };
    writeTransaction(archive.db, (w) => insertOperator(w, operator));
    writeKeystore(input.file, ks);
    return { archive, operator, recoveryCode: recoveryCodeOf(key) };
  } catch (e) {
    archive.close();
    for (const suffix of ['', '-wal', '-shm', '.key']) rmSync(input.file + suffix, { force: true });
    throw e;
  }
}

export { openArchive };
export type { Archive };

export function summarize(archive: Archive): ArchiveSummary {
  const info = archiveInfoOf(archive.db);
  if (!info) throw new UserError(`档案 ${archive.file} 缺少基本信息（可能未初始化完成），请用备份恢复或重新新建。`);
  return { file: archive.file, township: info.name, role: info.role, schemaVersion: archive.schemaVersion };
}
