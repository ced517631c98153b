// Helpers (帮扶责任人), pairings, measures and the yearly 两不愁三保障 assessment.
// Poor and returned households always have an open pairing; every monitored household gets
// at least one measure in each income year, chosen to answer its risks.
import { addDays } from '../../shared/dates.ts';
import { MONITORED_STATUSES, REGISTERED_STATUSES } from '../../shared/status.ts';
import { HELPER_UNITS, mobile, personName } from './names.ts';
import type { Rng } from './random.ts';
import type { DemoContext, GenHousehold, HelperRow } from './types.ts';

type Template = readonly [content: string, minYuan: number, maxYuan: number];

const MEASURES: Record<string, readonly Template[]> = {
  产业帮扶: [['发放到户产业发展补助，发展生猪养殖', 1000, 5000], ['提供脆李种苗并开展技术指导', 800, 3000], ['发放鸡苗，发展林下养鸡', 600, 2000]],
  就业帮扶: [['发放外出务工一次性交通补贴', 300, 800], ['推荐到县工业园区企业务工', 0, 0], ['参加县人社局组织的技能培训', 300, 1200]],
  金融帮扶: [['办理脱贫人口小额信贷，财政全额贴息', 30000, 50000]],
  公益岗位帮扶: [['安排村保洁员公益性岗位', 3600, 7200], ['安排护林员公益性岗位', 4800, 9600]],
  健康帮扶: [['落实住院“先诊疗后付费”和“一站式”结算', 1000, 8000], ['家庭医生签约服务，慢性病门诊报销', 500, 2000]],
  教育帮扶: [['落实学生资助（营养改善计划、助学金）', 500, 3000], ['申请雨露计划职业教育补助', 3000, 3000]],
  住房安全保障: [['实施农村危房改造', 10000, 35000], ['房屋加固维修补助', 5000, 15000]],
  饮水安全保障: [['实施安全饮水巩固提升工程，接通自来水', 500, 2000]],
  综合保障: [['落实临时救助', 1000, 5000], ['落实兜底保障政策，按时发放救助资金', 1000, 6000]],
  社会帮扶: [['帮扶单位节日走访慰问', 200, 1000], ['开展消费帮扶，帮助销售农产品', 500, 3000]],
};

const ANSWERS: Record<string, readonly string[]> = {
  因病: ['健康帮扶'], 因残: ['综合保障', '社会帮扶'], 因学: ['教育帮扶'], 因灾: ['住房安全保障', '社会帮扶'],
  因意外事故: ['综合保障', '社会帮扶'], 因产业项目失败: ['产业帮扶', '金融帮扶'], 因务工就业不稳: ['就业帮扶', '公益岗位帮扶'],
  缺劳动力: ['公益岗位帮扶', '综合保障'], 缺劳力: ['公益岗位帮扶', '综合保障'], 因安全住房: ['住房安全保障'],
  缺技术: ['就业帮扶'], 缺资金: ['金融帮扶', '产业帮扶'], 缺土地: ['产业帮扶'], 缺水: ['饮水安全保障'],
  交通条件落后: ['产业帮扶'], 自身发展动力不足: ['就业帮扶', '产业帮扶'],
};

const GENERAL = ['产业帮扶', '就业帮扶', '社会帮扶'];
const pad = (n: number): string => String(n).padStart(2, '0');

function unitName(ctx: DemoContext, unit: string, villageName: string): string {
  if (unit.startsWith('县') && ctx.county) return ctx.county + unit.slice(1);
  if (unit.startsWith('镇')) return ctx.townshipName + unit.slice(1);
  if (unit === '村民委员会') return villageName + unit;
  return unit;
}

export function buildHelpers(ctx: DemoContext, count: number, villageNames: readonly string[]): HelperRow[] {
  const { rng } = ctx;
  return Array.from({ length: count }, () => {
    const [unit, level, posts] = rng.pick(HELPER_UNITS);
    const villageName = rng.pick(villageNames);
    return {
      id: rng.uuid(),
      ...ctx.stamp,
      townshipId: ctx.townshipId,
      name: personName(rng, rng.chance(0.7) ? '男' : '女'),
      unit: unitName(ctx, unit, villageName),
      unitLevel: level,
      post: rng.pick(posts),
      phone: mobile(rng),
      politicalStatus: rng.chance(0.8) ? '中共党员' : '群众',
    };
  });
}

function addMeasure(ctx: DemoContext, gh: GenHousehold, helperId: string | null, year: number, category: string): void {
  const { rng } = ctx;
  const [content, lo, hi] = rng.pick(MEASURES[category]!);
  const month = rng.int(2, 10);
  gh.measures.push({
    id: rng.uuid(),
    ...ctx.stamp,
    householdId: gh.row.id,
    helperId,
    year,
    category,
    content,
    startOn: `${year}-${pad(month)}-${pad(rng.int(1, 28))}`,
    endOn: `${year}-12-31`,
    amountFen: hi === 0 ? null : rng.int(lo, hi) * 100,
    result: rng.pick(['已落实', '已兑现到户', `户均增收约${rng.int(5, 40) * 100}元`]),
  });
}

function categoriesFor(rng: Rng, gh: GenHousehold): string[] {
  const reasons = gh.risks.length > 0 ? gh.risks : [gh.row.mainCause ?? '', ...(gh.row.otherCauses ?? [])];
  const answers = reasons.flatMap((r) => ANSWERS[r] ?? []);
  const first = answers.length > 0 ? rng.pick(answers) : rng.pick(GENERAL);
  return rng.chance(0.5) ? [first] : [first, rng.pick(GENERAL.filter((c) => c !== first))];
}

function pairingStart(ctx: DemoContext, gh: GenHousehold): string {
  const { rng } = ctx;
  const idYear = gh.row.identificationYear;
  if (idYear != null) return `${idYear + 1}-${pad(rng.int(1, 6))}-${pad(rng.int(1, 28))}`;
  return addDays(gh.history[gh.history.length - 1]!.effectiveOn, rng.int(5, 30));
}

/** Pairs, helps and assesses the registered and monitored households; returns the helpers. */
export function buildHelp(ctx: DemoContext, all: GenHousehold[], villageNames: readonly string[]): HelperRow[] {
  const { rng } = ctx;
  const targets = all.filter((gh) => REGISTERED_STATUSES.includes(gh.status));
  const helpers = buildHelpers(ctx, targets.length === 0 ? 0 : Math.max(1, Math.round(targets.length / 5)), villageNames);
  const order = rng.shuffle(targets.map((_, i) => i));
  order.forEach((t, i) => {
    targets[t]!.helper = i % helpers.length;
  });
  const latest = ctx.incomeYears[2];
  for (const gh of targets) {
    const helper = helpers[gh.helper!]!;
    const start = pairingStart(ctx, gh);
    const ends = gh.status === 'exited' && rng.chance(0.1);
    const endYear = Math.min((gh.row.exitYear ?? 2020) + rng.int(1, 3), ctx.asOfYear - 1);
    gh.pairings.push({ id: rng.uuid(), ...ctx.stamp, helperId: helper.id, householdId: gh.row.id, startOn: start, endOn: ends ? `${endYear}-12-31` : null });
    const helperId = ends ? null : helper.id;
    const every = MONITORED_STATUSES.includes(gh.status) || gh.status === 'poor' || gh.status === 'returned';
    for (const year of ctx.incomeYears) {
      if (every || (gh.status === 'exited' && rng.chance(0.3))) {
        for (const c of categoriesFor(rng, gh)) addMeasure(ctx, gh, helperId, year, c);
      }
    }
    const housingOk = gh.row.housingSafety === '安全';
    gh.assessments.push({
      id: rng.uuid(),
      ...ctx.stamp,
      householdId: gh.row.id,
      year: latest,
      foodOk: true,
      clothingOk: true,
      educationOk: true,
      medicalOk: true,
      housingOk,
      waterOk: true,
      assessedOn: `${latest}-12-${pad(rng.int(5, 25))}`,
      assessedBy: ends ? '乡镇核查组' : helper.name,
      notes: housingOk ? null : '住房存在安全隐患（C级危房），已纳入危房改造计划',
    });
  }
  return helpers;
}
