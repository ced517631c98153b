// The household's fields, in the order the export writes them (FIELDS-REFERENCE §2 labels).
// One entry says everything about a field: label, national column and aliases, kind and value
// list, limits, sensitivity, where the household page edits it and which forms print it.
import { fieldsOf } from './define.ts';

const h = fieldsOf('household');

const areaLimits = (warnMax: number) => ({ min: 0, max: 100_000, warn: [0, warnMax] as const });

export const HOUSEHOLD_FIELDS = [
  h.text('no', '户编号', {
    aliases: ['户码', '贫困户编号', '家庭编号', '户主编号'],
    importKey: 'householdNo',
    required: true,
    requiredMessage: '请填写户编号',
    limits: { maxLength: 30, pattern: /^[0-9A-Za-z-]{1,30}$/, patternMessage: '户编号只能由数字和字母组成' },
    editor: { group: 'identity', placeholder: '数字和字母' },
    sensitivity: 'internal',
  }),
  h.text('groupName', '村民小组', {
    aliases: ['组', '所在组', '村民小组名称', '自然村（村民小组）'],
    limits: { maxLength: 20 },
    editor: { group: 'identity', widget: 'group' },
    sensitivity: 'public',
    prints: ['roster'],
  }),
  h.text('naturalVillage', '自然村', { aliases: ['所在自然村'], limits: { maxLength: 30 }, editor: { group: 'identity' }, sensitivity: 'public' }),
  h.text('address', '住址', { column: '家庭住址', aliases: ['住址', '详细地址'], limits: { maxLength: 100 }, editor: { group: 'identity' } }),
  h.text('phone', '联系电话', {
    aliases: ['户联系电话', '户主联系电话'],
    limits: { maxLength: 13, pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})?$/, patternMessage: '联系电话应为11位手机号或带区号的座机' },
    editor: { group: 'identity', placeholder: '手机或带区号的座机' },
    mask: 'phone',
  }),
  h.code('identificationStandard', '识别标准', 'identificationStandard', { limits: { maxLength: 20 }, editor: { group: 'identity' } }),
  h.year('identificationYear', '识别年度', {
    aliases: ['首次识别时间', '首次识别年度', '识别时间'],
    limits: { min: 2000, max: 2100, warn: [2013, 2100] },
    editor: { group: 'identity', placeholder: '例如 2014' },
    sensitivity: 'public',
  }),
  h.code('attribute', '贫困户属性', 'attribute', { aliases: ['户属性'], limits: { maxLength: 20 }, editor: { group: 'identity' }, sensitivity: 'public' }),
  h.code('mainCause', '主要致贫原因', 'cause', { aliases: ['致贫原因', '致贫原因1'], limits: { maxLength: 20 }, editor: { group: 'identity' }, sensitivity: 'public' }),
  h.codes('otherCauses', '其他致贫原因', 'cause', 2, { aliases: ['次要致贫原因'], editor: { group: 'identity', widget: 'causes' } }),
  h.status('status', '户状态', { io: false, sensitivity: 'public' }),
  h.year('exitYear', '脱贫年度', { aliases: ['脱贫时间', '脱贫年份'], limits: { warn: [2013, 2100] }, sensitivity: 'public' }),
  h.code('householdType', '户类型', 'householdType'),
  h.code('monitoringCategory', '监测对象类别', 'monitoringCategory', { aliases: ['易返贫致贫户(监测对象)类型', '监测类型', '监测对象类型'], sensitivity: 'public' }),
  // Read from and written to the columns 致贫返贫风险1…5 (core/import/columns.ts).
  h.codes('risks', '致贫返贫风险', 'risk', 5, { io: false }),
  h.flag('riskRemoved', '风险是否消除', { aliases: ['风险是否已消除'] }),
  h.code('riskRemovalMethod', '风险消除方式', 'riskRemovalMethod'),
  h.month('monitoringStart', '识别监测时间', { aliases: ['风险识别时间', '纳入监测时间'] }),
  h.month('monitoringEnd', '消除监测时间', { aliases: ['风险消除时间'] }),
  h.code('housingSafety', '危房等级', 'housingSafety', {
    column: '危房级别',
    aliases: ['危房户', '是否危房户', '住房安全等级'],
    limits: { maxLength: 10 },
    editor: { group: 'conditions' },
    prints: ['enrollment'],
  }),
  h.decimal('housingArea', '住房面积', { column: '住房面积（平方米）', aliases: ['住房面积', '住房面积(㎡)'], unit: '㎡', limits: areaLimits(10_000), editor: { group: 'conditions' }, prints: ['enrollment'] }),
  h.text('housingStructure', '房屋结构', { column: '房屋主要结构', aliases: ['住房结构', '房屋结构'], limits: { maxLength: 20 }, editor: { group: 'conditions', placeholder: '如：砖混' }, prints: ['enrollment'] }),
  h.year('buildYear', '建房时间', {
    aliases: ['建房年份', '建房年度', '房屋建成年份', '建房时间（年）'],
    limits: { min: 1900, max: 2100, warn: [1949, 2100] },
    editor: { group: 'conditions', placeholder: '例如 2008' },
    prints: ['enrollment'],
  }),
  h.flag('drinkingWaterSafe', '饮水安全', { column: '饮水是否安全', aliases: ['是否解决安全饮用水', '饮水安全'], editor: { group: 'conditions' }, prints: ['enrollment'] }),
  h.flag('drinkingWaterDifficult', '饮水困难', { column: '饮水是否困难', aliases: ['饮水困难'], editor: { group: 'extra' }, prints: ['enrollment'] }),
  h.flag('hasElectricity', '通生活用电', { column: '是否通生活用电', aliases: ['通生活用电', '是否通电'], editor: { group: 'conditions' }, prints: ['enrollment'] }),
  h.code('roadType', '入户路类型', 'roadType', { limits: { maxLength: 10 }, editor: { group: 'conditions' }, prints: ['enrollment'] }),
  h.decimal('distanceToRoadKm', '与村主干路距离', {
    column: '与村主干路距离（公里）',
    aliases: ['与村主干路距离'],
    unit: '公里',
    limits: { min: 0, max: 100_000, warn: [0, 100] },
    editor: { group: 'conditions' },
    prints: ['enrollment'],
  }),
  h.flag('hasSanitaryToilet', '卫生厕所', { column: '有无卫生厕所', aliases: ['是否有卫生厕所'], editor: { group: 'conditions' }, prints: ['enrollment'] }),
  h.code('fuelType', '主要燃料类型', 'fuelType', { limits: { maxLength: 10 }, editor: { group: 'conditions' }, prints: ['enrollment'] }),
  h.decimal('farmlandMu', '耕地面积', { column: '耕地面积（亩）', aliases: ['耕地面积'], unit: '亩', limits: areaLimits(100), editor: { group: 'conditions' }, prints: ['enrollment'] }),
  h.decimal('irrigatedMu', '有效灌溉面积', { column: '有效灌溉面积（亩）', aliases: ['有效灌溉面积'], unit: '亩', limits: areaLimits(100), editor: { group: 'extra' }, prints: ['enrollment'] }),
  h.decimal('forestMu', '林地面积', { column: '林地面积（亩）', aliases: ['林地面积'], unit: '亩', limits: areaLimits(200), editor: { group: 'conditions' }, prints: ['enrollment'] }),
  h.decimal('returnedFarmlandMu', '退耕还林面积', { column: '退耕还林面积（亩）', aliases: ['退耕还林面积'], unit: '亩', limits: areaLimits(200), editor: { group: 'extra' }, prints: ['enrollment'] }),
  h.decimal('orchardMu', '林果面积', { column: '林果面积（亩）', aliases: ['林果面积'], unit: '亩', limits: areaLimits(200), editor: { group: 'extra' }, prints: ['enrollment'] }),
  h.decimal('grasslandMu', '牧草地面积', { column: '牧草地面积（亩）', aliases: ['牧草地面积'], unit: '亩', limits: areaLimits(100), editor: { group: 'extra' }, prints: ['enrollment'] }),
  h.decimal('waterSurfaceMu', '水面面积', { column: '水面面积（亩）', aliases: ['水面面积'], unit: '亩', limits: areaLimits(100), editor: { group: 'extra' }, prints: ['enrollment'] }),
  h.flag('inCooperative', '加入合作组织', { column: '是否加入农民专业合作组织', aliases: ['是否参加农民专业合作社'], editor: { group: 'extra' }, prints: ['enrollment'] }),
  h.flag('isMilitaryFamily', '军烈属', { column: '是否军烈属', editor: { group: 'extra' } }),
  h.flag('isOnlyChild', '独生子女户', { column: '是否独生子女户', editor: { group: 'extra' } }),
  h.flag('isTwoDaughters', '双女户', { column: '是否双女户', editor: { group: 'extra' } }),
  h.text('relocation', '易地搬迁方式', { column: '搬迁方式', aliases: ['易地搬迁方式'], limits: { maxLength: 20 }, editor: { group: 'extra', placeholder: '未搬迁不填' }, prints: ['enrollment'] }),
  h.text('bankName', '开户银行', { limits: { maxLength: 40 }, editor: { group: 'account' }, sensitivity: 'personal', mask: 'withhold' }),
  h.text('bankAccount', '银行账号', {
    aliases: ['银行卡号'],
    limits: { maxLength: 23, pattern: /^(\d{12,23})?$/, patternMessage: '银行账号应为12到23位数字' },
    editor: { group: 'account', widget: 'account', last: true },
    mask: 'bank',
  }),
  h.text('notes', '备注', { limits: { maxLength: 500, multiline: true }, editor: { group: 'account', widget: 'textarea' } }),
] as const;
