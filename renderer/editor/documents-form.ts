// The 打印文档 screen's choices as plain data: which document, for which scope (only the scopes
// the kind accepts), the year, the options the kind reads and the format; what is still missing
// before it can be made; and the request the documents API takes.
import type { DocumentFormat, DocumentKind, DocumentKindView, DocumentRequestInput, ScopeType, StepView } from '../../shared/api/index.ts';
import type { NoticeFont } from '../../shared/api/documents.ts';

export type Paper = 'A3' | 'A2' | 'A1';

export interface DocOptionsForm {
  paper: Paper;
  maskedIds: boolean;
  registeredOnly: boolean;
  /** Local supervision phones, several separated by 、 or commas; 12317 is always printed. */
  phone: string;
  /** A notice's face; '' the default (system 仿宋 when present, else the shipped serif). */
  font: NoticeFont | '';
  issuer: string;
  basis: string;
  /** 元; null: not given (the village exit table then says so). */
  provinceAverageYuan: number | null;
  incidenceMaxPercent: number;
}

export interface DocForm {
  kind: DocumentKind | null;
  format: DocumentFormat;
  scopeType: ScopeType;
  villageCode: string | null;
  batchId: string | null;
  /** A notice step of the batch (公示 / 公告); null: the open one, else the latest started. */
  stepId: string | null;
  householdNo: string | null;
  /** null: the archive's latest income year. */
  year: number | null;
  options: DocOptionsForm;
}

export const SCOPE_LABELS: Record<ScopeType, string> = {
  township: '全镇',
  village: '行政村',
  batch: '程序批次',
  household: '单户',
};

export const PAPERS: readonly Paper[] = ['A3', 'A2', 'A1'];

/** The options a kind may list that the screen shows as their own fields (stepId goes with the batch). */
export const OPTION_LABELS: Record<string, string> = {
  paper: '纸张',
  maskedIds: '显示脱敏身份证号',
  registeredOnly: '只含建档立卡户和监测户',
  phones: '本地监督电话',
  font: '公示字体',
  issuer: '落款单位',
  basis: '公示依据',
  provinceAverageFen: '全省农村居民人均可支配收入',
  incidenceMaxPercent: '贫困发生率上限',
};

export function emptyForm(): DocForm {
  return {
    kind: null,
    format: 'pdf',
    scopeType: 'township',
    villageCode: null,
    batchId: null,
    stepId: null,
    householdNo: null,
    year: null,
    options: { paper: 'A3', maskedIds: false, registeredOnly: false, phone: '', font: '', issuer: '', basis: '', provinceAverageYuan: null, incidenceMaxPercent: 3 },
  };
}

/** Picks a document: the scope and format stay when the kind accepts them, else its defaults. */
export function chooseKind(form: DocForm, view: DocumentKindView): DocForm {
  const scopeType = view.scopes.includes(form.scopeType) ? form.scopeType : view.scopes[0]!;
  const format = view.formats.includes(form.format) ? form.format : view.formats[0]!;
  const sameSteps = MEETING_KINDS.includes(form.kind ?? '') === MEETING_KINDS.includes(view.kind);
  return { ...form, kind: view.kind, scopeType, format, stepId: view.options.includes('stepId') && sameSteps ? form.stepId : null };
}

export function chooseBatch(form: DocForm, batchId: string | null): DocForm {
  return { ...form, batchId, stepId: batchId === form.batchId ? form.stepId : null };
}

export function hasOption(view: DocumentKindView | undefined, key: string): boolean {
  return view?.options.includes(key) ?? false;
}

/** What the clerk still has to choose, in Chinese; null when the document can be made. */
export function missingChoice(form: DocForm, view: DocumentKindView | undefined): string | null {
  if (!form.kind || !view) return '请先在左边选择要打印的文档。';
  if (!view.scopes.includes(form.scopeType)) return `${view.label}不能按“${SCOPE_LABELS[form.scopeType]}”生成，请重新选择范围。`;
  if (!view.formats.includes(form.format)) return `${view.label}不能生成 ${form.format.toUpperCase()} 格式。`;
  if (form.scopeType === 'village' && !form.villageCode) return '请选择行政村。';
  if (form.scopeType === 'batch' && !form.batchId) return '请选择程序批次。';
  if (form.scopeType === 'household' && !form.householdNo) return '请选择农户（可按姓名、户编号查找）。';
  return null;
}

/** "0838-1234567、0838-7654321" → the numbers, in order. */
export const splitPhones = (s: string): string[] =>
  s
    .split(/[,，、;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

const text = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** The API request: only the chosen scope's field and only the options this kind reads. */
export function toRequest(form: DocForm, view: DocumentKindView): DocumentRequestInput {
  const o = form.options;
  const options: NonNullable<DocumentRequestInput['options']> = {};
  if (hasOption(view, 'paper')) options.paper = o.paper;
  if (hasOption(view, 'maskedIds')) options.maskedIds = o.maskedIds;
  if (hasOption(view, 'registeredOnly')) options.registeredOnly = o.registeredOnly;
  if (hasOption(view, 'phones')) options.phones = splitPhones(o.phone);
  if (hasOption(view, 'font')) options.font = o.font === '' ? null : o.font;
  if (hasOption(view, 'issuer')) options.issuer = text(o.issuer);
  if (hasOption(view, 'basis')) options.basis = text(o.basis);
  if (hasOption(view, 'provinceAverageFen')) options.provinceAverageFen = o.provinceAverageYuan == null ? null : Math.round(o.provinceAverageYuan * 100);
  if (hasOption(view, 'incidenceMaxPercent')) options.incidenceMaxPercent = o.incidenceMaxPercent;
  if (hasOption(view, 'stepId') && form.scopeType === 'batch') options.stepId = form.stepId;
  return {
    kind: view.kind,
    format: form.format,
    scope: {
      villageCode: form.scopeType === 'village' ? form.villageCode : null,
      householdNo: form.scopeType === 'household' ? form.householdNo : null,
      batchId: form.scopeType === 'batch' ? form.batchId : null,
    },
    year: form.year,
    options,
  };
}

/** Same request, same key: a preview is current while the key has not changed. */
export function requestKey(req: DocumentRequestInput): string {
  return JSON.stringify(req);
}

/** Years to choose from: this year (the session's) back to 2014 (the first 建档立卡 year); null first = the latest in the archive. */
export function yearOptions(thisYear: number, latestLabel = '最新收入年度'): { value: number | null; label: string }[] {
  const years: { value: number | null; label: string }[] = [{ value: null, label: latestLabel }];
  for (let y = thisYear; y >= 2014; y--) years.push({ value: y, label: `${y}年` });
  return years;
}

export interface NoticeStepOption {
  value: string;
  label: string;
}

/** The steps of a batch that post a notice (the publicity steps and the announcement). */
/** Kinds whose step option is a 民主评议 step (会议记录, 签到表) rather than a notice step. */
export const MEETING_KINDS: readonly string[] = ['meeting', 'sign-in'];
const isStepOf = (meeting: boolean) => (s: StepView) => (meeting ? s.meeting : s.publicity || s.code === 'announcement');

export function noticeStepOptions(steps: readonly StepView[], meeting = false): NoticeStepOption[] {
  return steps
    .filter(isStepOf(meeting))
    .map((s) => ({ value: s.id, label: `第${s.seq}步 ${s.label}（${s.statusLabel}${s.startedOn ? `，${s.startedOn}起` : ''}）` }));
}

/** Which notice step the document prints when none is chosen: the open one, else the latest started, else the first. */
export function defaultNoticeStep(steps: readonly StepView[]): StepView | null {
  const notices = steps.filter((s) => s.publicity || s.code === 'announcement');
  return notices.find((s) => s.status === 'open') ?? [...notices].reverse().find((s) => s.startedOn != null) ?? notices[0] ?? null;
}
