// What this archive is (role, name, the id that named its old key folder), and the other side's
// keys registered in the archive after the phone check (exchange_keys), which is the trust store
// the file-level reader consults. This side's own key pair: own-key.ts.
import { createHash } from 'node:crypto';
import { writeTransactionNow } from '../../db/handles.ts';
import type { Archive } from '../../db/open.ts';
import { archiveInfoRow, exchangeKeyByFingerprint, exchangeKeyList, insertExchangeKey, revokeExchangeKey } from '../../db/repos/exchange-keys.ts';
import type { ExchangeKeyRow, KeyRevocation } from '../../db/repos/exchange-keys.ts';
import type { KeyView, RegisteredKeyView } from '../../shared/api/exchange.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { formatFingerprint, loadPublicKey, normalizeFingerprint } from '../exchange/index.ts';
import type { PublicKeyRecord, Role, TrustStore, TrustedKey } from '../exchange/index.ts';

export type KeyRow = ExchangeKeyRow;

export const ROLE_NAME: Record<Role, string> = { township: '乡镇', county: '县级' };
export const otherRole = (r: Role): Role => (r === 'township' ? 'county' : 'township');

export interface ArchiveIdentity {
  role: Role;
  name: string;
  /** Stable per archive: named its key folder in older versions. */
  id: string;
}

export function identityOf(archive: Archive): ArchiveIdentity {
  const info = archiveInfoRow(archive.db);
  if (!info) throw new UserError(`档案 ${archive.file} 缺少基本信息（可能未初始化完成），请用备份恢复或重新新建。`);
  const id = createHash('sha256').update(`${info.role}|${info.name}|${info.createdAt}|${info.townshipId ?? ''}`).digest('hex').slice(0, 12);
  return { role: info.role, name: info.name, id };
}

export function keyView(k: { fingerprint: string; role: Role; name: string; createdAt: string }): KeyView {
  return { fingerprint: formatFingerprint(k.fingerprint), role: k.role, name: k.name, createdAt: k.createdAt };
}

export function registeredView(k: KeyRow): RegisteredKeyView {
  return {
    ...keyView(k),
    org: k.org,
    townshipId: k.townshipId,
    checkedBy: k.checkedBy,
    checkedAt: k.checkedAt,
    method: k.method,
    status: k.status,
    revokedAt: k.revokedAt,
    revokedBy: k.revokedBy,
    revokedReason: k.revokedReason,
    validThroughSeq: k.validThroughSeq,
    lastAcceptedSeq: k.lastAcceptedSeq,
  };
}

export function listKeys(archive: Archive): KeyRow[] {
  return exchangeKeyList(archive.db);
}

export function findKey(archive: Archive, fingerprint: string): KeyRow | undefined {
  return exchangeKeyByFingerprint(archive.db, fingerprint);
}

export function inspectKeyFile(archive: Archive, file: string): KeyView & { registered: boolean; status: 'active' | 'revoked' | null } {
  const key = loadPublicKey(file);
  const row = findKey(archive, key.fingerprint);
  return { ...keyView(key), registered: row !== undefined, status: row?.status ?? null };
}

export interface TrustInput {
  file: string;
  checkedBy: string;
  method?: string;
  /** As read over the phone; must equal the file's when given. */
  fingerprint?: string | null;
  org?: string | null;
}

export function trustKey(archive: Archive, actor: Actor, input: TrustInput): { row: KeyRow; added: boolean } {
  const me = identityOf(archive);
  const key: PublicKeyRecord = loadPublicKey(input.file);
  const shown = formatFingerprint(key.fingerprint);
  if (key.role === me.role) {
    throw new UserError(`公钥 ${input.file} 是${ROLE_NAME[key.role]}的密钥（${key.name}），本档案也是${ROLE_NAME[me.role]}档案：只需登记对方（${ROLE_NAME[otherRole(me.role)]}）的公钥。`);
  }
  if (input.fingerprint != null && input.fingerprint.trim() !== '') {
    const typed = normalizeFingerprint(input.fingerprint);
    if (typed !== key.fingerprint) {
      throw new UserError(`电话核对的指纹与公钥文件不符：文件的指纹是 ${shown}。公钥文件可能被调换，不予登记；请重新向对方索取 public.json 并再次核对。`);
    }
  }
  const checkedBy = input.checkedBy.trim();
  if (!checkedBy) throw new UserError('请填写核对人（谁电话核对了指纹）。', { kind: 'usage' });
  const row: KeyRow = {
    fingerprint: key.fingerprint,
    role: key.role,
    name: key.name,
    org: input.org?.trim() || null,
    signingKey: key.signingKey,
    encryptionKey: key.encryptionKey,
    record: key as unknown as Record<string, unknown>,
    createdAt: key.createdAt,
    checkedBy,
    checkedAt: actor.now().toISOString(),
    method: input.method?.trim() || '电话核对',
    status: 'active',
    revokedAt: null,
    revokedBy: null,
    revokedReason: null,
    validThroughSeq: null,
    lastAcceptedSeq: null,
    townshipId: null,
  };
  // Looked up and registered under one write lock: two registrations of one key cannot both add it.
  return writeTransactionNow(archive.db, (w) => {
    const existing = exchangeKeyByFingerprint(w, key.fingerprint);
    if (existing?.status === 'revoked') throw new UserError(`公钥“${key.name}”（指纹 ${shown}）已于 ${existing.revokedAt ?? ''} 吊销，不能再登记：请对方生成新密钥。`);
    if (existing) return { row: existing, added: false };
    insertExchangeKey(w, row);
    return { row, added: true };
  });
}

export function revokeKey(archive: Archive, actor: Actor, input: { fingerprint: string; reason: string; validThroughSeq?: number | null }): KeyRow {
  const me = identityOf(archive);
  if (me.role !== 'county') throw new UserError('吊销密钥由县级办理：乡镇档案不能吊销县级密钥。如县级密钥遗失，请电话联系县级。');
  const fp = normalizeFingerprint(input.fingerprint);
  // Looked up, checked and revoked under one write lock (an import may be accepting from this key).
  return writeTransactionNow(archive.db, (w) => {
    const row = fp ? exchangeKeyByFingerprint(w, fp) : undefined;
    if (!row) throw new UserError(`没有登记指纹为 ${input.fingerprint} 的密钥：请核对指纹（keys list 或“数据交换”中的已登记密钥）。`);
    if (row.status === 'revoked') throw new UserError(`密钥“${row.name}”已于 ${row.revokedAt ?? ''} 吊销。`);
    const values: KeyRevocation = {
      status: 'revoked',
      revokedAt: actor.now().toISOString(),
      revokedBy: actor.operator,
      revokedReason: input.reason.trim(),
      validThroughSeq: input.validThroughSeq ?? row.lastAcceptedSeq ?? 0,
    };
    revokeExchangeKey(w, row.fingerprint, values);
    return { ...row, ...values };
  });
}

/** The archive's registry as the file-level reader's trust store. */
export function archiveTrustStore(archive: Archive): TrustStore {
  return {
    lookup(fingerprint): TrustedKey | undefined {
      const k = findKey(archive, fingerprint);
      if (!k) return undefined;
      return { fingerprint: k.fingerprint, role: k.role, name: k.name, signingKey: k.signingKey, encryptionKey: k.encryptionKey, revoked: k.status === 'revoked', validThroughSeq: k.validThroughSeq };
    },
  };
}
