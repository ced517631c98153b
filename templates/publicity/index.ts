// 公示 / 公告 for a workflow batch's step (DOMAIN.md "paper outputs" 1): title, body (basis,
// N户M人, the period, where to object, the supervision phone), the list, issuer, date and
// room for the seal. Only the official columns — 序号 / 村民小组 / 户主姓名 / 家庭人口数, plus
// the kind's category — and, on request, a masked ID column; never phones, bank accounts or
// health. Long lists print in two side-by-side column groups, as the official templates do.
import type { Writable } from 'node:stream';
import type { Block } from '../layout/blocks.ts';
import { drawBlocks } from '../layout/blocks-pdf.ts';
import { dateCn } from '../layout/format.ts';
import type { RenderResult } from '../layout/pdf.ts';
import { loadPdfkit, Pdf } from '../layout/pdf.ts';
import { uniqueSheetNames } from '../layout/sheet-name.ts';
import type { Column, Row } from '../layout/table.ts';
import { drawSideBySide, drawTable } from '../layout/table.ts';
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

export interface PublicityNotice {
  variant: 'publicity' | 'announcement';
  /** Where it is posted and whose list it is: a village, or the township. */
  place: string;
  kind: string;
  year: number;
  /** The kind's wording when it is not one of the known kinds (the batch's title). */
  fallbackSubject: string;
  basis: string | null;
  period: { start: string; end: string; days: number } | null;
  /** Who to object to, and who signs: 村民委员会 or 乡镇人民政府. */
  issuer: string;
  phone: string;
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
  process: string;
  basis: string;
}

const RELIEF = '根据扶贫开发建档立卡工作有关规定';
const MONITOR = '根据防止返贫动态监测和帮扶工作有关规定';
const APPLY = '经农户申请、村民代表大会民主评议、入户核实';
const CHECK = '经入户核实、信息比对、村民代表大会民主评议';

export const WORDING: Readonly<Record<string, Wording>> = {
  identification: { proposed: '拟识别建档立卡贫困户', decided: '建档立卡贫困户', process: APPLY, basis: RELIEF },
  edge: { proposed: '拟认定贫困边缘户', decided: '贫困边缘户', process: APPLY, basis: RELIEF },
  exit: { proposed: '拟脱贫退出贫困户', decided: '脱贫退出贫困户', process: '经村初选、民主评议、乡镇核查', basis: RELIEF },
  return: { proposed: '拟认定返贫户', decided: '返贫户', process: '经入户核实、村民代表大会民主评议', basis: RELIEF },
  monitoring: { proposed: '拟纳入防止返贫监测对象', decided: '防止返贫监测对象', process: CHECK, basis: MONITOR },
  'risk-removal': { proposed: '拟风险消除监测对象', decided: '风险消除监测对象', process: CHECK, basis: MONITOR },
};

function wording(n: PublicityNotice): Wording {
  return WORDING[n.kind] ?? { proposed: n.fallbackSubject, decided: n.fallbackSubject, process: '经民主评议、入户核实', basis: '根据有关规定' };
}

export function noticeTitle(n: PublicityNotice): string {
  const w = wording(n);
  return n.variant === 'announcement' ? `${n.place}${n.year}年${w.decided}名单公告` : `${n.place}${n.year}年${w.proposed}名单公示`;
}

export function noticeBody(n: PublicityNotice): string[] {
  const w = wording(n);
  const households = n.rows.length;
  const members = n.rows.reduce((s, r) => s + r.size, 0);
  const period = n.period ? `${dateCn(n.period.start)}至${dateCn(n.period.end)}（${n.period.days}天）` : `\u3000\u3000年\u3000\u3000月\u3000\u3000日至\u3000\u3000年\u3000\u3000月\u3000\u3000日`;
  const basis = n.basis ?? w.basis;
  const object = `如有异议，请在${n.variant === 'announcement' ? '公告' : '公示'}期内以书面、电话或当面方式向${n.issuer}反映，监督电话：${n.phone}。`;
  if (n.variant === 'announcement') {
    return [`${basis}，${w.process}，经公示无异议并审核审定，确定${n.place}${n.year}年${w.decided} ${households} 户 ${members} 人（名单附后），现予以公告。`, `公告期为${period}。${object}`];
  }
  return [`${basis}，${w.process}，现将${n.place}${n.year}年${w.proposed}名单予以公示，共 ${households} 户 ${members} 人（名单附后）。`, `公示期为${period}。${object}`];
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
  const cols: NoticeColumn[] = [{ label: '序号', weight: 24, width: 6, value: (_r, i) => i }];
  if (n.showVillage) cols.push({ label: '行政村', weight: 48, width: 12, value: (r) => r.village });
  cols.push(
    { label: '村民小组', weight: 44, width: 12, value: (r) => r.groupName ?? '' },
    { label: '户主姓名', weight: 44, width: 12, value: (r) => r.headName },
    { label: '家庭人口数', weight: 40, width: 11, value: (r) => r.size },
  );
  if (n.categoryLabel) cols.push({ label: n.categoryLabel, weight: 56, width: 16, value: (r) => r.category ?? '' });
  if (n.maskedIds) cols.push({ label: '身份证号码', weight: 96, width: 22, value: (r) => r.maskedId ?? '' });
  return cols;
}

/** Lists longer than this print in two side-by-side column groups (when the columns allow). */
const SIDE_BY_SIDE_FROM = 20;

function drawNotice(pdf: Pdf, n: PublicityNotice): void {
  const title = noticeTitle(n);
  pdf.where = title;
  pdf.newPage();
  const head: Block[] = [{ type: 'title', text: title }, ...noticeBody(n).map((text): Block => ({ type: 'paragraph', text, indent: true, size: 11.5 }))];
  drawBlocks(pdf, head, 10);
  pdf.y += 4;
  const columns = noticeColumns(n);
  const rows = n.rows.map((r, i): Row => ({ cells: columns.map((c) => String(c.value(r, i + 1))) }));
  const continued = (p: Pdf): void => {
    p.text(`${title}（续）`, p.left, p.y, { size: 10, width: p.width });
    p.y += 16;
  };
  // Two groups side by side only fit the narrow official columns (not the ID or village ones).
  if (rows.length > SIDE_BY_SIDE_FROM && !n.maskedIds && !n.showVillage) drawSideBySide(pdf, { columns, rows, sets: 2, size: 10, continued });
  else drawTable(pdf, { columns, groups: rows.map((r) => [r]), size: 10, continued });
  pdf.y += 3;
  drawBlocks(pdf, [{ type: 'paragraph', text: noticeNote(n), size: 9 }, { type: 'seal', issuer: n.issuer, date: n.issuedOn ? dateCn(n.issuedOn) : '　　　　年　　月　　日' }], 10);
}

export async function publicityPdf(model: PublicityModel, out: Writable): Promise<RenderResult> {
  await loadPdfkit();
  const pdf = new Pdf({ paper: 'A4', landscape: false, title: model.title, numbered: true, margins: { top: 50, bottom: 50, left: 50, right: 50 } }, out);
  // Each notice is posted on its own: its pages are numbered on their own.
  const starts: number[] = [];
  for (const n of model.notices) {
    starts.push(pdf.pages);
    drawNotice(pdf, n);
  }
  const ends = [...starts.slice(1), Infinity];
  return pdf.finish((i, count) => {
    const k = starts.findLastIndex((s) => s <= i);
    const first = starts[k]!;
    const pages = Math.min(ends[k]!, count) - first;
    return `第 ${i - first + 1} 页 共 ${pages} 页`;
  });
}

export async function publicityXlsx(model: PublicityModel, out: Writable): Promise<RenderResult> {
  const wb = await newWorkbook(model.title);
  const names = uniqueSheetNames();
  for (const n of model.notices) {
    const columns = noticeColumns(n);
    addTableSheet(wb, {
      name: names(`${n.place}${n.variant === 'announcement' ? '公告' : '公示'}`),
      title: noticeTitle(n),
      intro: noticeBody(n).map((p) => `\u3000\u3000${p}`).join('\n'),
      columns: columns.map((c) => ({ label: c.label, width: c.width })),
      groups: n.rows.map((r, i) => [columns.map((c) => c.value(r, i + 1))]),
      notes: [{ text: noticeNote(n) }, { text: n.issuer, align: 'right' }, { text: '（盖章）', align: 'right' }, { text: n.issuedOn ? dateCn(n.issuedOn) : '　　年　　月　　日', align: 'right' }],
      setup: { paper: 'A4', landscape: false },
    });
  }
  await writeWorkbook(wb, out);
  return { pages: null, sheets: model.notices.length, missingGlyphs: [] };
}
