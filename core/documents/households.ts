// Households as the household forms print them, read in chunks so a township-wide batch
// (20,000 households) streams with flat memory: a few hundred households' rows at a time.
// The rows come typed from db/repos/document-households.ts; here they become the forms' views.
import type { FormHelper, HouseholdFormRecord } from '../../db/repos/document-households.ts';
import { householdFormChunk } from '../../db/repos/document-households.ts';
import { householdIdsInOrder } from '../../db/repos/document-scope.ts';
import { beginLongRead } from '../../db/handles.ts';
import { ageOn } from '../../shared/dates.ts';
import { HOUSEHOLD_FIELDS, MEMBER_FIELDS } from '../../shared/fields/index.ts';
import { presentRecord } from '../../shared/fields/mask.ts';
import { printedFields } from '../../shared/fields/print.ts';
import { computeIncome } from '../../shared/income.ts';
import type { AssessmentRecord, IncomeRecord, MeasureRecord, MemberRecord } from '../../shared/records.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import { statusLabel } from '../../shared/status.ts';
import type { AssessmentView, HelperView, HouseholdView, IncomeView, MeasureView, MemberView } from '../../templates/layout/household.ts';
import type { DocContext } from './context.ts';
import { exitStandard, policyValue } from './context.ts';

const CHUNK = 250;
/** Households from which a batch reads with a small page cache (a village of ~700 reads with the archive's own). */
const LONG_READ = 2000;

/** An empty text prints as nothing, like a missing one. */
const str = (v: string | null): string | null => (v === '' ? null : v);
/** A list field, read defensively: anything but a list prints as none. */
const list = (v: readonly string[] | null): string[] => (Array.isArray(v) ? v.map(String) : []);

function member(r: MemberRecord, asOf: string): MemberView {
  const birth = str(r.birthDate);
  return {
    name: r.name,
    relation: r.relation,
    gender: str(r.gender),
    idNumber: str(r.idNumber),
    age: birth ? ageOn(birth, asOf) : null,
    ethnicity: str(r.ethnicity),
    education: str(r.education),
    schoolStatus: str(r.schoolStatus),
    health: str(r.health),
    disabilityGrade: str(r.disabilityGrade),
    labourAbility: str(r.labourAbility),
    workStatus: str(r.workStatus),
    workMonths: r.workMonths,
    medicalInsurance: r.medicalInsurance,
    pensionInsurance: r.pensionInsurance,
    seriousIllnessInsurance: r.seriousIllnessInsurance,
    isDibao: r.isDibao,
    isTekun: r.isTekun,
  };
}

function income(ctx: DocContext, r: IncomeRecord): IncomeView {
  const components = {
    wageFen: r.wageFen,
    businessFen: r.businessFen,
    propertyFen: r.propertyFen,
    familyPlanningFen: r.familyPlanningFen,
    dibaoFen: r.dibaoFen,
    tekunFen: r.tekunFen,
    pensionFen: r.pensionFen,
    ecoCompensationFen: r.ecoCompensationFen,
    otherTransferFen: r.otherTransferFen,
    businessExpenseFen: r.businessExpenseFen,
  };
  return {
    year: r.year,
    householdSize: r.householdSize,
    components,
    totals: computeIncome(components, r.householdSize),
    standardFen: exitStandard(ctx, r.year),
    monitoringLineFen: policyValue(ctx, 'monitoringLine', r.year),
    medicalOutOfPocketFen: r.medicalOutOfPocketFen ?? null,
  };
}

function assessment(r: AssessmentRecord | null): AssessmentView | null {
  if (!r) return null;
  return {
    year: r.year,
    foodOk: r.foodOk,
    clothingOk: r.clothingOk,
    educationOk: r.educationOk,
    medicalOk: r.medicalOk,
    housingOk: r.housingOk,
    waterOk: r.waterOk,
    assessedOn: str(r.assessedOn),
    assessedBy: str(r.assessedBy),
  };
}

const helper = (p: FormHelper): HelperView => ({ name: p.name, unit: str(p.unit), post: str(p.post), phone: str(p.phone), startOn: p.startOn, endOn: str(p.endOn) });

const measure = (m: MeasureRecord): MeasureView => ({ year: m.year, category: m.category, content: str(m.content), amountFen: m.amountFen, result: str(m.result), startOn: str(m.startOn) });

function view(ctx: DocContext, r: HouseholdFormRecord): HouseholdView {
  // Personal fields as the paper's audience may see them, before anything else reads them.
  const h = presentRecord(HOUSEHOLD_FIELDS, r.household, ctx.presentation);
  return {
    id: h.id,
    county: ctx.county,
    township: ctx.township,
    village: r.villageName,
    villageCode: r.villageCode,
    groupName: str(h.groupName),
    no: h.no,
    address: str(h.address),
    phone: str(h.phone),
    status: h.status,
    statusLabel: statusLabel(h.status),
    identificationStandard: str(h.identificationStandard),
    identificationYear: h.identificationYear,
    attribute: str(h.attribute),
    mainCause: str(h.mainCause),
    otherCauses: list(h.otherCauses),
    exitYear: h.exitYear,
    householdType: str(h.householdType),
    monitoringCategory: str(h.monitoringCategory),
    risks: list(h.risks),
    monitoring: { start: str(h.monitoringStart), end: str(h.monitoringEnd), riskRemoved: h.riskRemoved, removalMethod: str(h.riskRemovalMethod) },
    relocation: str(h.relocation),
    living: { housingSafety: str(h.housingSafety), drinkingWaterSafe: h.drinkingWaterSafe },
    production: { farmlandMu: h.farmlandMu, returnedFarmlandMu: h.returnedFarmlandMu, inCooperative: h.inCooperative },
    conditions: printedFields(HOUSEHOLD_FIELDS, 'enrollment', h),
    members: r.members.map((m) => member(presentRecord(MEMBER_FIELDS, m, ctx.presentation), ctx.asOf)),
    incomes: r.incomes.map((i) => income(ctx, i)),
    assessment: assessment(r.assessment),
    helpers: r.helpers.map(helper),
    measures: r.measures.map(measure),
  };
}

/** The ids in chunks of the size the loaders read at once. */
export function* chunksOf(ids: readonly string[]): Generator<string[]> {
  for (let i = 0; i < ids.length; i += CHUNK) yield ids.slice(i, i + CHUNK);
}

/** The households in the order given, a chunk of rows at a time. */
export function* householdViews(ctx: DocContext, ids: readonly string[]): Generator<HouseholdView> {
  // More than a few chunks: a long read through the archive, with a small page cache (db/handles.ts).
  const end = ids.length > LONG_READ ? beginLongRead(ctx.archive.db) : null;
  try {
    for (const chunk of chunksOf(ids)) {
      for (const r of householdFormChunk(ctx.archive.db, chunk, { year: ctx.year, asOf: ctx.asOf })) yield view(ctx, r);
    }
  } finally {
    end?.();
  }
}

/** Household ids of a village (or the township), in village then 户编号 order. */
export function householdIdsOf(ctx: DocContext, opts: { villageId?: string; statuses?: readonly HouseholdStatus[] }): string[] {
  return householdIdsInOrder(ctx.archive.db, opts);
}
