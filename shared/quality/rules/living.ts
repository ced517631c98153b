// Production and living conditions: areas and distances in plausible ranges, safe housing.
import { isUnsafeHousing } from '../facts.ts';
import type { FactHousehold, Finding, RuleCheck } from '../types.ts';

type AreaField = 'farmlandMu' | 'forestMu' | 'returnedFarmlandMu' | 'orchardMu';

const AREA_LABELS: Record<AreaField, string> = {
  farmlandMu: '耕地面积',
  forestMu: '林地面积',
  returnedFarmlandMu: '退耕还林面积',
  orchardMu: '林果面积',
};

function areaFindings(h: FactHousehold, fields: readonly AreaField[], max: number): Finding[] {
  const out: Finding[] = [];
  for (const field of fields) {
    const v = h[field];
    if (v == null || (v >= 0 && v <= max)) continue;
    out.push({ field, message: `${AREA_LABELS[field]}填为${v}亩，应在0到${max}亩之间，请核实（是否把平方米当成亩录入）` });
  }
  return out;
}

const MAX_ROAD_KM = 5;
const MAX_HOUSING_M2 = 1000;

export const livingRules: RuleCheck[] = [
  {
    code: 'Q601',
    severity: 'warning',
    title: '耕地面积超出范围',
    check: (facts) => areaFindings(facts.household, ['farmlandMu'], 100),
  },
  {
    code: 'Q602',
    severity: 'warning',
    title: '林地面积超出范围',
    check: (facts) => areaFindings(facts.household, ['forestMu', 'returnedFarmlandMu', 'orchardMu'], 200),
  },
  {
    code: 'Q603',
    severity: 'warning',
    title: '距主干路过远',
    check(facts) {
      const km = facts.household.distanceToRoadKm;
      if (km == null || km <= MAX_ROAD_KM) return [];
      return [{ field: 'distanceToRoadKm', message: `与村主干路距离填为${km}公里，超过${MAX_ROAD_KM}公里，请核实（是否把米当成公里录入）` }];
    },
  },
  {
    code: 'Q604',
    severity: 'warning',
    title: '住房面积异常',
    check(facts) {
      const area = facts.household.housingArea;
      if (area == null || (area >= 0 && area <= MAX_HOUSING_M2)) return [];
      return [{ field: 'housingArea', message: `住房面积填为${area}平方米，应在0到${MAX_HOUSING_M2}平方米之间，请核实` }];
    },
  },
  {
    code: 'Q605',
    severity: 'warning',
    title: '已脱贫户仍为危房',
    check(facts) {
      const { status, housingSafety } = facts.household;
      if (status !== 'exited' || !isUnsafeHousing(housingSafety)) return [];
      return [
        {
          field: 'housingSafety',
          message: `已脱贫户住房仍为${housingSafety === '危房' || housingSafety === '是' ? '' : housingSafety!}危房，住房安全未保障，请核实危房改造情况并更新危房等级`,
        },
      ];
    },
  },
];
