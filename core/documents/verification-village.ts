// 贫困村出列验收表 of one village and year: the figures come from the same place as `stats`
// (townshipStats for 贫困发生率, db/stats villageCounts for the poor population), the yearly
// village figures and checklist from village_years, the thresholds from the policy table.
import { villageExitFacts, villageYearFigures } from '../../db/repos/document-villages.ts';
import { villageCounts } from '../../db/stats.ts';
import { UserError } from '../../shared/errors.ts';
import { formatYuan } from '../../shared/money.ts';
import { formPdf, formXlsx } from '../../templates/layout/forms.ts';
import { percent } from '../../templates/layout/format.ts';
import type { VerificationVillageModel, VillageCheckItem } from '../../templates/verification-village/index.ts';
import { checklistStandard, verificationVillagePage } from '../../templates/verification-village/index.ts';
import { townshipStats } from '../stats.ts';
import type { DocContext } from './context.ts';
import { policyValue, villageByCode } from './context.ts';
import type { DocumentDef } from './types.ts';

const money = (fen: number): string => `${formatYuan(fen)} 元`;

function incomeItem(ctx: DocContext, perCapita: number | null, provinceAverageFen: number | null): VillageCheckItem {
  const ratio = policyValue(ctx, 'villageIncomeRatio') ?? 70;
  const base = { label: '农村居民人均可支配收入', standard: `达到全省平均水平的 ${ratio}% 以上` };
  if (perCapita == null) return { ...base, met: null, detail: `村情档案中没有${ctx.year}年农村居民人均可支配收入：请在“行政村”页面填写` };
  const own = `本村 ${money(perCapita)}`;
  if (provinceAverageFen == null) return { ...base, met: null, detail: `${own}；未提供全省农村居民人均可支配收入，无法判断：生成时请填写全省平均数` };
  const line = Math.round((provinceAverageFen * ratio) / 100);
  return { ...base, met: perCapita >= line, detail: `${own}，全省平均 ${money(provinceAverageFen)} 的 ${ratio}% 为 ${money(line)}` };
}

function collectiveItem(ctx: DocContext, collective: number | null): VillageCheckItem {
  const line = policyValue(ctx, 'villageCollectiveIncome') ?? 5_000_000;
  const base = { label: '村集体经营性收入', standard: `达到 ${money(line)} 以上` };
  if (collective == null) return { ...base, met: null, detail: `村情档案中没有${ctx.year}年村集体经营性收入：请在“行政村”页面填写` };
  return { ...base, met: collective >= line, detail: `${ctx.year}年 ${money(collective)}` };
}

export function verificationVillageModel(ctx: DocContext, villageCode: string, opts: { provinceAverageFen: number | null; incidenceMaxPercent: number }): VerificationVillageModel {
  const ref = villageByCode(ctx, villageCode);
  const { db } = ctx.archive;
  const v = villageExitFacts(db, ref.id)!;
  const vy = villageYearFigures(db, ref.id, ctx.year);
  const stats = townshipStats(ctx.archive, { year: ctx.year, asOf: ctx.asOf }).perVillage.find((p) => p.code === ref.code)!;
  const counts = villageCounts(db, ctx.year).find((c) => c.id === ref.id)!;
  const poor = counts.byStatus.poor ?? { households: 0, members: 0 };
  const returned = counts.byStatus.returned ?? { households: 0, members: 0 };
  const population = vy?.ruralPopulation ?? null;
  // 贫困发生率 of nobody is no rate at all: a village without people is not checked (printing 0.00% 达标 would be false).
  if ((population ?? stats.members) === 0) {
    throw new UserError(
      `${ref.name}（${ref.code}）在档案中没有人口（${stats.households} 户 0 人${population === 0 ? '，村情档案农村人口为 0' : '，村情档案未填农村人口'}），无法计算贫困发生率，未生成贫困村出列验收表：请先导入该村农户，或在“行政村”页面填写${ctx.year}年农村人口。`,
    );
  }
  const items: VillageCheckItem[] = [
    {
      label: '贫困人口全部脱贫',
      standard: '建档立卡贫困人口全部脱贫（不含当年返贫人口）',
      met: poor.households === 0,
      detail: `未脱贫 ${poor.households} 户 ${poor.members} 人${returned.households ? `（另有返贫 ${returned.households} 户 ${returned.members} 人，不计入）` : ''}`,
    },
    {
      label: '贫困发生率',
      standard: `降至 ${opts.incidenceMaxPercent}% 以下`,
      met: stats.incidence < opts.incidenceMaxPercent,
      detail: `贫困人口 ${stats.poorMembers} 人（含返贫），${population == null ? `档案人口 ${stats.members} 人（村情档案未填农村人口）` : `农村人口 ${population} 人`}，贫困发生率 ${percent(stats.incidence)}`,
    },
    incomeItem(ctx, vy?.perCapitaIncomeFen ?? null, opts.provinceAverageFen),
    collectiveItem(ctx, vy?.collectiveIncomeFen ?? null),
  ];
  const recorded = vy?.checklist ?? {};
  const checklist = Object.entries(recorded).map(([item, met]): VillageCheckItem => ({ label: item, standard: checklistStandard(item), met, detail: `村情档案记载：${met ? '已达到' : '未达到'}` }));
  return {
    title: '贫困村出列验收表',
    county: ctx.county,
    township: ctx.township,
    village: { code: ref.code, name: ref.name, isPoorVillage: v.isPoorVillage, exitYear: v.exitYear, firstSecretary: v.firstSecretary, workTeam: v.workTeam },
    year: ctx.year,
    printedOn: ctx.asOf,
    households: stats.households,
    members: stats.members,
    ruralPopulation: population,
    items,
    checklist,
    qualifies: [...items, ...checklist].every((i) => i.met === true),
  };
}

export const verificationVillage: DocumentDef = {
  kind: 'verification-village',
  audience: 'internal',
  label: '贫困村出列验收表',
  description: '贫困人口全部脱贫、贫困发生率、人均可支配收入（全省平均的70%）、村集体经营性收入（5万元）和村情清单逐项“达标/未达标”，签字盖章栏',
  scopes: ['village'],
  formats: ['pdf', 'xlsx'],
  batch: false,
  options: ['provinceAverageFen', 'incidenceMaxPercent'],
  async render(ctx, req, out) {
    if (!req.scope.villageCode) throw new UserError('贫困村出列验收表需要指定一个行政村（命令行用 --village 区划代码）。', { kind: 'usage' });
    const model = verificationVillageModel(ctx, req.scope.villageCode, req.options);
    const page = verificationVillagePage(model);
    const title = `${model.village.name}${model.year}年贫困村出列验收表`;
    const r = req.format === 'xlsx' ? await formXlsx(title, `${model.village.name}出列验收表`, page, out) : await formPdf(title, page, out);
    return { ...r, title };
  },
};
