// Q301–Q307: a member's age, health, schooling, labour, work months and insurance.
import { describe, expect, it } from 'vitest';
import { bornOn, byRelation, cleanFacts, findings } from './test-fixture.ts';

describe('Q301 劳动年龄健康却无劳动力', () => {
  const idleAdult = (birthDate: string) => {
    const facts = cleanFacts();
    const son = bornOn(byRelation(facts, '之子'), birthDate);
    son.labourAbility = '无劳动力';
    return { facts, son };
  };

  it('fires at exactly 16 and exactly 60', () => {
    for (const birth of ['2008-06-30', '1964-06-30']) {
      const { facts, son } = idleAdult(birth);
      expect(findings('Q301', facts).map((f) => f.memberId), birth).toEqual([son.id]);
    }
  });

  it('is silent at 15 and 61, for students, for the sick, and for 丧失 vs 普通 labour', () => {
    expect(findings('Q301', idleAdult('2008-07-01').facts)).toEqual([]);
    expect(findings('Q301', idleAdult('1963-06-30').facts)).toEqual([]);
    const student = idleAdult('2005-01-01');
    student.son.schoolStatus = '大专及以上';
    expect(findings('Q301', student.facts)).toEqual([]);
    const sick = idleAdult('1990-01-01');
    sick.son.health = '患有大病';
    expect(findings('Q301', sick.facts)).toEqual([]);
  });

  it('fires for 丧失劳动力 with an empty school status', () => {
    const { facts, son } = idleAdult('1990-01-01');
    son.labourAbility = '丧失劳动力';
    son.schoolStatus = null;
    expect(findings('Q301', facts)).toHaveLength(1);
  });
});

describe('Q302 义务教育适龄未在校', () => {
  const outOfSchool = (birthDate: string) => {
    const facts = cleanFacts();
    const girl = bornOn(byRelation(facts, '之女'), birthDate);
    girl.schoolStatus = '非在校生';
    return { facts, girl };
  };

  it('fires at exactly 7 and exactly 15', () => {
    for (const birth of ['2017-06-30', '2008-07-01']) {
      const { facts, girl } = outOfSchool(birth);
      expect(findings('Q302', facts).map((f) => f.memberId), birth).toEqual([girl.id]);
    }
  });

  it('is silent at 6 and 16, for a disabled child, and for a child in school', () => {
    expect(findings('Q302', outOfSchool('2017-07-01').facts)).toEqual([]);
    expect(findings('Q302', outOfSchool('2008-06-30').facts)).toEqual([]);
    const disabled = outOfSchool('2014-09-01');
    disabled.girl.health = '残疾';
    expect(findings('Q302', disabled.facts)).toEqual([]);
    expect(findings('Q302', cleanFacts())).toEqual([]);
  });
});

describe('Q303 未满16岁却为劳动力', () => {
  it('fires for a 15-year-old 普通劳动力, not for a 16-year-old', () => {
    const facts = cleanFacts();
    const girl = bornOn(byRelation(facts, '之女'), '2008-07-01');
    girl.labourAbility = '普通劳动力';
    expect(findings('Q303', facts)).toHaveLength(1);
    bornOn(girl, '2008-06-30');
    expect(findings('Q303', facts)).toEqual([]);
  });

  it('is silent for a child without labour', () => {
    expect(findings('Q303', cleanFacts())).toEqual([]);
  });
});

describe('Q304 在校生年龄异常', () => {
  it('fires for a 2-year-old in 小学 and a 31-year-old in 高中一年级', () => {
    const facts = cleanFacts();
    bornOn(byRelation(facts, '之女'), '2022-01-01');
    const son = bornOn(byRelation(facts, '之子'), '1993-01-01');
    son.schoolStatus = '高中一年级';
    expect(findings('Q304', facts)).toHaveLength(2);
  });

  it('is silent at exactly 3 and 30, for 非在校生, and for a toddler recorded as 学龄前儿童', () => {
    const facts = cleanFacts();
    const girl = bornOn(byRelation(facts, '之女'), '2021-06-30');
    girl.schoolStatus = '学前教育';
    const son = bornOn(byRelation(facts, '之子'), '1994-06-30');
    son.schoolStatus = '大专及以上';
    expect(findings('Q304', facts)).toEqual([]);
    bornOn(girl, '2023-01-01');
    girl.schoolStatus = '学龄前儿童';
    expect(findings('Q304', facts)).toEqual([]);
  });
});

describe('Q305 残疾人员未填残疾等级', () => {
  it('fires for 残疾 without a grade and is silent with one', () => {
    const facts = cleanFacts();
    const wife = byRelation(facts, '配偶');
    wife.health = '残疾';
    expect(findings('Q305', facts)).toHaveLength(1);
    wife.disabilityGrade = '肢体三级';
    expect(findings('Q305', facts)).toEqual([]);
  });
});

describe('Q306 务工时间超出范围', () => {
  it('fires for 13 and −1 months and is silent for 0, 12 and empty', () => {
    const facts = cleanFacts();
    facts.members[0]!.workMonths = 13;
    facts.members[1]!.workMonths = -1;
    expect(findings('Q306', facts)).toHaveLength(2);
    facts.members[0]!.workMonths = 12;
    facts.members[1]!.workMonths = 0;
    facts.members[2]!.workMonths = null;
    expect(findings('Q306', facts)).toEqual([]);
  });
});

describe('Q307 未参加基本医疗保险', () => {
  it('fires for a registered household member without insurance', () => {
    const facts = cleanFacts();
    const son = byRelation(facts, '之子');
    son.medicalInsurance = false;
    const [f] = findings('Q307', facts);
    expect(f!.memberId).toBe(son.id);
  });

  it('is silent for an ordinary household, an unknown answer, or a member who left', () => {
    const facts = cleanFacts();
    const son = byRelation(facts, '之子');
    son.medicalInsurance = null;
    expect(findings('Q307', facts)).toEqual([]);
    son.medicalInsurance = false;
    son.leftReason = '其他转出';
    expect(findings('Q307', facts)).toEqual([]);
    son.leftReason = null;
    facts.household.status = 'ordinary';
    expect(findings('Q307', facts)).toEqual([]);
  });
});
