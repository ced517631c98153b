// Q101–Q104, Q106 (ID numbers) and Q201–Q208 (household structure).
import { describe, expect, it } from 'vitest';
import { bornOn, byRelation, cleanFacts, findings, member, withWrongCheckDigit } from './test-fixture.ts';

describe('Q101 身份证号无效', () => {
  it('fires on a wrong check digit, naming the problem and masking the number', () => {
    const facts = cleanFacts();
    const head = byRelation(facts, '户主');
    head.idNumber = withWrongCheckDigit(head.idNumber!);
    const [f, ...rest] = findings('Q101', facts);
    expect(rest).toEqual([]);
    expect(f!.memberId).toBe(head.id);
    expect(f!.field).toBe('idNumber');
    expect(f!.message).toContain('张建国（户主，');
    expect(f!.message).toContain('校验位');
    expect(f!.message).toContain('510722********');
    expect(f!.message).not.toContain(head.idNumber);
  });

  it('fires on a bad length or birth date', () => {
    const facts = cleanFacts();
    facts.members[0]!.idNumber = '51072219750310';
    facts.members[1]!.idNumber = '510722197702300000';
    const messages = findings('Q101', facts).map((f) => f.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('18位');
    expect(messages[1]).toContain('出生日期');
  });

  it('is silent for valid, empty and placeholder IDs and for members who left', () => {
    const facts = cleanFacts();
    facts.members[0]!.idNumber = null;
    facts.members[1]!.idNumber = '999999197708210026';
    facts.members[2]!.idNumber = withWrongCheckDigit(facts.members[2]!.idNumber!);
    facts.members[2]!.leftReason = '死亡';
    expect(findings('Q101', facts)).toEqual([]);
    expect(findings('Q101', cleanFacts())).toEqual([]);
  });
});

describe('Q102 身份证号缺失', () => {
  it('fires for an empty and a placeholder ID', () => {
    const facts = cleanFacts();
    facts.members[0]!.idNumber = '  ';
    facts.members[1]!.idNumber = '999999197708210026';
    const fs = findings('Q102', facts);
    expect(fs.map((f) => f.memberId)).toEqual([facts.members[0]!.id, facts.members[1]!.id]);
    expect(fs[1]!.message).toContain('占位');
  });

  it('is silent for valid and merely invalid IDs', () => {
    const facts = cleanFacts();
    facts.members[0]!.idNumber = withWrongCheckDigit(facts.members[0]!.idNumber!);
    expect(findings('Q102', facts)).toEqual([]);
  });
});

describe('Q103 性别与身份证号不符', () => {
  it('fires when the recorded gender differs from the ID', () => {
    const facts = cleanFacts();
    byRelation(facts, '之子').gender = '女';
    const [f] = findings('Q103', facts);
    expect(f!.message).toContain('张伟（之子，23岁）性别填为“女”，但身份证号显示为“男”');
  });

  it('is silent when gender is empty or the ID is invalid', () => {
    const facts = cleanFacts();
    byRelation(facts, '之子').gender = null;
    const wife = byRelation(facts, '配偶');
    wife.gender = '男';
    wife.idNumber = withWrongCheckDigit(wife.idNumber!);
    expect(findings('Q103', facts)).toEqual([]);
  });
});

describe('Q104 出生日期与身份证号不符', () => {
  it('fires when the recorded birth date differs from the ID', () => {
    const facts = cleanFacts();
    byRelation(facts, '之女').birthDate = '2014-09-02';
    const [f] = findings('Q104', facts);
    expect(f!.field).toBe('birthDate');
    expect(f!.message).toContain('2014-09-02');
    expect(f!.message).toContain('2014-09-01');
  });

  it('is silent without a recorded birth date', () => {
    const facts = cleanFacts();
    byRelation(facts, '之女').birthDate = null;
    expect(findings('Q104', facts)).toEqual([]);
  });
});

describe('Q106 户内身份证号重复', () => {
  it('fires once for the second member with the same number (also when typed in lower case)', () => {
    const facts = cleanFacts();
    const [head, wife] = facts.members;
    wife!.idNumber = head!.idNumber!.toLowerCase();
    const fs = findings('Q106', facts);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.memberId).toBe(wife!.id);
    expect(fs[0]!.message).toContain('张建国');
  });

  it('is silent when the duplicate left or the IDs are empty', () => {
    const facts = cleanFacts();
    const [head, wife, son, girl] = facts.members;
    wife!.idNumber = head!.idNumber;
    wife!.leftReason = '死亡';
    son!.idNumber = null;
    girl!.idNumber = '';
    expect(findings('Q106', facts)).toEqual([]);
  });
});

describe('Q201 无户主 / Q202 户主多于一人', () => {
  it('Q201 fires when nobody current is the head', () => {
    const facts = cleanFacts();
    byRelation(facts, '户主').leftReason = '死亡';
    expect(findings('Q201', facts)).toHaveLength(1);
  });

  it('Q201 is silent with a head, and for an empty household (Q208 speaks)', () => {
    expect(findings('Q201', cleanFacts())).toEqual([]);
    const empty = cleanFacts();
    empty.members = [];
    expect(findings('Q201', empty)).toEqual([]);
  });

  it('Q202 fires with two current heads and is silent when one of them left', () => {
    const facts = cleanFacts();
    byRelation(facts, '之子').relation = '户主';
    const [f] = findings('Q202', facts);
    expect(f!.message).toContain('张建国');
    expect(f!.message).toContain('张伟');
    facts.members[2]!.leftReason = '其他转出';
    expect(findings('Q202', facts)).toEqual([]);
  });
});

describe('Q203 配偶与户主性别相同', () => {
  it('fires when spouse and head are both men', () => {
    const facts = cleanFacts();
    const wife = byRelation(facts, '配偶');
    wife.gender = '男';
    bornOn(wife, '1977-08-21');
    expect(findings('Q203', facts).map((f) => f.memberId)).toEqual([wife.id]);
  });

  it('is silent when the spouse gender is unknown', () => {
    const facts = cleanFacts();
    const wife = byRelation(facts, '配偶');
    wife.idNumber = null;
    wife.gender = null;
    expect(findings('Q203', facts)).toEqual([]);
  });
});

describe('Q204 户主未满16岁', () => {
  it('fires at 15 and is silent at exactly 16', () => {
    const facts = cleanFacts();
    const head = byRelation(facts, '户主');
    bornOn(head, '2008-07-01'); // 15 on 2024-06-30
    expect(findings('Q204', facts)).toHaveLength(1);
    bornOn(head, '2008-06-30'); // 16 that day
    expect(findings('Q204', facts)).toEqual([]);
  });

  it('is silent without any birth date', () => {
    const facts = cleanFacts();
    const head = byRelation(facts, '户主');
    head.idNumber = null;
    head.birthDate = null;
    expect(findings('Q204', facts)).toEqual([]);
  });
});

describe('Q205 子女与户主年龄不合 / Q206 父母与户主年龄不合', () => {
  it('Q205 fires at a 14-year gap, not at 15', () => {
    const facts = cleanFacts();
    const son = byRelation(facts, '之子');
    bornOn(son, '1989-03-10'); // 35, head 49
    expect(findings('Q205', facts).map((f) => f.memberId)).toEqual([son.id]);
    bornOn(son, '1990-03-10'); // 34
    expect(findings('Q205', facts)).toEqual([]);
  });

  it('Q205 uses the recorded birth date when the ID is missing, and is silent without either', () => {
    const facts = cleanFacts();
    const son = byRelation(facts, '之子');
    son.idNumber = null;
    son.birthDate = '1980-01-01';
    expect(findings('Q205', facts)).toHaveLength(1);
    son.birthDate = null;
    expect(findings('Q205', facts)).toEqual([]);
  });

  it('Q206 fires for a mother only 10 years older than the head, not for one 25 years older', () => {
    const facts = cleanFacts();
    const mother = member(facts.household.id, 5, { name: '王桂兰', relation: '之母', gender: '女', birthDate: '1965-01-01' });
    facts.members.push(mother);
    const [f] = findings('Q206', facts);
    expect(f!.message).toContain('王桂兰（之母，59岁）只比户主张建国（49岁）大10岁');
    bornOn(mother, '1950-01-01');
    expect(findings('Q206', facts)).toEqual([]);
  });
});

describe('Q207 与户主关系与性别不符', () => {
  it('fires for a female 之子 and a male 之儿媳', () => {
    const facts = cleanFacts();
    const son = byRelation(facts, '之子');
    son.gender = '女';
    bornOn(son, '2001-05-02');
    facts.members.push(member(facts.household.id, 5, { name: '刘强', relation: '之儿媳', gender: '男', birthDate: '2000-02-02' }));
    expect(findings('Q207', facts)).toHaveLength(2);
  });

  it('is silent for matching or neutral relations', () => {
    const facts = cleanFacts();
    facts.members.push(member(facts.household.id, 5, { name: '赵兰', relation: '之兄弟姐妹', gender: '女', birthDate: '1980-02-02' }));
    expect(findings('Q207', facts)).toEqual([]);
  });
});

describe('Q208 户内无成员', () => {
  it('fires when every member left, and when there are none', () => {
    const facts = cleanFacts();
    for (const m of facts.members) m.leftReason = '其他转出';
    expect(findings('Q208', facts)[0]!.message).toContain('4名成员都已登记减员');
    facts.members = [];
    expect(findings('Q208', facts)).toHaveLength(1);
  });

  it('is silent with one current member', () => {
    const facts = cleanFacts();
    for (const m of facts.members.slice(1)) m.leftReason = '其他转出';
    expect(findings('Q208', facts)).toEqual([]);
  });
});
