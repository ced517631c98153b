// Encrypted USB packages at the archive level (issue 7): this side's keys and the other side's
// registered keys; the township's export to the county (whole archive or chosen batches); a
// package's outside (no key needed) and its import (preview first, then backup and one
// transaction); county mode: the townships held, browsing them, review opinions per batch step
// and per household, the review result back to the township; the township's received results.
// Long calls (pack, packReview, unpack) take a `jobId` and report through jobs.status / jobs.cancel.
import { z } from 'zod';
import { endpoint, offThread } from './endpoint.ts';
import { COUNTY_REVIEW, EXCHANGE, READ } from '../roles.ts';
import { countyQualityApi } from './county-quality.ts';
import { jobId } from './jobs.ts';
import { id, isoDate, text } from './schemas.ts';

export type ExchangeRole = 'township' | 'county';
export type PackageKindName = 'township-export' | 'review-result' | 'key-registration' | 'trust-bundle';

/** A public key as shown for the phone check. */
export interface KeyView {
  /** 30 digits in six groups of five: "12345 67890 …". */
  fingerprint: string;
  role: ExchangeRole;
  name: string;
  createdAt: string;
}

/** A key of the other side registered in this archive (after the phone check). */
export interface RegisteredKeyView extends KeyView {
  /** The township (county side) or county (township side) it belongs to, as registered. */
  org: string | null;
  /** County side: the township in this archive whose packages it signs, once one was imported. */
  townshipId: string | null;
  checkedBy: string;
  checkedAt: string;
  /** How the fingerprint was checked, e.g. 电话核对. */
  method: string;
  status: 'active' | 'revoked';
  revokedAt: string | null;
  revokedBy: string | null;
  revokedReason: string | null;
  /** Packages it signed up to this number stay valid after revocation. */
  validThroughSeq: number | null;
  lastAcceptedSeq: number | null;
}

export interface KeyStatusView {
  /** The archive's role: a township archive sends exports, a county archive sends review results. */
  role: ExchangeRole;
  /** This side's key, kept inside the archive (its public.json is saved where the user chooses). */
  own: KeyView | null;
  registered: RegisteredKeyView[];
  /** Why packing or unpacking cannot start yet, in Chinese (no own key, no county key…); empty when ready. */
  notReady: string[];
  /** What this call did, in Chinese: e.g. a key left in the old folder beside the archive moved into it. */
  notes: string[];
}

/** A key pair written to a passphrase-protected file, to take to a new PC. */
export interface KeyExportView {
  file: string;
  key: KeyView;
  notes: string[];
}

export interface KeyImportView {
  key: KeyView;
  /** False: the archive held this very key already (nothing changed). */
  added: boolean;
  notes: string[];
}

export interface PackageLogView {
  packageId: string;
  kind: PackageKindName;
  kindLabel: string;
  direction: 'in' | 'out';
  seq: number;
  /** Sender (in) or recipient (out), as a name. */
  party: string;
  partyFingerprint: string | null;
  payloadSha256: string;
  /** Review results: the township package they answer. */
  answersTo: string | null;
  bytes: number | null;
  /** When it was written (out) or applied (in). */
  at: string;
  operator: string;
  /** Short Chinese summary: 新增 N 户 … / 通过 N 户、退回 M 户 … */
  result: string;
  authenticated: boolean;
  /** Out only: the file as written. */
  file: string | null;
  townshipId: string | null;
}

/**
 * County side: what a township export says about the township's audit chain (its length and head,
 * and what the chain held when each earlier package was made), held against what the county
 * stored from the township's previous package. A warning, never a refusal: the county must still
 * see the data.
 */
export interface AuditContinuityView {
  /**
   * continuous: goes on from the previous package; first: the first package carrying the chain;
   * cut: rows removed since; rewritten: earlier rows changed since; unverifiable: the package does
   * not say what the chain held at the previous package; absent: made by an older version;
   * broken: the township's own check of its chain failed.
   */
  status: 'continuous' | 'first' | 'cut' | 'rewritten' | 'unverifiable' | 'absent' | 'broken';
  /** Shown prominently (the county should ask the township). */
  warning: boolean;
  /** Chinese: 审计记录连续 … / 审计记录被删改 … */
  message: string;
  /** The chain's length and head in this package (null: not carried). */
  length: number | null;
  head: string | null;
}

/** Township side: the audit chain a township export carries (its length and head, and the township's own check). */
export interface PackAuditView {
  rows: number;
  head: string;
  intact: boolean;
  /** 审计记录完整 … / 审计记录有断点 … */
  summary: string;
}

/** One row the county would refuse, found before packing: its household (to open) and what is wrong. */
export interface PackProblemView {
  /** Null when the row names no household of the archive. */
  householdId: string | null;
  /** The member concerned, when the row is a member's. */
  memberId: string | null;
  no: string | null;
  head: string | null;
  village: string | null;
  member: string | null;
  /** The first refused column (snake_case, e.g. 'id_number'), for the household page to focus. */
  column: string | null;
  /** Chinese: which record, which field, why (ID numbers masked). */
  line: string;
}

export interface PackResultView {
  packageId: string;
  kind: PackageKindName;
  seq: number;
  file: string;
  bytes: number;
  /** Only for a passphrase package: shown once, read to the other side over the phone. */
  passphrase: string | null;
  /** The recipient's fingerprint (key packages). */
  recipient: string | null;
  tables: { name: string; label: string; rows: number }[];
  attachments: number;
  attachmentBytes: number;
  /** Review results: opinions included (step-level and per household). */
  opinions: number;
  /** Review results: opinions left out because they were made on an older package of the township. */
  staleOpinions: number;
  /** Township exports: the audit chain carried (null for review results). */
  audit: PackAuditView | null;
  /** In Chinese: e.g. this side's key moved from the old folder beside the archive into it first. */
  notes: string[];
}

/** A package's outside: what can be known without decrypting (and whether it would be accepted). */
export interface PackageInfoView {
  file: string;
  bytes: number;
  packageId: string;
  kind: PackageKindName;
  kindLabel: string;
  seq: number;
  createdAt: string;
  encryption: 'x25519' | 'passphrase';
  sender: KeyView;
  /** The sender's key is registered here and active (or revoked with seq ≤ validThroughSeq). */
  registered: boolean;
  /** Signed by a registered key: a passphrase package from an unregistered sender is not. */
  authenticated: boolean;
  /** Addressed to this archive's key (key packages). */
  forUs: boolean;
  answersTo: { packageId: string; payloadSha256: string } | null;
  /** 'same': imported before (a re-import changes nothing); 'conflict': same id, other content. */
  alreadyImported: 'no' | 'same' | 'conflict';
  /** Why the import would be refused, in Chinese; null when it may go ahead. */
  refusal: string | null;
}

export interface TableChangeView {
  name: string;
  label: string;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export interface ReviewEffectView {
  batchId: string;
  batchTitle: string;
  stepLabel: string;
  /** Township side: 'advanced' (step completed), 'returned', 'recorded' (outcomes only), 'skipped'. */
  effect: 'advanced' | 'returned' | 'recorded' | 'skipped';
  passed: number;
  returned: number;
  /** Why it was skipped, or what the clerk should do next. */
  note: string | null;
}

export interface UnpackResultView {
  packageId: string;
  kind: PackageKindName;
  seq: number;
  sender: KeyView;
  authenticated: boolean;
  /** True when written to the archive; false for a preview (dryRun) and for a re-import. */
  applied: boolean;
  /** The same package was imported before: nothing changed. */
  alreadyImported: boolean;
  /** County side: the township the package is from. */
  township: { id: string; name: string; code: string | null } | null;
  /** What the import does (or did): per table, added / changed / removed / unchanged rows. */
  tables: TableChangeView[];
  attachments: { added: number; bytes: number };
  households: { added: number; changed: number; removed: number };
  /** Township side (review results): what each batch's county review does. */
  review: ReviewEffectView[];
  backupFile: string | null;
  /** Warnings that did not stop the import (gaps in the numbering …), Chinese. */
  notes: string[];
  /** County side: whether the township's audit chain goes on from its previous package (null: review results, re-imports). */
  audit: AuditContinuityView | null;
}

export interface CountyTownshipView {
  id: string;
  name: string;
  code: string | null;
  county: string | null;
  villages: number;
  households: number;
  members: number;
  batches: number;
  /** Batches with a county step open or due (awaiting the county's review). */
  awaitingReview: number;
  lastPackage: { packageId: string; seq: number; createdAt: string; appliedAt: string; scope: 'all' | 'batches' } | null;
  senderFingerprint: string | null;
  /** Opinions recorded on the latest package and not yet sent back. */
  opinionsPending: number;
  lastReviewSent: { packageId: string; seq: number; at: string } | null;
  /** The township's audit chain as the latest package showed it (null: no package yet). */
  audit: AuditContinuityView | null;
  /** Earlier packages whose audit chain did not go on from the one before (Chinese, newest first). */
  auditWarnings: string[];
}

export interface CountyHouseholdView {
  id: string;
  no: string;
  village: string;
  groupName: string | null;
  head: string | null;
  size: number;
  status: string;
  statusLabel: string;
}

export interface CountyHouseholdPage {
  total: number;
  items: CountyHouseholdView[];
}

export interface CountyBatchView {
  id: string;
  kind: string;
  kindLabel: string;
  year: number;
  title: string;
  status: 'open' | 'closed' | 'cancelled';
  village: string | null;
  householdCount: number;
  /** The county's step of this kind (县级复审 / 县级核查 / 县级审定). */
  countyStep: { seq: number; label: string; status: 'pending' | 'open' | 'closed' } | null;
  /** The step before the county's is complete: the batch is ready for county review. */
  readyForReview: boolean;
  opinions: number;
}

export interface OpinionView {
  id: string;
  townshipId: string;
  batchId: string;
  batchTitle: string;
  stepSeq: number;
  stepLabel: string;
  /** Null: an opinion on the whole step (all households without their own opinion). */
  householdId: string | null;
  householdNo: string | null;
  head: string | null;
  opinion: 'pass' | 'return';
  reason: string | null;
  reviewer: string;
  reviewedOn: string;
  /** The township package the opinion was made on. */
  packageId: string;
  /** Made on an older package than the township's latest: re-check before sending. */
  stale: boolean;
  /** The review-result package that carried it, once sent. */
  sentIn: string | null;
}

/** Township side: what the county said, as received. */
export interface ReceivedReviewView {
  id: string;
  packageId: string;
  receivedAt: string;
  batchId: string;
  batchTitle: string;
  stepSeq: number;
  stepLabel: string;
  householdId: string | null;
  householdNo: string | null;
  head: string | null;
  opinion: 'pass' | 'return';
  reason: string | null;
  reviewer: string;
  reviewedOn: string;
  /** What the import did with it: 'advanced', 'returned', 'recorded', 'skipped' (see note). */
  effect: ReviewEffectView['effect'];
  note: string | null;
}

export interface TownshipReviewView {
  /** Exports sent and not yet answered by a review result. */
  awaiting: { packageId: string; seq: number; at: string; scope: 'all' | 'batches'; batches: number }[];
  received: ReceivedReviewView[];
}

const path = (label: string) => z.string().trim().min(1, `请选择${label}`).max(1000, `${label}过长`);
const required = (label: string, max = 200) => text(label, max).min(1, `请填写${label}`);
const passphrase = z.string().trim().min(1).max(100, '口令过长').nullable().default(null);
/** Chosen by the operator for a key export: taken exactly as typed (not trimmed). */
const keyPassphrase = z.string().min(12, '口令至少 12 个字符').max(200, '口令过长');

export const packScope = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('all') }),
    z.object({ type: z.literal('batches'), batchIds: z.array(id).min(1, '请选择至少一个批次').max(500, '一次最多500个批次') }),
  ])
  .default({ type: 'all' });
export type PackScope = z.output<typeof packScope>;

export const exchangeApi = {
  /** This side's key, the registered keys of the other side, and what is missing before packing. */
  keyStatus: endpoint<KeyStatusView>()('exchange.keyStatus', z.object({})),
  /** Makes this side's key pair inside the archive (refused when it has one); nothing private is written to disk. */
  newKey: endpoint<KeyStatusView>()('exchange.newKey', z.object({ name: required('单位名称', 40).nullable().default(null) }), EXCHANGE),
  /** Saves this side's public.json to a chosen place (the USB stick). */
  savePublicKey: endpoint<{ file: string }>()('exchange.savePublicKey', z.object({ out: path('保存位置'), overwrite: z.boolean().default(false) }), READ, { out: 'write' }),
  /** Writes this side's key pair to a new file encrypted with the passphrase (age scrypt), to move it to a new PC. */
  exportKeyPair: endpoint<KeyExportView>()('exchange.exportKeyPair', z.object({ out: path('保存位置'), passphrase: keyPassphrase }), EXCHANGE, { out: 'write' }),
  /** Imports such a file into an archive of the same side that has no key yet; refused with nothing changed otherwise. */
  importKeyPair: endpoint<KeyImportView>()('exchange.importKeyPair', z.object({ file: path('密钥导出文件'), passphrase: keyPassphrase }), EXCHANGE, { file: 'read' }),
  /** Reads another side's public.json for the phone check (nothing registered yet). */
  inspectKey: endpoint<KeyView & { registered: boolean; status: 'active' | 'revoked' | null }>()('exchange.inspectKey', z.object({ file: path('公钥文件') }), READ, { file: 'read' }),
  /** Registers the other side's public.json after the fingerprint was checked by phone. */
  trustKey: endpoint<RegisteredKeyView>()(
    'exchange.trustKey',
    z.object({
      file: path('公钥文件'),
      checkedBy: required('核对人', 20),
      method: required('核对方式', 40).default('电话核对'),
      /** The fingerprint as read over the phone: refused when it differs from the file's. */
      fingerprint: z.string().trim().max(60).nullable().default(null),
      org: text('单位', 60).nullable().default(null),
    }),
    EXCHANGE,
    { file: 'read' },
  ),
  /** County side: revokes a township key (lost or replaced). */
  revokeKey: endpoint<RegisteredKeyView>()(
    'exchange.revokeKey',
    z.object({
      fingerprint: z.string().trim().min(1, '请选择要吊销的密钥').max(60),
      reason: required('吊销原因', 200),
      /** Packages it signed up to this number stay valid; default: the last one accepted. */
      validThroughSeq: z.number().int().min(0).nullable().default(null),
    }),
    EXCHANGE,
  ),
  /** The packages log: sent and received. */
  packages: endpoint<PackageLogView[]>()(
    'exchange.packages',
    z.object({ direction: z.enum(['in', 'out']).nullable().default(null), limit: z.number().int().min(1).max(1000).default(200) }),
  ),
  /** Township side, before packing: the rows of the scope the county would refuse, each with its household (empty: none). */
  packCheck: offThread(endpoint<PackProblemView[]>()('exchange.packCheck', z.object({ scope: packScope }), EXCHANGE)),
  /** Township side: the archive (or chosen batches) encrypted to the county, signed, 写入校验. */
  pack: offThread(endpoint<PackResultView>()(
    'exchange.pack',
    z.object({
      out: path('保存位置'),
      scope: packScope,
      /** The county key to encrypt to (fingerprint); default the only active county key. */
      to: z.string().trim().max(60).nullable().default(null),
      /** Passphrase fallback when no county key is registered: the app makes the passphrase. */
      passphrase: z.boolean().default(false),
      jobId: jobId.nullable().default(null),
    }),
    EXCHANGE,
    { out: 'write' },
  )),
  /** A package's outside, without decrypting: sender, fingerprint, authenticated, whether it would be accepted. */
  inspect: endpoint<PackageInfoView>()('exchange.inspect', z.object({ file: path('数据包文件') }), READ, { file: 'read' }),
  /** Verifies and imports a package (dryRun: everything but the writing, for the preview). */
  unpack: offThread(endpoint<UnpackResultView>()(
    'exchange.unpack',
    z.object({
      file: path('数据包文件'),
      dryRun: z.boolean().default(false),
      passphrase,
      /** A passphrase package from an unregistered sender, after the supervisor's confirmation. */
      acceptUnauthenticated: z.boolean().default(false),
      jobId: jobId.nullable().default(null),
    }),
    EXCHANGE,
    { file: 'read' },
  )),
  /** County: the townships held, with their last package and pending opinions. */
  townships: endpoint<CountyTownshipView[]>()('exchange.townships', z.object({})),
  /** County: one township's households (read-only; households.get shows one in full). */
  townshipHouseholds: endpoint<CountyHouseholdPage>()(
    'exchange.townshipHouseholds',
    z.object({
      townshipId: id,
      villageId: z.string().nullable().default(null),
      search: z.string().trim().max(40).nullable().default(null),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
  ),
  /** County: one township's batches with their county step (workflows.get shows one in full). */
  townshipBatches: endpoint<CountyBatchView[]>()('exchange.townshipBatches', z.object({ townshipId: id })),
  /** County: opinions recorded (of a township, optionally one batch). */
  opinions: endpoint<OpinionView[]>()('exchange.opinions', z.object({ townshipId: id, batchId: z.string().nullable().default(null) })),
  /**
   * County: records 通过 / 退回 on a batch's county step — for the whole step (householdIds empty)
   * or per household. A later opinion on the same step and household replaces the earlier one.
   */
  recordOpinion: endpoint<OpinionView[]>()(
    'exchange.recordOpinion',
    z
      .object({
        batchId: id,
        /** The step; default the kind's county step. */
        seq: z.number().int().min(1).max(20).nullable().default(null),
        householdIds: z.array(id).max(5000, '一次最多5000户').default([]),
        opinion: z.enum(['pass', 'return'], '审核意见应为 通过 或 退回'),
        reason: text('理由', 500).nullable().default(null),
        reviewer: required('审核人', 20),
        reviewedOn: isoDate,
      })
      .refine((o) => o.opinion === 'pass' || (o.reason ?? '') !== '', { message: '退回必须填写理由', path: ['reason'] }),
      COUNTY_REVIEW,
  ),
  /** County: withdraws an opinion not yet sent. */
  deleteOpinion: endpoint<OpinionView[]>()('exchange.deleteOpinion', z.object({ id }), COUNTY_REVIEW),
  /** County: the review result for a township, answering its latest package. */
  packReview: offThread(endpoint<PackResultView>()(
    'exchange.packReview',
    z.object({
      townshipId: id,
      out: path('保存位置'),
      passphrase: z.boolean().default(false),
      jobId: jobId.nullable().default(null),
    }),
    COUNTY_REVIEW,
    { out: 'write' },
  )),
  /** Township: exports awaiting the county's answer, and the county's opinions as received. */
  reviewResults: endpoint<TownshipReviewView>()('exchange.reviewResults', z.object({ batchId: z.string().nullable().default(null) })),
  ...countyQualityApi,
};
