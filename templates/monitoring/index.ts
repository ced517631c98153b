// The two papers of 防返贫监测 identification (2021+; FIELDS-REFERENCE §1.1 and §2.6): the
// 监测对象信息采集表 — 户基本信息, 家庭成员, 风险类型, 收入支出, 采集人 — and the 承诺授权书
// the household signs before the 信息比对 (every adult member signs or puts a fingerprint).
// One household per form; a village's or a batch's in one streamed PDF (templates/layout/forms.ts).
import { MONITORING_CATEGORY, RISK } from '../../shared/code-lists/monitoring.ts';
import type { IncomeComponents } from '../../shared/income.ts';
import { INCOME_LABELS } from '../../shared/income.ts';
import type { Block, Cell, FormPage, Options } from '../layout/blocks.ts';
import { yesNo } from '../layout/blocks.ts';
import type { FormBatch } from '../layout/forms.ts';
import { dateCn, orBlank, yuanFigure } from '../layout/format.ts';
import type { HouseholdView, MemberView } from '../layout/household.ts';
import { headOf, helpersTable, householdMeta, householdWhere, incomeOf, measuresTable, membersTable, monthCn, noneRow, outOfSchoolChildren } from '../layout/household.ts';

export interface MonitoringFormsDocument {
  township: string;
  year: number;
  printedOn: string;
}

const L = (text: string, span = 1): Cell => ({ text, label: true, span });
const V = (text: string | number | null | undefined, span = 1): Cell => ({ text: orBlank(text), span });
const O = (options: Options, span = 1): Cell => ({ options, span });
const pick = (options: readonly string[], ...chosen: (string | null | undefined)[]): Options => ({ options, chosen: chosen.filter((c): c is string => !!c) });
const labels = (list: { entries: readonly { label: string }[] }): string[] => list.entries.map((e) => e.label);
const SIX = [3, 5, 3, 5, 3, 5];

/** Sources of a monitoring object (发现途径): the collector ticks one by hand. */
export const INTAKE_SOURCES = ['农户自主申报', '干部排查', '部门筛查预警'];
export const HOUSEHOLD_TYPES = ['脱贫户', '一般农户'];

function householdBasics(h: HouseholdView): Block[] {
  const head = headOf(h);
  return [
    { type: 'section', text: '一、户基本信息' },
    {
      type: 'grid',
      columns: SIX,
      rows: [
        [L('户主姓名'), V(head?.name), L('身份证号码'), V(head?.idNumber, 3)],
        [L('家庭住址'), V(h.address, 3), L('联系电话'), V(h.phone)],
        [L('家庭人口'), V(`${h.members.length} 人`), L('户类型'), O(pick(HOUSEHOLD_TYPES, h.householdType)), L('识别监测时间'), V(monthCn(h.monitoring.start))],
        [L('监测对象类别'), O(pick(labels(MONITORING_CATEGORY), h.monitoringCategory), 5)],
        [L('发现途径'), O({ options: INTAKE_SOURCES, chosen: [] }, 5)],
      ],
    },
  ];
}

const anyMember = (h: HouseholdView, test: (m: MemberView) => boolean): boolean | null => (h.members.length ? h.members.some(test) : null);

function risks(h: HouseholdView): Block[] {
  const uninsured = anyMember(h, (m) => m.medicalInsurance === false);
  const dropout = h.members.length ? outOfSchoolChildren(h).length > 0 : null;
  const unsafeHouse = h.living.housingSafety ? h.living.housingSafety !== '安全' : null;
  const unsafeWater = h.living.drinkingWaterSafe == null ? null : !h.living.drinkingWaterSafe;
  const removal = [h.monitoring.removalMethod, h.monitoring.end ? monthCn(h.monitoring.end) : null].filter(Boolean).join(' ');
  return [
    { type: 'section', text: '三、风险类型（致贫返贫风险，可多选）' },
    {
      type: 'grid',
      columns: SIX,
      rows: [
        [L('风险类型'), O(pick(labels(RISK), ...h.risks), 5)],
        [L('有成员未参加基本医保'), O(yesNo(uninsured)), L('义务教育阶段失学辍学'), O(yesNo(dropout)), L('住房出现安全问题'), O(yesNo(unsafeHouse))],
        [L('饮水出现安全问题'), O(yesNo(unsafeWater)), L('风险是否消除'), O(yesNo(h.monitoring.riskRemoved)), L('消除方式及时间'), V(removal)],
      ],
    },
  ];
}

function incomeAndSpending(h: HouseholdView, year: number): Block[] {
  const income = incomeOf(h, year);
  const c = (k: keyof IncomeComponents): string => yuanFigure(income?.components[k]);
  const line = income?.monitoringLineFen;
  const rows: Cell[][] = income
    ? [
        [L(INCOME_LABELS.wageFen), V(c('wageFen')), L(INCOME_LABELS.businessFen), V(c('businessFen')), L(INCOME_LABELS.propertyFen), V(c('propertyFen'))],
        [L('转移性收入'), V(yuanFigure(income.totals.transferFen)), L(INCOME_LABELS.businessExpenseFen), V(c('businessExpenseFen')), L('家庭纯收入'), V(yuanFigure(income.totals.netFen))],
        [L('年度家庭人口'), V(`${income.householdSize} 人`), L('人均纯收入'), V(yuanFigure(income.totals.perCapitaFen)), L('合规自付支出'), V(income.medicalOutOfPocketFen == null ? '' : yuanFigure(income.medicalOutOfPocketFen))],
        [L('监测范围'), V(line ? `人均纯收入 ${yuanFigure(line)} 元以下` : '', 3), L('其他刚性支出'), V('')],
      ]
    : [
        [L('收入记录'), V('无（档案中没有本年度收入记录，请入户核实后填写）', 5)],
        [L('合规自付支出'), V(''), L('其他刚性支出'), V(''), L('人均纯收入'), V('')],
      ];
  return [
    { type: 'section', text: `四、${year}年家庭收入支出情况（元）` },
    { type: 'grid', columns: SIX, rows },
  ];
}

export function intakePage(doc: MonitoringFormsDocument, h: HouseholdView): FormPage {
  return {
    where: householdWhere(h),
    blocks: [
      { type: 'title', text: `${doc.township}防止返贫监测对象信息采集表`, subtitle: `（${doc.year}年度）` },
      householdMeta(h),
      ...householdBasics(h),
      { type: 'section', text: '二、家庭成员' },
      membersTable(h.members, { welfare: true }),
      ...risks(h),
      ...incomeAndSpending(h, doc.year),
      { type: 'section', text: '五、帮扶责任人及帮扶措施' },
      helpersTable(h.helpers),
      measuresTable(h.measures.filter((m) => m.year >= doc.year - 1)),
      { type: 'section', text: '六、信息采集' },
      { type: 'grid', columns: SIX, rows: [[L('信息采集人'), V(''), L('采集人联系电话'), V(''), L('采集日期'), V('　　年　　月　　日')]] },
      { type: 'signatures', items: ['信息采集人（签字）：', '户主（签字或捺印）：'], dated: true },
    ],
  };
}

/** Adults sign for themselves; a minor is signed for by the guardian. */
const ADULT = 18;

export const PROMISE = [
  '本人及共同生活的家庭成员自愿申请纳入防止返贫监测对象（或接受监测帮扶），郑重承诺：',
  '一、所填报的家庭成员、收入、财产、支出等信息真实、完整、准确，无隐瞒、虚报、漏报；如有不实，愿意承担相应责任，并退回因此享受的帮扶资金和物资。',
  '二、家庭成员、收入、财产、住房、就业等情况发生变化时，及时向村民委员会报告。',
  '同时授权：县乡两级乡村振兴（农业农村）部门及民政、公安、人力资源社会保障、自然资源、住房城乡建设、市场监管、税务、医疗保障、金融等有关部门和机构，查询、核对本人及共同生活家庭成员的收入、财产（存款、车辆、住房、工商登记等）、就业和社会保障等信息，用于防止返贫监测对象的识别、帮扶和风险消除认定。',
];

function signingTable(h: HouseholdView): Block {
  const rows = h.members.map((m, i) => {
    const minor = m.age !== null && m.age < ADULT;
    // Two lines high: room for a signature and a fingerprint.
    return [String(i + 1), m.name, m.relation, orBlank(m.idNumber), minor ? '未成年，由监护人代签' : '\u3000\n\u3000', ''];
  });
  return {
    type: 'table',
    columns: [
      { label: '序号', width: 2 },
      { label: '姓名', width: 3 },
      { label: '与户主关系', width: 2 },
      { label: '身份证号码', width: 6 },
      { label: '本人签字（按手印）', width: 7 },
      { label: '日期', width: 4 },
    ],
    rows: rows.length ? rows : [noneRow(6)],
  };
}

export function consentPage(doc: MonitoringFormsDocument, h: HouseholdView): FormPage {
  const head = headOf(h);
  return {
    where: householdWhere(h),
    blocks: [
      { type: 'title', text: '防止返贫监测对象承诺授权书', subtitle: `（${doc.township} · ${doc.year}年度）` },
      householdMeta(h),
      {
        type: 'grid',
        columns: SIX,
        rows: [
          [L('户主姓名'), V(head?.name), L('家庭人口'), V(`${h.members.length} 人`), L('联系电话'), V(h.phone)],
          [L('家庭住址'), V(h.address, 5)],
        ],
      },
      { type: 'gap', lines: 1 },
      ...PROMISE.map((text): Block => ({ type: 'paragraph', text, indent: true, size: 11 })),
      { type: 'section', text: '家庭成员签字（年满18周岁的成员本人签字或按手印）' },
      signingTable(h),
      { type: 'signatures', items: ['承诺人（户主）：', '见证人（村“两委”）：'], dated: true },
    ],
  };
}

export function intakeBatch(doc: MonitoringFormsDocument): FormBatch<HouseholdView> {
  const title = `${doc.township}防止返贫监测对象信息采集表（${doc.year}年度）`;
  return {
    title,
    size: 8,
    page: (h) => intakePage(doc, h),
    sheetName: (h) => `${h.no}${headOf(h)?.name ?? ''}`,
    footer: (i, total) => `${title} · 第 ${i} 户 共 ${total} 户`,
    pageFooter: { key: (h) => h.no, line: (p) => `户编号 ${p.key} · 本户第 ${p.recordPage} 页 共 ${p.recordPages} 页 · 第 ${p.page} 页 共 ${p.pages} 页 · 打印日期 ${dateCn(doc.printedOn)}` },
  };
}

export function consentBatch(doc: MonitoringFormsDocument): FormBatch<HouseholdView> {
  return {
    title: `${doc.township}防止返贫监测对象承诺授权书（${doc.year}年度）`,
    size: 9.5,
    page: (h) => consentPage(doc, h),
    sheetName: (h) => `${h.no}${headOf(h)?.name ?? ''}`,
    footer: (i, total) => `承诺授权书 · 第 ${i} 户 共 ${total} 户`,
    pageFooter: { key: (h) => h.no, line: (p) => `户编号 ${p.key} · 本户第 ${p.recordPage} 页 共 ${p.recordPages} 页 · 第 ${p.page} 页 共 ${p.pages} 页` },
  };
}
