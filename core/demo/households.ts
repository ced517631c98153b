// One household: members, registration, 低保/特困 flags, living conditions and incomes.
import type { HouseholdStatus } from '../../shared/status.ts';
import { makeFamily } from './family.ts';
import { buildIncomes } from './incomes.ts';
import { buildMember } from './members.ts';
import { groupName, mobile, naturalVillage } from './names.ts';
import { Rng } from './random.ts';
import { FORMERLY_POOR, register } from './registration.ts';
import type { DemoContext, GenHousehold, GenMember, HouseholdRow } from './types.ts';

export interface DemoVillage {
  index: number;
  id: string;
  name: string;
  groups: number;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

function attributeFor(rng: Rng, status: HouseholdStatus): string | null {
  if (!FORMERLY_POOR.includes(status)) return null;
  if (status === 'closed') return '一般贫困户';
  if (status === 'poor' || status === 'returned') return rng.weighted([['一般贫困户', 75], ['低保贫困户', 25]]);
  return rng.weighted([['一般贫困户', 70], ['低保贫困户', 24], ['特困供养贫困户', 6]]);
}

function ethnicity(rng: Rng): string {
  return rng.weighted([['汉族', 92], ['彝族', 4], ['藏族', 2], ['羌族', 2]]);
}

function markWelfare(rng: Rng, status: HouseholdStatus, attribute: string | null, ms: GenMember[]): void {
  if (attribute === '特困供养贫困户') {
    ms[0]!.row.isTekun = true;
    return;
  }
  let dibao = attribute === '低保贫困户';
  // Edge households are by definition neither 低保 nor 特困.
  if (!dibao && (status === 'unstable' || status === 'sudden')) dibao = rng.chance(0.12);
  if (!dibao) return;
  const who = rng.chance(0.6) ? ms : rng.sample(ms, rng.int(1, 2));
  for (const m of who) m.row.isDibao = true;
}

function living(rng: Rng, size: number, risks: readonly string[], registered: boolean): Partial<HouseholdRow> {
  const farmland = round1(15 * rng.next() ** 1.5);
  return {
    housingSafety: risks.includes('因安全住房') ? 'C级' : '安全',
    housingArea: Math.min(260, 40 + size * 18 + rng.int(0, 90)),
    housingStructure: rng.weighted([['砖混', 50], ['砖瓦砖木', 25], ['钢筋混凝土', 22], ['竹草土坯', 3]]),
    drinkingWaterSafe: true,
    drinkingWaterDifficult: false,
    hasElectricity: true,
    roadType: rng.weighted([['水泥路', 75], ['砂石路', 15], ['沥青路', 7], ['泥土路', 3]]),
    distanceToRoadKm: round1(4.5 * rng.next() ** 2),
    hasSanitaryToilet: rng.chance(0.85),
    fuelType: rng.weighted([['清洁能源', 45], ['柴草', 35], ['煤炭', 15], ['其他', 5]]),
    farmlandMu: farmland,
    irrigatedMu: round1(farmland * (0.2 + 0.6 * rng.next())),
    forestMu: round1(30 * rng.next() ** 2),
    returnedFarmlandMu: rng.chance(0.3) ? round1(5 * rng.next()) : 0,
    orchardMu: rng.chance(0.2) ? round1(3 * rng.next()) : 0,
    grasslandMu: 0,
    waterSurfaceMu: 0,
    inCooperative: rng.chance(registered ? 0.4 : 0.15),
    isMilitaryFamily: rng.chance(0.02),
  };
}

export function buildHousehold(ctx: DemoContext, v: DemoVillage, seq: number, status: HouseholdStatus): GenHousehold {
  const { rng } = ctx;
  const id = rng.uuid();
  const no = `${ctx.region6}${String(v.index + 1).padStart(4, '0')}${String(seq).padStart(6, '0')}`;
  const phone = mobile(rng);
  const attribute = attributeFor(rng, status);
  const people = makeFamily(rng, attribute === '特困供养贫困户' ? 'single-elderly' : 'normal');
  const eth = ethnicity(rng);
  const members = people.map((p, i) => buildMember(ctx, id, p, i + 1, eth, phone));
  markWelfare(rng, status, attribute, members);
  const reg = register(ctx, id, status, attribute, members);
  const registered = status !== 'ordinary' && status !== 'closed';
  const group = groupName(rng.int(0, v.groups - 1));
  const children = members.filter((m) => m.row.relation === '之子' || m.row.relation === '之女');
  const gh: GenHousehold = {
    villageIndex: v.index,
    status,
    members,
    incomes: [],
    history: reg.history,
    pairings: [],
    measures: [],
    assessments: [],
    helper: null,
    risks: reg.risks,
    monitoringYear: reg.monitoringYear,
    row: {
      id,
      ...ctx.stamp,
      villageId: v.id,
      no,
      groupName: group,
      naturalVillage: rng.chance(0.5) ? naturalVillage(rng) : null,
      address: `${ctx.townshipName}${v.name}${group}${rng.int(1, 200)}号`,
      phone,
      status,
      ...living(rng, members.length, reg.fields.riskRemoved === true ? [] : reg.risks, registered),
      // From a generator of its own, so the rest of the township stays as it was before the field existed.
      buildYear: new Rng(`build|${no}`).int(1978, ctx.asOfYear - 1),
      isOnlyChild: children.length === 1 && members[0]!.age < 50,
      isTwoDaughters: children.length === 2 && children.every((c) => c.row.relation === '之女'),
      relocation: status === 'exited' && rng.chance(0.04) ? '建档立卡贫困户个别搬迁' : null,
      bankName: registered || rng.chance(0.5) ? '四川省农村信用社' : null,
      bankAccount: null,
      notes: null,
      ...reg.fields,
    },
  };
  if (gh.row.bankName !== null) gh.row.bankAccount = `6214${rng.digits(15)}`;
  buildIncomes(ctx, gh);
  return gh;
}
