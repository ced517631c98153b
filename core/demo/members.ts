// Member rows: name, a valid unique ID number, and attributes that fit the age (education,
// school status, health, labour ability, work). Labour follows health and schooling so the
// quality rules (16–60 healthy ⇒ labour; under 16 ⇒ no labour; 7–15 ⇒ in school) hold at
// every age, and stay true a year either side of asOf.
import { ageOn } from '../../shared/dates.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import { nameInitials } from '../../shared/pinyin.ts';
import type { Person } from './family.ts';
import { givenName, mobile } from './names.ts';
import type { Rng } from './random.ts';
import type { DemoContext, GenMember } from './types.ts';

const initialsCache = new Map<string, string>();

export function initialsOf(name: string): string {
  let v = initialsCache.get(name);
  if (v === undefined) {
    v = nameInitials(name);
    initialsCache.set(name, v);
  }
  return v;
}

/** A valid ID number not yet used in the archive. */
export function uniqueId(ctx: DemoContext, birthDate: string, gender: '男' | '女'): string {
  let seq = ctx.rng.int(0, 999);
  for (;;) {
    const id = makeIdNumber(ctx.region6, birthDate, seq, gender);
    if (!ctx.usedIds.has(id)) {
      ctx.usedIds.add(id);
      return id;
    }
    seq = (seq + 2) % 1000;
  }
}

function birthDateFor(ctx: DemoContext, age: number): string {
  const m = ctx.rng.int(1, 12);
  const d = ctx.rng.int(1, 28);
  return `${ctx.asOfYear - age}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function schoolStatus(rng: Rng, age: number): string | null {
  if (age < 4) return null;
  if (age <= 5) return '学前教育';
  if (age === 6) return rng.chance(0.5) ? '学前教育' : '小学';
  if (age <= 12) return '小学';
  if (age <= 15) return ['七年级', '八年级', '九年级'][age - 13]!;
  const track = rng.chance(0.7) ? '高中' : '中职';
  if (age === 16) return `${track}一年级`;
  if (age === 17) return rng.chance(0.85) ? `${track}二年级` : '非在校生';
  if (age === 18) return rng.chance(0.6) ? `${track}三年级` : '非在校生';
  if (age <= 22) return rng.chance(0.25) ? '大专及以上' : '非在校生';
  return '非在校生';
}

export function isStudent(schoolStatusValue: string | null | undefined): boolean {
  return schoolStatusValue != null && schoolStatusValue !== '非在校生' && schoolStatusValue !== '学龄前儿童';
}

function education(rng: Rng, age: number, school: string | null): string {
  if (age < 6 && !isStudent(school)) return '学龄前儿童';
  if (school === '学前教育') return '学龄前儿童';
  if (school === '小学') return '小学';
  if (school === '七年级' || school === '八年级' || school === '九年级') return '初中';
  if (school != null && (school.startsWith('高中') || school.startsWith('中职'))) return '高中';
  if (school === '大专及以上') return '大专及以上';
  if (age >= 65) return rng.weighted([['文盲或半文盲', 40], ['小学', 45], ['初中', 15]]);
  if (age >= 45) return rng.weighted([['文盲或半文盲', 8], ['小学', 45], ['初中', 40], ['高中', 7]]);
  if (age >= 25) return rng.weighted([['小学', 12], ['初中', 55], ['高中', 22], ['大专及以上', 11]]);
  const e = rng.weighted([['初中', 50], ['高中', 35], ['大专及以上', 15]]);
  // Nobody under 18 has finished college (rule Q313); the draw stays as it was.
  return e === '大专及以上' && age < 18 ? '高中' : e;
}

const WORK: readonly (readonly [string, number, readonly string[]])[] = [
  ['乡（镇）内务工', 15, ['本镇']],
  ['乡（镇）外县内务工', 25, ['县城', '县工业园区']],
  ['县外省内务工', 30, ['成都市', '绵阳市', '宜宾市', '南充市']],
  ['省外务工', 30, ['广东省东莞市', '浙江省宁波市', '江苏省苏州市', '福建省厦门市', '新疆维吾尔自治区']],
];

/** Labour ability and work from age, health and schooling; called again whenever health changes. */
export function refreshLabour(rng: Rng, m: GenMember): void {
  const { row, age } = m;
  let labour: string;
  if (age < 16 || isStudent(row.schoolStatus)) labour = '无劳动力';
  else if (row.health === '残疾') labour = row.disabilityGrade === '一级' || row.disabilityGrade === '二级' ? '丧失劳动力' : '弱劳动力或半劳动力';
  else if (row.health === '患有大病') labour = rng.chance(0.5) ? '丧失劳动力' : '弱劳动力或半劳动力';
  else if (row.health === '长期慢性病') labour = '弱劳动力或半劳动力';
  else if (age <= 62) labour = rng.chance(0.15) ? '技能劳动力' : '普通劳动力';
  else if (age < 70) labour = '弱劳动力或半劳动力';
  else labour = rng.chance(0.4) ? '弱劳动力或半劳动力' : '丧失劳动力';
  row.labourAbility = labour;
  row.workStatus = null;
  row.workPlace = null;
  row.workMonths = age >= 16 && !isStudent(row.schoolStatus) ? 0 : null;
  const able = labour === '普通劳动力' || labour === '技能劳动力';
  if ((able && rng.chance(0.85)) || (labour === '弱劳动力或半劳动力' && age < 70 && rng.chance(0.2))) {
    const [status, , places] = rng.weighted(WORK.map((w) => [w, w[1]] as const));
    row.workStatus = able ? status : '乡（镇）内务工';
    row.workPlace = able ? rng.pick(places) : '本镇';
    row.workMonths = able ? rng.int(3, 12) : rng.int(2, 8);
  }
}

/**
 * Past 60 a worker is recorded as 弱劳动力或半劳动力 (rule Q311). Done once everything else is
 * built, so causes, work and every random draw stay as they were.
 */
export function retireOldWorkers(all: readonly { members: GenMember[] }[]): void {
  for (const gh of all) {
    for (const m of gh.members) {
      if (m.age >= 60 && (m.row.labourAbility === '普通劳动力' || m.row.labourAbility === '技能劳动力')) m.row.labourAbility = '弱劳动力或半劳动力';
    }
  }
}

const GRADES: readonly (readonly [string, number])[] = [['一级', 10], ['二级', 20], ['三级', 35], ['四级', 35]];

export function setHealth(rng: Rng, m: GenMember, health: string): void {
  m.row.health = health;
  m.row.disabilityGrade = health === '残疾' ? rng.weighted(GRADES) : null;
  m.row.seriousIllnessInsurance = true;
  refreshLabour(rng, m);
}

function backgroundHealth(rng: Rng, age: number): string {
  if (rng.chance(age < 18 ? 0.008 : 0.025)) return '残疾';
  if (age >= 50 && rng.chance(0.1)) return '长期慢性病';
  if (age >= 40 && rng.chance(0.015)) return '患有大病';
  return '健康';
}

function politicalStatus(rng: Rng, age: number): string | null {
  if (age < 14) return null;
  if (age <= 28 && rng.chance(0.25)) return '共青团员';
  if (age >= 22 && rng.chance(0.06)) return '中共党员';
  return '群众';
}

export function buildMember(ctx: DemoContext, householdId: string, p: Person, seq: number, ethnicity: string, phone: string): GenMember {
  const { rng } = ctx;
  const birthDate = birthDateFor(ctx, p.age);
  const age = ageOn(birthDate, ctx.asOf);
  const name = p.surname + givenName(rng, p.gender);
  const school = schoolStatus(rng, age);
  const m: GenMember = {
    age,
    row: {
      id: rng.uuid(),
      ...ctx.stamp,
      householdId,
      seq,
      name,
      nameInitials: initialsOf(name),
      idNumber: uniqueId(ctx, birthDate, p.gender),
      idType: '居民身份证',
      gender: p.gender,
      birthDate,
      relation: p.relation,
      ethnicity,
      education: education(rng, age, school),
      schoolStatus: school,
      health: '健康',
      disabilityGrade: null,
      politicalStatus: politicalStatus(rng, age),
      phone: p.relation === '户主' ? phone : age >= 18 && age <= 60 && rng.chance(0.4) ? mobile(rng) : null,
      medicalInsurance: true,
      pensionInsurance: age >= 16,
      seriousIllnessInsurance: true,
      commercialInsurance: rng.chance(0.04),
      isDibao: false,
      isTekun: false,
      leftReason: null,
      leftOn: null,
    },
  };
  setHealth(rng, m, backgroundHealth(rng, age));
  return m;
}
