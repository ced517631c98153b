// 逻辑性: one member's fields against its age and each other (labour, schooling, education,
// work, insurance, dates), and the household's relations. FIELDS-REFERENCE §2.2; the peer's
// rule book (Gzuwkj/fuping rules 1111_xx, 5_12_xxx, 5_17_xxx).
import { isIsoDate } from '../../dates.ts';
import { ageOf, blank, currentMembers, headOf, isStudent, memberFinding, who } from '../facts.ts';
import type { Finding, HouseholdFacts, QualityContext, Rule } from '../types.ts';
import { anyMemberRule, memberRule } from './make.ts';

const FR = 'FIELDS-REFERENCE.md';
const BOOK = `${FR} §1.2 公开规则库（Gzuwkj/fuping）`;
const WORKERS = new Set(['普通劳动力', '技能劳动力']);
const NO_LABOUR = new Set(['无劳动力', '丧失劳动力']);
const LOW_EDUCATION = new Set(['文盲或半文盲', '学龄前儿童', '小学']);
const COLLEGE = new Set(['大专及以上', '大专', '本科及以上', '硕士生及以上']);
const JUNIOR = new Set(['七年级', '八年级', '九年级', '初中']);
const SENIOR = /^(高中|中职)/;
const working = (s: string | null): boolean => s != null && /务工$/.test(s.trim());
const educated = (e: string | null, level: 'junior' | 'senior'): boolean => {
  if (e == null) return false;
  const v = e.trim();
  return (level === 'junior' && v === '初中') || v === '高中' || COLLEGE.has(v);
};

/** Members of `relation` more than one per household. */
function oneOnly(code: string, relation: string, title: string): Rule {
  return {
    code, severity: 'warning', category: 'logic', title, hint: '核实与户主关系', source: `${FR} §2.2 AAB006 与户主关系`,
    check(facts, ctx) {
      const found = currentMembers(facts).filter((m) => m.relation === relation);
      if (found.length <= 1) return [];
      return found.slice(1).map((m) => memberFinding(m, 'relation', `户内有${found.length}名成员的与户主关系为“${relation}”（${found.map((x) => x.name).join('、')}），成员${who(m, ctx.today)}请核实与户主关系`));
    },
  };
}

/** Grandchildren / grandparents fewer than 30 years from the head. */
function twoGenerations(code: string, relations: readonly string[], title: string, younger: boolean): Rule {
  const set = new Set(relations);
  return {
    code, severity: 'warning', category: 'logic', title, hint: '核实与户主关系或出生日期', source: '数据质量清洗手册：家庭关系与年龄',
    check(facts: HouseholdFacts, ctx: QualityContext) {
      const head = headOf(facts);
      const headAge = head && ageOf(head, ctx.today);
      if (!head || headAge == null) return [];
      const out: Finding[] = [];
      for (const m of currentMembers(facts)) {
        const age = set.has(m.relation) ? ageOf(m, ctx.today) : null;
        if (age == null) continue;
        const gap = younger ? headAge - age : age - headAge;
        if (gap < 30) out.push(memberFinding(m, 'relation', `成员${who(m, ctx.today)}与户主${head.name}（${headAge}岁）相差${gap}岁，隔代不足30岁，请核实与户主关系或出生日期`));
      }
      return out;
    },
  };
}

export const logicRules: Rule[] = [
  memberRule({
    code: 'Q311', severity: 'warning', category: 'logic', title: '60岁以上仍为普通或技能劳动力', field: 'labourAbility',
    hint: '核实劳动技能，一般改为“弱劳动力或半劳动力”或“丧失劳动力”', source: `${FR} §2.2 AAB010；${BOOK} 1111_14`,
    test: (m, age) => (age != null && age > 60 && m.labourAbility != null && WORKERS.has(m.labourAbility) ? `已超过60岁，劳动技能却为“${m.labourAbility}”` : null),
  }),
  memberRule({
    code: 'Q312', severity: 'warning', category: 'logic', title: '7岁以上仍在学前教育', field: 'schoolStatus',
    hint: '核实在校生状况（是否已上小学）或出生日期', source: `${FR} §2.2 AAB009；${BOOK} 5_12_018`,
    test: (m, age) => (age != null && age > 7 && m.schoolStatus === '学前教育' ? '已超过7岁，在校生状况仍为“学前教育”' : null),
  }),
  memberRule({
    code: 'Q313', severity: 'warning', category: 'logic', title: '未满18岁文化程度为大专及以上', field: 'education',
    hint: '核实文化程度或出生日期', source: `${FR} §2.2 AAB008；${BOOK} 5_17_006`,
    test: (m, age) => (age != null && age < 18 && m.education != null && COLLEGE.has(m.education) ? `未满18岁，文化程度却为“${m.education}”` : null),
  }),
  memberRule({
    code: 'Q314', severity: 'warning', category: 'logic', title: '16至22岁文化程度为小学及以下', field: 'education',
    hint: '核实文化程度（义务教育应已完成）或出生日期', source: `${FR} §2.2 AAB008；${BOOK} 5_17_007`,
    test: (m, age) => (age != null && age >= 16 && age <= 22 && m.education != null && LOW_EDUCATION.has(m.education) && m.health !== '残疾' ? `${age}岁，文化程度却为“${m.education}”` : null),
  }),
  memberRule({
    code: 'Q315', severity: 'warning', category: 'logic', title: '未满16岁有务工时间', field: 'workMonths',
    hint: '把务工时间改为空或0（未满16岁不应务工），或核实出生日期', source: `${FR} §2.2 AAB012；《劳动法》第十五条`,
    test: (m, age) => (age != null && age < 16 && m.workMonths != null && m.workMonths > 0 ? `未满16岁，务工时间却为${m.workMonths}个月` : null),
  }),
  memberRule({
    code: 'Q316', severity: 'warning', category: 'logic', title: '未满16岁外出务工', field: 'workStatus',
    hint: '清空务工状况（未满16岁不应务工），或核实出生日期', source: `${FR} §2.2 AAB011；《劳动法》第十五条`,
    test: (m, age) => (age != null && age < 16 && working(m.workStatus) ? `未满16岁，务工状况却为“${m.workStatus!.trim()}”` : null),
  }),
  memberRule({
    code: 'Q317', severity: 'warning', category: 'logic', title: '在校生有务工时间', field: 'workMonths',
    hint: '核实在校生状况或务工时间', source: `${FR} §2.2 AAB009/AAB012`,
    test: (m) => (isStudent(m) && m.workMonths != null && m.workMonths >= 6 ? `在校生状况为“${m.schoolStatus!.trim()}”，务工时间却为${m.workMonths}个月` : null),
  }),
  memberRule({
    code: 'Q318', severity: 'warning', category: 'logic', title: '在校生为普通或技能劳动力', field: 'labourAbility',
    hint: '核实劳动技能（在校生一般为“无劳动力”）', source: `${FR} §2.2 AAB009/AAB010；${BOOK} 1111_15`,
    test: (m) => (isStudent(m) && m.labourAbility != null && WORKERS.has(m.labourAbility) ? `在校生状况为“${m.schoolStatus!.trim()}”，劳动技能却为“${m.labourAbility}”` : null),
  }),
  memberRule({
    code: 'Q319', severity: 'warning', category: 'logic', title: '无劳动力却外出务工', field: 'labourAbility',
    hint: '核实劳动技能或务工状况', source: `${FR} §2.2 AAB010/AAB011`,
    test: (m) => (m.labourAbility != null && NO_LABOUR.has(m.labourAbility) && working(m.workStatus) && (m.workMonths ?? 0) > 0 ? `劳动技能为“${m.labourAbility}”，却${m.workStatus!.trim()}${m.workMonths}个月` : null),
  }),
  memberRule({
    code: 'Q320', severity: 'warning', category: 'logic', title: '7岁以上文化程度为学龄前儿童', field: 'education',
    hint: '按实际学历改正文化程度', source: `${FR} §2.2 AAB008`,
    test: (m, age) => (age != null && age > 7 && m.education === '学龄前儿童' ? '已超过7岁，文化程度仍为“学龄前儿童”' : null),
  }),
  memberRule({
    code: 'Q321', severity: 'warning', category: 'logic', title: '文化程度高于年龄', field: 'education',
    hint: '核实文化程度或出生日期', source: `${FR} §2.2 AAB008`,
    test(m, age) {
      if (age == null) return null;
      if (age < 12 && educated(m.education, 'junior')) return `只有${age}岁，文化程度却为“${m.education!}”`;
      if (age >= 12 && age < 15 && educated(m.education, 'senior')) return `只有${age}岁，文化程度却为“${m.education!}”`;
      return null;
    },
  }),
  memberRule({
    code: 'Q322', severity: 'warning', category: 'logic', title: '16岁以上仍在读小学', field: 'schoolStatus',
    hint: '核实在校生状况或出生日期', source: `${FR} §2.2 AAB009`,
    test: (m, age) => (age != null && age >= 16 && m.schoolStatus === '小学' ? `已${age}岁，在校生状况仍为“小学”` : null),
  }),
  memberRule({
    code: 'Q323', severity: 'warning', category: 'logic', title: '初中在读年龄异常', field: 'schoolStatus',
    hint: '核实在校生状况或出生日期', source: `${FR} §2.2 AAB009`,
    test: (m, age) => (age != null && (age < 10 || age > 20) && m.schoolStatus != null && JUNIOR.has(m.schoolStatus) ? `${age}岁，在校生状况却为“${m.schoolStatus}”` : null),
  }),
  memberRule({
    code: 'Q324', severity: 'warning', category: 'logic', title: '高中或中职在读年龄过小', field: 'schoolStatus',
    hint: '核实在校生状况或出生日期', source: `${FR} §2.2 AAB009`,
    test: (m, age) => (age != null && age < 13 && m.schoolStatus != null && SENIOR.test(m.schoolStatus) ? `只有${age}岁，在校生状况却为“${m.schoolStatus}”` : null),
  }),
  memberRule({
    code: 'Q325', severity: 'warning', category: 'logic', title: '大专及以上在读年龄过小', field: 'schoolStatus',
    hint: '核实在校生状况或出生日期', source: `${FR} §2.2 AAB009`,
    test: (m, age) => (age != null && age < 16 && (m.schoolStatus === '大专及以上' || m.schoolStatus === '硕士研究生及以上' || (m.schoolStatus ?? '').startsWith('高职')) ? `只有${age}岁，在校生状况却为“${m.schoolStatus!}”` : null),
  }),
  memberRule({
    code: 'Q326', severity: 'warning', category: 'logic', title: '在校生文化程度为文盲', field: 'education',
    hint: '在校生的文化程度按所读年级填写', source: `${FR} §2.2 AAB008/AAB009`,
    test: (m) => (isStudent(m) && m.education === '文盲或半文盲' ? `在校生状况为“${m.schoolStatus!.trim()}”，文化程度却为“文盲或半文盲”` : null),
  }),
  memberRule({
    code: 'Q327', severity: 'warning', category: 'logic', title: '7岁以上在校生状况为学龄前儿童', field: 'schoolStatus',
    hint: '按实际情况改为在读年级或“非在校生”', source: `${FR} §2.2 AAB009`,
    test: (m, age) => (age != null && age > 7 && m.schoolStatus === '学龄前儿童' ? '已超过7岁，在校生状况仍为“学龄前儿童”' : null),
  }),
  memberRule({
    code: 'Q328', severity: 'warning', category: 'logic', title: '非残疾人员填有残疾等级', field: 'disabilityGrade',
    hint: '健康状况为残疾的才填残疾等级：改正健康状况或删去残疾等级', source: `${FR} §2.2 AAB017`,
    test: (m) => (!blank(m.disabilityGrade) && !blank(m.health) && m.health !== '残疾' ? `健康状况为“${m.health!}”，却填有残疾等级“${m.disabilityGrade!}”` : null),
  }),
  memberRule({
    code: 'Q329', severity: 'warning', category: 'logic', title: '未务工却有务工时间', field: 'workMonths',
    hint: '核实务工状况或务工时间', source: `${FR} §2.2 AAB011/AAB012`,
    test: (m) => (m.workStatus?.trim() === '未务工' && (m.workMonths ?? 0) > 0 ? `务工状况为“未务工”，务工时间却为${m.workMonths}个月` : null),
  }),
  memberRule({
    code: 'Q330', severity: 'warning', category: 'logic', title: '未满16岁参加城乡居民养老保险', field: 'pensionInsurance',
    hint: '核实参保情况（城乡居民基本养老保险16周岁起参保）', source: '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）',
    test: (m, age) => (age != null && age < 16 && m.pensionInsurance === true ? '未满16岁，却登记为参加城乡居民基本养老保险' : null),
  }),
  memberRule({
    code: 'Q331', severity: 'warning', category: 'logic', title: '年龄超过110岁', field: 'birthDate',
    hint: '核实出生日期或是否已死亡（死亡的办理减员）', source: '数据质量清洗手册：年龄异常',
    test: (m, age) => (age != null && age > 110 ? `年龄为${age}岁` : null),
  }),
  memberRule({
    code: 'Q332', severity: 'error', category: 'logic', title: '出生日期晚于检查日期', field: 'birthDate',
    hint: '按身份证改正出生日期', source: '数据质量清洗手册：日期逻辑',
    test: (m, _age, _f, ctx) => (m.birthDate != null && m.birthDate > ctx.today && isIsoDate(m.birthDate) ? `出生日期${m.birthDate}晚于检查日期${ctx.today}` : null),
  }),
  anyMemberRule({
    code: 'Q333', severity: 'error', category: 'logic', title: '减员日期早于出生日期', field: 'leftOn',
    hint: '核实减员日期或出生日期', source: '数据质量清洗手册：日期逻辑',
    test: (m) => (m.leftOn != null && m.birthDate != null && m.leftOn < m.birthDate && isIsoDate(m.leftOn) && isIsoDate(m.birthDate) ? `减员日期${m.leftOn}早于出生日期${m.birthDate}` : null),
  }),
  anyMemberRule({
    code: 'Q334', severity: 'warning', category: 'logic', title: '减员日期晚于检查日期', field: 'leftOn',
    hint: '核实减员日期', source: '数据质量清洗手册：日期逻辑',
    test: (m, ctx) => (m.leftOn != null && m.leftOn > ctx.today && isIsoDate(m.leftOn) ? `减员日期${m.leftOn}晚于检查日期${ctx.today}` : null),
  }),
  memberRule({
    code: 'Q335', severity: 'warning', category: 'logic', title: '配偶未满法定婚龄', field: 'relation',
    hint: '核实与户主关系或出生日期', source: '《民法典》第一千零四十七条（法定婚龄）',
    test: (m, age) => (m.relation === '配偶' && age != null && age < 20 ? `是户主的配偶，只有${age}岁` : null),
  }),
  memberRule({
    code: 'Q336', severity: 'warning', category: 'logic', title: '学龄前儿童有劳动技能', field: 'labourAbility',
    hint: '把劳动技能改为“无劳动力”', source: `${FR} §2.2 AAB010`,
    test: (m, age) => (age != null && age < 6 && m.labourAbility != null && m.labourAbility !== '无劳动力' ? `不满6岁，劳动技能却为“${m.labourAbility}”` : null),
  }),
  oneOnly('Q211', '配偶', '配偶多于一人'),
  oneOnly('Q212', '之父', '之父多于一人'),
  oneOnly('Q213', '之母', '之母多于一人'),
  twoGenerations('Q214', ['之孙子', '之孙女', '之外孙子', '之外孙女'], '孙辈与户主年龄不合', true),
  twoGenerations('Q215', ['之祖父', '之祖母', '之外祖父', '之外祖母'], '祖辈与户主年龄不合', false),
  {
    code: 'Q216', severity: 'error', category: 'logic', title: '户内序号重复', hint: '重新排列户内序号（户主为1）', source: `${FR} §2.2 户内序号`,
    check(facts, ctx) {
      const seen = new Map<number, string>();
      const out: Finding[] = [];
      for (const m of currentMembers(facts)) {
        const first = seen.get(m.seq);
        if (first == null) seen.set(m.seq, m.name);
        else out.push(memberFinding(m, 'seq', `成员${who(m, ctx.today)}与${first}的户内序号同为${m.seq}，请重新排列户内序号（户主为1）`));
      }
      return out;
    },
  },
];
