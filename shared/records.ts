// Plain record shapes shared by every layer. db/ checks at compile time that its tables'
// row types match these (db/schema/conformance.ts), so the pure rules in shared/ can work on
// real rows without importing the database.
import type { HouseholdStatus } from './status.ts';

export interface Travelling {
  id: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface VillageRecord extends Travelling {
  townshipId: string;
  code: string;
  name: string;
  isPoorVillage: boolean;
  exitYear: number | null;
  workTeam: string | null;
  firstSecretary: string | null;
  firstSecretaryPhone: string | null;
  sortOrder: number;
}

export interface HouseholdRecord extends Travelling {
  villageId: string;
  no: string;
  groupName: string | null;
  naturalVillage: string | null;
  address: string | null;
  phone: string | null;
  status: HouseholdStatus;
  identificationStandard: string | null;
  identificationYear: number | null;
  attribute: string | null;
  mainCause: string | null;
  otherCauses: string[] | null;
  exitYear: number | null;
  householdType: string | null;
  monitoringCategory: string | null;
  risks: string[] | null;
  riskRemoved: boolean | null;
  riskRemovalMethod: string | null;
  monitoringStart: string | null;
  monitoringEnd: string | null;
  housingSafety: string | null;
  housingArea: number | null;
  housingStructure: string | null;
  drinkingWaterSafe: boolean | null;
  drinkingWaterDifficult: boolean | null;
  hasElectricity: boolean | null;
  roadType: string | null;
  distanceToRoadKm: number | null;
  hasSanitaryToilet: boolean | null;
  fuelType: string | null;
  farmlandMu: number | null;
  irrigatedMu: number | null;
  forestMu: number | null;
  returnedFarmlandMu: number | null;
  orchardMu: number | null;
  grasslandMu: number | null;
  waterSurfaceMu: number | null;
  inCooperative: boolean | null;
  isMilitaryFamily: boolean | null;
  isOnlyChild: boolean | null;
  isTwoDaughters: boolean | null;
  relocation: string | null;
  bankName: string | null;
  bankAccount: string | null;
  notes: string | null;
}

export interface MemberRecord extends Travelling {
  householdId: string;
  seq: number;
  name: string;
  nameInitials: string;
  idNumber: string | null;
  idType: string | null;
  gender: string | null;
  birthDate: string | null;
  relation: string;
  ethnicity: string | null;
  education: string | null;
  schoolStatus: string | null;
  health: string | null;
  disabilityGrade: string | null;
  labourAbility: string | null;
  workStatus: string | null;
  workMonths: number | null;
  workPlace: string | null;
  politicalStatus: string | null;
  phone: string | null;
  medicalInsurance: boolean | null;
  pensionInsurance: boolean | null;
  seriousIllnessInsurance: boolean | null;
  commercialInsurance: boolean | null;
  isDibao: boolean | null;
  isTekun: boolean | null;
  leftReason: string | null;
  leftOn: string | null;
}

export interface IncomeRecord extends Travelling {
  householdId: string;
  year: number;
  householdSize: number;
  wageFen: number;
  businessFen: number;
  propertyFen: number;
  familyPlanningFen: number;
  dibaoFen: number;
  tekunFen: number;
  pensionFen: number;
  ecoCompensationFen: number;
  otherTransferFen: number;
  businessExpenseFen: number;
  medicalOutOfPocketFen: number | null;
}

export interface AssessmentRecord extends Travelling {
  householdId: string;
  year: number;
  foodOk: boolean | null;
  clothingOk: boolean | null;
  educationOk: boolean | null;
  medicalOk: boolean | null;
  housingOk: boolean | null;
  waterOk: boolean | null;
  assessedOn: string | null;
  assessedBy: string | null;
  notes: string | null;
}

export interface MeasureRecord extends Travelling {
  householdId: string;
  helperId: string | null;
  year: number;
  category: string;
  content: string | null;
  startOn: string | null;
  endOn: string | null;
  amountFen: number | null;
  result: string | null;
}

export interface PairingRecord extends Travelling {
  helperId: string;
  householdId: string;
  startOn: string;
  endOn: string | null;
}

export interface StatusHistoryRecord extends Travelling {
  householdId: string;
  status: HouseholdStatus;
  year: number | null;
  effectiveOn: string;
  batchId: string | null;
  decision: string | null;
  reason: string | null;
}
