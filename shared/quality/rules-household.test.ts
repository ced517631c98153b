// Q501–Q507 (causes), Q601–Q605 (living conditions), Q701–Q708 (status and monitoring).
import { describe, expect, it } from 'vitest';
import { byRelation, cleanFacts, context, findings, historyEntry, measure, pairing, TODAY, YEAR } from './test-fixture.ts';

describe('Q501–Q504 cause backed by the members', () => {
  it('Q501 fires for 因病 when nobody is ill, silent when the ill member is there', () => {
    const facts = cleanFacts();
    expect(findings('Q501', facts)).toEqual([]);
    byRelation(facts, '配偶').leftReason = '死亡';
    expect(findings('Q501', facts)).toHaveLength(1);
  });

  it('Q502 fires for 因残 without a disabled member, silent with one', () => {
    const facts = cleanFacts();
    facts.household.mainCause = '因残';
    expect(findings('Q502', facts)).toHaveLength(1);
    byRelation(facts, '之子').health = '残疾';
    expect(findings('Q502', facts)).toEqual([]);
  });

  it('Q503 fires for 因学 when nobody is in school (学龄前儿童 does not count), silent with a pupil', () => {
    const facts = cleanFacts();
    facts.household.mainCause = '因学';
    expect(findings('Q503', facts)).toEqual([]);
    byRelation(facts, '之女').schoolStatus = '学龄前儿童';
    expect(findings('Q503', facts)).toHaveLength(1);
  });

  it('Q504 fires for 缺劳力 with two workers, silent with one', () => {
    const facts = cleanFacts();
    facts.household.mainCause = '缺劳力';
    byRelation(facts, '户主').labourAbility = '普通劳动力';
    expect(findings('Q504', facts)[0]!.message).toContain('张建国、张伟');
    byRelation(facts, '户主').labourAbility = '弱劳动力或半劳动力';
    expect(findings('Q504', facts)).toEqual([]);
  });
});

describe('Q505–Q507 cause and attribute fields', () => {
  it('Q505 fires for three other causes or one equal to the main cause', () => {
    const facts = cleanFacts();
    facts.household.otherCauses = ['缺技术', '缺资金', '因灾'];
    expect(findings('Q505', facts)).toHaveLength(1);
    facts.household.otherCauses = ['因病'];
    expect(findings('Q505', facts)[0]!.message).toContain('与主要致贫原因重复');
  });

  it('Q505 is silent for two distinct other causes or none', () => {
    const facts = cleanFacts();
    facts.household.otherCauses = ['缺技术', '缺资金'];
    expect(findings('Q505', facts)).toEqual([]);
    facts.household.otherCauses = null;
    expect(findings('Q505', facts)).toEqual([]);
  });

  it('Q506 / Q507 fire for a filed household without cause / attribute, not for a monitored one', () => {
    const facts = cleanFacts();
    facts.household.mainCause = null;
    facts.household.attribute = ' ';
    expect(findings('Q506', facts)).toHaveLength(1);
    expect(findings('Q507', facts)).toHaveLength(1);
    facts.household.status = 'edge';
    expect(findings('Q506', facts)).toEqual([]);
    expect(findings('Q507', facts)).toEqual([]);
  });
});

describe('Q601–Q605 living conditions', () => {
  it('Q601 fires for 100.5 亩 and −1, silent for exactly 100', () => {
    const facts = cleanFacts();
    facts.household.farmlandMu = 100.5;
    expect(findings('Q601', facts)).toHaveLength(1);
    facts.household.farmlandMu = -1;
    expect(findings('Q601', facts)).toHaveLength(1);
    facts.household.farmlandMu = 100;
    expect(findings('Q601', facts)).toEqual([]);
  });

  it('Q602 fires per field above 200 亩, silent at exactly 200', () => {
    const facts = cleanFacts();
    facts.household.forestMu = 200.5;
    facts.household.orchardMu = -2;
    facts.household.returnedFarmlandMu = 200;
    expect(findings('Q602', facts).map((f) => f.field)).toEqual(['forestMu', 'orchardMu']);
  });

  it('Q603 fires above 5 km, silent at 5', () => {
    const facts = cleanFacts();
    facts.household.distanceToRoadKm = 5.1;
    expect(findings('Q603', facts)).toHaveLength(1);
    facts.household.distanceToRoadKm = 5;
    expect(findings('Q603', facts)).toEqual([]);
  });

  it('Q604 fires above 1000 ㎡ or below 0, silent at 1000', () => {
    const facts = cleanFacts();
    facts.household.housingArea = 1200;
    expect(findings('Q604', facts)).toHaveLength(1);
    facts.household.housingArea = -3;
    expect(findings('Q604', facts)).toHaveLength(1);
    facts.household.housingArea = 1000;
    expect(findings('Q604', facts)).toEqual([]);
  });

  it('Q605 fires for an exited household in a D级 house, not a poor one', () => {
    const facts = cleanFacts();
    facts.household.housingSafety = 'D级';
    expect(findings('Q605', facts)).toEqual([]);
    facts.household.status = 'exited';
    expect(findings('Q605', facts)[0]!.message).toContain('D级');
    facts.household.housingSafety = '安全';
    expect(findings('Q605', facts)).toEqual([]);
  });
});

describe('Q701–Q704 monitoring', () => {
  const monitored = () => {
    const facts = cleanFacts();
    Object.assign(facts.household, { status: 'unstable', monitoringCategory: '脱贫不稳定户', monitoringStart: '202301' });
    facts.history.push(historyEntry(facts.household.id, { status: 'unstable', effectiveOn: '2023-01-15' }));
    return facts;
  };

  it('the monitored fixture variant is clean for these rules', () => {
    for (const code of ['Q701', 'Q702', 'Q703', 'Q704', 'Q706']) expect(findings(code, monitored()), code).toEqual([]);
  });

  it('Q701 fires without a monitoring category', () => {
    const facts = monitored();
    facts.household.monitoringCategory = null;
    expect(findings('Q701', facts)).toHaveLength(1);
  });

  it('Q702 fires when risk removed without method or end month, silent when complete', () => {
    const facts = monitored();
    facts.household.riskRemoved = true;
    expect(findings('Q702', facts)[0]!.message).toContain('风险消除方式和消除监测时间');
    Object.assign(facts.household, { riskRemovalMethod: '帮扶消除', monitoringEnd: '202312' });
    expect(findings('Q702', facts)).toEqual([]);
  });

  it('Q703 fires 5 months after identification, not 6', () => {
    const facts = monitored();
    Object.assign(facts.household, { riskRemoved: true, riskRemovalMethod: '帮扶消除', monitoringStart: '202309', monitoringEnd: '202402' });
    expect(findings('Q703', facts)[0]!.message).toContain('仅5个月');
    facts.household.monitoringEnd = '202403';
    expect(findings('Q703', facts)).toEqual([]);
  });

  it('Q703 is silent when a month is unknown or malformed, or the risk is not removed', () => {
    const facts = monitored();
    Object.assign(facts.household, { riskRemoved: true, monitoringStart: '2023-09', monitoringEnd: '202310' });
    expect(findings('Q703', facts)).toEqual([]);
    Object.assign(facts.household, { riskRemoved: false, monitoringStart: '202309' });
    expect(findings('Q703', facts)).toEqual([]);
  });

  it('Q704 fires when the check year has no measure, silent for a poor household', () => {
    const facts = monitored();
    facts.measures = [measure(facts.household.id, { year: YEAR - 1 })];
    expect(findings('Q704', facts)[0]!.message).toContain(`${YEAR}年没有登记任何帮扶措施`);
    facts.household.status = 'poor';
    expect(findings('Q704', facts)).toEqual([]);
  });
});

describe('Q705–Q708 status', () => {
  it('Q705 fires when every pairing has ended, silent when one ends today or later', () => {
    const facts = cleanFacts();
    facts.pairings = [pairing(facts.household.id, { endOn: '2024-06-29' })];
    expect(findings('Q705', facts)).toHaveLength(1);
    facts.pairings.push(pairing(facts.household.id, { endOn: TODAY }));
    expect(findings('Q705', facts)).toEqual([]);
    facts.pairings = [];
    facts.household.status = 'exited';
    expect(findings('Q705', facts)).toEqual([]);
  });

  it('Q706 fires without history and when the latest entry differs', () => {
    const facts = cleanFacts();
    facts.history = [];
    expect(findings('Q706', facts)[0]!.message).toContain('没有任何状态变更记录');
    facts.history = [historyEntry(facts.household.id), historyEntry(facts.household.id, { status: 'exited', effectiveOn: '2019-12-01' })];
    expect(findings('Q706', facts)[0]!.message).toContain('2019-12-01');
  });

  it('Q706 is silent for an ordinary household without history and for a matching latest entry', () => {
    const facts = cleanFacts();
    facts.history = [];
    facts.household.status = 'ordinary';
    expect(findings('Q706', facts)).toEqual([]);
    facts.household.status = 'exited';
    facts.history = [historyEntry(facts.household.id), historyEntry(facts.household.id, { status: 'exited', effectiveOn: '2019-12-01' })];
    expect(findings('Q706', facts)).toEqual([]);
  });

  it('Q707 fires for an exited household without exit year', () => {
    const facts = cleanFacts();
    facts.household.status = 'exited';
    expect(findings('Q707', facts)).toHaveLength(1);
    facts.household.exitYear = 2019;
    expect(findings('Q707', facts)).toEqual([]);
  });

  it('Q708 fires for an edge household with a 低保 member or a 低保 attribute', () => {
    const facts = cleanFacts();
    facts.household.status = 'edge';
    expect(findings('Q708', facts)).toEqual([]);
    byRelation(facts, '配偶').isTekun = true;
    expect(findings('Q708', facts)[0]!.message).toContain('李秀英');
    byRelation(facts, '配偶').isTekun = false;
    facts.household.attribute = '低保贫困户';
    expect(findings('Q708', facts)).toHaveLength(1);
  });

  it('Q708 is silent for a poor household on 低保', () => {
    const facts = cleanFacts();
    byRelation(facts, '配偶').isDibao = true;
    facts.household.attribute = '低保贫困户';
    expect(findings('Q708', facts, context())).toEqual([]);
  });
});
