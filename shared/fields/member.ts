// A household member's fields, in the order the export writes them. The members grid shows the
// 'grid' ones beside the fixed identity cells (name, relation, ID, gender, birth date); the
// rest are behind each row's 更多 button.
import { fieldsOf } from './define.ts';

const m = fieldsOf('member');

export const MEMBER_FIELDS = [
  m.text('name', '姓名', {
    aliases: ['成员姓名', '家庭成员姓名'],
    required: true,
    requiredMessage: '请填写姓名',
    limits: { maxLength: 20 },
    editor: { group: 'grid' },
    sensitivity: 'public',
    prints: ['roster', 'enrollment', 'card'],
  }),
  m.code('gender', '性别', 'gender', { limits: { maxLength: 1, pattern: /^[男女]?$/, patternMessage: '性别应为“男”或“女”' }, editor: { group: 'grid' }, sensitivity: 'public' }),
  m.text('idType', '证件类型', { limits: { maxLength: 20 }, editor: { group: 'more', placeholder: '如：身份证' } }),
  m.date('birthDate', '出生日期', { editor: { group: 'grid' } }),
  m.id('idNumber', '身份证号', {
    column: '证件号码',
    aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号', '身份证件号码'],
    limits: { maxLength: 20 },
    editor: { group: 'grid' },
  }),
  m.code('relation', '与户主关系', 'relation', {
    aliases: ['与户主的关系', '家庭关系'],
    required: true,
    requiredMessage: '请选择与户主关系',
    limits: { maxLength: 10 },
    editor: { group: 'grid' },
    sensitivity: 'public',
  }),
  m.code('ethnicity', '民族', 'ethnicity', { limits: { maxLength: 10 }, editor: { group: 'grid', width: 96 } }),
  m.code('politicalStatus', '政治面貌', 'politicalStatus', { limits: { maxLength: 20 }, editor: { group: 'more' } }),
  m.code('education', '文化程度', 'education', { aliases: ['学历'], limits: { maxLength: 20 }, editor: { group: 'grid', width: 120 } }),
  m.code('schoolStatus', '在校生状况', 'schoolStatus', { aliases: ['在校情况', '在校生情况', '在校状况'], limits: { maxLength: 20 }, editor: { group: 'grid', width: 130 } }),
  m.code('health', '健康状况', 'health', { aliases: ['身体状况'], limits: { maxLength: 20 }, editor: { group: 'grid', width: 120 }, sensitivity: 'personal', mask: 'withhold' }),
  m.text('disabilityGrade', '残疾等级', { aliases: ['残疾级别'], limits: { maxLength: 10 }, editor: { group: 'more', placeholder: '如：二级' }, sensitivity: 'personal', mask: 'withhold' }),
  m.code('labourAbility', '劳动技能', 'labourAbility', { aliases: ['劳动能力', '劳动力状况'], limits: { maxLength: 20 }, editor: { group: 'grid', width: 140 } }),
  m.code('workStatus', '务工状况', 'workStatus', { aliases: ['务工情况', '外出务工状况'], limits: { maxLength: 20 }, editor: { group: 'grid', width: 140 } }),
  m.int('workMonths', '务工时间（月）', { aliases: ['务工时间', '务工月数'], unit: '个月', limits: { min: 0, max: 12, warn: [0, 12] }, editor: { group: 'more', placeholder: '0–12' } }),
  m.text('workPlace', '务工所在地', { aliases: ['务工地点'], limits: { maxLength: 50 }, editor: { group: 'more' } }),
  m.flag('medicalInsurance', '参加城乡居民基本医疗保险', {
    column: '是否参加城乡居民基本医疗保险',
    aliases: ['是否参加新型农村合作医疗', '是否参加新农合', '参加医保'],
    editor: { group: 'more' },
  }),
  m.flag('pensionInsurance', '参加城乡居民基本养老保险', {
    column: '是否参加城乡居民基本养老保险',
    aliases: ['是否参加新型农村社会养老保险', '是否参加新农保', '参加养老保险'],
    editor: { group: 'more' },
  }),
  m.flag('seriousIllnessInsurance', '参加大病保险', { column: '是否参加大病保险', editor: { group: 'more' } }),
  m.flag('commercialInsurance', '参加商业补充医疗保险', { column: '是否参加商业补充医疗保险', editor: { group: 'more' } }),
  m.flag('isDibao', '享受低保', { column: '是否享受低保', aliases: ['是否享受农村居民最低生活保障', '享受低保政策情况'], editor: { group: 'more' } }),
  m.flag('isTekun', '特困供养人员', { column: '是否特困供养人员', aliases: ['享受特困供养政策情况'], editor: { group: 'more' } }),
  m.text('phone', '联系电话', {
    column: '人联系电话',
    aliases: ['家庭成员联系电话', '本人联系电话'],
    importKey: 'memberPhone',
    limits: { maxLength: 11, pattern: /^(1\d{10})?$/, patternMessage: '手机号码应为11位数字' },
    editor: { group: 'more', placeholder: '11位手机号' },
    mask: 'phone',
  }),
  // Someone who left stays in the record (read-only in the editor, carried through saves).
  m.code('leftReason', '减员原因', 'leftReason', { io: false, limits: { maxLength: 20 }, editor: { group: 'kept' } }),
  m.date('leftOn', '减员日期', { io: false, editor: { group: 'kept' } }),
] as const;
