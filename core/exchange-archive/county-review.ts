// County mode: the townships held (each from its latest package), browsing them read-only, the
// review opinions — 通过 / 退回 with reason on a batch's county step, for the whole step or per
// household, bound to the township package reviewed — and the review-result package back to
// the township, answering that exact package (id and payload hash).
import { randomUUID } from 'node:crypto';
import { writeTransaction } from '../../db/handles.ts';
import type { Archive } from '../../db/open.ts';
import { batchById, batchHouseholdIds, batchLabelLookup, householdLabelLookup, stepsOfBatch } from '../../db/repos/exchange-batches.ts';
import { countyBatchRows, countyHouseholdPage, rowOwner, townshipById, townshipCounts, townshipList } from '../../db/repos/exchange-county.ts';
import type { TownshipRow } from '../../db/repos/exchange-county.ts';
import { insertPackageLog, latestReviewSent, latestTownshipPackage } from '../../db/repos/exchange-log.ts';
import { deleteOpinionById, markOpinionsSent, opinionById, opinionsOnPackage, putOpinion, staleUnsentOpinionCount, townshipOpinions, unsentOpinionCount } from '../../db/repos/exchange-opinions.ts';
import type { CountyBatchView, CountyHouseholdPage, CountyTownshipView, OpinionView, PackResultView } from '../../shared/api/exchange.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { statusLabel } from '../../shared/status.ts';
import { isWorkflowKind, KINDS } from '../../shared/workflows/index.ts';
import { formatFingerprint, generatePassphrase, writePackage } from '../exchange/index.ts';
import type { JsonObject } from '../exchange/canonical.ts';
import { townshipAudit } from './audit-chain.ts';
import { recordToPublic } from './export.ts';
import type { PackOptions } from './export.ts';
import { findKey, identityOf } from './keys.ts';
import { useOwnKey } from './own-key.ts';
import { nextOutSeq } from './log.ts';
import type { LogRow } from './log.ts';
import { REVIEW_TABLE } from './tables.ts';

/** The county's step of a kind: 县级复审 / 县级核查 / 县级审定. */
export function countyStepCode(kind: string): string | null {
  if (!isWorkflowKind(kind)) return null;
  return KINDS[kind].steps.find((s) => s.code.startsWith('county-'))?.code ?? null;
}

export function stepLabelOf(kind: string, code: string): string {
  return (isWorkflowKind(kind) ? KINDS[kind].steps.find((s) => s.code === code)?.label : undefined) ?? code;
}

/** Refuses a township archive; `why` says what is county-only (the default: the review's opinions). */
export function requireCounty(archive: Archive, why = '审核意见只能在县级档案中登记。'): void {
  if (identityOf(archive).role !== 'county') throw new UserError(`这是乡镇档案：${why}`);
}

/** What a township archive reads when it asks for the county's views of the townships. */
export const COUNTY_VIEW_ONLY = '各乡镇的数据质量汇总只在县级档案中查看（导入乡镇报送的数据包之后）；本乡镇的数据请用“数据检查”（命令行 check）。';

/** The latest township package applied for a township. */
export function latestPackage(archive: Archive, townshipId: string): LogRow | undefined {
  return latestTownshipPackage(archive.db, townshipId);
}

function requireTownship(archive: Archive, townshipId: string): TownshipRow {
  requireCounty(archive);
  const t = townshipById(archive.db, townshipId);
  if (!t) throw new UserError('县级档案中没有这个乡镇：请先导入该乡镇报送的数据包。');
  return t;
}

export function countyTownships(archive: Archive): CountyTownshipView[] {
  requireCounty(archive);
  return townshipList(archive.db).map((t) => {
    const last = latestPackage(archive, t.id);
    const sent = latestReviewSent(archive.db, t.id);
    const batchesOf = countyBatches(archive, t.id);
    return {
      id: t.id,
      name: t.name,
      code: t.code,
      county: t.county,
      ...townshipCounts(archive.db, t.id),
      batches: batchesOf.length,
      awaitingReview: batchesOf.filter((b) => b.readyForReview).length,
      lastPackage: last ? { packageId: last.packageId, seq: last.seq, createdAt: typeof last.summary?.createdAt === 'string' ? last.summary.createdAt : last.at, appliedAt: last.at, scope: last.scope === 'batches' ? 'batches' : 'all' } : null,
      senderFingerprint: last ? formatFingerprint(last.senderFingerprint) : null,
      opinionsPending: last ? unsentOpinionCount(archive.db, t.id, last.packageId) : 0,
      lastReviewSent: sent ? { packageId: sent.packageId, seq: sent.seq, at: sent.at } : null,
      ...townshipAudit(archive.db, t.id),
    };
  });
}

export function countyHouseholds(archive: Archive, input: { townshipId: string; villageId: string | null; search: string | null; limit: number; offset: number }): CountyHouseholdPage {
  requireTownship(archive, input.townshipId);
  const { total, rows } = countyHouseholdPage(archive.db, input);
  return { total, items: rows.map((r) => ({ ...r, statusLabel: statusLabel(r.status) })) };
}

export function countyBatches(archive: Archive, townshipId: string): CountyBatchView[] {
  return countyBatchRows(archive.db, townshipId).map(({ steps: all, ...b }) => {
    const code = countyStepCode(b.kind);
    const s = code ? all.find((x) => x.step === code) : undefined;
    const prev = s ? all.find((x) => x.seq === s.seq - 1) : undefined;
    return {
      ...b,
      kindLabel: isWorkflowKind(b.kind) ? KINDS[b.kind].label : b.kind,
      countyStep: s ? { seq: s.seq, label: stepLabelOf(b.kind, s.step), status: s.status } : null,
      readyForReview: b.status === 'open' && s !== undefined && s.status !== 'closed' && (prev === undefined || prev.status === 'closed'),
    };
  });
}

function opinionViews(archive: Archive, townshipId: string, batchId: string | null): OpinionView[] {
  const last = latestPackage(archive, townshipId);
  const rows = townshipOpinions(archive.db, townshipId, batchId);
  const title = batchLabelLookup(archive.db);
  const hh = householdLabelLookup(archive.db);
  return rows.map((o) => {
    const b = title(o.batchId);
    const h = o.householdId ? hh(o.householdId) : undefined;
    return {
      id: o.id,
      townshipId: o.townshipId,
      batchId: o.batchId,
      batchTitle: b?.title ?? '（批次已不在最新数据中）',
      stepSeq: o.stepSeq,
      stepLabel: stepLabelOf(b?.kind ?? '', o.stepCode),
      householdId: o.householdId || null,
      householdNo: h?.no ?? null,
      head: h?.head ?? null,
      opinion: o.opinion,
      reason: o.reason,
      reviewer: o.reviewer,
      reviewedOn: o.reviewedOn,
      packageId: o.packageId,
      stale: last !== undefined && o.packageId !== last.packageId,
      sentIn: o.sentIn,
    };
  });
}

export function listOpinions(archive: Archive, townshipId: string, batchId: string | null): OpinionView[] {
  requireTownship(archive, townshipId);
  return opinionViews(archive, townshipId, batchId);
}

export interface OpinionInput {
  batchId: string;
  seq: number | null;
  householdIds: string[];
  opinion: 'pass' | 'return';
  reason: string | null;
  reviewer: string;
  reviewedOn: string;
}

export function recordOpinion(archive: Archive, actor: Actor, input: OpinionInput): OpinionView[] {
  requireCounty(archive);
  const batch = batchById(archive.db, input.batchId);
  const townshipId = batch ? rowOwner(archive.db, 'batches', batch.id) : undefined;
  if (!batch || !townshipId) throw new UserError('县级档案中没有这个批次：请先导入乡镇报送的数据包，再登记审核意见。');
  const code = countyStepCode(batch.kind);
  const steps = stepsOfBatch(archive.db, batch.id);
  const step = input.seq != null ? steps.find((s) => s.seq === input.seq) : steps.find((s) => s.step === code);
  if (!step) throw new UserError(`批次“${batch.title}”没有${input.seq != null ? `第${input.seq}步` : '县级环节'}：请核对环节。`);
  if (step.step !== code) throw new UserError(`第${step.seq}步“${stepLabelOf(batch.kind, step.step)}”是乡镇或村级环节：县级只能对“${stepLabelOf(batch.kind, code ?? '')}”登记审核意见。`);
  if (input.opinion === 'return' && !(input.reason ?? '').trim()) throw new UserError('退回必须填写理由，乡镇才知道要改什么。', { field: 'reason' });
  if (batch.status !== 'open') throw new UserError(`批次“${batch.title}”已${batch.status === 'closed' ? '公告完成' : '撤销'}，不需要县级审核。`);
  const last = latestPackage(archive, townshipId);
  if (!last) throw new UserError('这个乡镇还没有导入过报送数据包：请先导入。');
  const members = new Set(batchHouseholdIds(archive.db, batch.id));
  const targets = input.householdIds.length ? [...new Set(input.householdIds)] : [''];
  const outside = targets.filter((h) => h !== '' && !members.has(h));
  if (outside.length) throw new UserError(`有 ${outside.length} 户不在批次“${batch.title}”中，不能登记：请从批次的农户中选择。`);
  const now = actor.now().toISOString();
  writeTransaction(archive.db, (w) => {
    for (const h of targets) {
      putOpinion(w, {
        id: randomUUID(),
        townshipId,
        packageId: last.packageId,
        batchId: batch.id,
        stepId: step.id,
        stepSeq: step.seq,
        stepCode: step.step,
        householdId: h,
        opinion: input.opinion,
        reason: input.reason?.trim() || null,
        reviewer: input.reviewer.trim(),
        reviewedOn: input.reviewedOn,
        recordedAt: now,
        recordedBy: actor.operator,
        sentIn: null,
      });
    }
  });
  return opinionViews(archive, townshipId, batch.id);
}

export function deleteOpinion(archive: Archive, id: string): OpinionView[] {
  requireCounty(archive);
  const o = opinionById(archive.db, id);
  if (!o) throw new UserError('找不到这条审核意见，可能已被删除：请刷新。');
  if (o.sentIn) throw new UserError('这条审核意见已随审核结果发给乡镇，不能撤回：如需更改，请登记新的意见后再发一次。');
  writeTransaction(archive.db, (w) => deleteOpinionById(w, id));
  return opinionViews(archive, o.townshipId, o.batchId);
}

/** The review result for a township: its opinions on its latest package, answering that package. */
export async function packReview(archive: Archive, actor: Actor, townshipId: string, opts: PackOptions): Promise<PackResultView> {
  const t = requireTownship(archive, townshipId);
  const last = latestPackage(archive, townshipId);
  if (!last) throw new UserError(`还没有导入过“${t.name}”的报送数据包，没有可回复的内容。`);
  const opinions = opinionsOnPackage(archive.db, townshipId, last.packageId);
  const staleCount = staleUnsentOpinionCount(archive.db, townshipId, last.packageId);
  if (opinions.length === 0) throw new UserError(`还没有对“${t.name}”最新报送的数据包（第 ${last.seq} 号）登记任何审核意见：请先登记通过或退回，再制作审核结果。`);
  const { pair: key, notes } = useOwnKey(archive, actor, opts.keyDir ?? null);
  let recipient = null;
  let passphrase: string | null = null;
  if (opts.passphrase) passphrase = generatePassphrase();
  else {
    const fp = opts.to ? opts.to.replace(/[\s-]/g, '') : last.senderFingerprint;
    recipient = findKey(archive, fp) ?? null;
    if (!recipient || recipient.role !== 'township') {
      throw new UserError(`“${t.name}”报送所用的密钥没有在本档案登记，无法加密给它：请先电话核对指纹并登记该乡镇的公钥，或改用口令加密。`);
    }
    if (recipient.status !== 'active') throw new UserError(`“${t.name}”的密钥已吊销：请登记该乡镇的新公钥后再发送。`);
    if (opts.to && recipient.townshipId && recipient.townshipId !== townshipId) throw new UserError(`所选的公钥属于另一个乡镇，不是“${t.name}”的：请核对。`);
  }
  const seq = nextOutSeq(archive.db, 'review-result');
  const rows: JsonObject[] = opinions.map((o) => ({
    id: o.id,
    batch_id: o.batchId,
    step_seq: o.stepSeq,
    step_code: o.stepCode,
    household_id: o.householdId || null,
    opinion: o.opinion,
    reason: o.reason,
    reviewer: o.reviewer,
    reviewed_on: o.reviewedOn,
  }));
  opts.onProgress?.('打包审核结果', 0.1);
  const packed = await writePackage({
    file: opts.out,
    sender: key,
    kind: 'review-result',
    seq,
    to: recipient ? { recipients: [recordToPublic(recipient)] } : { passphrase: passphrase! },
    entries: [{ type: 'table', name: REVIEW_TABLE, rows }],
    schemaVersion: archive.schemaVersion,
    answersTo: { packageId: last.packageId, payloadSha256: last.payloadSha256 },
    meta: { township: { id: t.id, name: t.name, code: t.code } },
    ...(opts.scryptLogN ? { scryptLogN: opts.scryptLogN } : {}),
    now: opts.now ?? actor.now(),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  const passed = opinions.filter((o) => o.opinion === 'pass').length;
  writeTransaction(archive.db, (w) => {
    insertPackageLog(w, {
      packageId: packed.packageId,
      kind: 'review-result',
      direction: 'out',
      seq,
      senderFingerprint: key.publicKey.fingerprint,
      senderName: key.publicKey.name,
      recipientFingerprint: recipient?.fingerprint ?? null,
      recipientName: recipient?.name ?? t.name,
      payloadSha256: packed.ref.payloadSha256,
      answersToId: last.packageId,
      answersToSha256: last.payloadSha256,
      bytes: packed.bytes,
      at: actor.now().toISOString(),
      operator: actor.operator,
      authenticated: true,
      scope: null,
      townshipId,
      file: opts.out,
      result: `审核意见 ${opinions.length} 条：通过 ${passed} 条，退回 ${opinions.length - passed} 条${passphrase ? '（口令加密）' : ''}`,
      summary: { opinions: opinions.length, passed },
    });
    markOpinionsSent(w, opinions.map((o) => o.id), packed.packageId);
  });
  opts.onProgress?.('完成', 1);
  return {
    packageId: packed.packageId,
    kind: 'review-result',
    seq,
    file: opts.out,
    bytes: packed.bytes,
    passphrase,
    recipient: recipient ? formatFingerprint(recipient.fingerprint) : null,
    tables: [{ name: REVIEW_TABLE, label: '审核意见', rows: rows.length }],
    attachments: 0,
    attachmentBytes: 0,
    opinions: opinions.length,
    staleOpinions: staleCount,
    audit: null,
    notes,
  };
}
