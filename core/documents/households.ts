// Households as the household forms print them, read in chunks so a township-wide batch
// (20,000 households) streams with flat memory: a few hundred households' rows at a time.
import { ageOn } from '../../shared/dates.ts';
import type { IncomeComponents } from '../../shared/income.ts';
import { computeIncome } from '../../shared/income.ts';
import { statusLabel } from '../../shared/status.ts';
import type { AssessmentView, HelperView, HouseholdView, IncomeView, MeasureView, MemberView } from '../../templates/layout/household.ts';
import type { DocContext } from './context.ts';
import { exitStandard, policyValue } from './context.ts';

const CHUNK = 250;

type Row = Record<string, unknown>;

const bool = (v: unknown): boolean | null => (v == null ? null : v === 1 || v === true);
const str = (v: unknown): string | null => (v == null || v === '' ? null : typeof v === 'string' ? v : JSON.stringify(v));
const num = (v: unknown): number | null => (v == null ? null : Number(v));
const json = (v: unknown): string[] => {
  if (typeof v !== 'string' || !v) return [];
  try {
    const parsed = JSON.parse(v) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
};

function byHousehold(rows: Row[]): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const r of rows) {
    const k = r.household_id as string;
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

function member(r: Row, asOf: string): MemberView {
  const birth = str(r.birth_date);
  return {
    name: String(r.name),
    relation: String(r.relation),
    gender: str(r.gender),
    idNumber: str(r.id_number),
    age: birth ? ageOn(birth, asOf) : null,
    ethnicity: str(r.ethnicity),
    education: str(r.education),
    schoolStatus: str(r.school_status),
    health: str(r.health),
    disabilityGrade: str(r.disability_grade),
    labourAbility: str(r.labour_ability),
    workStatus: str(r.work_status),
    workMonths: num(r.work_months),
    medicalInsurance: bool(r.medical_insurance),
    pensionInsurance: bool(r.pension_insurance),
    seriousIllnessInsurance: bool(r.serious_illness_insurance),
    isDibao: bool(r.is_dibao),
    isTekun: bool(r.is_tekun),
  };
}

function income(ctx: DocContext, r: Row): IncomeView {
  const components: IncomeComponents = {
    wageFen: Number(r.wage_fen),
    businessFen: Number(r.business_fen),
    propertyFen: Number(r.property_fen),
    familyPlanningFen: Number(r.family_planning_fen),
    dibaoFen: Number(r.dibao_fen),
    tekunFen: Number(r.tekun_fen),
    pensionFen: Number(r.pension_fen),
    ecoCompensationFen: Number(r.eco_compensation_fen),
    otherTransferFen: Number(r.other_transfer_fen),
    businessExpenseFen: Number(r.business_expense_fen),
  };
  const year = Number(r.year);
  const householdSize = Number(r.household_size);
  return {
    year,
    householdSize,
    components,
    totals: computeIncome(components, householdSize),
    standardFen: exitStandard(ctx, year),
    monitoringLineFen: policyValue(ctx, 'monitoringLine', year),
  };
}

function assessment(r: Row | undefined): AssessmentView | null {
  if (!r) return null;
  return {
    year: Number(r.year),
    foodOk: bool(r.food_ok),
    clothingOk: bool(r.clothing_ok),
    educationOk: bool(r.education_ok),
    medicalOk: bool(r.medical_ok),
    housingOk: bool(r.housing_ok),
    waterOk: bool(r.water_ok),
    assessedOn: str(r.assessed_on),
    assessedBy: str(r.assessed_by),
  };
}

function view(ctx: DocContext, h: Row, parts: { members: Row[]; incomes: Row[]; assessment: Row | undefined; helpers: Row[]; measures: Row[] }): HouseholdView {
  return {
    id: String(h.id),
    county: ctx.county,
    township: ctx.township,
    village: String(h.village_name),
    villageCode: String(h.village_code),
    groupName: str(h.group_name),
    no: String(h.no),
    address: str(h.address),
    phone: str(h.phone),
    status: String(h.status),
    statusLabel: statusLabel(String(h.status)),
    identificationStandard: str(h.identification_standard),
    identificationYear: num(h.identification_year),
    attribute: str(h.attribute),
    mainCause: str(h.main_cause),
    otherCauses: json(h.other_causes),
    exitYear: num(h.exit_year),
    householdType: str(h.household_type),
    monitoringCategory: str(h.monitoring_category),
    risks: json(h.risks),
    relocation: str(h.relocation),
    living: {
      housingSafety: str(h.housing_safety),
      housingArea: num(h.housing_area),
      housingStructure: str(h.housing_structure),
      drinkingWaterSafe: bool(h.drinking_water_safe),
      drinkingWaterDifficult: bool(h.drinking_water_difficult),
      hasElectricity: bool(h.has_electricity),
      roadType: str(h.road_type),
      distanceToRoadKm: num(h.distance_to_road_km),
      hasSanitaryToilet: bool(h.has_sanitary_toilet),
      fuelType: str(h.fuel_type),
    },
    production: {
      farmlandMu: num(h.farmland_mu),
      irrigatedMu: num(h.irrigated_mu),
      forestMu: num(h.forest_mu),
      returnedFarmlandMu: num(h.returned_farmland_mu),
      orchardMu: num(h.orchard_mu),
      grasslandMu: num(h.grassland_mu),
      waterSurfaceMu: num(h.water_surface_mu),
      inCooperative: bool(h.in_cooperative),
    },
    members: parts.members.map((m) => member(m, ctx.asOf)),
    incomes: parts.incomes.map((r) => income(ctx, r)),
    assessment: assessment(parts.assessment),
    helpers: parts.helpers.map(
      (p): HelperView => ({ name: String(p.name), unit: str(p.unit), post: str(p.post), phone: str(p.phone), startOn: String(p.start_on), endOn: str(p.end_on) }),
    ),
    measures: parts.measures.map(
      (m): MeasureView => ({ year: Number(m.year), category: String(m.category), content: str(m.content), amountFen: num(m.amount_fen), result: str(m.result), startOn: str(m.start_on) }),
    ),
  };
}

function loadChunk(ctx: DocContext, ids: readonly string[]): HouseholdView[] {
  const { sqlite } = ctx.archive;
  const marks = ids.map(() => '?').join(',');
  const q = (sql: string, ...extra: unknown[]): Row[] => sqlite.prepare(sql.replace('$IDS', marks)).all(...ids, ...extra) as Row[];
  const households = q(
    `SELECT h.*, v.name AS village_name, v.code AS village_code FROM households h JOIN villages v ON v.id = h.village_id WHERE h.id IN ($IDS)`,
  );
  const members = byHousehold(q('SELECT * FROM members WHERE household_id IN ($IDS) AND left_reason IS NULL ORDER BY household_id, seq'));
  const incomes = byHousehold(q('SELECT * FROM incomes WHERE household_id IN ($IDS) AND year <= ? ORDER BY household_id, year', ctx.year));
  const assessments = byHousehold(q('SELECT * FROM assessments WHERE household_id IN ($IDS) AND year = ?', ctx.year));
  const helpers = byHousehold(
    q(
      `SELECT p.household_id, p.start_on, p.end_on, x.name, x.unit, x.post, x.phone
         FROM pairings p JOIN helpers x ON x.id = p.helper_id
        WHERE p.household_id IN ($IDS) AND p.start_on <= ? ORDER BY p.household_id, p.start_on`,
      ctx.asOf,
    ),
  );
  const measures = byHousehold(q('SELECT * FROM measures WHERE household_id IN ($IDS) AND year <= ? ORDER BY household_id, year, start_on', ctx.year));
  const byId = new Map(households.map((h) => [h.id as string, h]));
  return ids.flatMap((id) => {
    const h = byId.get(id);
    if (!h) return [];
    return [view(ctx, h, { members: members.get(id) ?? [], incomes: incomes.get(id) ?? [], assessment: assessments.get(id)?.[0], helpers: helpers.get(id) ?? [], measures: measures.get(id) ?? [] })];
  });
}

/** The ids in chunks of the size the loaders read at once. */
export function* chunksOf(ids: readonly string[]): Generator<string[]> {
  for (let i = 0; i < ids.length; i += CHUNK) yield ids.slice(i, i + CHUNK);
}

/** The households in the order given, a chunk of rows at a time. */
export function* householdViews(ctx: DocContext, ids: readonly string[]): Generator<HouseholdView> {
  for (const chunk of chunksOf(ids)) yield* loadChunk(ctx, chunk);
}

/** Household ids of a village (or the township), in village then 户编号 order. */
export function householdIdsOf(ctx: DocContext, opts: { villageId?: string; statuses?: readonly string[] }): string[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (opts.villageId) {
    where.push('h.village_id = ?');
    args.push(opts.villageId);
  }
  if (opts.statuses) {
    where.push(`h.status IN (${opts.statuses.map(() => '?').join(',')})`);
    args.push(...opts.statuses);
  }
  const rows = ctx.archive.sqlite
    .prepare(
      `SELECT h.id FROM households h JOIN villages v ON v.id = h.village_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY v.sort_order, v.code, h.no`,
    )
    .all(...args) as { id: string }[];
  return rows.map((r) => r.id);
}
