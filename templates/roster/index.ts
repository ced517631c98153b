// 村花名册: the households of a village with their members, one row per member grouped by
// household (household cells merged down the group), A4 landscape, header repeated on every
// page, totals on one line, signatures with a date, "第 N 页 共 M 页"; the same table as a
// workbook on A3 landscape (23 columns fitted to an A4 width would print at ~6 pt).
import type { Writable } from 'node:stream';
import { dateCn, orBlank, yuanFigure } from '../layout/format.ts';
import { drawBlocks } from '../layout/blocks-pdf.ts';
import type { RenderResult } from '../layout/pdf.ts';
import { loadPdfkit, Pdf } from '../layout/pdf.ts';
import type { Column, Row } from '../layout/table.ts';
import { drawTable } from '../layout/table.ts';
import { addTableSheet, newWorkbook, writeWorkbook } from '../layout/xlsx.ts';

export interface RosterMember {
  name: string;
  relation: string;
  gender: string | null;
  idNumber: string | null;
  age: number | null;
  ethnicity: string | null;
  education: string | null;
  schoolStatus: string | null;
  health: string | null;
  labourAbility: string | null;
  workStatus: string | null;
  /** 低保 / 特困 / 低保、特困, or blank. */
  assistance: string;
}

export interface RosterHousehold {
  no: string;
  groupName: string | null;
  statusLabel: string;
  attribute: string | null;
  mainCause: string | null;
  identificationYear: number | null;
  exitYear: number | null;
  monitoringCategory: string | null;
  /** 帮扶责任人 on the printed day (names, 、-separated). */
  helpers: string;
  /** 人均纯收入 of the roster's year, when recorded. */
  perCapitaFen: number | null;
  members: RosterMember[];
}

export interface RosterModel {
  title: string;
  county: string;
  township: string;
  village: string;
  villageCode: string;
  year: number;
  printedOn: string;
  households: RosterHousehold[];
  totals: { households: number; members: number; byStatus: { label: string; households: number; members: number }[] };
}

interface RosterColumn extends Column {
  width: number;
  value: (h: RosterHousehold, m: RosterMember | undefined, seq: number) => string;
}

/** 识别年度/脱贫年度 as one cell: "2014/2019", "2016/—", "—/—" when neither is known. */
function years(h: RosterHousehold): string {
  if (h.identificationYear === null && h.exitYear === null) return '';
  return `${h.identificationYear ?? '—'}/${h.exitYear ?? '—'}`;
}

function columns(model: RosterModel): RosterColumn[] {
  const hh = (label: string, weight: number, value: RosterColumn['value'], width = weight / 5, more: Partial<Column> = {}): RosterColumn => ({ label, weight, width, value, group: true, ...more });
  const mm = (label: string, weight: number, pick: (m: RosterMember) => string, width = weight / 5, more: Partial<Column> = {}): RosterColumn => ({ label, weight, width, value: (_h, m) => (m ? pick(m) : ''), ...more });
  // Numbers that must stay on one line (户编号, ID numbers, counts) shrink before they wrap.
  const oneLine = { shrinkTo: 5 };
  return [
    hh('序号', 20, (_h, _m, seq) => String(seq), 5, oneLine),
    hh('户编号', 62, (h) => h.no, 19, oneLine),
    hh('村民小组', 32, (h) => orBlank(h.groupName), 9),
    hh('人数', 18, (h) => String(h.members.length), 5, oneLine),
    hh('户类别', 36, (h) => h.statusLabel, 11),
    hh('贫困户属性', 40, (h) => orBlank(h.attribute), 12),
    hh('主要致贫原因', 32, (h) => orBlank(h.mainCause), 10),
    hh('识别年度/脱贫年度', 32, years, 11, oneLine),
    hh('监测对象类别', 40, (h) => orBlank(h.monitoringCategory), 12),
    hh(`${model.year}年人均纯收入（元）`, 38, (h) => yuanFigure(h.perCapitaFen), 12, oneLine),
    hh('帮扶责任人', 34, (h) => h.helpers, 10),
    mm('姓名', 34, (m) => m.name, 10),
    mm('与户主关系', 26, (m) => m.relation, 8, { shrinkTo: 6 }),
    mm('性别', 14, (m) => orBlank(m.gender), 4),
    mm('证件号码', 72, (m) => orBlank(m.idNumber), 21, oneLine),
    mm('年龄', 16, (m) => orBlank(m.age), 5),
    mm('民族', 20, (m) => orBlank(m.ethnicity), 6),
    mm('文化程度', 36, (m) => orBlank(m.education), 11),
    mm('在校生状况', 36, (m) => orBlank(m.schoolStatus), 11),
    mm('健康状况', 32, (m) => orBlank(m.health), 9),
    mm('劳动技能', 44, (m) => orBlank(m.labourAbility), 14),
    mm('务工状况', 44, (m) => orBlank(m.workStatus), 14),
    mm('低保/特困', 26, (m) => m.assistance, 8),
  ];
}

function rowsOf(cols: readonly RosterColumn[], h: RosterHousehold, seq: number): string[][] {
  const members = h.members.length ? h.members : [undefined];
  return members.map((m) => cols.map((c) => c.value(h, m, seq)));
}

function totalsLine(model: RosterModel): string[] {
  const { totals } = model;
  const parts = totals.byStatus.filter((s) => s.households > 0).map((s) => `${s.label} ${s.households} 户 ${s.members} 人`);
  return [`合计 ${totals.households} 户 ${totals.members} 人`, parts.length ? `其中：${parts.join('；')}` : ''];
}

const SIGNERS = ['填表人：', '审核人：', '村委会（盖章）：'];

function subtitle(model: RosterModel): string {
  return `县（市、区）：${model.county}\u3000乡（镇）：${model.township}\u3000行政村：${model.village}（${model.villageCode}）\u3000年度：${model.year}\u3000打印日期：${dateCn(model.printedOn)}`;
}

/** "观音村 户编号 …（户主 张三）", as the household forms report it. */
function rosterWhere(model: RosterModel, h: RosterHousehold): string {
  return `${model.village} 户编号 ${h.no}（户主 ${(h.members.find((m) => m.relation === '户主') ?? h.members[0])?.name ?? '未填写'}）`;
}

export async function rosterPdf(model: RosterModel, out: Writable): Promise<RenderResult> {
  await loadPdfkit();
  const pdf = new Pdf({ paper: 'A4', landscape: true, title: model.title, numbered: true, margins: { top: 36, bottom: 40, left: 28, right: 28 } }, out);
  const cols = columns(model);
  pdf.newPage();
  pdf.text(model.title, pdf.left, pdf.y, { size: 16, width: pdf.width, align: 'center', bold: true });
  pdf.y += 24;
  pdf.text(subtitle(model), pdf.left, pdf.y, { size: 9, width: pdf.width });
  pdf.y += 15;
  const [total, byStatus] = totalsLine(model);
  drawTable(pdf, {
    columns: cols,
    size: 7,
    groups: model.households.map((h, i) => rowsOf(cols, h, i + 1).map((cells): Row => ({ cells, where: rosterWhere(model, h) }))),
    footer: [{ cells: cols.map((_, i) => (i === 1 ? `合计 ${model.totals.households} 户` : i === 3 ? String(model.totals.members) : '')), bold: true, shrinkTo: 5 }],
    continued: (p) => {
      p.text(`${model.title}（续）`, p.left, p.y, { size: 9, width: p.width });
      p.y += 14;
    },
  });
  const summary = `${total}。${byStatus}`;
  const h = pdf.heightOf(summary, pdf.width, 9);
  // The totals in words and the signatures stay together.
  pdf.ensure(h + 60);
  pdf.y += 6;
  pdf.text(summary, pdf.left, pdf.y, { size: 9, width: pdf.width });
  pdf.y += h + 4;
  drawBlocks(pdf, [{ type: 'signatures', items: SIGNERS, dated: true }], 10);
  return pdf.finish();
}

export async function rosterXlsx(model: RosterModel, out: Writable): Promise<RenderResult> {
  const wb = await newWorkbook(model.title);
  const cols = columns(model);
  const [total, byStatus] = totalsLine(model);
  addTableSheet(wb, {
    name: `${model.village}花名册`,
    title: model.title,
    subtitle: subtitle(model),
    columns: cols.map((c) => ({ label: c.label, width: c.width, ...(c.group ? { group: true } : {}) })),
    groups: model.households.map((h, i) => rowsOf(cols, h, i + 1)),
    footer: [cols.map((_, i) => (i === 1 ? `合计 ${model.totals.households} 户` : i === 3 ? model.totals.members : null))],
    notes: [{ text: `${total}。${byStatus}` }, { text: `${SIGNERS.map((s) => `${s}${'\u3000'.repeat(6)}`).join('')}日期：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日` }],
    setup: { paper: 'A3', landscape: true },
  });
  await writeWorkbook(wb, out);
  return { pages: null, sheets: 1, missingGlyphs: [] };
}
