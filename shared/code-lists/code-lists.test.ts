import { describe, expect, it } from 'vitest';
import { CODE_CATEGORIES, CODE_LISTS, labelsOf, matchCode, normalizeLabel } from './index.ts';
import type { CodeCategory } from './index.ts';
import { lookupKey } from './normalize.ts';

describe('code lists', () => {
  it.each(CODE_CATEGORIES)('%s is present, non-empty, titled and filed under its own key', (category) => {
    const list = CODE_LISTS[category];
    expect(list.category).toBe(category);
    expect(list.title).toMatch(/\p{Script=Han}/u);
    expect(list.entries.length).toBeGreaterThan(0);
  });

  it('has no list that is not a category', () => {
    expect(Object.keys(CODE_LISTS).sort()).toEqual([...CODE_CATEGORIES].sort());
  });

  it.each(CODE_CATEGORIES)('%s: labels are unique and already in normalized form', (category) => {
    const labels = labelsOf(category);
    expect(new Set(labels.map(lookupKey)).size).toBe(labels.length);
    for (const label of labels) expect(normalizeLabel(label)).toBe(label);
  });

  it.each(CODE_CATEGORIES)('%s: every alias points to exactly one label and shadows none', (category) => {
    const labelKeys = new Map(CODE_LISTS[category].entries.map((e) => [lookupKey(e.label), e.label]));
    const owner = new Map<string, string>();
    const problems: string[] = [];
    for (const e of CODE_LISTS[category].entries) {
      for (const alias of e.aliases ?? []) {
        const key = lookupKey(alias);
        if (key === '') problems.push(`empty alias under ${e.label}`);
        const asLabel = labelKeys.get(key);
        if (asLabel !== undefined) problems.push(`alias ${alias} of ${e.label} equals the label ${asLabel}`);
        const previous = owner.get(key);
        if (previous !== undefined) problems.push(`alias ${alias} under both ${previous} and ${e.label}`);
        owner.set(key, e.label);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(CODE_CATEGORIES)('%s: codes, where given, are unique', (category) => {
    const codes = CODE_LISTS[category].entries.flatMap((e) => (e.code === undefined ? [] : [e.code]));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('keeps the canonical labels other modules rely on', () => {
    expect(labelsOf('cause')).toEqual([
      '因病', '因残', '因学', '因灾', '缺土地', '缺水', '缺技术', '缺劳力', '缺资金',
      '交通条件落后', '自身发展动力不足', '因婚', '因丧', '其他',
    ]);
    expect(labelsOf('attribute').slice(0, 3)).toEqual(['一般贫困户', '低保贫困户', '特困供养贫困户']);
    expect(labelsOf('monitoringCategory')).toEqual(['脱贫不稳定户', '边缘易致贫户', '突发严重困难户']);
    expect(labelsOf('housingSafety')).toEqual(['安全', 'C级', 'D级', '危房']);
    expect(labelsOf('ethnicity')).toHaveLength(57);
    expect(labelsOf('politicalStatus')).toHaveLength(13);
    expect(labelsOf('schoolStatus')).toHaveLength(22);
  });

  it('gives the national codes of 致贫原因', () => {
    const code = (label: string) => CODE_LISTS.cause.entries.find((e) => e.label === label)?.code;
    expect(code('因病')).toBe('01');
    expect(code('缺劳力')).toBe('08');
    expect(code('自身发展动力不足')).toBe('11');
    expect(code('其他')).toBe('99');
    expect(CODE_LISTS.ethnicity.entries.find((e) => e.label === '基诺族')?.code).toBe('56');
  });

  it('returns a fresh array from labelsOf', () => {
    labelsOf('gender').push('x');
    expect(labelsOf('gender')).toEqual(['男', '女', '未说明的性别']);
  });
});

describe('normalizeLabel', () => {
  it.each([
    ['  因病 ', '因病'],
    ['因\u3000病', '因病'],
    ['因\u00a0病\u200b', '因病'],
    ['乡(镇)内务工', '乡（镇）内务工'],
    ['乡（镇）内务工', '乡（镇）内务工'],
    ['Ｃ级', 'C级'],
    ['１', '1'],
    ['\t\n', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeLabel(raw)).toBe(expected);
  });
});

describe('matchCode', () => {
  const cases: [CodeCategory, string, string, boolean][] = [
    ['cause', '因病', '因病', true],
    ['cause', '缺劳动力', '缺劳力', false],
    ['cause', '自然灾害', '因灾', false],
    ['cause', '其它', '其他', false],
    ['attribute', '五保户', '特困供养贫困户', false],
    ['attribute', '五保贫困户', '特困供养贫困户', false],
    ['attribute', '低保户', '低保贫困户', false],
    ['attribute', '低保(全家)贫困户', '低保贫困户', false],
    ['relation', '本人', '户主', false],
    ['relation', '本人或户主', '户主', false],
    ['relation', '妻子', '配偶', false],
    ['relation', '儿子', '之子', false],
    ['relation', '女', '之女', false],
    ['relation', '儿媳', '之儿媳', false],
    ['relation', '外孙', '之外孙子', false],
    ['relation', '母亲', '之母', false],
    ['relation', '妹', '之兄弟姐妹', false],
    ['relation', '之女婿', '之女婿', true],
    ['gender', '1', '男', false],
    ['gender', '２', '女', false],
    ['gender', '女性', '女', false],
    ['gender', '9', '未说明的性别', false],
    ['ethnicity', '汉', '汉族', false],
    ['ethnicity', '维吾尔', '维吾尔族', false],
    ['ethnicity', '土', '土族', false],
    ['ethnicity', '土家', '土家族', false],
    ['ethnicity', '穿青人', '其他', false],
    ['ethnicity', '基诺族', '基诺族', true],
    ['education', '文盲', '文盲或半文盲', false],
    ['education', '中专', '高中', false],
    ['education', '本科', '本科及以上', false],
    ['schoolStatus', '初一', '七年级', false],
    ['schoolStatus', '初三', '九年级', false],
    ['schoolStatus', '高一', '高中一年级', false],
    ['schoolStatus', '普通高中三年级', '高中三年级', false],
    ['schoolStatus', '不在校', '非在校生', false],
    ['schoolStatus', '小学五年级', '小学', false],
    ['health', '慢性病', '长期慢性病', false],
    ['health', '大病', '患有大病', false],
    ['health', '重病', '患有大病', false],
    ['health', '残疾人', '残疾', false],
    ['labourAbility', '半劳动力', '弱劳动力或半劳动力', false],
    ['labourAbility', '弱劳动力', '弱劳动力或半劳动力', false],
    ['labourAbility', '丧失劳动能力', '丧失劳动力', false],
    ['workStatus', '乡(镇)内务工', '乡（镇）内务工', true],
    ['workStatus', '乡 (镇) 外县内务工', '乡（镇）外县内务工', true],
    ['workStatus', '无', '未务工', false],
    ['workStatus', '未外出务工', '未务工', false],
    ['monitoringCategory', '脱贫监测户', '脱贫不稳定户', false],
    ['monitoringCategory', '边缘户', '边缘易致贫户', false],
    ['monitoringCategory', '贫困边缘户', '边缘易致贫户', false],
    ['risk', '自然灾害', '因灾', false],
    ['risk', '缺劳力', '缺劳动力', false],
    ['risk', '因务工就业不稳', '因务工就业不稳', true],
    ['measureCategory', '产业扶贫', '产业帮扶', false],
    ['measureCategory', '劳务输出', '就业帮扶', false],
    ['measureCategory', '扶贫小额信贷', '金融帮扶', false],
    ['measureCategory', '公益性岗位帮扶', '公益岗位帮扶', false],
    ['measureCategory', '雨露计划', '教育帮扶', false],
    ['measureCategory', '危房改造', '住房安全保障', false],
    ['measureCategory', '兜底保障', '综合保障', false],
    ['measureCategory', '低保', '综合保障', false],
    ['measureCategory', '搬迁', '易地搬迁', false],
    ['measureCategory', '生态补偿', '生态帮扶', false],
    ['identificationStandard', '省定标准', '省定标准', true],
    ['householdType', '脱贫户', '脱贫户', true],
    ['householdType', '建档立卡贫困户', '贫困户', false],
    ['housingSafety', '否', '安全', false],
    ['housingSafety', 'B级', '安全', false],
    ['housingSafety', 'C级危房', 'C级', false],
    ['housingSafety', 'Ｄ级', 'D级', true],
    ['housingSafety', 'd级', 'D级', false],
    // The 2022 lists' 危房户 是/否: 是 is a 危房 of unknown grade, 否 is safe.
    ['housingSafety', '是', '危房', false],
    ['housingSafety', '危房户', '危房', false],
    ['riskRemovalMethod', '帮扶消除', '帮扶消除', true],
    ['politicalStatus', '党员', '中共党员', false],
    ['politicalStatus', '中国共产主义青年团团员', '共青团员', false],
    ['politicalStatus', '民革会员', '民革党员', false],
    ['roadType', '柏油路', '沥青路', false],
    ['fuelType', '天然气', '清洁能源', false],
    ['leftReason', '迁出', '其他转出', false],
    ['leftReason', '去世', '死亡', false],
  ];

  it.each(cases)('%s: %j → %s (exact %s)', (category, raw, label, exact) => {
    expect(matchCode(category, raw)).toEqual({ label, exact });
  });

  it('matches every label exactly and every alias inexactly, in every list', () => {
    for (const category of CODE_CATEGORIES) {
      for (const e of CODE_LISTS[category].entries) {
        expect(matchCode(category, e.label)).toEqual({ label: e.label, exact: true });
        for (const alias of e.aliases ?? []) expect(matchCode(category, alias)).toEqual({ label: e.label, exact: false });
      }
    }
  });

  it('ignores stray whitespace, full-width spaces and parenthesis width', () => {
    expect(matchCode('cause', ' 因 病\u3000')).toEqual({ label: '因病', exact: true });
    expect(matchCode('cause', '\t缺劳动力 ')).toEqual({ label: '缺劳力', exact: false });
    expect(matchCode('workStatus', '乡（镇）内务工')).toEqual(matchCode('workStatus', '乡(镇)内务工'));
    expect(matchCode('attribute', '低保（部分）贫困户')).toEqual(matchCode('attribute', '低保(部分)贫困户'));
  });

  it.each([
    ['cause', null],
    ['cause', undefined],
    ['cause', ''],
    ['cause', '   '],
    ['cause', '\u3000'],
    ['cause', '因为穷'],
    ['gender', '3'],
    ['ethnicity', '汉人族'],
    ['housingSafety', '是否'],
    ['relation', '邻居'],
  ] as [CodeCategory, string | null | undefined][])('%s: %j → null', (category, raw) => {
    expect(matchCode(category, raw)).toBeNull();
  });

  it('keeps categories apart', () => {
    // 低保 is a measure, not an attribute; 无 is a work status, not a political status.
    expect(matchCode('attribute', '低保')).toBeNull();
    expect(matchCode('politicalStatus', '无')).toBeNull();
    expect(matchCode('cause', '缺劳动力')?.label).toBe('缺劳力');
    expect(matchCode('risk', '缺劳力')?.label).toBe('缺劳动力');
  });
});
