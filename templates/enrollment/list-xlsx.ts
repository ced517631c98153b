// 入户登记表 of many households as a workbook: one list sheet — a row per member, the
// household's own cells merged down its rows — instead of a sheet per household (216 sheets
// for one village). IDs sit in a column wide enough for 18 digits on one line.
import type { Writable } from 'node:stream';
import type { RecordSource, RenderHooks } from '../layout/forms.ts';
import { CANCELLED_MESSAGE } from '../layout/forms.ts';
import { orBlank, yuanFigure } from '../layout/format.ts';
import type { HouseholdView } from '../layout/household.ts';
import { headOf, incomeOf, insurances, isMonitored, monthCn, welfareOf } from '../layout/household.ts';
import type { RenderResult } from '../layout/pdf.ts';
import type { SheetColumn } from '../layout/xlsx.ts';
import { addTableSheet, newWorkbook, writeWorkbook } from '../layout/xlsx.ts';
import { UserError } from '../../shared/errors.ts';
import type { EnrollmentDocument } from './index.ts';

const G = (label: string, width: number, align?: SheetColumn['align']): SheetColumn => ({ label, width, group: true, ...(align ? { align } : {}) });
const C = (label: string, width: number): SheetColumn => ({ label, width });

export const LIST_COLUMNS: readonly SheetColumn[] = [
  G('序号', 6),
  G('行政村', 10),
  G('村民小组', 10),
  G('户编号', 20),
  G('户类别', 10),
  G('家庭人口', 7),
  G('主要致贫原因', 10),
  G('人均纯收入（元）', 12, 'right'),
  G('监测对象类别', 12),
  G('识别监测时间', 11),
  G('风险是否消除', 8),
  C('成员序号', 6),
  C('姓名', 10),
  C('与户主关系', 9),
  C('性别', 5),
  // 18 digits on one line (Excel width units are about one digit each).
  C('身份证号码', 22),
  C('年龄', 5),
  C('文化程度', 9),
  C('健康状况', 12),
  C('劳动技能', 12),
  C('务工情况', 14),
  C('医保/大病/养老', 12),
  C('低保/特困', 9),
  G('帮扶责任人', 12),
];

function rowsOf(h: HouseholdView, n: number, year: number): (string | number | null)[][] {
  const income = incomeOf(h, year);
  const monitored = isMonitored(h);
  const removed = h.monitoring.riskRemoved == null ? '' : h.monitoring.riskRemoved ? '是' : '否';
  const household = [
    n,
    h.village,
    orBlank(h.groupName),
    h.no,
    h.statusLabel,
    h.members.length,
    orBlank(h.mainCause),
    income ? yuanFigure(income.totals.perCapitaFen) : '',
    orBlank(h.monitoringCategory),
    monitored ? monthCn(h.monitoring.start) : '',
    monitored ? removed : '',
  ];
  const helpers = h.helpers.map((p) => p.name).join('、');
  const members = h.members.length ? h.members : [null];
  const head = headOf(h);
  return members.map((m, i) => [
    ...household,
    ...(m
      ? [
          i + 1,
          m.name,
          m.relation,
          orBlank(m.gender),
          orBlank(m.idNumber),
          m.age ?? '',
          orBlank(m.education),
          m.health && m.disabilityGrade ? `${m.health}（${m.disabilityGrade}）` : orBlank(m.health),
          orBlank(m.labourAbility),
          m.workStatus && m.workMonths ? `${m.workStatus}（${m.workMonths}个月）` : orBlank(m.workStatus),
          insurances(m),
          welfareOf(m),
        ]
      : ['', head ? head.name : '无', '', '', '', '', '', '', '', '', '', '']),
    helpers,
  ]);
}

/** The households of a village, a batch or the township on one list sheet (A3 landscape). */
export async function enrollmentListXlsx(doc: EnrollmentDocument, title: string, source: RecordSource<HouseholdView>, out: Writable, hooks: RenderHooks = {}): Promise<RenderResult> {
  const wb = await newWorkbook(title);
  let n = 0;
  function* groups(): Generator<(string | number | null)[][]> {
    for (const h of source.records) {
      if (hooks.signal?.aborted) throw new UserError(CANCELLED_MESSAGE);
      n++;
      yield rowsOf(h, n, doc.year);
      hooks.onProgress?.(n, source.total);
    }
  }
  addTableSheet(wb, {
    name: '入户登记表',
    title,
    subtitle: `${doc.township} · 共 ${source.total} 户（每户成员逐行列出）`,
    columns: LIST_COLUMNS,
    groups: groups(),
    setup: { paper: 'A3', landscape: true },
  });
  await writeWorkbook(wb, out);
  return { pages: null, sheets: 1, missingGlyphs: [] };
}
