// 民族: the 56 groups in GB/T 3304 order, so the code is the GB/T 3304 number. Some national
// builds number them differently (FIELDS-REFERENCE §2.2), hence matching by name only.

import type { CodeEntry, CodeList } from './types.ts';

const GROUPS = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族',
  '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族',
  '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;

// Colloquial short forms and former names that clerks still type.
const EXTRA_ALIASES: Partial<Record<(typeof GROUPS)[number], readonly string[]>> = {
  蒙古族: ['蒙族'],
  维吾尔族: ['维族'],
  毛南族: ['毛难族'],
  德昂族: ['崩龙族'],
};

const groupEntries: CodeEntry[] = GROUPS.map((label, i) => ({
  label,
  code: String(i + 1).padStart(2, '0'),
  // The bare name (汉, 蒙古 …) is how most hand-made sheets write it.
  aliases: [label.slice(0, -1), ...(EXTRA_ALIASES[label] ?? [])],
}));

export const ETHNICITY: CodeList = {
  category: 'ethnicity',
  title: '民族',
  entries: [
    ...groupEntries,
    // GB/T 3304 97 其他 also covers 未识别民族 (e.g. 穿青人) and 98 外国血统中国籍人士,
    // which the national 扶贫 lists do not distinguish.
    { label: '其他', code: '97', aliases: ['其它', '未识别民族', '未定族称人口', '穿青人', '外国血统中国籍人士', '外国血统'] },
  ],
};
