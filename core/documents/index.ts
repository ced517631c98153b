// The one entry to the paper outputs: renderDocument(archive, request) writes a document to
// a file (never half-written: core/files/atomic-write.ts — a .part renamed at the end, removed
// on failure or cancel, a full disk said in Chinese); renderToBuffer gives the bytes for a preview.
import { existsSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import type { Archive } from '../../db/open.ts';
import type { DocumentKind, DocumentKindView, DocumentRequest, DocumentRequestInput, DocumentResult, ScopeType } from '../../shared/api/documents.ts';
import { documentRequest } from '../../shared/api/documents.ts';
import { UserError } from '../../shared/errors.ts';
import { writeStreamAtomic } from '../files/atomic-write.ts';
import { docContext } from './context.ts';
import { PUBLIC } from '../../shared/fields/mask.ts';
import type { Presentation } from '../../shared/fields/mask.ts';
import { card } from './card.ts';
import { enrollment } from './enrollment.ts';
import { incomeCalc } from './income-calc.ts';
import { meeting } from './meeting.ts';
import { signIn } from './sign-in.ts';
import { consent, monitoringIntake } from './monitoring-forms.ts';
import { publicity } from './publicity.ts';
import { roster } from './roster.ts';
import { verificationHousehold } from './verification-household.ts';
import { verificationVillage } from './verification-village.ts';
import { wallchart } from './wallchart.ts';
import type { DocJob, DocumentDef, Rendered } from './types.ts';

export type { DocJob } from './types.ts';

/** A request with its printed day settled: the shell fills a missing asOf with its today. */
export type DatedRequest = DocumentRequestInput & { asOf: string };

export const DOCUMENTS: Record<DocumentKind, DocumentDef> = {
  publicity,
  roster,
  enrollment,
  'verification-household': verificationHousehold,
  'verification-village': verificationVillage,
  wallchart,
  card,
  meeting,
  'income-calc': incomeCalc,
  'sign-in': signIn,
  'monitoring-intake': monitoringIntake,
  consent,
};

const MIME = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export function documentKinds(): DocumentKindView[] {
  return Object.values(DOCUMENTS).map((d) => ({
    kind: d.kind,
    label: d.label,
    description: d.description,
    scopes: d.scopes,
    formats: d.formats,
    batch: d.batch,
    options: d.options,
  }));
}

function parseRequest(input: DocumentRequestInput): { req: DocumentRequest; def: DocumentDef } {
  const parsed = documentRequest.safeParse(input);
  if (!parsed.success) throw new UserError(`文档参数有误：${parsed.error.issues.map((i) => i.message).join('；')}`, { kind: 'usage' });
  const req = parsed.data;
  const def = DOCUMENTS[req.kind];
  if (!def.formats.includes(req.format)) {
    throw new UserError(`${def.label}只能生成 ${def.formats.map((f) => f.toUpperCase()).join(' 或 ')} 格式。`, { kind: 'usage' });
  }
  // A scope the document does not take is refused, not silently dropped (a 挂图 asked for one
  // village printed the whole township). No scope at all: each document says what it needs.
  const type = scopeTypeOf(req.scope);
  if (type !== 'township' && !def.scopes.includes(type)) {
    const [label, flag] = SCOPE_WORDS[type];
    throw new UserError(`${def.label}按${def.scopes.map((t) => SCOPE_WORDS[t][0]).join('、')}生成，不能指定${label}：请去掉${label}（命令行的 ${flag}），或换一种文档。`, { kind: 'usage' });
  }
  return { req, def };
}

const SCOPE_WORDS: Record<ScopeType, readonly [string, string]> = {
  township: ['全镇', ''],
  village: ['行政村', '--village'],
  batch: ['程序批次', '--batch'],
  household: ['单户', '--household'],
};

/** The scope a request is for: the most specific one given, as scopeHouseholdIds reads it. */
function scopeTypeOf(scope: DocumentRequest['scope']): ScopeType {
  if (scope.householdNo) return 'household';
  if (scope.batchId) return 'batch';
  return scope.villageCode ? 'village' : 'township';
}

function result(def: DocumentDef, req: DocumentRequest, r: Rendered): DocumentResult {
  return { kind: def.kind, format: req.format, title: r.title, pages: r.pages, ...(r.sheets === undefined ? {} : { sheets: r.sheets }), missingGlyphs: r.missingGlyphs, ...(r.warnings?.length ? { warnings: r.warnings } : {}) };
}

export interface RenderFileOptions {
  out: string;
  /** Replace an existing file (the clerk confirmed it); otherwise an existing file is refused. */
  overwrite?: boolean;
}

/** A paper for the public masks every personal field; an internal one shows them, IDs masked on request. */
function presentationOf(def: DocumentDef, req: DocumentRequest): Presentation {
  return def.audience === 'public' ? PUBLIC : { audience: 'internal', maskIds: req.options.maskedIds };
}

export async function renderDocument(archive: Archive, input: DatedRequest, file: RenderFileOptions, job: DocJob = {}): Promise<DocumentResult & { file: string }> {
  const { req, def } = parseRequest(input);
  if (!file.out.toLowerCase().endsWith(`.${req.format}`)) {
    throw new UserError(`文件名“${file.out}”应以 .${req.format} 结尾（${req.format.toUpperCase()} 格式）。`, { kind: 'usage' });
  }
  if (!file.overwrite && existsSync(file.out)) throw new UserError(`文件已存在：${file.out}。为免覆盖，请换一个文件名。`);
  const ctx = docContext(archive, { year: req.year, asOf: input.asOf, presentation: presentationOf(def, req) });
  const r = await writeStreamAtomic(file.out, (out, signal) => def.render(ctx, req, out, { ...job, signal }), { ...(job.signal ? { signal: job.signal } : {}) });
  return { ...result(def, req, r), file: file.out };
}

/** Renders in memory: for previews (pass `limit` to render only a batch's first records). */
export async function renderToBuffer(archive: Archive, input: DatedRequest, job: DocJob = {}): Promise<{ result: DocumentResult; data: Buffer; mime: string; truncated: boolean }> {
  const { req, def } = parseRequest(input);
  const ctx = docContext(archive, { year: req.year, asOf: input.asOf, presentation: presentationOf(def, req) });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const r = await def.render(ctx, req, out, job);
  return { result: result(def, req, r), data: Buffer.concat(chunks), mime: MIME[req.format], truncated: r.truncated ?? false };
}
