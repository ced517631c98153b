// A household's income of one year: the components in fen (the income formula in
// shared/income.ts adds them up; totals are never stored) and that year's household size.
import { fieldsOf } from './define.ts';

const i = fieldsOf('income');

const money = <const K extends string>(key: K, label: string, aliases: readonly string[] = []) =>
  i.money(key, label, { aliases, required: true, limits: { min: 0, max: 100_000_000_00, warn: [-1e8, 1e8] }, editor: { group: 'income' }, prints: ['enrollment', 'card'] });

export const INCOME_FIELDS = [
  i.int('householdSize', '家庭人口数', {
    column: '年度家庭人口数',
    required: true,
    limits: { min: 1, max: 30, warn: [1, 30] },
    editor: { group: 'income' },
    sensitivity: 'public',
  }),
  money('wageFen', '工资性收入', ['工资性收入（元）']),
  money('businessFen', '生产经营性收入', ['生产经营性收入（元）', '家庭经营性收入']),
  money('propertyFen', '财产性收入', ['财产性收入（元）']),
  money('familyPlanningFen', '计划生育金'),
  money('dibaoFen', '低保金', ['最低生活保障金']),
  money('tekunFen', '特困供养金', ['五保金', '特困人员救助供养金']),
  money('pensionFen', '养老保险金', ['养老金或离退休金']),
  money('ecoCompensationFen', '生态补偿金'),
  money('otherTransferFen', '其他转移性收入'),
  money('businessExpenseFen', '生产经营性支出', ['生产经营性支出（合计）']),
  i.money('medicalOutOfPocketFen', '合规自付支出', { limits: { min: 0, max: 100_000_000_00, warn: [-1e8, 1e8] }, sensitivity: 'personal', mask: 'withhold' }),
] as const;
