// 部门筛查预警: the departments whose lists are matched against the archive, the columns each
// list carries (matched by label with aliases, as the roster import matches its columns), how a
// list is recognised from its title or header, and the reason and figures a hit carries.
// Pure data and text: the core reads the workbook, the renderer shows the department list.
import { formatYuan, yuanToFen } from '../money.ts';

export const DEPARTMENTS = ['medical', 'civil', 'disability', 'education', 'police', 'hrss', 'housing', 'emergency', 'market', 'vehicle', 'payroll'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** One column of a department's list beyond the person's name, ID number and birth date. */
export interface DeptColumn {
  key: string;
  label: string;
  aliases: readonly string[];
  kind: 'text' | 'money' | 'date';
}

export interface DepartmentDef {
  key: Department;
  /** As the clerk says it: 医保, 民政 … */
  label: string;
  /** Words in a title, sheet name or header that say the list is this department's. */
  words: readonly string[];
  columns: readonly DeptColumn[];
  /** A hit needs a value in one of these columns (e.g. 医保: the amount paid by the person). */
  needs: readonly string[];
  /** The reason text and figures of a hit, from the row's values by column key. */
  reason(v: Readonly<Record<string, string>>, opts: ReasonOptions): Reason | null;
}

export interface ReasonOptions {
  /** 医保: the out-of-pocket amount above which a person is flagged (fen). */
  medicalThresholdFen: number;
}

export interface Reason {
  text: string;
  /** The figures behind it, label → value as written for the clerk (e.g. 合规自付: 12,345.00 元). */
  figures: Record<string, string>;
}

/** A common default: 10,000 元 a year paid by the person (provinces set their own). */
export const DEFAULT_MEDICAL_THRESHOLD_FEN = 1_000_000;

const text = (key: string, label: string, aliases: readonly string[] = []): DeptColumn => ({ key, label, aliases, kind: 'text' });
const money = (key: string, label: string, aliases: readonly string[] = []): DeptColumn => ({ key, label, aliases, kind: 'money' });
const date = (key: string, label: string, aliases: readonly string[] = []): DeptColumn => ({ key, label, aliases, kind: 'date' });

/** An amount as written in a list (“12,345.6”, “12345元”) in fen; null when it is not one. */
export function amountFen(s: string | undefined): number | null {
  if (!s?.trim()) return null;
  try {
    const f = yuanToFen(s);
    return f >= 0 ? f : null;
  } catch {
    return null;
  }
}

const yuan = (s: string | undefined): string => {
  const f = amountFen(s);
  return f == null ? (s ?? '') : `${formatYuan(f)} 元`;
};

/** Only the figures that have a value. */
function figures(pairs: readonly (readonly [string, string | undefined])[]): Record<string, string> {
  return Object.fromEntries(pairs.filter(([, v]) => v != null && v.trim() !== '').map(([k, v]) => [k, v!.trim()]));
}

const join = (...parts: (string | undefined)[]): string => parts.filter((p) => p && p.trim()).join(' ');

export const DEPARTMENT_DEFS: Readonly<Record<Department, DepartmentDef>> = {
  medical: {
    key: 'medical',
    label: '医保',
    words: ['医保', '医疗保障', '医疗费用', '自付'],
    columns: [
      money('selfPaid', '合规自付金额', ['合规自付', '政策范围内自付', '个人自付金额', '个人自付', '自付金额', '自付费用', '个人负担金额']),
      money('total', '医疗总费用', ['总费用', '医疗费用总额', '住院总费用']),
      text('period', '统计期间', ['年度', '结算年度', '就诊年度', '结算期间']),
      text('disease', '疾病名称', ['病种', '诊断']),
    ],
    needs: ['selfPaid'],
    reason(v, o) {
      const paid = amountFen(v['selfPaid']);
      if (paid == null || paid <= o.medicalThresholdFen) return null;
      return {
        text: `医保：自付 ${formatYuan(paid)} 元 超过 阈值 ${formatYuan(o.medicalThresholdFen)} 元`,
        figures: figures([
          ['合规自付', yuan(v['selfPaid'])],
          ['阈值', `${formatYuan(o.medicalThresholdFen)} 元`],
          ['医疗总费用', v['total'] ? yuan(v['total']) : undefined],
          ['统计期间', v['period']],
        ]),
      };
    },
  },
  civil: {
    key: 'civil',
    label: '民政',
    words: ['民政', '低保', '特困', '临时救助', '社会救助'],
    columns: [
      text('aid', '救助类别', ['救助类型', '保障类别', '类别', '救助项目']),
      money('amount', '救助金额', ['保障金额', '月保障金', '发放金额']),
      date('since', '纳入时间', ['救助时间', '审批时间', '救助日期', '批准日期']),
    ],
    needs: ['aid'],
    reason: (v) => ({
      text: `民政：${v['aid']}${v['amount'] ? ` ${yuan(v['amount'])}` : ''}${v['since'] ? `（${v['since']}）` : ''}`,
      figures: figures([
        ['救助类别', v['aid']],
        ['救助金额', v['amount'] ? yuan(v['amount']) : undefined],
        ['纳入时间', v['since']],
      ]),
    }),
  },
  disability: {
    key: 'disability',
    label: '残联',
    words: ['残联', '残疾人'],
    columns: [text('type', '残疾类别', ['残疾类型']), text('grade', '残疾等级', ['残疾级别', '等级']), date('since', '发证日期', ['办证日期', '持证日期'])],
    needs: ['grade', 'type'],
    reason: (v) => ({
      text: `残联：${join(v['type'], v['grade']) || '持证残疾人'}`,
      figures: figures([
        ['残疾类别', v['type']],
        ['残疾等级', v['grade']],
        ['发证日期', v['since']],
      ]),
    }),
  },
  education: {
    key: 'education',
    label: '教育',
    words: ['教育', '学籍', '辍学', '控辍保学', '学生'],
    columns: [text('state', '学籍状态', ['在校情况', '就学状态', '学生状态', '辍学情况']), text('school', '学校名称', ['学校', '就读学校']), text('grade', '年级', ['就读年级'])],
    needs: ['state'],
    reason: (v) => ({
      text: `教育：${v['state']}${v['school'] || v['grade'] ? `（${join(v['school'], v['grade'])}）` : ''}`,
      figures: figures([
        ['学籍状态', v['state']],
        ['学校', v['school']],
        ['年级', v['grade']],
      ]),
    }),
  },
  police: {
    key: 'police',
    label: '公安',
    words: ['公安', '户籍', '死亡', '迁出', '户口'],
    columns: [text('change', '变动类型', ['变动情况', '户籍变动', '注销原因', '变动原因']), date('on', '变动日期', ['注销日期', '死亡日期', '迁出日期', '变动时间']), text('to', '迁往地', ['迁往地址', '迁入地'])],
    needs: ['change'],
    reason: (v) => ({
      text: `公安：${v['change']}${v['on'] ? ` ${v['on']}` : ''}${v['to'] ? `（迁往${v['to']}）` : ''}`,
      figures: figures([
        ['变动类型', v['change']],
        ['变动日期', v['on']],
        ['迁往地', v['to']],
      ]),
    }),
  },
  hrss: {
    key: 'hrss',
    label: '人社',
    words: ['人社', '人力资源', '社会保障局', '就业', '养老金', '失业'],
    columns: [text('employment', '就业状态', ['就业情况', '失业登记', '就业失业状态']), money('pension', '养老金月额', ['月养老金', '养老金', '领取金额']), text('employer', '就业单位', ['工作单位', '用工单位'])],
    needs: ['employment', 'pension'],
    reason: (v) => ({
      text: `人社：${join(v['employment'], v['pension'] ? `养老金 ${yuan(v['pension'])}/月` : undefined)}`,
      figures: figures([
        ['就业状态', v['employment']],
        ['养老金月额', v['pension'] ? yuan(v['pension']) : undefined],
        ['就业单位', v['employer']],
      ]),
    }),
  },
  housing: {
    key: 'housing',
    label: '住建',
    words: ['住建', '住房和城乡建设', '危房', '农房'],
    columns: [text('grade', '危房等级', ['鉴定等级', '房屋等级', '安全等级']), date('on', '鉴定日期', ['鉴定时间'])],
    needs: ['grade'],
    reason: (v) => ({
      text: `住建：危房 ${v['grade']}${v['on'] ? `（${v['on']} 鉴定）` : ''}`,
      figures: figures([
        ['危房等级', v['grade']],
        ['鉴定日期', v['on']],
      ]),
    }),
  },
  emergency: {
    key: 'emergency',
    label: '应急',
    words: ['应急', '受灾', '灾害', '灾情'],
    columns: [text('disaster', '灾害类型', ['受灾类型', '灾种']), date('on', '受灾日期', ['受灾时间', '灾害日期']), money('loss', '损失金额', ['直接经济损失', '经济损失'])],
    needs: ['disaster', 'loss'],
    reason: (v) => ({
      text: `应急：受灾${v['disaster'] ? `（${v['disaster']}）` : ''}${v['loss'] ? ` 损失 ${yuan(v['loss'])}` : ''}`,
      figures: figures([
        ['灾害类型', v['disaster']],
        ['受灾日期', v['on']],
        ['损失金额', v['loss'] ? yuan(v['loss']) : undefined],
      ]),
    }),
  },
  market: {
    key: 'market',
    label: '市场监管',
    words: ['市场监管', '市场监督', '经营主体', '市场主体', '工商'],
    columns: [text('business', '经营主体名称', ['主体名称', '企业名称', '字号名称']), text('type', '主体类型', ['企业类型', '类型']), money('capital', '注册资本', ['出资额', '注册资金'])],
    needs: ['business'],
    reason: (v) => ({
      text: `市场监管：登记经营主体 ${v['business']}${v['type'] ? `（${v['type']}）` : ''}`,
      figures: figures([
        ['经营主体', v['business']],
        ['主体类型', v['type']],
        ['注册资本', v['capital'] ? yuan(v['capital']) : undefined],
      ]),
    }),
  },
  vehicle: {
    key: 'vehicle',
    label: '车辆',
    words: ['车辆', '机动车', '车管'],
    columns: [text('type', '车辆类型', ['车型', '机动车类型']), text('plate', '号牌号码', ['车牌号', '车牌号码']), money('price', '购置价格', ['车辆价格', '购车价格'])],
    needs: ['type', 'plate'],
    reason: (v) => ({
      text: `车辆：登记${v['type'] || '机动车'}${v['price'] ? ` 购置价 ${yuan(v['price'])}` : ''}`,
      figures: figures([
        ['车辆类型', v['type']],
        ['号牌号码', v['plate']],
        ['购置价格', v['price'] ? yuan(v['price']) : undefined],
      ]),
    }),
  },
  payroll: {
    key: 'payroll',
    label: '财政供养人员',
    words: ['财政供养', '财政'],
    columns: [text('unit', '供养单位', ['工作单位', '单位名称']), text('post', '职务', ['岗位', '人员类别'])],
    needs: ['unit'],
    reason: (v) => ({
      text: `财政供养人员：${join(v['unit'], v['post'])}`,
      figures: figures([
        ['单位', v['unit']],
        ['职务', v['post']],
      ]),
    }),
  },
};

/** 医保 → 'medical' (also the key itself, and 财政供养 for 财政供养人员). */
export function departmentFrom(s: string): Department | null {
  const t = s.trim();
  for (const d of DEPARTMENTS) {
    const def = DEPARTMENT_DEFS[d];
    if (t === d || t === def.label || (d === 'payroll' && t === '财政供养')) return d;
  }
  return null;
}

export const ALERT_STATUSES = ['pending', 'monitor', 'no_risk', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ALERT_STATUS_LABELS: Readonly<Record<AlertStatus, string>> = {
  pending: '待核实',
  monitor: '已核实-纳入监测',
  no_risk: '已核实-无风险',
  dismissed: '已排除',
};

/** Days a hit may wait for its 核实 from the day the list was imported. */
export const ALERT_DUE_DAYS = 15;
