// 公示 / 公告 for a workflow batch's step (DOMAIN.md "paper outputs" 1): title and the step it
// is (第一次 / 第二次公示, 公告), body (basis, the steps done, N户M人, the period, where to
// object, 12317 and the local phones, the address), the list, issuer, date and room for the
// seal (PDF layout in pdf.ts). Only the official columns — 序号 / 村民小组 / 户主姓名 / 家庭人口数, plus
// the kind's category — and, on request, a masked ID column; never phones, bank accounts or
// health. Long lists print in two side-by-side column groups, as the official templates do.
import type { Writable } from 'node:stream';
import { dateCn } from '../layout/format.ts';
import type { RenderResult } from '../layout/pdf.ts';
import { uniqueSheetNames } from '../layout/sheet-name.ts';
import type { Column } from '../layout/table.ts';
import { addTableSheet, newWorkbook, writeWorkbook } from '../layout/xlsx.ts';

export interface PublicityRow {
  village: string;
  groupName: string | null;
  headName: string;
  size: number;
  category: string | null;
  /** As the core presented it for a public notice (110105********1234); present only when the column was asked for. */
  maskedId: string | null;
}

/** Which notice of the procedure: 村级公示 (第一次), 乡镇审核公示 (第二次), the one 村内公示 of a kind with one, or 公告. */
export type NoticeStage = 'first' | 'second' | 'only' | 'announcement';

export interface PublicityNotice {
  variant: 'publicity' | 'announcement';
  stage: NoticeStage;
  /** The step's own name (村级公示, 乡镇审核公示, 村内公示, 公告退出 …). */
  stepLabel: string;
  /** The step is not open yet: the sheet is a 草稿 (title mark and watermark). */
  draft: boolean;
  /** Where it is posted and whose list it is: a village, or the township. */
  place: string;
  kind: string;
  year: number;
  /** The kind's wording when it is not one of the known kinds (the batch's title). */
  fallbackSubject: string;
  /** The policy cited, by kind and year (or the clerk's). */
  basis: string;
  /** The steps actually completed before this one, as the body names them ("2026年11月15日村民代表大会民主评议"). */
  done: string[];
  period: { start: string; end: string; days: number } | null;
  /** Who to object to, and who signs: 村民委员会, 乡镇人民政府 or 县扶贫开发领导小组. */
  issuer: string;
  /** 12317 first, then the local numbers. */
  phones: string[];
  /** 投诉监督地址, if set. */
  address: string | null;
  /** 村委会电话 of a village's notice, if set. */
  villagePhone: string | null;
  /** The day it is posted; null leaves a blank to fill in. */
  issuedOn: string | null;
  /** Header of the category column (监测对象类别 …), or null when the kind has none. */
  categoryLabel: string | null;
  /** Add the 行政村 column (a township-wide list). */
  showVillage: boolean;
  /** Print the (masked) ID-number column. */
  maskedIds: boolean;
  rows: PublicityRow[];
}

export interface PublicityModel {
  title: string;
  notices: PublicityNotice[];
}

interface Wording {
  proposed: string;
  decided: string;
}

export const WORDING: Readonly<Record<string, Wording>> = {
  identification: { proposed: '拟识别建档立卡贫困户', decided: '建档立卡贫困户' },
  edge: { proposed: '拟认定贫困边缘户', decided: '贫困边缘户' },
  exit: { proposed: '拟脱贫退出贫困户', decided: '脱贫退出贫困户' },
  return: { proposed: '拟认定返贫户', decided: '返贫户' },
  monitoring: { proposed: '拟纳入防止返贫监测对象', decided: '防止返贫监测对象' },
  'risk-removal': { proposed: '拟风险消除监测对象', decided: '风险消除监测对象' },
};

function wording(n: PublicityNotice): Wording {
  return WORDING[n.kind] ?? { proposed: n.fallbackSubject, decided: n.fallbackSubject };
}

const STAGE_TITLE: Readonly<Record<NoticeStage, string>> = { first: '第一次公示', second: '第二次公示', only: '公示', announcement: '公告' };

/** "××村2026年拟认定贫困边缘户名单第一次公示", with （草稿） while its step is not open. */
export function noticeTitle(n: PublicityNotice): string {
  return noticeTitleParts(n).join('');
}

/** The title's phrases, where a long title may break: the place, the year's list, which notice. */
export function noticeTitleParts(n: PublicityNotice): string[] {
  const w = wording(n);
  const subject = n.variant === 'announcement' ? w.decided : w.proposed;
  return [n.place, `${n.year}年${subject}名单`, `${STAGE_TITLE[n.stage]}${n.draft ? '（草稿）' : ''}`];
}

/** The line under the title: which step of the procedure (（村级公示）, （乡镇审核公示）). */
export function noticeSubtitle(n: PublicityNotice): string | null {
  return n.variant === 'announcement' ? null : `（${n.stepLabel}）`;
}

const noticeWord = (n: PublicityNotice): string => (n.variant === 'announcement' ? '公告' : '公示');

/** Where to object and whom to call: 12317 and the local numbers, the address, the village committee. */
export function contactSentence(n: PublicityNotice): string {
  const parts = [`监督电话：${n.phones.join('、')}`];
  if (n.villagePhone) parts.push(`村委会电话：${n.villagePhone}`);
  if (n.address) parts.push(`投诉监督地址：${n.address}`);
  return `如有异议，请在${noticeWord(n)}期内以书面、电话或当面方式向${n.issuer}反映。${parts.join('；')}。`;
}

export function noticeBody(n: PublicityNotice): string[] {
  const w = wording(n);
  const households = n.rows.length;
  const members = n.rows.reduce((s, r) => s + r.size, 0);
  const period = n.period ? `${dateCn(n.period.start)}至${dateCn(n.period.end)}（${n.period.days}天）` : `\u3000\u3000年\u3000\u3000月\u3000\u3000日至\u3000\u3000年\u3000\u3000月\u3000\u3000日`;
  // Only the steps completed are named: a notice printed early claims nothing it cannot show.
  const done = n.done.length ? `经${n.done.join('、')}，` : '';
  const lead = `${n.basis}，${done}`;
  const word = noticeWord(n);
  if (n.variant === 'announcement') {
    return [`${lead}确定${n.place}${n.year}年${w.decided} ${households} 户 ${members} 人（名单附后），现予以公告。`, `公告期为${period}。${contactSentence(n)}`];
  }
  const which = n.stage === 'first' ? '进行第一次公示（村级公示）' : n.stage === 'second' ? '进行第二次公示（乡镇审核公示）' : '予以公示';
  return [`${lead}现将${n.place}${n.year}年${w.proposed}名单${which}，共 ${households} 户 ${members} 人（名单附后）。`, `${word}期为${period}。${contactSentence(n)}`];
}

export function noticeNote(n: PublicityNotice): string {
  return n.maskedIds
    ? '注：身份证号码已隐去中间数字；按照规定，不公开联系电话、银行账号、健康状况等个人信息。'
    : '注：按照规定，公示公告不公开身份证件号码、联系电话、银行账号、健康状况等个人信息。';
}

interface NoticeColumn extends Column {
  width: number;
  value: (r: PublicityRow, seq: number) => string | number;
}

export function noticeColumns(n: PublicityNotice): NoticeColumn[] {
  const cols: NoticeColumn[] = [{ label: '序号', weight: 22, width: 6, value: (_r, i) => i }];
  if (n.showVillage) cols.push({ label: '行政村', weight: 48, width: 12, value: (r) => r.village });
  cols.push(
    { label: '村民小组', weight: 44, width: 12, value: (r) => r.groupName ?? '' },
    { label: '户主姓名', weight: 42, width: 12, value: (r) => r.headName },
    // Wide enough for its header on one line in the two-group list.
    { label: '家庭人口数', weight: 50, width: 11, value: (r) => r.size },
  );
  if (n.categoryLabel) cols.push({ label: n.categoryLabel, weight: 56, width: 16, value: (r) => r.category ?? '' });
  if (n.maskedIds) cols.push({ label: '身份证号码', weight: 96, width: 22, value: (r) => r.maskedId ?? '' });
  return cols;
}

export async function publicityXlsx(model: PublicityModel, out: Writable): Promise<RenderResult> {
  const wb = await newWorkbook(model.title);
  const names = uniqueSheetNames();
  for (const n of model.notices) {
    const columns = noticeColumns(n);
    addTableSheet(wb, {
      name: names(`${n.place}${n.variant === 'announcement' ? '公告' : '公示'}`),
      title: noticeSubtitle(n) ? `${noticeTitle(n)}${noticeSubtitle(n)}` : noticeTitle(n),
      intro: noticeBody(n).map((p) => `\u3000\u3000${p}`).join('\n'),
      columns: columns.map((c) => ({ label: c.label, width: c.width })),
      groups: n.rows.map((r, i) => [columns.map((c) => c.value(r, i + 1))]),
      // Issuer, seal and date in one block: the date never goes to a page of its own.
      notes: [{ text: noticeNote(n) }, { text: `${n.issuer}（盖章）\n${n.issuedOn ? dateCn(n.issuedOn) : '　　年　　月　　日'}`, align: 'right' }],
      setup: { paper: 'A4', landscape: false },
    });
  }
  await writeWorkbook(wb, out);
  return { pages: null, sheets: model.notices.length, missingGlyphs: [] };
}

export { publicityPdf } from './pdf.ts';
