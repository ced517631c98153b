// 村花名册: the households of a village with their members, one row per member grouped by
// household (household cells merged down the group), A4 landscape, header repeated on every
// page, totals, "第 N 页 共 M 页"; the same table as a workbook.
import type { Writable } from 'node:stream';
import { dateCn, orBlank, yuanFigure } from '../layout/format.ts';
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
}

export interface RosterHousehold {
  no: string;
  groupName: string | null;
  statusLabel: string;
  attribute: string | null;
  mainCause: string | null;
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

function columns(model: RosterModel): RosterColumn[] {
  const hh = (label: string, weight: number, value: RosterColumn['value'], width = weight / 5): RosterColumn => ({ label, weight, width, value, group: true });
  const mm = (label: string, weight: number, pick: (m: RosterMember) => string, width = weight / 5): RosterColumn => ({ label, weight, width, value: (_h, m) => (m ? pick(m) : '') });
  return [
    hh('序号', 18, (_h, _m, seq) => String(seq), 5),
    hh('户编号', 66, (h) => h.no, 19),
    hh('村民小组', 32, (h) => orBlank(h.groupName), 9),
    hh('人数', 18, (h) => String(h.members.length), 5),
    hh('户类别', 44, (h) => h.statusLabel, 12),
    hh('贫困户属性', 52, (h) => orBlank(h.attribute), 13),
    hh('主要致贫原因', 36, (h) => orBlank(h.mainCause), 10),
    hh(`${model.year}年人均纯收入（元）`, 44, (h) => yuanFigure(h.perCapitaFen), 14),
    mm('姓名', 34, (m) => m.name, 10),
    mm('与户主关系', 26, (m) => m.relation, 9),
    mm('性别', 16, (m) => orBlank(m.gender), 5),
    mm('证件号码', 76, (m) => orBlank(m.idNumber), 21),
    mm('年龄', 18, (m) => orBlank(m.age), 5),
    mm('民族', 22, (m) => orBlank(m.ethnicity), 7),
    mm('文化程度', 46, (m) => orBlank(m.education), 12),
    mm('在校生状况', 44, (m) => orBlank(m.schoolStatus), 11),
    mm('健康状况', 40, (m) => orBlank(m.health), 10),
    mm('劳动技能', 68, (m) => orBlank(m.labourAbility), 18),
    mm('务工状况', 68, (m) => orBlank(m.workStatus), 18),
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

function subtitle(model: RosterModel): string {
  return `县（市、区）：${model.county}\u3000乡（镇）：${model.township}\u3000行政村：${model.village}（${model.villageCode}）\u3000年度：${model.year}\u3000打印日期：${dateCn(model.printedOn)}`;
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
    groups: model.households.map((h, i) => rowsOf(cols, h, i + 1).map((cells): Row => ({ cells }))),
    footer: [{ cells: cols.map((_, i) => (i === 0 ? '合计' : i === 1 ? `${model.totals.households} 户` : i === 3 ? String(model.totals.members) : '')), bold: true }],
    continued: (p) => {
      p.text(`${model.title}（续）`, p.left, p.y, { size: 9, width: p.width });
      p.y += 14;
    },
  });
  pdf.ensure(30);
  pdf.y += 6;
  pdf.text(`${total}。${byStatus}`, pdf.left, pdf.y, { size: 9, width: pdf.width });
  pdf.y += 28;
  pdf.text('填表人：　　　　　　　　　　　审核人：　　　　　　　　　　　村委会（盖章）', pdf.left, pdf.y, { size: 10, width: pdf.width });
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
    footer: [cols.map((_, i) => (i === 0 ? '合计' : i === 1 ? `${model.totals.households} 户` : i === 3 ? model.totals.members : null))],
    notes: [{ text: `${total}。${byStatus}` }, { text: '填表人：　　　　　　审核人：　　　　　　村委会（盖章）' }],
    setup: { paper: 'A4', landscape: true },
  });
  await writeWorkbook(wb, out);
  return { pages: null, sheets: 1, missingGlyphs: [] };
}
