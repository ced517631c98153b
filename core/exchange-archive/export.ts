// `pack` on the township: the archive (or chosen batches) as a township-export package —
// rows of the allow-listed tables, checked as they stream (a row the county would refuse stops
// the package here, with the list, before anything is sent), attachments once per content,
// encrypted to the registered county key (or, before keys are exchanged, to a passphrase the
// app makes), signed, numbered, written as .part, synced, renamed and re-read (写入校验). The
// manifest also carries the township's audit chain (audit-chain.ts), kept in the log row too.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { writeTransaction } from '../../db/handles.ts';
import type { ReadDb } from '../../db/handles.ts';
import type { Archive } from '../../db/open.ts';
import { insertPackageLog } from '../../db/repos/exchange-log.ts';
import { auditMetaJson, auditMetaOf } from './audit-chain.ts';
import { attachmentHashes, blobBytesTotal, blobLookup, openSnapshot, townshipRefs, travellingRowCount, travellingRows } from '../../db/repos/exchange-snapshot.ts';
import type { Snapshot, TownshipRef } from '../../db/repos/exchange-snapshot.ts';
import type { PackResultView, PackScope } from '../../shared/api/exchange.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { generatePassphrase, writePackage } from '../exchange/index.ts';
import type { EntrySource, PublicKeyRecord } from '../exchange/index.ts';
import type { JsonObject } from '../exchange/canonical.ts';
import { identityOf, listKeys, otherRole, ROLE_NAME } from './keys.ts';
import { useOwnKey } from './own-key.ts';
import type { KeyRow } from './keys.ts';
import { nextOutSeq } from './log.ts';
import { HouseholdNos, describeProblems, problemLine } from './problems.ts';
import type { Problem } from './problems.ts';
import { codecFor } from './rows.ts';
import { resolveScope } from './scope.ts';
import type { ScopeFilter } from './scope.ts';
import { TABLES } from './tables.ts';
import type { TableSpec } from './tables.ts';

export interface PackProgress {
  (label: string, fraction: number): void;
}

export interface PackOptions {
  out: string;
  /** The recipient: a registered key's fingerprint (null: the only active one of the other side). */
  to?: string | null;
  /** Passphrase fallback instead of a key (the passphrase is made here and returned once). */
  passphrase?: boolean;
  /** An older clear key folder (`--key DIR`): moved into the archive first (its private.json wiped). */
  keyDir?: string | null;
  onProgress?: PackProgress;
  signal?: AbortSignal;
  /** Tests and benchmarks only. */
  scryptLogN?: number;
  now?: Date;
}

/** The other side's key to encrypt to: named, or the only active one. */
export function recipientKey(archive: Archive, to: string | null | undefined): KeyRow {
  const me = identityOf(archive);
  const want = otherRole(me.role);
  const active = listKeys(archive).filter((k) => k.role === want && k.status === 'active');
  if (to) {
    const fp = to.replace(/[\s-]/g, '');
    const k = listKeys(archive).find((x) => x.fingerprint === fp);
    if (!k) throw new UserError(`收件方的公钥（指纹 ${to}）没有在本档案登记：请先电话核对指纹并登记（keys trust），再制作数据包。`);
    if (k.role !== want) throw new UserError(`收件方“${k.name}”是${ROLE_NAME[k.role]}的密钥：数据包只能发给${ROLE_NAME[want]}。`);
    if (k.status !== 'active') throw new UserError(`收件方“${k.name}”的密钥已吊销，不能再发给它：请登记对方的新公钥。`);
    return k;
  }
  if (active.length === 0) {
    throw new UserError(
      `还没有登记${ROLE_NAME[want]}的公钥，无法加密给对方：请先电话核对指纹并登记对方的 public.json（keys trust）；急需报送时可改用口令加密（口令由本软件生成，电话告知对方）。`,
    );
  }
  if (active.length > 1) throw new UserError(`登记了 ${active.length} 个${ROLE_NAME[want]}公钥：请指定发给哪一个（--to 或在界面中选择）。`);
  return active[0]!;
}

export function recordToPublic(k: KeyRow): PublicKeyRecord {
  return k.record as unknown as PublicKeyRecord;
}

/** A UUID-shaped entry id derived from the content hash: attachments travel once per content. */
export function entryIdOf(sha256: string): string {
  const h = sha256.slice(0, 32);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface Counted {
  tables: { name: string; label: string; rows: number }[];
  attachments: number;
  attachmentBytes: number;
}

function* tableRows(db: ReadDb, spec: TableSpec, filter: ScopeFilter, problems: Problem[], nos: HouseholdNos, counted: Counted['tables'][number], tick: () => void, now: Date): Generator<JsonObject> {
  const codec = codecFor(spec);
  for (const row of travellingRows(db, spec.name, filter)) {
    nos.note(spec.name, row);
    const bad = codec.check(row, now);
    if (bad.length && problems.length < 200) problems.push(nos.of({ table: spec.name, row, problems: bad }));
    counted.rows++;
    if ((counted.rows & 1023) === 0) tick();
    yield row;
  }
}

function refuseProblems(problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  throw new UserError(`档案中有 ${problems.length >= 200 ? '至少 200' : problems.length} 条记录不合规，县级会拒收，数据包没有生成：${problemLine(problems[0]!)}。请先在“数据检查”或对应的农户页面改正后再报送。`, {
    details: describeProblems(problems),
  });
}

/** The rows of the people's tables (households, members) the county would refuse, at most 200. */
export function peopleProblems(db: ReadDb, filter: ScopeFilter, now: Date, signal?: AbortSignal): Problem[] {
  const problems: Problem[] = [];
  const nos = new HouseholdNos();
  for (const t of TABLES.filter((x) => x.name === 'households' || x.name === 'members')) {
    const counted = { name: t.name, label: t.label, rows: 0 };
    for (const _row of tableRows(db, t, filter, problems, nos, counted, () => signal?.throwIfAborted(), now)) {
      if (problems.length >= 200) break;
    }
  }
  return problems;
}

/** The people's tables checked as the county will, before anything is packed (refused at once, not after the packing). */
function precheckPeople(db: ReadDb, filter: ScopeFilter, now: Date, signal?: AbortSignal): void {
  refuseProblems(peopleProblems(db, filter, now, signal));
}

function* attachmentEntries(db: ReadDb, filter: ScopeFilter, counted: Counted, signal?: AbortSignal, onBytes?: (n: number) => void): Generator<EntrySource> {
  const shas = attachmentHashes(db, filter);
  const blob = blobLookup(db);
  for (const sha256 of shas) {
    signal?.throwIfAborted();
    const b = blob(sha256);
    if (!b) throw new UserError(`档案里缺少一份附件的内容（校验值 ${sha256.slice(0, 12)}…），档案可能已损坏：请用备份恢复后再报送。`);
    counted.attachments++;
    counted.attachmentBytes += b.size;
    onBytes?.(b.size);
    yield { type: 'attachment', id: entryIdOf(sha256), sha256, size: b.size, data: [new Uint8Array(b.data.buffer, b.data.byteOffset, b.data.byteLength)] };
  }
}

export interface Built {
  entries: Generator<EntrySource>;
  counted: Counted;
}

/** The entries of a township export, from a snapshot; refuses (before the end) rows the county would refuse. */
export function exportEntries(snap: Snapshot, filter: ScopeFilter, opts: { now: Date; onProgress?: PackProgress; signal?: AbortSignal }): Built {
  const counted: Counted = { tables: [], attachments: 0, attachmentBytes: 0 };
  const totals = TABLES.map((t) => travellingRowCount(snap.db, t.name, filter));
  const rowsTotal = totals.reduce((a, b) => a + b, 0) || 1;
  const bytesTotal = blobBytesTotal(snap.db) || 1;
  let rowsDone = 0;
  let bytesDone = 0;
  const report = () => opts.onProgress?.('打包：读取并加密档案', Math.min(0.95, 0.5 * (rowsDone / rowsTotal) + 0.45 * (bytesDone / bytesTotal)));
  function* gen(): Generator<EntrySource> {
    // Households and members first, read and checked without packing (a few seconds at 80k
    // people): a bad ID number the data check already knew is refused before the long work.
    precheckPeople(snap.db, filter, opts.now, opts.signal);
    const problems: Problem[] = [];
    const nos = new HouseholdNos();
    for (const t of TABLES) {
      const c = { name: t.name, label: t.label, rows: 0 };
      counted.tables.push(c);
      let last = 0;
      const tick = () => {
        rowsDone += c.rows - last;
        last = c.rows;
        report();
        opts.signal?.throwIfAborted();
      };
      yield { type: 'table', name: t.name, rows: tableRows(snap.db, t, filter, problems, nos, c, tick, opts.now) };
      tick();
    }
    refuseProblems(problems);
    yield* attachmentEntries(snap.db, filter, counted, opts.signal, (n) => {
      bytesDone += n;
      report();
    });
  }
  return { entries: gen(), counted };
}

function townshipOf(snap: Snapshot): TownshipRef {
  const t = townshipRefs(snap.db, 2);
  if (t.length !== 1) throw new UserError('本档案的乡镇信息不完整（应恰有一个乡镇），不能报送：请把此情况告知技术支持。');
  return t[0]!;
}

export async function packTownship(archive: Archive, actor: Actor, scope: PackScope, opts: PackOptions): Promise<PackResultView> {
  const me = identityOf(archive);
  if (me.role !== 'township') throw new UserError('这是县级档案：县级向乡镇发送的是审核结果（在“县级审核”中按乡镇制作），不能制作乡镇报送数据包。');
  const { pair: key, notes } = useOwnKey(archive, actor, opts.keyDir ?? null);
  const recipient = opts.passphrase ? null : recipientKey(archive, opts.to);
  const passphrase = opts.passphrase ? generatePassphrase() : null;
  const seq = nextOutSeq(archive.db, 'township-export');
  const snap = openSnapshot(archive.file, archive.key);
  try {
    const resolved = resolveScope(snap.db, scope);
    const township = townshipOf(snap);
    // The audit chain as of the same snapshot as the rows (it travels in the signed manifest).
    const audit = auditMetaOf(snap.db);
    opts.onProgress?.('打包：读取并加密档案', 0);
    const now = opts.now ?? actor.now();
    const built = exportEntries(snap, resolved.filter, { now, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}), ...(opts.signal ? { signal: opts.signal } : {}) });
    const packed = await writePackage({
      file: opts.out,
      sender: key,
      kind: 'township-export',
      seq,
      to: recipient ? { recipients: [recordToPublic(recipient)] } : { passphrase: passphrase! },
      entries: built.entries,
      schemaVersion: archive.schemaVersion,
      meta: { scope: resolved.type, batchIds: resolved.batchIds, township: { id: township.id, name: township.name, code: township.code }, audit: auditMetaJson(audit.meta) },
      ...(opts.scryptLogN ? { scryptLogN: opts.scryptLogN } : {}),
      sizeHint: archiveBytes(archive.file),
      now,
      ...(opts.signal ? { signal: opts.signal } : {}),
      onProgress: (p) => {
        if (p.phase === 'verify') opts.onProgress?.('写入校验：重新读取并核对', 0.95 + 0.05 * (p.total ? p.done / p.total : 0));
      },
    });
    const households = built.counted.tables.find((t) => t.name === 'households')?.rows ?? 0;
    const members = built.counted.tables.find((t) => t.name === 'members')?.rows ?? 0;
    const row: Parameters<typeof insertPackageLog>[1] = {
      packageId: packed.packageId,
      kind: 'township-export',
      direction: 'out',
      seq,
      senderFingerprint: key.publicKey.fingerprint,
      senderName: key.publicKey.name,
      recipientFingerprint: recipient?.fingerprint ?? null,
      recipientName: recipient?.name ?? null,
      payloadSha256: packed.ref.payloadSha256,
      answersToId: null,
      answersToSha256: null,
      bytes: packed.bytes,
      at: actor.now().toISOString(),
      operator: actor.operator,
      authenticated: true,
      scope: resolved.type,
      townshipId: township.id,
      file: opts.out,
      result: `${resolved.type === 'all' ? '全部档案' : `${resolved.batchIds.length} 个批次`}：${households} 户 ${members} 人，附件 ${built.counted.attachments} 份${passphrase ? '（口令加密）' : ''}`,
      summary: { tables: built.counted.tables, attachments: built.counted.attachments, attachmentBytes: built.counted.attachmentBytes, batchIds: resolved.batchIds },
      auditLength: audit.meta.length,
      auditHead: audit.meta.head,
    };
    writeTransaction(archive.db, (w) => insertPackageLog(w, row));
    opts.onProgress?.('完成', 1);
    return {
      packageId: packed.packageId,
      kind: 'township-export',
      seq,
      file: opts.out,
      bytes: packed.bytes,
      passphrase,
      recipient: recipient ? recipient.fingerprint.replace(/(\d{5})(?=\d)/g, '$1 ') : null,
      tables: built.counted.tables,
      attachments: built.counted.attachments,
      attachmentBytes: built.counted.attachmentBytes,
      opinions: 0,
      staleOpinions: 0,
      audit: audit.view,
      notes,
    };
  } finally {
    snap.close();
  }
}

/** The archive's size with its -wal: about what a whole-archive package needs on the stick. */
function archiveBytes(file: string): number {
  return [file, `${file}-wal`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);
}

/** sha256 of a buffer, hex. */
export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
