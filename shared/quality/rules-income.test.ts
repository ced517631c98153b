// Q401–Q407: income rows and the check year's per-capita against the policy lines.
import { describe, expect, it } from 'vitest';
import type { HouseholdFacts } from './types.ts';
import { byRelation, cleanFacts, context, findings, income, YEAR } from './test-fixture.ts';

/** Makes the check year's 人均纯收入 exactly `fen` (household of 4, wages only). */
function perCapita(facts: HouseholdFacts, fen: number): HouseholdFacts {
  const row = facts.incomes.find((i) => i.year === YEAR)!;
  Object.assign(row, { householdSize: 4, wageFen: fen * 4, businessFen: 0, ecoCompensationFen: 0, businessExpenseFen: 0 });
  return facts;
}

const MONITORING_2023 = 500_000; // 5,000 元 (national 2020 figure, carried over; 四川省 has none)
const POVERTY_2023 = 400_000; // 4,000 元 (2020)

describe('Q401 收入分项为负数', () => {
  it('fires per row with a negative component, naming the year and item', () => {
    const facts = cleanFacts();
    facts.incomes[0]!.propertyFen = -100;
    facts.incomes[1]!.businessExpenseFen = -5;
    const fs = findings('Q401', facts);
    expect(fs).toHaveLength(2);
    expect(fs[0]!.message).toContain(`${YEAR - 1}年收入中财产性收入-1.00元为负数`);
    expect(fs[1]!.field).toBe('businessExpenseFen');
  });

  it('is silent for zero components', () => {
    const facts = cleanFacts();
    facts.incomes[0]!.wageFen = 0;
    expect(findings('Q401', facts)).toEqual([]);
  });
});

describe('Q402 年度家庭人口数无效', () => {
  it('fires for 0 and 31, not for 1 and 30', () => {
    const facts = cleanFacts();
    facts.incomes[0]!.householdSize = 0;
    facts.incomes[1]!.householdSize = 31;
    expect(findings('Q402', facts)).toHaveLength(2);
    facts.incomes[0]!.householdSize = 1;
    facts.incomes[1]!.householdSize = 30;
    expect(findings('Q402', facts)).toEqual([]);
  });
});

describe('Q403 缺少当年收入', () => {
  it('fires for a registered household without the check year row', () => {
    const facts = cleanFacts();
    facts.incomes = facts.incomes.filter((i) => i.year !== YEAR);
    expect(findings('Q403', facts)[0]!.message).toContain(`${YEAR}年`);
  });

  it('is silent for an ordinary household', () => {
    const facts = cleanFacts();
    facts.incomes = [];
    facts.household.status = 'ordinary';
    expect(findings('Q403', facts)).toEqual([]);
  });
});

describe('Q404 收入低于监测范围未纳入监测', () => {
  const ordinary = (fen: number) => {
    const facts = perCapita(cleanFacts(), fen);
    facts.household.status = 'ordinary';
    return facts;
  };

  it('fires for an ordinary household one fen below the line', () => {
    const [f] = findings('Q404', ordinary(MONITORING_2023 - 1));
    expect(f!.message).toContain('4,999.99元');
    expect(f!.message).toContain('5,000.00元');
  });

  it('is silent exactly at the monitoring line', () => {
    expect(findings('Q404', ordinary(MONITORING_2023))).toEqual([]);
  });

  it('fires for an exited household without a monitoring category, not with one', () => {
    const facts = perCapita(cleanFacts(), 450_000);
    facts.household.status = 'exited';
    expect(findings('Q404', facts)).toHaveLength(1);
    facts.household.monitoringCategory = '脱贫不稳定户';
    expect(findings('Q404', facts)).toEqual([]);
  });

  it('is silent for monitored households, before 2020, without a line, or without income', () => {
    const monitored = perCapita(cleanFacts(), 100_000);
    monitored.household.status = 'edge';
    expect(findings('Q404', monitored)).toEqual([]);
    const old = ordinary(100_000);
    old.incomes.push(income(old.household.id, { year: 2019, wageFen: 400_000 }));
    expect(findings('Q404', old, context({ year: 2019 }))).toEqual([]);
    expect(findings('Q404', ordinary(100_000), context({ policy: [] }))).toEqual([]);
    const none = ordinary(100_000);
    none.incomes = [];
    expect(findings('Q404', none)).toEqual([]);
  });

  it('uses the province figure when there is one', () => {
    const facts = ordinary(600_000); // 6,000 元: above 5,000, below 贵州省 2023's 7,300
    expect(findings('Q404', facts)).toEqual([]);
    expect(findings('Q404', facts, context({ province: '贵州省' }))).toHaveLength(1);
  });
});

describe('Q405 已脱贫户收入低于扶贫标准', () => {
  it('fires below the poverty line and is silent exactly at it', () => {
    const facts = perCapita(cleanFacts(), POVERTY_2023 - 1);
    facts.household.status = 'exited';
    expect(findings('Q405', facts)).toHaveLength(1);
    perCapita(facts, POVERTY_2023);
    expect(findings('Q405', facts)).toEqual([]);
  });

  it('is silent for a poor household', () => {
    expect(findings('Q405', perCapita(cleanFacts(), 1_000))).toEqual([]);
  });
});

describe('Q406 享受低保但无低保金', () => {
  it('fires when a current member is on 低保 and the year has no 低保金', () => {
    const facts = cleanFacts();
    const wife = byRelation(facts, '配偶');
    wife.isDibao = true;
    const [f] = findings('Q406', facts);
    expect(f!.memberId).toBe(wife.id);
    expect(f!.message).toContain('李秀英');
  });

  it('is silent with 低保金, or when the 低保 member left', () => {
    const facts = cleanFacts();
    const wife = byRelation(facts, '配偶');
    wife.isDibao = true;
    facts.incomes[1]!.dibaoFen = 300_000;
    expect(findings('Q406', facts)).toEqual([]);
    facts.incomes[1]!.dibaoFen = 0;
    wife.leftReason = '死亡';
    expect(findings('Q406', facts)).toEqual([]);
  });
});

describe('Q407 人均纯收入异常偏高', () => {
  it('fires above 200,000 元 and is silent exactly at it', () => {
    expect(findings('Q407', perCapita(cleanFacts(), 20_000_001))).toHaveLength(1);
    expect(findings('Q407', perCapita(cleanFacts(), 20_000_000))).toEqual([]);
  });
});
