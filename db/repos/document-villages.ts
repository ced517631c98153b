// What the village-level papers read: the 村花名册's households and people, the 出列验收表's
// village facts and yearly figures, and the 挂图's monitoring objects with the year's income and
// assessment. Typed drizzle selects returning the shared record shapes.
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { AssessmentRecord, IncomeRecord } from '../../shared/records.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import type { ReadDb } from '../handles.ts';
import { assessments, helpers, households, incomes, members, pairings, villageYears, villages } from '../schema/index.ts';

export interface RosterHouseholdRow {
  id: string;
  no: string;
  groupName: string | null;
  status: HouseholdStatus;
  attribute: string | null;
  mainCause: string | null;
  identificationYear: number | null;
  exitYear: number | null;
  monitoringCategory: string | null;
  /** The income of the roster's year, if recorded. */
  income: IncomeRecord | null;
}

/** A village's households of the given statuses, by 户编号, with the year's income. */
export function rosterHouseholds(db: ReadDb, villageId: string, year: number, statuses: readonly HouseholdStatus[]): RosterHouseholdRow[] {
  return db
    .select({
      id: households.id,
      no: households.no,
      groupName: households.groupName,
      status: households.status,
      attribute: households.attribute,
      mainCause: households.mainCause,
      identificationYear: households.identificationYear,
      exitYear: households.exitYear,
      monitoringCategory: households.monitoringCategory,
      income: incomes,
    })
    .from(households)
    .leftJoin(incomes, and(eq(incomes.householdId, households.id), eq(incomes.year, year)))
    .where(and(eq(households.villageId, villageId), inArray(households.status, [...statuses])))
    .orderBy(asc(households.no))
    .all();
}

export interface RosterMemberRow {
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
  isDibao: boolean | null;
  isTekun: boolean | null;
}

/** The current members of a village's households, by household and 户内序号. */
export function rosterMembers(db: ReadDb, villageId: string): RosterMemberRow[] {
  return db
    .select({
      householdId: members.householdId,
      name: members.name,
      relation: members.relation,
      gender: members.gender,
      idNumber: members.idNumber,
      birthDate: members.birthDate,
      ethnicity: members.ethnicity,
      education: members.education,
      schoolStatus: members.schoolStatus,
      health: members.health,
      labourAbility: members.labourAbility,
      workStatus: members.workStatus,
      isDibao: members.isDibao,
      isTekun: members.isTekun,
    })
    .from(members)
    .innerJoin(households, eq(households.id, members.householdId))
    .where(and(eq(households.villageId, villageId), isNull(members.leftReason)))
    .orderBy(asc(members.householdId), asc(members.seq))
    .all();
}

/** The 帮扶责任人 paired with a village's households on `asOf`, by household, in pairing order. */
export function rosterHelpers(db: ReadDb, villageId: string, asOf: string): { householdId: string; name: string }[] {
  return db
    .select({ householdId: pairings.householdId, name: helpers.name })
    .from(pairings)
    .innerJoin(helpers, eq(helpers.id, pairings.helperId))
    .innerJoin(households, eq(households.id, pairings.householdId))
    .where(and(eq(households.villageId, villageId), lte(pairings.startOn, asOf), or(isNull(pairings.endOn), gte(pairings.endOn, asOf))))
    .orderBy(asc(pairings.householdId), asc(pairings.startOn))
    .all();
}

export interface VillageExitFacts {
  isPoorVillage: boolean;
  exitYear: number | null;
  firstSecretary: string | null;
  workTeam: string | null;
}

export function villageExitFacts(db: ReadDb, villageId: string): VillageExitFacts | undefined {
  return db
    .select({ isPoorVillage: villages.isPoorVillage, exitYear: villages.exitYear, firstSecretary: villages.firstSecretary, workTeam: villages.workTeam })
    .from(villages)
    .where(eq(villages.id, villageId))
    .get();
}

export interface VillageYearFigures {
  ruralPopulation: number | null;
  perCapitaIncomeFen: number | null;
  collectiveIncomeFen: number | null;
  /** Item → met, as recorded in the village's yearly checklist. */
  checklist: Record<string, boolean> | null;
}

/** The village's recorded figures of a year, if any. */
export function villageYearFigures(db: ReadDb, villageId: string, year: number): VillageYearFigures | undefined {
  return db
    .select({
      ruralPopulation: villageYears.ruralPopulation,
      perCapitaIncomeFen: villageYears.perCapitaIncomeFen,
      collectiveIncomeFen: villageYears.collectiveIncomeFen,
      checklist: villageYears.checklist,
    })
    .from(villageYears)
    .where(and(eq(villageYears.villageId, villageId), eq(villageYears.year, year)))
    .get();
}

export interface MonitoredYear {
  income: IncomeRecord | null;
  assessment: AssessmentRecord | null;
}

/** Every household of the given statuses with its income and assessment of the year (either may be missing). */
export function monitoredYears(db: ReadDb, year: number, statuses: readonly HouseholdStatus[]): MonitoredYear[] {
  return db
    .select({ income: incomes, assessment: assessments })
    .from(households)
    .leftJoin(incomes, and(eq(incomes.householdId, households.id), eq(incomes.year, year)))
    .leftJoin(assessments, and(eq(assessments.householdId, households.id), eq(assessments.year, year)))
    .where(inArray(households.status, [...statuses]))
    .all();
}
