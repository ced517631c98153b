// Importing a package into the archive, both sides, in the order of EXCHANGE-REFERENCE §7:
// copy to a staging folder beside the archive → strict parse → sender key and role → signature →
// replay / rollback by number → payload hash → decrypt → every row checked → preview → backup →
// apply in one transaction together with the packages-log row. The same package again changes
// nothing ("已导入过"); an older one is refused; the same package id with other content is
// refused loudly. A refusal at any step leaves the archive as it was. County side: whether the
// township's audit chain goes on from its previous package is shown, never refused (audit-chain.ts).
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeTransaction, writeTransactionNow } from '../../db/handles.ts';
import type { WriteDb } from '../../db/handles.ts';
import { backupCopy, backupNameFor } from '../files/backup-copy.ts';
import { diskFailure, readFailure } from '../files/disk-errors.ts';
import type { Archive } from '../../db/open.ts';
import { withPageCache } from '../../db/repos/county-apply.ts';
import { townshipById } from '../../db/repos/exchange-county.ts';
import { markKeyAccepted } from '../../db/repos/exchange-keys.ts';
import { insertPackageLog, lastInSeq, packageLogEntry } from '../../db/repos/exchange-log.ts';
import type { PackageInfoView, UnpackResultView } from '../../shared/api/exchange.ts';
import type { Actor } from '../../shared/actor.ts';
import { isUserError, UserError } from '../../shared/errors.ts';
import { formatFingerprint, inspectPackage, openPackage, stagePackage } from '../exchange/index.ts';
import type { KeyPair, OpenedPackage, PackageHeader } from '../exchange/index.ts';
import { fingerprintOf } from '../exchange/fingerprint.ts';
import { KIND_LABEL } from '../exchange/roles.ts';
import { auditContinuity, continuityJson } from './audit-chain.ts';
import { applySnapshot } from './county-apply.ts';
import { planSnapshot } from './county-plan.ts';
import type { SnapshotPlan } from './county-plan.ts';
import { archiveTrustStore, findKey, identityOf, keyView, listKeys } from './keys.ts';
import { ownKey, ownKeyIfAny, useOwnKey } from './own-key.ts';
import type { ArchiveIdentity } from './keys.ts';
import { applyReview, planReview } from './township-review.ts';
import type { ReviewPlan } from './township-review.ts';
import { REVIEW_TABLE, TRAVELLING } from './tables.ts';

export interface UnpackOptions {
  dryRun?: boolean;
  passphrase?: string | null;
  acceptUnauthenticated?: boolean;
  /** An older clear key folder (`--key DIR`): moved into the archive first (its private.json wiped). */
  keyDir?: string | null;
  /** Where the backup before applying goes; default `备份/` beside the archive. */
  backupDir?: string;
  onProgress?: (label: string, fraction: number) => void;
  signal?: AbortSignal;
  /** Tests only: run just before COMMIT, inside the transaction. */
  beforeCommit?: () => void;
  /** Rows written per statement on the county side (default APPLY_BATCH_ROWS; tests use a few to cross batches). */
  applyBatchRows?: number;
}

/** Per-attachment cap at the archive level (the app stores scans of at most 15 MB). */
const ATTACHMENT_CAP = 64 * 1024 * 1024;

const ACCEPTS: Record<'township' | 'county', string> = { township: 'review-result', county: 'township-export' };

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

function checkKind(me: ArchiveIdentity, h: PackageHeader, file: string): void {
  if (h.kind === ACCEPTS[me.role]) return;
  if (h.kind === 'key-registration' || h.kind === 'trust-bundle') {
    throw new UserError(`数据包 ${file} 是“${KIND_LABEL[h.kind]}”：本软件暂不通过数据包交换公钥，请直接登记对方的 public.json（电话核对指纹后 keys trust）。`);
  }
  throw new UserError(
    me.role === 'county'
      ? `数据包 ${file} 是“${KIND_LABEL[h.kind]}”，县级档案只导入乡镇报送的数据包。`
      : `数据包 ${file} 是“${KIND_LABEL[h.kind]}”，乡镇档案只导入县级的审核结果（乡镇报送的数据包应在县级档案中导入）。`,
  );
}

/**
 * This side's key when there is one (a passphrase package needs none) — after moving a key still
 * kept beside the archive into it — and the notes saying so.
 */
function keyOrNull(archive: Archive, actor: Actor, dir: string | null | undefined, needed: boolean): { key: KeyPair | undefined; notes: string[] } {
  try {
    const { pair, notes } = useOwnKey(archive, actor, dir ?? null);
    return { key: pair, notes };
  } catch (e) {
    if (needed || !isUserError(e) || dir) throw e;
    return { key: undefined, notes: [] };
  }
}

/** The log entry for this package id: a same-content re-import, or a conflict (refused loudly). */
function previous(archive: Archive, h: PackageHeader, file: string): 'no' | 'same' {
  const prev = packageLogEntry(archive.db, h.packageId);
  if (!prev) return 'no';
  if (prev.direction === 'out') throw new UserError(`数据包 ${file} 是本档案自己发出的（第 ${prev.seq} 号），不能导入回来：请导入对方发来的数据包。`);
  if (prev.payloadSha256 !== h.payload.sha256) {
    throw new UserError(
      `警告：数据包 ${file} 的编号与 ${prev.at} 已导入的第 ${prev.seq} 号数据包相同，内容却不同。同一编号不可能有两份不同的内容，这个文件可能被伪造或篡改，已拒绝导入，档案没有任何改动。请立即电话联系发送方核实，并把此文件交给负责人。`,
    );
  }
  return 'same';
}

function openOptions(archive: Archive, me: ArchiveIdentity, opts: UnpackOptions, key: KeyPair | undefined, again: boolean) {
  return {
    ...(key ? { key } : {}),
    ...(opts.passphrase ? { passphrase: opts.passphrase } : {}),
    trust: archiveTrustStore(archive),
    acceptUnauthenticated: opts.acceptUnauthenticated ?? false,
    // A re-import of the very same package is verified in full, then answered "已导入过".
    lastSeq: (h: PackageHeader, fp: string) => (again ? null : lastInSeq(archive.db, fp, h.kind)),
    answers: (ref: { packageId: string; payloadSha256: string }) => {
      const sent = packageLogEntry(archive.db, ref.packageId);
      return me.role === 'township' && sent?.direction === 'out' && sent.kind === 'township-export' && sent.payloadSha256 === ref.payloadSha256;
    },
    tables: (name: string) => (me.role === 'county' ? TRAVELLING.has(name) : name === REVIEW_TABLE),
    limits: { attachmentBytes: ATTACHMENT_CAP },
    ...(opts.signal ? { signal: opts.signal } : {}),
    onProgress: (p: { phase: string; done: number; total: number | null }) => {
      const f = p.total ? p.done / p.total : 0;
      if (p.phase === 'hash') opts.onProgress?.('核对签名和校验值', 0.05 + 0.15 * f);
      else if (p.phase === 'decrypt') opts.onProgress?.('解密并检查内容', 0.2 + 0.3 * f);
    },
  };
}

function emptyResult(h: PackageHeader, opened: OpenedPackage | null): UnpackResultView {
  const fp = fingerprintOf(h.sender);
  return {
    packageId: h.packageId,
    kind: h.kind,
    seq: h.seq,
    sender: keyView({ fingerprint: fp, role: h.sender.role, name: h.sender.name, createdAt: h.createdAt }),
    authenticated: opened?.authenticated ?? true,
    applied: false,
    alreadyImported: false,
    township: null,
    tables: [],
    attachments: { added: 0, bytes: 0 },
    households: { added: 0, changed: 0, removed: 0 },
    review: [],
    backupFile: null,
    notes: [],
    audit: null,
  };
}

export async function unpackPackage(archive: Archive, actor: Actor, file: string, opts: UnpackOptions = {}): Promise<UnpackResultView> {
  const me = identityOf(archive);
  const shown = basename(file);
  opts.onProgress?.('读取数据包封面', 0);
  const outside = await inspectPackage(file);
  checkKind(me, outside.header, shown);
  const again = previous(archive, outside.header, shown) === 'same';
  const { key, notes: keyNotes } = keyOrNull(archive, actor, opts.keyDir, outside.header.encryption === 'x25519');

  // 1. Staging: a private copy beside the archive, so the stick can be pulled and nothing read twice differs.
  const stagingBase = join(dirname(archive.file), '.交换暂存');
  await sweepStaging(stagingBase);
  const stagingRoot = join(stagingBase, randomUUID());
  // A full or read-only disk under the staging folder is said as such (not as an internal error).
  const stagingFailure = (e: unknown, needed?: number): unknown => {
    const disk = diskFailure(e, join(stagingBase, basename(file)), needed);
    return disk ? new UserError(`解开数据包 ${file} 时，${disk.message}档案没有任何改动。`, { cause: e }) : e;
  };
  try {
    await mkdir(stagingRoot, { recursive: true, mode: 0o700 });
    await writeFile(join(stagingRoot, 'pid'), String(process.pid));
  } catch (e) {
    await rm(stagingRoot, { recursive: true, force: true });
    throw stagingFailure(e);
  }
  try {
    opts.onProgress?.('复制到暂存区', 0.02);
    const copy = join(stagingRoot, 'package.fpkg');
    await copyFile(file, copy).catch((e: unknown) => {
      throw readFailure(e, file, '数据包文件') ?? stagingFailure(e);
    });
    opts.signal?.throwIfAborted();
    // 2–6. Parse, sender, role, signature, address, answer, number, hash — before decrypting.
    const opened = await openPackage(copy, openOptions(archive, me, opts, key, again)).catch((e: unknown) => {
      throw isUserError(e) ? new UserError(e.message.replaceAll(copy, file), { details: e.details }) : e;
    });
    const h = opened.header;
    const result = emptyResult(h, opened);
    result.notes.push(...keyNotes);
    if (again) {
      const prev = packageLogEntry(archive.db, h.packageId)!;
      return { ...result, alreadyImported: true, notes: [...keyNotes, `这个数据包已导入过（${prev.at}：${prev.result}），这次没有任何改动。`] };
    }
    // 7. Decrypt and stage (every byte checked before the folder appears).
    const staged = await stagePackage(opened, join(stagingRoot, 'staged')).catch((e: unknown) => {
      throw isUserError(e) ? new UserError(e.message.replaceAll(copy, file), { details: e.details }) : stagingFailure(e, opened.header.payload.length);
    });
    // 8. Every row.
    opts.onProgress?.('逐条检查记录', 0.5);
    let snapshot: SnapshotPlan | null = null;
    let review: ReviewPlan | null = null;
    if (me.role === 'county') {
      snapshot = await planSnapshot(archive, staged, shown, { now: actor.now(), onProgress: (f) => opts.onProgress?.('逐条检查记录', 0.5 + 0.2 * f), ...(opts.signal ? { signal: opts.signal } : {}) });
      checkTownshipKey(archive, opened, snapshot);
      result.township = snapshot.township;
      result.tables = snapshot.tables;
      result.attachments = snapshot.attachments;
      result.households = snapshot.households;
      result.audit = auditContinuity(archive.db, snapshot.township.id, staged.manifest.meta);
      const last = lastInSeq(archive.db, opened.senderFingerprint, h.kind);
      if (last != null && h.seq > last + 1) result.notes.push(`跳过了第 ${last + 1}–${h.seq - 1} 号数据包（完整档案会覆盖之前的内容，不影响结果）。`);
    } else {
      review = planReview(archive, staged, shown);
      result.tables = [{ name: REVIEW_TABLE, label: '审核意见', added: review.opinions.length, changed: 0, removed: 0, unchanged: 0 }];
    }
    if (!opened.authenticated) result.notes.push('口令加密且发送方密钥未登记：无法确认来源（未认证），已按负责人确认导入。');
    opts.signal?.throwIfAborted();

    // 9. Preview: a review result is applied and rolled back, so the preview says exactly what it does.
    if (opts.dryRun) {
      if (review) result.review = previewReview(archive, actor, review, h, opened);
      opts.onProgress?.('检查完成（未写入）', 1);
      return result;
    }
    // 10. Backup.
    opts.onProgress?.('备份档案', 0.72);
    result.backupFile = backupNameFor(opts.backupDir ?? join(dirname(archive.file), '备份'), archive.file, '导入数据包前', stamp(actor.now()));
    backupCopy(archive, result.backupFile);
    opts.signal?.throwIfAborted();
    // 11. Apply, with the log row, in one transaction.
    opts.onProgress?.('写入档案', 0.8);
    // A larger page cache while tens of thousands of rows and their indexes are written.
    withPageCache(archive.db, 65536, () =>
      writeTransactionNow(archive.db, (w) => {
        // Another import may have run since the checks (a second window, a second clerk).
        const last = lastInSeq(w, opened.senderFingerprint, h.kind);
        if (packageLogEntry(w, h.packageId) || (last != null && h.seq <= last)) {
          throw new UserError(`数据包 ${shown} 在检查期间已由另一次导入处理（或已有更新的数据包导入），这次没有写入。请刷新后查看。`);
        }
        if (snapshot) {
          // The rows to write (unchanged ones are left alone): the progress bar moves per batch.
          const toWrite = snapshot.tables.reduce((n, t) => n + t.added + t.changed, 0) || 1;
          applySnapshot(w, staged, snapshot, {
            ...(opts.applyBatchRows ? { batchRows: opts.applyBatchRows } : {}),
            onRows: (n) => opts.onProgress?.('写入档案', 0.8 + 0.19 * Math.min(1, n / toWrite)),
          });
        }
        if (review) result.review = applyReview(w, actor, review, { packageId: h.packageId, county: h.sender.name });
        logImport(w, actor, opened, result, snapshot);
        opts.beforeCommit?.();
      }),
    );
    result.applied = true;
    opts.onProgress?.('完成', 1);
    return result;
  } finally {
    await rm(stagingRoot, { recursive: true, force: true });
  }
}

/** Removes staging folders left by a process that no longer runs (killed, power cut): no plaintext stays behind. */
async function sweepStaging(base: string): Promise<void> {
  const dirs = await readdir(base).catch(() => [] as string[]);
  for (const d of dirs) {
    const pid = Number(await readFile(join(base, d, 'pid'), 'utf8').catch(() => '0'));
    let alive = false;
    try {
      alive = pid > 0 && process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (!alive) await rm(join(base, d), { recursive: true, force: true });
  }
}

/** A backup name not yet taken (two imports within one second get -2, -3 …). */
class Rollback extends Error {}

function previewReview(archive: Archive, actor: Actor, plan: ReviewPlan, h: PackageHeader, opened: OpenedPackage) {
  let effects: ReturnType<typeof applyReview> = [];
  try {
    writeTransaction(archive.db, (w) => {
      effects = applyReview(w, actor, plan, { packageId: h.packageId, county: opened.header.sender.name });
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return effects;
}

/**
 * County: a key stays with its township, and a township's data is accepted only from its key —
 * another township's key (or an unauthenticated package) cannot replace it. A township that
 * changed keys: the county revokes the old one first.
 */
function checkTownshipKey(archive: Archive, opened: OpenedPackage, plan: SnapshotPlan): void {
  const k = findKey(archive, opened.senderFingerprint);
  if (k?.townshipId && k.townshipId !== plan.township.id) {
    const other = townshipById(archive.db, k.townshipId);
    throw new UserError(`数据包的签发密钥登记为“${other?.name ?? '另一乡镇'}”所用，却送来“${plan.township.name}”的档案，不予导入。请电话联系该乡镇核实。`);
  }
  const holder = listKeys(archive).find((x) => x.townshipId === plan.township.id && x.status === 'active' && x.fingerprint !== opened.senderFingerprint);
  if (holder) {
    throw new UserError(
      `县级档案中“${plan.township.name}”的数据只接受其登记的密钥（${holder.name}，指纹 ${formatFingerprint(holder.fingerprint)}）签发的数据包，这个数据包由另一密钥签发，不予导入。如该乡镇确已更换密钥，请先吊销旧密钥（keys revoke）并登记新公钥。`,
    );
  }
}

function logImport(w: WriteDb, actor: Actor, opened: OpenedPackage, r: UnpackResultView, plan: SnapshotPlan | null): void {
  const h = opened.header;
  const summary = plan
    ? `${plan.township.name}：新增 ${r.households.added} 户，变更 ${r.households.changed} 户，移除 ${r.households.removed} 户；新附件 ${r.attachments.added} 份`
    : `审核意见：${r.review.map((e) => `${e.batchTitle}（${{ advanced: '通过并完成环节', returned: '退回', recorded: '已登记', skipped: '未应用' }[e.effect]}）`).join('；')}`;
  insertPackageLog(w, {
    packageId: h.packageId,
    kind: h.kind,
    direction: 'in',
    seq: h.seq,
    senderFingerprint: opened.senderFingerprint,
    senderName: h.sender.name,
    recipientFingerprint: null,
    recipientName: null,
    payloadSha256: h.payload.sha256,
    answersToId: h.answersTo?.packageId ?? null,
    answersToSha256: h.answersTo?.payloadSha256 ?? null,
    bytes: 8192 + h.payload.length,
    at: actor.now().toISOString(),
    operator: actor.operator,
    authenticated: opened.authenticated,
    scope: plan?.scope ?? null,
    townshipId: plan?.township.id ?? null,
    file: null,
    result: summary,
    summary: { createdAt: h.createdAt, tables: r.tables.map((t) => ({ ...t })), review: r.review.map((e) => ({ ...e })), ...(r.audit ? { audit: continuityJson(r.audit) } : {}) },
    // What the township's chain was, for the next package to be held against.
    auditLength: r.audit?.length ?? null,
    auditHead: r.audit?.head ?? null,
  });
  if (opened.sender) markKeyAccepted(w, opened.senderFingerprint, h.seq, plan?.township.id ?? null);
}

/** The outside of a package and whether it would be accepted — nothing decrypted, nothing written. */
export async function inspectForArchive(archive: Archive, file: string): Promise<PackageInfoView> {
  if (!existsSync(file)) throw new UserError(`找不到数据包文件：${file}。请检查路径（U盘是否已插好）后再试。`);
  const me = identityOf(archive);
  const p = await inspectPackage(file);
  const h = p.header;
  const fp = fingerprintOf(h.sender);
  const k = findKey(archive, fp);
  const stillOk = k !== undefined && (k.status === 'active' || (k.validThroughSeq != null && h.seq <= k.validThroughSeq));
  const key = ownKeyIfAny(archive);
  let refusal: string | null = null;
  let alreadyImported: PackageInfoView['alreadyImported'] = 'no';
  try {
    checkKind(me, h, basename(file));
    alreadyImported = previous(archive, h, basename(file));
    if (h.encryption === 'x25519' && !key) ownKey(archive);
    await openPackage(file, { ...openOptions(archive, me, { acceptUnauthenticated: true }, key, alreadyImported === 'same'), ...(h.encryption === 'passphrase' ? { passphrase: '0'.repeat(32) } : {}) });
  } catch (e) {
    if (!isUserError(e)) throw e;
    refusal = e.message;
    if (/同一编号|内容却不同/.test(e.message)) alreadyImported = 'conflict';
  }
  return {
    file,
    bytes: p.size,
    packageId: h.packageId,
    kind: h.kind,
    kindLabel: KIND_LABEL[h.kind],
    seq: h.seq,
    createdAt: h.createdAt,
    encryption: h.encryption,
    sender: keyView({ fingerprint: fp, role: h.sender.role, name: h.sender.name, createdAt: h.createdAt }),
    registered: stillOk,
    authenticated: stillOk,
    forUs: h.encryption === 'passphrase' || (key !== undefined && h.recipients.includes(key.publicKey.fingerprint)),
    answersTo: h.answersTo ?? null,
    alreadyImported,
    refusal,
  };
}
