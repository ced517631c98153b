// 规范性: values in the national value lists and formats (FIELDS-REFERENCE §2): a label
// outside its list (an import keeps unknown labels with a warning), phone numbers, months and
// dates, names, and formula-like texts an import let in.
import { CODE_LISTS, matchCode } from '../../code-lists/index.ts';
import type { CodeCategory } from '../../code-lists/index.ts';
import { isIsoDate } from '../../dates.ts';
import { HOUSEHOLD_FIELDS, MEMBER_FIELDS } from '../../fields/index.ts';
import type { FieldDef } from '../../fields/index.ts';
import type { HouseholdValues, MemberValues } from '../../fields/values.ts';
import { blank, currentMembers, memberFinding, who, yearOf } from '../facts.ts';
import type { Finding, Rule } from '../types.ts';
import { anyMemberRule, householdRule, memberRule, rowRule } from './make.ts';

const FR = 'FIELDS-REFERENCE.md';
const SECTION: Partial<Record<CodeCategory, string>> = {
  relation: '§2.2 AAB006', ethnicity: '§2.2 AAB007', education: '§2.2 AAB008', schoolStatus: '§2.2 AAB009', health: '§2.2 AAB017',
  labourAbility: '§2.2 AAB010', workStatus: '§2.2 AAB011', politicalStatus: '§2.2 AAK033', leftReason: '§2.2 人员变更',
  attribute: '§2.5 贫困户属性', cause: '§2.5 致贫原因', identificationStandard: '§2.5 识别标准', householdType: '§2.1 户类型',
  monitoringCategory: '§2.6 监测对象类别', risk: '§2.6 致贫/返贫风险', riskRemovalMethod: '§2.6 风险消除方式',
  housingSafety: '§2.4 危房级别', roadType: '§2.4 入户路类型', fuelType: '§2.4 主要燃料类型', measureCategory: '§2.6 帮扶措施类别',
};

// Whether a stored value is a label of its list (aliases are stored as the label by every
// input). matchCode normalizes the text (several regex passes); an archive holds a few dozen
// distinct values per list, so the answer is kept per (list, value): the ~20 list rules ask it
// for every member and household. A list's map is emptied if odd values ever fill it up.
const LIST_MEMO_MAX = 4096;
const listMemo = new Map<CodeCategory, Map<string, boolean>>();
function inList(category: CodeCategory, v: string): boolean {
  let memo = listMemo.get(category);
  if (memo === undefined) listMemo.set(category, (memo = new Map<string, boolean>()));
  let ok = memo.get(v);
  if (ok === undefined) {
    ok = matchCode(category, v)?.label === v.trim();
    if (memo.size >= LIST_MEMO_MAX) memo.clear();
    memo.set(v, ok);
  }
  return ok;
}

function listHead(code: string, category: CodeCategory, label: string) {
  return {
    code, severity: 'warning' as const, category: 'format' as const, title: `${label}不在值列表中`,
    hint: `按《${CODE_LISTS[category].title}》值列表重新选择`, source: `${FR} ${SECTION[category] ?? '§2'}`,
  };
}

function memberList(code: string, key: keyof MemberValues, category: CodeCategory, label: string): Rule {
  return memberRule({
    ...listHead(code, category, label), field: key,
    test(m) {
      const v = m[key];
      return typeof v === 'string' && !blank(v) && !inList(category, v) ? `${label}“${v}”不在值列表中` : null;
    },
  });
}

function householdList(code: string, key: keyof HouseholdValues, category: CodeCategory, label: string): Rule {
  return householdRule({
    ...listHead(code, category, label), field: key,
    test(f) {
      const v = f.household[key];
      // One label (most lists): no array per household and rule.
      if (typeof v === 'string') return !blank(v) && !inList(category, v) ? `${label}“${v}”不在值列表中` : null;
      if (!Array.isArray(v)) return null;
      const bad = v.filter((x) => !blank(x) && !inList(category, x));
      return bad.length > 0 ? `${label}“${bad.join('、')}”不在值列表中` : null;
    },
  });
}

/**
 * A spreadsheet reads a cell starting with these as a formula (CSV/Excel injection): = + @,
 * a tab or carriage return, or a minus not followed by a digit or point. By character codes:
 * the check asks it of every text of every member.
 */
function looksLikeFormula(v: unknown): v is string {
  if (typeof v !== 'string' || v.length === 0) return false;
  const c = v.charCodeAt(0);
  if (c === 61 || c === 43 || c === 64 || c === 9 || c === 13) return true; // = + @ \t \r
  if (c !== 45 || v.length < 2) return false; // -
  const next = v.charCodeAt(1);
  return next !== 46 && (next < 48 || next > 57);
}
const texts = (fields: readonly FieldDef[]) => fields.filter((f) => f.kind === 'text' || (typeof f.kind === 'object' && 'code' in f.kind)).map((f) => ({ key: f.key, label: f.label }));
const HOUSEHOLD_TEXTS = texts(HOUSEHOLD_FIELDS);
const MEMBER_TEXTS = texts(MEMBER_FIELDS);
const FORMULA_SOURCE = 'OWASP CSV Injection；数据质量清洗手册：导入数据清洗';
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
const MONTH = /^\d{4}(0[1-9]|1[0-2])$/;
const DISABILITY_GRADES = new Set(['一级', '二级', '三级', '四级']);

export const formatRules: Rule[] = [
  memberList('Q811', 'relation', 'relation', '与户主关系'),
  memberList('Q812', 'ethnicity', 'ethnicity', '民族'),
  memberList('Q813', 'education', 'education', '文化程度'),
  memberList('Q814', 'schoolStatus', 'schoolStatus', '在校生状况'),
  memberList('Q815', 'health', 'health', '健康状况'),
  memberList('Q816', 'labourAbility', 'labourAbility', '劳动技能'),
  memberList('Q817', 'workStatus', 'workStatus', '务工状况'),
  memberList('Q818', 'politicalStatus', 'politicalStatus', '政治面貌'),
  anyMemberRule({
    ...listHead('Q819', 'leftReason', '减员原因'), field: 'leftReason',
    test: (m) => (!blank(m.leftReason) && !inList('leftReason', m.leftReason!) ? `的减员原因“${m.leftReason!}”不在值列表中` : null),
  }),
  householdList('Q821', 'attribute', 'attribute', '贫困户属性'),
  householdList('Q822', 'mainCause', 'cause', '主要致贫原因'),
  householdList('Q823', 'otherCauses', 'cause', '其他致贫原因'),
  householdList('Q824', 'identificationStandard', 'identificationStandard', '识别标准'),
  householdList('Q825', 'householdType', 'householdType', '户类型'),
  householdList('Q826', 'monitoringCategory', 'monitoringCategory', '监测对象类别'),
  householdList('Q827', 'risks', 'risk', '致贫返贫风险'),
  householdList('Q828', 'riskRemovalMethod', 'riskRemovalMethod', '风险消除方式'),
  householdList('Q829', 'housingSafety', 'housingSafety', '危房等级'),
  householdList('Q830', 'roadType', 'roadType', '入户路类型'),
  householdList('Q831', 'fuelType', 'fuelType', '主要燃料类型'),
  rowRule({
    ...listHead('Q832', 'measureCategory', '帮扶措施类别'), field: 'category', rows: (f) => f.measures,
    test: (row) => (!blank(row.category) && !inList('measureCategory', row.category) ? `${row.year}年帮扶措施类别“${row.category}”不在值列表中` : null),
  }),
  householdRule({
    code: 'Q833', severity: 'warning', category: 'format', title: '户联系电话不是11位手机号', field: 'phone',
    hint: '改为11位手机号码（座机写区号）', source: `${FR} §2.1 户；防返贫规则（联系电话11位）`,
    test(f) {
      const v = f.household.phone?.trim();
      if (v == null || v === '' || MOBILE.test(v) || LANDLINE.test(v)) return null;
      return `联系电话“${v.replace(/\d(?=\d{4})/g, '*').slice(-15)}”不是11位手机号，也不是带区号的座机（共${v.replace(/\D/g, '').length}位数字）`;
    },
  }),
  memberRule({
    code: 'Q834', severity: 'warning', category: 'format', title: '成员联系电话不是11位手机号', field: 'phone',
    hint: '改为本人11位手机号码，没有的留空', source: `${FR} §2.2 AAB031 联系电话`,
    test(m) {
      const v = m.phone?.trim();
      if (v == null || v === '' || MOBILE.test(v)) return null;
      return `的联系电话不是11位手机号（${v.replace(/\D/g, '').length}位数字）`;
    },
  }),
  {
    code: 'Q835', severity: 'error', category: 'format', title: '内容像公式', hint: '删去开头的 =、+、-、@ 等符号，按原意重新录入',
    source: FORMULA_SOURCE,
    check(facts, ctx) {
      const out: Finding[] = [];
      for (const { key, label } of HOUSEHOLD_TEXTS) {
        const v = (facts.household as unknown as Record<string, unknown>)[key];
        if (looksLikeFormula(v)) out.push({ field: key, message: `户信息的${label}以“${v.slice(0, 1).replace(/[\t\r]/, '制表符')}”开头，在表格软件中会被当成公式执行，请删去开头的符号后重新录入` });
      }
      for (const m of currentMembers(facts)) {
        for (const { key, label } of MEMBER_TEXTS) {
          const v = (m as unknown as Record<string, unknown>)[key];
          if (looksLikeFormula(v)) out.push(memberFinding(m, key, `成员${key === 'name' ? `（第${m.seq}位）` : who(m, ctx.today)}的${label}以“${v.slice(0, 1).replace(/[\t\r]/, '制表符')}”开头，在表格软件中会被当成公式执行，请删去开头的符号后重新录入`));
        }
      }
      return out;
    },
  },
  householdRule({
    code: 'Q836', severity: 'warning', category: 'format', title: '识别监测时间格式不对', field: 'monitoringStart',
    hint: '按“年年年年月月”填写，例如 202103', source: `${FR} §2.6 识别监测时间（YYYYMM）`,
    test: (f) => (!blank(f.household.monitoringStart) && !MONTH.test(f.household.monitoringStart!.trim()) ? `识别监测时间“${f.household.monitoringStart!}”不是年月` : null),
  }),
  householdRule({
    code: 'Q837', severity: 'warning', category: 'format', title: '消除监测时间格式不对', field: 'monitoringEnd',
    hint: '按“年年年年月月”填写，例如 202206', source: `${FR} §2.6 消除监测时间（YYYYMM）`,
    test: (f) => (!blank(f.household.monitoringEnd) && !MONTH.test(f.household.monitoringEnd!.trim()) ? `消除监测时间“${f.household.monitoringEnd!}”不是年月` : null),
  }),
  memberRule({
    code: 'Q838', severity: 'warning', category: 'format', title: '出生日期格式不对', field: 'birthDate',
    hint: '按身份证填写出生日期，例如 1975-03-10', source: `${FR} §2.2 AAB005`,
    test: (m) => (!blank(m.birthDate) && !isIsoDate(m.birthDate!.trim()) ? `出生日期“${m.birthDate!}”不是有效日期` : null),
  }),
  anyMemberRule({
    code: 'Q839', severity: 'warning', category: 'format', title: '减员日期格式不对', field: 'leftOn',
    hint: '按减员证明填写日期，例如 2023-05-01', source: `${FR} §2.2 人员变更`,
    test: (m) => (!blank(m.leftOn) && !isIsoDate(m.leftOn!.trim()) ? `减员日期“${m.leftOn!}”不是有效日期` : null),
  }),
  memberRule({
    code: 'Q840', severity: 'warning', category: 'format', title: '姓名含数字或符号', field: 'name',
    hint: '按身份证或户口簿改正姓名，删去数字、空格和符号', source: '数据质量清洗手册：姓名规范',
    test: (m) => (/[\d\s!-/:-@[-`{-~，。、；：？！（）【】]/.test(m.name) && !/^[=+@-]/.test(m.name) ? '的姓名含有数字、空格或符号' : null),
  }),
  memberRule({
    code: 'Q841', severity: 'warning', category: 'format', title: '姓名只有一个字', field: 'name',
    hint: '核实并补全姓名', source: '数据质量清洗手册：姓名规范',
    test: (m) => (m.name.trim().length === 1 ? '的姓名只有一个字' : null),
  }),
  memberRule({
    code: 'Q842', severity: 'warning', category: 'format', title: '残疾等级不规范', field: 'disabilityGrade',
    hint: '按残疾人证填写一级、二级、三级或四级', source: `${FR} §2.2 AAB017；GB/T 26341 残疾人残疾分类和分级`,
    test: (m) => (!blank(m.disabilityGrade) && !DISABILITY_GRADES.has(m.disabilityGrade!.trim()) ? `残疾等级填为“${m.disabilityGrade!}”` : null),
  }),
  householdRule({
    code: 'Q843', severity: 'warning', category: 'format', title: '识别年度超出范围', field: 'identificationYear',
    hint: '按建档立卡识别时间改正（2013年及以后）', source: `${FR} §2.1 首次识别年度`,
    test(f, ctx) {
      const y = f.household.identificationYear;
      if (y == null || (y >= 2013 && y <= Number(ctx.today.slice(0, 4)))) return null;
      return `识别年度填为${y}年，建档立卡始于2013年，也不能晚于今年`;
    },
  }),
  householdRule({
    code: 'Q844', severity: 'warning', category: 'format', title: '脱贫年度超出范围', field: 'exitYear',
    hint: '按脱贫退出公告改正脱贫年度（2014—2020年）', source: `${FR} §2.1 脱贫年度；脱贫攻坚2020年收官`,
    test(f) {
      const y = f.household.exitYear;
      return y == null || (y >= 2014 && y <= 2020) ? null : `脱贫年度填为${y}年，贫困户退出在2014—2020年间`;
    },
  }),
  householdRule({
    code: 'Q845', severity: 'warning', category: 'format', title: '建房时间超出范围', field: 'buildYear',
    hint: '核实建房年份', source: `${FR} §2.4 AC31 建房时间`,
    test(f, ctx) {
      const y = f.household.buildYear;
      return y == null || (y >= 1900 && y <= Number(ctx.today.slice(0, 4))) ? null : `建房时间填为${y}年，晚于今年或早于1900年`;
    },
  }),
  rowRule({
    code: 'Q846', severity: 'warning', category: 'format', title: '帮扶措施日期格式不对', field: 'startOn', rows: (f) => f.measures,
    hint: '按“年-月-日”填写帮扶措施的起止日期', source: `${FR} §2.6 帮扶措施`,
    test: (row) => {
      const bad = [row.startOn, row.endOn].filter((d) => !blank(d) && !isIsoDate(d!.trim()));
      return bad.length > 0 ? `${row.year}年帮扶措施“${row.category}”的日期“${bad.join('、')}”不是有效日期` : null;
    },
  }),
  rowRule({
    code: 'Q847', severity: 'warning', category: 'format', title: '帮扶措施金额为负', field: 'amountFen', rows: (f) => f.measures,
    hint: '按正数填写金额（元）', source: `${FR} §2.6 帮扶措施`,
    test: (row) => (row.amountFen != null && row.amountFen < 0 ? `${row.year}年帮扶措施“${row.category}”的金额为负数` : null),
  }),
  rowRule({
    code: 'Q848', severity: 'warning', category: 'format', title: '帮扶措施年度与开始日期不符', field: 'year', rows: (f) => f.measures,
    hint: '改正措施年度或开始日期', source: `${FR} §2.6 帮扶措施`,
    test: (row) => {
      const y = yearOf(row.startOn);
      return y == null || y === row.year ? null : `帮扶措施“${row.category}”登记在${row.year}年，开始日期却是${row.startOn!.trim()}`;
    },
  }),
];
