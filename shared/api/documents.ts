// Paper outputs (issue 6): which documents exist and for which scopes, a preview as bytes,
// a file written as a job (progress and cancel through jobs.status / jobs.cancel), and the
// wall-chart figures with ready-made chart options for an in-app dashboard.
import { z } from 'zod';
import { ADMIN, READ } from '../roles.ts';
import { endpoint, offThread } from './endpoint.ts';
import { jobId } from './jobs.ts';
import { isoDate, year } from './schemas.ts';

export const DOCUMENT_KINDS = ['publicity', 'roster', 'enrollment', 'verification-household', 'verification-village', 'wallchart', 'card', 'meeting', 'income-calc', 'sign-in', 'monitoring-intake', 'consent'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_FORMATS = ['pdf', 'xlsx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** What a document can be made for: the whole township, a village, one household, a workflow batch. */
export type ScopeType = 'township' | 'village' | 'household' | 'batch';

export interface DocumentKindView {
  kind: DocumentKind;
  label: string;
  description: string;
  /** The scopes it accepts; the first is the default. */
  scopes: ScopeType[];
  formats: DocumentFormat[];
  /** One record per page (households): long jobs worth a progress bar. */
  batch: boolean;
  /** The options it reads (keys of the request's `options`). */
  options: string[];
}

export interface MissingGlyphView {
  text: string;
  chars: string[];
  where: string;
}

export interface DocumentResult {
  kind: DocumentKind;
  format: DocumentFormat;
  title: string;
  /** PDF pages; null for a workbook. */
  pages: number | null;
  sheets?: number;
  /** Names and texts with characters the font lacks: printed with a blank ＿ to fill in by hand. */
  missingGlyphs: MissingGlyphView[];
  /** What the clerk should know before posting it (a notice for a step not yet open is a 草稿). */
  warnings?: string[];
}

/** A supervision phone as printed: digits, dashes, brackets (0571-12345678, (0571)12345678, 12317). */
export const supervisionPhone = z.string().trim().regex(/^[\d\-—（）() ]{3,30}$/, '监督电话只能包含数字、短横线和括号（3到30个字符），例如 0571-12345678');

/** Faces a notice can be printed in: the system 仿宋 or 宋体, the shipped serif, the forms' sans. */
export const NOTICE_FONTS = ['fangsong', 'songti', 'serif', 'sans'] as const;
export type NoticeFont = (typeof NOTICE_FONTS)[number];
export const NOTICE_FONT_LABELS: Readonly<Record<NoticeFont, string>> = { fangsong: '仿宋（本机字体）', songti: '宋体（本机字体）', serif: '思源宋体（随程序安装）', sans: '黑体（与表格相同）' };

const optionalCode = (label: string) => z.string().trim().min(1, `${label}不能为空`).max(40, `${label}过长`).nullable().default(null);

export const documentScope = z
  .object({
    villageCode: optionalCode('行政村区划代码'),
    householdNo: optionalCode('户编号'),
    batchId: optionalCode('批次编号'),
  })
  .default({ villageCode: null, householdNo: null, batchId: null });

export const documentOptions = z
  .object({
    /** Wall chart paper. */
    paper: z.enum(['A3', 'A2', 'A1'], { message: '纸张只能是 A3、A2 或 A1' }).default('A3'),
    /** Publicity: add a masked ID column (110105********1234). */
    maskedIds: z.boolean().default(false),
    /** Publicity: which publicity step of the batch (default: the open one, else the latest). */
    stepId: z.string().trim().min(1).max(60).nullable().default(null),
    /** Publicity: local supervision phones printed after 12317 and the township's own (added, never replacing). */
    phones: z.array(supervisionPhone).max(6, '监督电话最多6个').default([]),
    /** Publicity: the face of a notice (default: the system 仿宋 when present, else the shipped serif). */
    font: z.enum(NOTICE_FONTS, { message: '字体只能是 fangsong（仿宋）、songti（宋体）、serif（随程序的思源宋体）或 sans（黑体）' }).nullable().default(null),
    /** Publicity: the issuer printed above the seal, when not the default. */
    issuer: z.string().trim().min(1).max(60, '落款单位不能超过60个字').nullable().default(null),
    /** Publicity: the policy the notice cites. */
    basis: z.string().trim().min(1).max(200, '依据不能超过200个字').nullable().default(null),
    /** Village exit: the province's rural per-capita disposable income (fen). */
    provinceAverageFen: z.number().int().min(1, '全省农村居民人均可支配收入应大于0').max(100_000_000, '全省平均收入过大，请核对单位（元）').nullable().default(null),
    /** Village exit: the highest incidence (percent) that passes. */
    incidenceMaxPercent: z.number().min(0).max(100).default(3),
    /** Roster, enrollment, card: only households registered (建档立卡 or monitored). */
    registeredOnly: z.boolean().default(false),
  })
  .default({
    paper: 'A3',
    maskedIds: false,
    stepId: null,
    phones: [],
    font: null,
    issuer: null,
    basis: null,
    provinceAverageFen: null,
    incidenceMaxPercent: 3,
    registeredOnly: false,
  });

export const documentRequest = z.object({
  kind: z.enum(DOCUMENT_KINDS, { message: '没有这种文档' }),
  format: z.enum(DOCUMENT_FORMATS, { message: '格式只能是 pdf 或 xlsx' }).default('pdf'),
  scope: documentScope,
  /** The year the document is about; default the archive's latest income year. */
  year: year.nullable().default(null),
  /** The printed date; default today. */
  asOf: isoDate.nullable().default(null),
  options: documentOptions,
});

export type DocumentRequest = z.output<typeof documentRequest>;
export type DocumentRequestInput = z.input<typeof documentRequest>;
export type DocumentOptions = DocumentRequest['options'];

export interface DocumentPreview extends DocumentResult {
  mime: string;
  dataBase64: string;
  /** True when only the first records were rendered (a batch is previewed by its first pages). */
  truncated: boolean;
}

/** A document written to a file. */
export interface DocumentFile extends DocumentResult {
  file: string;
}

/** One chart of the wall chart, as an ECharts option the dashboard can render unchanged. */
export interface ChartView {
  key: string;
  title: string;
  option: Record<string, unknown>;
}

export interface WallChartView {
  title: string;
  year: number;
  asOf: string;
  /** Headline figures, label → value text (the same as the printed wall chart). */
  keyFigures: { label: string; value: string }[];
  villages: {
    code: string;
    name: string;
    category: string;
    households: number;
    members: number;
    poor: string;
    exited: string;
    monitored: string;
    incidence: string;
    firstSecretary: string;
  }[];
  charts: ChartView[];
}

/** The contacts printed on notices and 明白卡 (township supervision phones, 投诉监督地址, 村委会电话). */
export interface ContactsView {
  township: string;
  /** Always printed first on a notice. */
  nationalHotline: string;
  supervisionPhones: string[];
  officeAddress: string | null;
  officePhone: string | null;
  villages: { id: string; code: string; name: string; committeePhone: string | null }[];
}

const optionalPhone = supervisionPhone.nullable();

/** What to change: a field left out (undefined) stays as it is; null or [] clears it. */
export const contactsInput = z.object({
  supervisionPhones: z.array(supervisionPhone).max(6, '监督电话最多6个').optional(),
  officeAddress: z.string().trim().max(100, '投诉监督地址不能超过100个字').nullable().optional(),
  officePhone: optionalPhone.optional(),
  villages: z.array(z.object({ code: z.string().trim().min(1, '行政村区划代码不能为空').max(40), committeePhone: optionalPhone })).max(500).default([]),
});
export type ContactsInput = z.input<typeof contactsInput>;

export const documentsApi = {
  /** The contacts notices and 明白卡 print. */
  contacts: endpoint<ContactsView>()('documents.contacts', z.object({})),
  /** Sets them (audited); answers with the new view. */
  saveContacts: endpoint<ContactsView>()('documents.saveContacts', contactsInput, ADMIN),
  kinds: endpoint<DocumentKindView[]>()('documents.kinds', z.object({})),
  /** Renders in memory and returns the bytes (a batch: its first records only). */
  preview: offThread(endpoint<DocumentPreview>()('documents.preview', documentRequest.extend({ jobId: jobId.nullable().default(null) }))),
  /**
   * Writes the document to a file: a batch (a whole village's or township's forms) is long work,
   * so the UI passes a job id of its own and polls `jobs.status` (and may `jobs.cancel`).
   */
  render: offThread(endpoint<DocumentFile>()(
    'documents.render',
    documentRequest.extend({
      /** Where to write; null = the 文档 folder in the app's data folder, with a name of the document's own. */
      out: z.string().trim().min(1, '请选择保存位置').max(1000, '保存位置过长').nullable().default(null),
      /** The clerk confirmed replacing an existing file (the save dialog asks). */
      overwrite: z.boolean().default(false),
      jobId: jobId.nullable().default(null),
    }),
    READ,
    { out: 'write' },
  )),
  wallchart: endpoint<WallChartView>()('documents.wallchart', z.object({ year: year.nullable().default(null), asOf: isoDate.nullable().default(null) })),
};
