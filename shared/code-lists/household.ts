// Value lists of the household record (national AC01 / AC31, FIELDS-REFERENCE §2.1, §2.4–2.6).

import type { CodeList } from './types.ts';

// The attribute was renamed twice (§2.5): 2014 一般贫困户 / 低保户 / 五保户 / 低保贫困户,
// 2016+ 一般贫困户 / 低保贫困户 / 五保贫困户, later 五保 → 特困供养. The national system itself
// carried the old households over into the three current values, so the old names are aliases
// (reported as inexact on import) rather than separate entries that could never be compared.
export const ATTRIBUTE: CodeList = {
  category: 'attribute',
  title: '贫困户属性',
  entries: [
    { label: '一般贫困户', aliases: ['一般户', '扶贫户', '一般贫困'] },
    {
      label: '低保贫困户',
      aliases: ['低保户', '扶贫低保户', '低保（部分）贫困户', '低保（全家）贫困户', '低保贫困'],
    },
    {
      label: '特困供养贫困户',
      aliases: ['五保贫困户', '五保户', '五保', '特困户', '特困供养户', '特困供养', '五保-分散供养', '五保-集中供养'],
    },
    // Inner Mongolia 2015 (code 5 there): households above the line, kept for old archives.
    { label: '低收入农户', era: '2014-2020', aliases: ['低收入户'] },
  ],
};

export const IDENTIFICATION_STANDARD: CodeList = {
  category: 'identificationStandard',
  title: '识别标准',
  entries: [
    { label: '国家标准', aliases: ['国标', '国定标准', '国家扶贫标准'] },
    { label: '省定标准', aliases: ['省标', '省级标准', '省标准'] },
    { label: '市定标准', aliases: ['市标', '市级标准', '市标准'] },
  ],
};

// 户类型 only exists in the 2021+ system; 贫困户 is what a 2014–2020 record is, so old
// archives get a value in the same field.
export const HOUSEHOLD_TYPE: CodeList = {
  category: 'householdType',
  title: '户类型',
  entries: [
    { label: '脱贫户', era: '2021+', aliases: ['已脱贫户', '建档立卡脱贫户'] },
    { label: '一般农户', era: '2021+', aliases: ['普通农户', '农户', '非贫困户', '非建档立卡户', '非建档户'] },
    { label: '贫困户', era: '2014-2020', aliases: ['建档立卡贫困户', '未脱贫户'] },
  ],
};

// 危房级别 is only C级 / D级 nationally; the archive stores 安全 for everything else so that
// one field answers both 是否危房户 and 危房级别. The 2022 lists' 危房户 是/否 column has no
// grade: 是 is stored as 危房 (unsafe, grade to be assessed), so the housing rules see it.
export const HOUSING_SAFETY: CodeList = {
  category: 'housingSafety',
  title: '危房等级',
  entries: [
    { label: '安全', aliases: ['否', '非危房', '不是危房', '住房安全', 'A级', 'B级', '无'] },
    { label: 'C级', aliases: ['C级危房', '局部危房'] },
    { label: 'D级', aliases: ['D级危房', '整栋危房'] },
    { label: '危房', aliases: ['是', '是危房户', '危房户', '危房（未定级）'] },
  ],
};

export const ROAD_TYPE: CodeList = {
  category: 'roadType',
  title: '入户路类型',
  entries: [
    { label: '泥土路', aliases: ['土路', '泥路', '泥土'] },
    { label: '砂石路', aliases: ['沙石路', '碎石路', '砂石', '沙石'] },
    { label: '水泥路', aliases: ['水泥', '水泥硬化路', '混凝土路'] },
    { label: '沥青路', aliases: ['沥青', '柏油路', '柏油'] },
  ],
};

export const FUEL_TYPE: CodeList = {
  category: 'fuelType',
  title: '主要燃料类型',
  entries: [
    { label: '柴草', aliases: ['柴火', '柴', '薪柴', '木柴', '秸秆'] },
    { label: '干畜粪', aliases: ['畜粪', '牛粪', '畜禽粪便'] },
    { label: '煤炭', aliases: ['煤', '燃煤', '蜂窝煤', '煤块'] },
    {
      label: '清洁能源',
      aliases: ['电', '电力', '天然气', '液化气', '液化石油气', '沼气', '太阳能', '燃气'],
    },
    { label: '其他', aliases: ['其它'] },
  ],
};
