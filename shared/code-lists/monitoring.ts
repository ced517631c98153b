// Vocabulary of the 2021+ 防返贫监测 system (FIELDS-REFERENCE §2.6).

import type { CodeList } from './types.ts';

// The 2020 names (脱贫监测户, 边缘户) are the predecessors of the first two categories, so
// archives kept across the change keep one value per household.
export const MONITORING_CATEGORY: CodeList = {
  category: 'monitoringCategory',
  title: '监测对象类别',
  entries: [
    { label: '脱贫不稳定户', era: '2021+', aliases: ['脱贫监测户', '脱贫不稳定', '不稳定户'] },
    { label: '边缘易致贫户', era: '2021+', aliases: ['边缘户', '贫困边缘户', '边缘易致贫', '易致贫户'] },
    { label: '突发严重困难户', era: '2021+', aliases: ['突发困难户', '严重困难户', '突发严重困难'] },
  ],
};

// 致贫/返贫风险1…5. The 民政 list splits natural disasters into subtypes; they all land on 因灾
// because the 扶贫 system has only the one value.
export const RISK: CodeList = {
  category: 'risk',
  title: '致贫/返贫风险',
  entries: [
    { label: '因病', aliases: ['疾病', '因病致贫', '因病返贫'] },
    { label: '因残', aliases: ['残疾', '因残致贫', '因残返贫'] },
    { label: '因学', aliases: ['因学致贫', '因学返贫'] },
    {
      label: '因灾',
      aliases: ['自然灾害', '因自然灾害', '灾害', '洪涝灾害', '地质灾害', '旱灾', '生物灾害', '气象灾害', '地震灾害'],
    },
    { label: '因意外事故', aliases: ['意外事故', '因意外', '意外'] },
    { label: '因产业项目失败', aliases: ['产业项目失败', '因产业失败', '产业失败'] },
    { label: '因务工就业不稳', aliases: ['务工就业不稳', '就业不稳', '因就业不稳', '务工就业不稳定'] },
    { label: '缺劳动力', aliases: ['缺劳力', '因缺劳动力'] },
    { label: '因安全住房', aliases: ['安全住房', '住房安全', '因住房安全', '住房不安全'] },
    { label: '因安全饮水', aliases: ['安全饮水', '饮水安全', '因饮水安全', '饮水不安全'] },
    { label: '其他', aliases: ['其它', '其他风险'] },
  ],
};

export const RISK_REMOVAL_METHOD: CodeList = {
  category: 'riskRemovalMethod',
  title: '风险消除方式',
  entries: [
    { label: '帮扶消除', era: '2021+', aliases: ['帮扶', '帮扶后消除'] },
    { label: '自然消除', era: '2021+', aliases: ['自然'] },
  ],
};

// One column per category in the 2021+ export; the 2014–2020 names (…扶贫) and the
// common short forms are aliases so older measure records land on the same categories.
export const MEASURE_CATEGORY: CodeList = {
  category: 'measureCategory',
  title: '帮扶措施类别',
  entries: [
    { label: '产业帮扶', aliases: ['产业扶贫', '产业', '产业发展'] },
    { label: '就业帮扶', aliases: ['就业扶贫', '就业', '劳务输出', '转移就业'] },
    { label: '金融帮扶', aliases: ['金融扶贫', '金融', '小额信贷', '扶贫小额信贷', '小额贷款'] },
    { label: '公益岗位帮扶', aliases: ['公益性岗位帮扶', '公益岗位', '公益性岗位', '公益岗'] },
    { label: '健康帮扶', aliases: ['健康扶贫', '健康', '医疗救助'] },
    { label: '教育帮扶', aliases: ['教育扶贫', '教育', '雨露计划'] },
    { label: '义务教育保障', aliases: ['控辍保学'] },
    { label: '住房安全保障', aliases: ['危房改造', '农村危房改造', '住房保障', '住房安全'] },
    { label: '饮水安全保障', aliases: ['饮水安全', '安全饮水', '饮水保障'] },
    { label: '综合保障', aliases: ['兜底保障', '社会保障兜底', '低保', '兜底', '社保兜底'] },
    { label: '易地搬迁', aliases: ['搬迁', '易地扶贫搬迁', '易地搬迁扶贫', '异地搬迁'] },
    { label: '社会帮扶', aliases: ['社会扶贫'] },
    { label: '基础设施建设', aliases: ['基础设施', '基础设施扶贫'] },
    { label: '生产生活条件改善', aliases: ['生产生活条件'] },
    { label: '生态帮扶', aliases: ['生态扶贫', '生态补偿', '生态'] },
    { label: '其他', aliases: ['其它', '其他帮扶', '其他措施'] },
  ],
};
