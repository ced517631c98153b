// 村花名册 of one village: its households (all, or the registered ones) with their current
// members, the year's per-capita income, and totals by status.
import { ageOn } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { computeIncome } from '../../shared/income.ts';
import type { IncomeComponents } from '../../shared/income.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import { HOUSEHOLD_STATUSES, REGISTERED_STATUSES, STATUS_LABELS } from '../../shared/status.ts';
import type { RosterHousehold, RosterModel } from '../../templates/roster/index.ts';
import { rosterPdf, rosterXlsx } from '../../templates/roster/index.ts';
import type { DocContext } from './context.ts';
import { villageByCode } from './context.ts';
import type { DocumentDef } from './types.ts';

interface HouseholdRow extends IncomeComponents {
  id: string;
  no: string;
  groupName: string | null;
  status: HouseholdStatus;
  attribute: string | null;
  mainCause: string | null;
  householdSize: number | null;
}

interface MemberRow {
  householdId: string;
  name: string;
  relation: string;
  gender: string | null;
  idNumber: string | null;
  birthDate: string | null;
  ethnicity: string | null;
  education: string | null;
  schoolStatus: string | null;
  health: string | null;
  labourAbility: string | null;
  workStatus: string | null;
}

export function rosterModel(ctx: DocContext, villageCode: string, opts: { registeredOnly: boolean; maskIds?: boolean }): RosterModel {
  const village = villageByCode(ctx, villageCode);
  const { sqlite } = ctx.archive;
  const statuses = opts.registeredOnly ? REGISTERED_STATUSES : HOUSEHOLD_STATUSES;
  const marks = statuses.map(() => '?').join(',');
  const households = sqlite
    .prepare(
      `SELECT h.id, h.no, h.group_name AS groupName, h.status, h.attribute, h.main_cause AS mainCause,
              i.household_size AS householdSize, i.wage_fen AS wageFen, i.business_fen AS businessFen, i.property_fen AS propertyFen,
              i.family_planning_fen AS familyPlanningFen, i.dibao_fen AS dibaoFen, i.tekun_fen AS tekunFen, i.pension_fen AS pensionFen,
              i.eco_compensation_fen AS ecoCompensationFen, i.other_transfer_fen AS otherTransferFen, i.business_expense_fen AS businessExpenseFen
         FROM households h LEFT JOIN incomes i ON i.household_id = h.id AND i.year = ?
        WHERE h.village_id = ? AND h.status IN (${marks}) ORDER BY h.no`,
    )
    .all(ctx.year, village.id, ...statuses) as HouseholdRow[];
  if (households.length === 0) throw new UserError(`${village.name}没有${opts.registeredOnly ? '建档立卡或监测的' : ''}农户，未生成花名册。`);
  const members = sqlite
    .prepare(
      `SELECT m.household_id AS householdId, m.name, m.relation, m.gender, m.id_number AS idNumber, m.birth_date AS birthDate,
              m.ethnicity, m.education, m.school_status AS schoolStatus, m.health, m.labour_ability AS labourAbility, m.work_status AS workStatus
         FROM members m JOIN households h ON h.id = m.household_id
        WHERE h.village_id = ? AND m.left_reason IS NULL ORDER BY m.household_id, m.seq`,
    )
    .all(village.id) as MemberRow[];
  const byHousehold = new Map<string, MemberRow[]>();
  for (const m of members) byHousehold.set(m.householdId, [...(byHousehold.get(m.householdId) ?? []), m]);

  const list: RosterHousehold[] = households.map((h) => ({
    no: h.no,
    groupName: h.groupName,
    statusLabel: STATUS_LABELS[h.status],
    attribute: h.attribute,
    mainCause: h.mainCause,
    perCapitaFen: h.householdSize == null ? null : computeIncome(h, h.householdSize).perCapitaFen,
    members: (byHousehold.get(h.id) ?? []).map((m) => ({ ...m, age: m.birthDate ? ageOn(m.birthDate, ctx.asOf) : null })),
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
    maskIds: opts.maskIds ?? false,
    households: list,
    totals: { households: list.length, members: list.reduce((n, h) => n + h.members.length, 0), byStatus },
  };
}

export const roster: DocumentDef = {
  kind: 'roster',
  label: '村花名册',
  description: '一个村的农户和家庭成员，每人一行、按户分组，A4 横向，每页重复表头，合计和“第 N 页 共 M 页”',
  scopes: ['village'],
  formats: ['pdf', 'xlsx'],
  batch: false,
  options: ['registeredOnly', 'maskedIds'],
  async render(ctx, req, out) {
    if (!req.scope.villageCode) throw new UserError('村花名册需要指定一个行政村（命令行用 --village 区划代码）。', { kind: 'usage' });
    const model = rosterModel(ctx, req.scope.villageCode, { registeredOnly: req.options.registeredOnly, maskIds: req.options.maskedIds });
    const r = req.format === 'xlsx' ? await rosterXlsx(model, out) : await rosterPdf(model, out);
    return { ...r, title: model.title };
  },
};
