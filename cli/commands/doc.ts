import { existsSync } from 'node:fs';
import { documentKinds, renderDocument } from '../../core/documents/index.ts';
import type { DatedRequest } from '../../core/documents/index.ts';
import type { DocumentKind } from '../../shared/api/documents.ts';
import type { NoticeFont } from '../../shared/api/documents.ts';
import { DOCUMENT_KINDS, NOTICE_FONT_LABELS, NOTICE_FONTS } from '../../shared/api/documents.ts';
import { UserError } from '../../shared/errors.ts';
import { yuanToFen } from '../../shared/money.ts';
import { optionalString, parse, PERIOD_OPTIONS, periodOptions, requireString } from '../args.ts';
import type { Command } from '../command.ts';
import { emit, progressPrinter } from '../io.ts';
import { withArchive } from '../with-archive.ts';
import { API } from '../../shared/api/index.ts';

const usage =
  'relief-archive doc 种类 --db 文件 --out 文件.pdf|.xlsx [--village 区划代码] [--batch 批次编号] [--household 户编号] [--year 年度] [--as-of 日期]\n' +
  '  [--paper A3|A2|A1] [--masked-id] [--step 环节编号] [--phone 本地监督电话（可多次，12317 总是印上）] [--font fangsong|songti|serif|sans] [--issuer 落款] [--basis 依据] [--province-average 元] [--registered-only] [--overwrite]';

const OPTIONS = {
  out: { type: 'string' },
  village: { type: 'string' },
  batch: { type: 'string' },
  household: { type: 'string' },
  paper: { type: 'string' },
  'masked-id': { type: 'boolean', default: false },
  step: { type: 'string' },
  phone: { type: 'string', multiple: true },
  font: { type: 'string' },
  issuer: { type: 'string' },
  basis: { type: 'string' },
  'province-average': { type: 'string' },
  'registered-only': { type: 'boolean', default: false },
  overwrite: { type: 'boolean', default: false },
  ...PERIOD_OPTIONS,
} as const;

function kindList(): string {
  return documentKinds()
    .map((k) => `  ${k.kind.padEnd(24)}${k.label}`)
    .join('\n');
}

function provinceAverage(v: string | undefined): number | null {
  if (v === undefined) return null;
  try {
    return yuanToFen(v);
  } catch {
    throw new UserError(`参数 --province-average 应为金额（元），例如 19000；收到“${v}”。`, { kind: 'usage' });
  }
}

/** --phone adds local numbers after 12317 (repeatable; one value may also list several: 0571-1,0571-2). */
function phonesOf(v: unknown): string[] {
  const list = Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
  return list.flatMap((x) => x.split(/[,，、]/)).map((x) => x.trim()).filter(Boolean);
}

function noticeFont(v: string | undefined): NoticeFont | null {
  if (v === undefined) return null;
  if (!(NOTICE_FONTS as readonly string[]).includes(v)) throw new UserError(`参数 --font 只能是 ${NOTICE_FONTS.map((f) => `${f}（${NOTICE_FONT_LABELS[f]}）`).join('、')}；收到“${v}”。`, { kind: 'usage' });
  return v as NoticeFont;
}

export const doc: Command = {
  name: 'doc',
  summary: '生成打印文档（公示、花名册、入户登记表、验收表、挂图、明白卡、会议记录），PDF 或 Excel',
  acts: () => API.documents.render,
  usage: `${usage}\n种类：\n${kindList()}`,
  run(argv, io) {
    const p = parse(argv, OPTIONS, usage);
    const [kind, ...extra] = p.positionals;
    if (!kind || extra.length || !(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
      throw new UserError(`${kind ? `没有“${kind}”这种文档` : '请写明要生成哪种文档'}。可以生成：\n${kindList()}\n用法：${usage}`, { kind: 'usage' });
    }
    const out = requireString(p, 'out', usage);
    const format = out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : out.toLowerCase().endsWith('.pdf') ? 'pdf' : null;
    if (!format) throw new UserError(`输出文件“${out}”应以 .pdf 或 .xlsx 结尾。\n用法：${usage}`, { kind: 'usage' });
    const { year, asOf } = periodOptions(p);
    const paper = optionalString(p, 'paper');
    const req: DatedRequest = {
      kind: kind as DocumentKind,
      format,
      scope: { villageCode: optionalString(p, 'village') ?? null, batchId: optionalString(p, 'batch') ?? null, householdNo: optionalString(p, 'household') ?? null },
      year: year ?? null,
      asOf,
      options: {
        ...(paper ? { paper: paper.toUpperCase() as 'A3' } : {}),
        maskedIds: p.values['masked-id'] === true,
        stepId: optionalString(p, 'step') ?? null,
        phones: phonesOf(p.values.phone),
        font: noticeFont(optionalString(p, 'font')),
        issuer: optionalString(p, 'issuer') ?? null,
        basis: optionalString(p, 'basis') ?? null,
        provinceAverageFen: provinceAverage(optionalString(p, 'province-average')),
        registeredOnly: p.values['registered-only'] === true,
      },
    };
    // Said before the login, with the option that allows it (the core refuses it again).
    if (p.values.overwrite !== true && existsSync(out)) throw new UserError(`文件已存在：${out}。为免覆盖，没有生成；请换一个文件名，或加 --overwrite 覆盖它。`);
    return withArchive(requireString(p, 'db', usage), async (archive) => {
      // Ctrl+C stops between records and leaves no half-written file.
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once('SIGINT', stop);
      try {
        const r = await renderDocument(archive, req, { out, overwrite: p.values.overwrite === true }, { onProgress: progressPrinter(io, '生成中'), signal: controller.signal });
        for (const w of r.warnings ?? []) io.err(`注意：${w}`);
        for (const m of r.missingGlyphs) io.err(`注意：${m.where}“${m.text}”中的“${m.chars.join('')}”字库中没有，已留空“＿”，请打印后手写补上。`);
        emit(io, r, () => `已生成${r.title}：${r.file}（${r.pages === null ? `${r.sheets ?? 1} 个工作表` : `${r.pages} 页`}）`);
        return 0;
      } finally {
        process.off('SIGINT', stop);
      }
    });
  },
};
