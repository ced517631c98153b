// County mode: the townships held (each from its latest package), browsing them read-only, the
// review opinions — 通过 / 退回 with reason on a batch's county step, for the whole step or per
// household, bound to the township package reviewed — and the review-result package back to
// the township, answering that exact package (id and payload hash).
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Archive } from '../../db/open.ts';
import { batchHouseholds, batches, batchSteps, exchangePackages, reviewOpinions, townships } from '../../db/schema/index.ts';
import type { CountyBatchView, CountyHouseholdPage, CountyTownshipView, OpinionView, PackResultView } from '../../shared/api/exchange.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { statusLabel } from '../../shared/status.ts';
import { isWorkflowKind, KINDS } from '../../shared/workflows/index.ts';
import { formatFingerprint, generatePassphrase, writePackage } from '../exchange/index.ts';
import type { JsonObject } from '../exchange/canonical.ts';
import { recordToPublic } from './export.ts';
import type { PackOptions } from './export.ts';
import { findKey, identityOf, ownKey } from './keys.ts';
import { nextOutSeq, record } from './log.ts';
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

export function requireCounty(archive: Archive): void {
  if (identityOf(archive).role !== 'county') throw new UserError('这是乡镇档案：审核意见只能在县级档案中登记。');
}

/** The latest township package applied for a township. */
export function latestPackage(archive: Archive, townshipId: string): LogRow | undefined {
  return archive.db
    .select()
    .from(exchangePackages)
    .where(and(eq(exchangePackages.direction, 'in'), eq(exchangePackages.kind, 'township-export'), eq(exchangePackages.townshipId, townshipId)))
    .orderBy(desc(exchangePackages.seq), desc(exchangePackages.at))
    .get();
}

function requireTownship(archive: Archive, townshipId: string): typeof townships.$inferSelect {
  requireCounty(archive);
  const t = archive.db.select().from(townships).where(eq(townships.id, townshipId)).get();
  if (!t) throw new UserError('县级档案中没有这个乡镇：请先导入该乡镇报送的数据包。');
  return t;
}

const townshipOfRow = (archive: Archive, table: string, id: string): string | undefined =>
  archive.sqlite.prepare('SELECT township_id FROM exchange_rows WHERE table_name = ? AND row_id = ?').pluck().get(table, id) as string | undefined;

export function countyTownships(archive: Archive): CountyTownshipView[] {
  requireCounty(archive);
  const q = (sql: string, id: string): number => archive.sqlite.prepare(sql).pluck().get(id) as number;
  return archive.db
    .select()
    .from(townships)
    .orderBy(townships.code, townships.name)
    .all()
    .map((t) => {
      const last = latestPackage(archive, t.id);
      const sent = archive.db
        .select()
        .from(exchangePackages)
        .where(and(eq(exchangePackages.direction, 'out'), eq(exchangePackages.kind, 'review-result'), eq(exchangePackages.townshipId, t.id)))
        .orderBy(desc(exchangePackages.seq))
        .get();
      const batchesOf = countyBatches(archive, t.id);
      return {
        id: t.id,
        name: t.name,
        code: t.code,
        county: t.county,
        villages: q('SELECT count(*) FROM villages WHERE township_id = ?', t.id),
        households: q('SELECT count(*) FROM households h JOIN villages v ON v.id = h.village_id WHERE v.township_id = ?', t.id),
        members: q('SELECT count(*) FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id WHERE v.township_id = ? AND m.left_reason IS NULL', t.id),
        batches: batchesOf.length,
        awaitingReview: batchesOf.filter((b) => b.readyForReview).length,
        lastPackage: last ? { packageId: last.packageId, seq: last.seq, createdAt: typeof last.summary?.createdAt === 'string' ? last.summary.createdAt : last.at, appliedAt: last.at, scope: last.scope === 'batches' ? 'batches' : 'all' } : null,
        senderFingerprint: last ? formatFingerprint(last.senderFingerprint) : null,
        opinionsPending: last
          ? (archive.sqlite.prepare('SELECT count(*) FROM review_opinions WHERE township_id = ? AND sent_in IS NULL AND package_id = ?').pluck().get(t.id, last.packageId) as number)
          : 0,
        lastReviewSent: sent ? { packageId: sent.packageId, seq: sent.seq, at: sent.at } : null,
      };
    });
}

export function countyHouseholds(archive: Archive, input: { townshipId: string; villageId: string | null; search: string | null; limit: number; offset: number }): CountyHouseholdPage {
  requireTownship(archive, input.townshipId);
  const where = ['v.township_id = @t'];
  if (input.villageId) where.push('h.village_id = @v');
  if (input.search) where.push(`(h.no LIKE @s OR EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id AND (m.name LIKE @s OR m.name_initials LIKE @s OR m.id_number LIKE @tail)))`);
  const params = { t: input.townshipId, v: input.villageId, s: `%${input.search ?? ''}%`, tail: `%${input.search ?? ''}` };
  const from = `FROM households h JOIN villages v ON v.id = h.village_id WHERE ${where.join(' AND ')}`;
  const total = archive.sqlite.prepare(`SELECT count(*) ${from}`).pluck().get(params) as number;
  const rows = archive.sqlite
    .prepare(
      `SELECT h.id, h.no, v.name AS village, h.group_name AS groupName, h.status,
         (SELECT name FROM members WHERE household_id = h.id AND relation = '户主' AND left_reason IS NULL ORDER BY seq LIMIT 1) AS head,
         (SELECT count(*) FROM members WHERE household_id = h.id AND left_reason IS NULL) AS size
       ${from} ORDER BY v.sort_order, h.no LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: input.limit, offset: input.offset }) as { id: string; no: string; village: string; groupName: string | null; status: string; head: string | null; size: number }[];
  return { total, items: rows.map((r) => ({ ...r, statusLabel: statusLabel(r.status) })) };
}

export function countyBatches(archive: Archive, townshipId: string): CountyBatchView[] {
  const rows = archive.sqlite
    .prepare(
      `SELECT b.id, b.kind, b.year, b.title, b.status, v.name AS village,
         (SELECT count(*) FROM batch_households bh WHERE bh.batch_id = b.id AND bh.removed_on IS NULL) AS householdCount,
         (SELECT count(*) FROM review_opinions o WHERE o.batch_id = b.id) AS opinions
       FROM batches b JOIN exchange_rows r ON r.table_name = 'batches' AND r.row_id = b.id LEFT JOIN villages v ON v.id = b.village_id
       WHERE r.township_id = ? ORDER BY b.year DESC, b.created_on DESC`,
    )
    .all(townshipId) as Omit<CountyBatchView, 'kindLabel' | 'countyStep' | 'readyForReview'>[];
  const steps = archive.sqlite.prepare('SELECT seq, step, status FROM batch_steps WHERE batch_id = ? ORDER BY seq');
  return rows.map((b) => {
    const code = countyStepCode(b.kind);
    const all = steps.all(b.id) as { seq: number; step: string; status: 'pending' | 'open' | 'closed' }[];
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
  const rows = archive.db
    .select()
    .from(reviewOpinions)
    .where(and(eq(reviewOpinions.townshipId, townshipId), batchId ? eq(reviewOpinions.batchId, batchId) : undefined))
    .orderBy(reviewOpinions.batchId, reviewOpinions.stepSeq, reviewOpinions.householdId)
    .all();
  const title = archive.sqlite.prepare('SELECT title, kind FROM batches WHERE id = ?');
  const hh = archive.sqlite.prepare(
    `SELECT h.no, (SELECT name FROM members WHERE household_id = h.id AND relation = '户主' AND left_reason IS NULL ORDER BY seq LIMIT 1) AS head FROM households h WHERE h.id = ?`,
  );
  return rows.map((o) => {
    const b = title.get(o.batchId) as { title: string; kind: string } | undefined;
    const h = o.householdId ? (hh.get(o.householdId) as { no: string; head: string | null } | undefined) : undefined;
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
  const batch = archive.db.select().from(batches).where(eq(batches.id, input.batchId)).get();
  const townshipId = batch ? townshipOfRow(archive, 'batches', batch.id) : undefined;
  if (!batch || !townshipId) throw new UserError('县级档案中没有这个批次：请先导入乡镇报送的数据包，再登记审核意见。');
  const code = countyStepCode(batch.kind);
  const steps = archive.db.select().from(batchSteps).where(eq(batchSteps.batchId, batch.id)).all();
  const step = input.seq != null ? steps.find((s) => s.seq === input.seq) : steps.find((s) => s.step === code);
  if (!step) throw new UserError(`批次“${batch.title}”没有${input.seq != null ? `第${input.seq}步` : '县级环节'}：请核对环节。`);
  if (step.step !== code) throw new UserError(`第${step.seq}步“${stepLabelOf(batch.kind, step.step)}”是乡镇或村级环节：县级只能对“${stepLabelOf(batch.kind, code ?? '')}”登记审核意见。`);
  if (input.opinion === 'return' && !(input.reason ?? '').trim()) throw new UserError('退回必须填写理由，乡镇才知道要改什么。', { field: 'reason' });
  if (batch.status !== 'open') throw new UserError(`批次“${batch.title}”已${batch.status === 'closed' ? '公告完成' : '撤销'}，不需要县级审核。`);
  const last = latestPackage(archive, townshipId);
  if (!last) throw new UserError('这个乡镇还没有导入过报送数据包：请先导入。');
  const members = new Set(
    archive.db
      .select({ h: batchHouseholds.householdId })
      .from(batchHouseholds)
      .where(eq(batchHouseholds.batchId, batch.id))
      .all()
      .map((m) => m.h),
  );
  const targets = input.householdIds.length ? [...new Set(input.householdIds)] : [''];
  const outside = targets.filter((h) => h !== '' && !members.has(h));
  if (outside.length) throw new UserError(`有 ${outside.length} 户不在批次“${batch.title}”中，不能登记：请从批次的农户中选择。`);
  const now = actor.now().toISOString();
  archive.db.transaction((tx) => {
    for (const h of targets) {
      tx.delete(reviewOpinions).where(and(eq(reviewOpinions.stepId, step.id), eq(reviewOpinions.householdId, h))).run();
      tx.insert(reviewOpinions)
        .values({
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
        })
        .run();
    }
  });
  return opinionViews(archive, townshipId, batch.id);
}

export function deleteOpinion(archive: Archive, id: string): OpinionView[] {
  requireCounty(archive);
  const o = archive.db.select().from(reviewOpinions).where(eq(reviewOpinions.id, id)).get();
  if (!o) throw new UserError('找不到这条审核意见，可能已被删除：请刷新。');
  if (o.sentIn) throw new UserError('这条审核意见已随审核结果发给乡镇，不能撤回：如需更改，请登记新的意见后再发一次。');
  archive.db.delete(reviewOpinions).where(eq(reviewOpinions.id, id)).run();
  return opinionViews(archive, o.townshipId, o.batchId);
}

/** The review result for a township: its opinions on its latest package, answering that package. */
export async function packReview(archive: Archive, actor: Actor, townshipId: string, opts: PackOptions): Promise<PackResultView> {
  const t = requireTownship(archive, townshipId);
  const last = latestPackage(archive, townshipId);
  if (!last) throw new UserError(`还没有导入过“${t.name}”的报送数据包，没有可回复的内容。`);
  const opinions = archive.db.select().from(reviewOpinions).where(and(eq(reviewOpinions.townshipId, townshipId), eq(reviewOpinions.packageId, last.packageId))).all();
  const staleCount = archive.db
    .select({ id: reviewOpinions.id })
    .from(reviewOpinions)
    .where(and(eq(reviewOpinions.townshipId, townshipId), ne(reviewOpinions.packageId, last.packageId), isNull(reviewOpinions.sentIn)))
    .all().length;
  if (opinions.length === 0) throw new UserError(`还没有对“${t.name}”最新报送的数据包（第 ${last.seq} 号）登记任何审核意见：请先登记通过或退回，再制作审核结果。`);
  const key = ownKey(archive, opts.keyDir ?? null);
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
  archive.db.transaction((tx) => {
    record(tx, {
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
    tx.update(reviewOpinions).set({ sentIn: packed.packageId }).where(inArray(reviewOpinions.id, opinions.map((o) => o.id))).run();
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
  };
}
