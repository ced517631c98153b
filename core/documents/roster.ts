// 村花名册 of one village: its households (all, or the registered ones) with their current
// members, the year's per-capita income, and totals by status.
import type { RosterMemberRow } from '../../db/repos/document-villages.ts';
import { rosterHelpers, rosterHouseholds, rosterMembers } from '../../db/repos/document-villages.ts';
import { ageOn } from '../../shared/dates.ts';
import { MEMBER_FIELDS } from '../../shared/fields/index.ts';
import { presentRecord } from '../../shared/fields/mask.ts';
import { UserError } from '../../shared/errors.ts';
import { computeIncome } from '../../shared/income.ts';
import { HOUSEHOLD_STATUSES, REGISTERED_STATUSES, STATUS_LABELS } from '../../shared/status.ts';
import type { RosterHousehold, RosterModel } from '../../templates/roster/index.ts';
import { rosterPdf, rosterXlsx } from '../../templates/roster/index.ts';
import type { DocContext } from './context.ts';
import { villageByCode } from './context.ts';
import { NO_HOUSEHOLDS } from './scope.ts';
import type { DocumentDef } from './types.ts';

export function rosterModel(ctx: DocContext, villageCode: string, opts: { registeredOnly: boolean }): RosterModel {
  const village = villageByCode(ctx, villageCode);
  const statuses = opts.registeredOnly ? REGISTERED_STATUSES : HOUSEHOLD_STATUSES;
  const households = rosterHouseholds(ctx.archive.db, village.id, ctx.year, statuses);
  if (households.length === 0) {
    throw new UserError(`${NO_HOUSEHOLDS}（${village.name}（${village.code}）没有${opts.registeredOnly ? '建档立卡户或监测户' : '农户'}），未生成花名册：请换一个村，或先导入该村农户。`);
  }
  const members = rosterMembers(ctx.archive.db, village.id);
  const byHousehold = new Map<string, RosterMemberRow[]>();
  for (const m of members) byHousehold.set(m.householdId, [...(byHousehold.get(m.householdId) ?? []), m]);
  const helpers = new Map<string, string[]>();
  for (const p of rosterHelpers(ctx.archive.db, village.id, ctx.asOf)) helpers.set(p.householdId, [...(helpers.get(p.householdId) ?? []), p.name]);

  const list: RosterHousehold[] = households.map((h) => ({
    no: h.no,
    groupName: h.groupName,
    statusLabel: STATUS_LABELS[h.status],
    attribute: h.attribute,
    mainCause: h.mainCause,
    identificationYear: h.identificationYear,
    exitYear: h.exitYear,
    monitoringCategory: h.monitoringCategory,
    helpers: [...new Set(helpers.get(h.id) ?? [])].join('、'),
    perCapitaFen: h.income ? computeIncome(h.income, h.income.householdSize).perCapitaFen : null,
    members: (byHousehold.get(h.id) ?? []).map((m) => ({
      ...presentRecord(MEMBER_FIELDS, m, ctx.presentation),
      age: m.birthDate ? ageOn(m.birthDate, ctx.asOf) : null,
      assistance: [m.isDibao ? '低保' : '', m.isTekun ? '特困' : ''].filter(Boolean).join('、'),
    })),
  }));
  const byStatus = statuses.map((s) => {
    const of = list.filter((h, i) => households[i]!.status === s);
    return { label: STATUS_LABELS[s], households: of.length, members: of.reduce((n, h) => n + h.members.length, 0) };
  });
  return {
    title: `${ctx.township}${village.name}${opts.registeredOnly ? '建档立卡户' : '农户'}花名册`,
    county: ctx.county,
    township: ctx.township,
    village: village.name,
    villageCode: village.code,
    year: ctx.year,
    printedOn: ctx.asOf,
    households: list,
    totals: { households: list.length, members: list.reduce((n, h) => n + h.members.length, 0), byStatus },
  };
}

export const roster: DocumentDef = {
  kind: 'roster',
  audience: 'internal',
  label: '村花名册',
  description: '一个村的农户和家庭成员，每人一行、按户分组（识别/脱贫年度、监测对象类别、帮扶责任人、低保/特困），A4 横向（表格 A3 横向），每页重复表头，合计、签字日期和“第 N 页 共 M 页”',
  scopes: ['village'],
  formats: ['pdf', 'xlsx'],
  batch: false,
  options: ['registeredOnly', 'maskedIds'],
  async render(ctx, req, out) {
    if (!req.scope.villageCode) throw new UserError('村花名册需要指定一个行政村（命令行用 --village 区划代码）。', { kind: 'usage' });
    const model = rosterModel(ctx, req.scope.villageCode, { registeredOnly: req.options.registeredOnly });
    const r = req.format === 'xlsx' ? await rosterXlsx(model, out) : await rosterPdf(model, out);
    return { ...r, title: model.title };
  },
};
