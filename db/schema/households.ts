import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { HouseholdStatus } from '../../shared/status.ts';
import { HOUSEHOLD_STATUSES } from '../../shared/status.ts';
import { villages } from './archive.ts';
import { flag, travelling } from './columns.ts';

// Value-list fields hold the national label (e.g. '因病'), matched by label on import.

export const households = sqliteTable(
  'households',
  {
    ...travelling(),
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id, { onDelete: 'restrict' }),
    /** 户编号, unique in the archive. */
    no: text('no').notNull(),
    groupName: text('group_name'), // 村民小组
    naturalVillage: text('natural_village'), // 自然村
    address: text('address'),
    phone: text('phone'),
    /** Current status; changed only together with a status_history row. */
    status: text('status', { enum: HOUSEHOLD_STATUSES }).$type<HouseholdStatus>().notNull().default('ordinary'),
    identificationStandard: text('identification_standard'), // 识别标准
    identificationYear: integer('identification_year'), // 识别年度
    attribute: text('attribute'), // 贫困户属性
    mainCause: text('main_cause'), // 主要致贫原因
    otherCauses: text('other_causes', { mode: 'json' }).$type<string[]>(), // 其他致贫原因 (≤2)
    exitYear: integer('exit_year'), // 脱贫年度
    householdType: text('household_type'), // 户类型 (脱贫户 / 一般农户)
    monitoringCategory: text('monitoring_category'), // 监测对象类别
    risks: text('risks', { mode: 'json' }).$type<string[]>(), // 致贫/返贫风险 1..5
    riskRemoved: flag('risk_removed'), // 风险是否已消除
    riskRemovalMethod: text('risk_removal_method'), // 风险消除方式
    monitoringStart: text('monitoring_start'), // 识别监测时间 YYYYMM
    monitoringEnd: text('monitoring_end'), // 消除监测时间 YYYYMM
    // Living and production conditions (AC30 / AC31)
    housingSafety: text('housing_safety'), // 危房等级: 安全 / C级 / D级
    housingArea: real('housing_area'), // ㎡
    housingStructure: text('housing_structure'),
    buildYear: integer('build_year'), // 建房时间
    drinkingWaterSafe: flag('drinking_water_safe'),
    drinkingWaterDifficult: flag('drinking_water_difficult'),
    hasElectricity: flag('has_electricity'),
    roadType: text('road_type'), // 入户路类型
    distanceToRoadKm: real('distance_to_road_km'),
    hasSanitaryToilet: flag('has_sanitary_toilet'),
    fuelType: text('fuel_type'),
    farmlandMu: real('farmland_mu'), // 耕地面积（亩）
    irrigatedMu: real('irrigated_mu'),
    forestMu: real('forest_mu'),
    returnedFarmlandMu: real('returned_farmland_mu'), // 退耕还林
    orchardMu: real('orchard_mu'),
    grasslandMu: real('grassland_mu'),
    waterSurfaceMu: real('water_surface_mu'),
    inCooperative: flag('in_cooperative'),
    isMilitaryFamily: flag('is_military_family'),
    isOnlyChild: flag('is_only_child'),
    isTwoDaughters: flag('is_two_daughters'),
    relocation: text('relocation'), // 易地搬迁方式
    bankName: text('bank_name'), // sensitive
    bankAccount: text('bank_account'), // sensitive, never printed in public
    notes: text('notes'),
  },
  (t) => [
    uniqueIndex('households_no_unique').on(t.no),
    index('households_village_idx').on(t.villageId, t.groupName),
    index('households_status_idx').on(t.status),
  ],
);

export const members = sqliteTable(
  'members',
  {
    ...travelling(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(), // 户内序号: 1 is usually the head
    name: text('name').notNull(),
    /** Pinyin initials of the name, kept with the name for the search box. */
    nameInitials: text('name_initials').notNull().default(''),
    idNumber: text('id_number'),
    idType: text('id_type'), // 证件类型
    gender: text('gender'), // 男 / 女
    birthDate: text('birth_date'), // YYYY-MM-DD
    relation: text('relation').notNull(), // 与户主关系
    ethnicity: text('ethnicity'),
    education: text('education'),
    schoolStatus: text('school_status'),
    health: text('health'),
    disabilityGrade: text('disability_grade'),
    labourAbility: text('labour_ability'),
    workStatus: text('work_status'),
    workMonths: integer('work_months'),
    workPlace: text('work_place'),
    politicalStatus: text('political_status'),
    phone: text('phone'),
    medicalInsurance: flag('medical_insurance'), // 城乡居民基本医疗保险
    pensionInsurance: flag('pension_insurance'), // 城乡居民基本养老保险
    seriousIllnessInsurance: flag('serious_illness_insurance'), // 大病保险
    commercialInsurance: flag('commercial_insurance'),
    isDibao: flag('is_dibao'), // 享受低保
    isTekun: flag('is_tekun'), // 特困供养
    /** Null while the person belongs to the household; otherwise 死亡 / 嫁出 / … */
    leftReason: text('left_reason'),
    leftOn: text('left_on'),
  },
  (t) => [
    index('members_household_idx').on(t.householdId, t.seq),
    index('members_id_number_idx').on(t.idNumber),
    index('members_name_idx').on(t.name),
    index('members_initials_idx').on(t.nameInitials),
    // Current members only, keyed by household: the counts behind the overview and `stats` read
    // this small index instead of every wide member row (half the statistics' time at 80k).
    index('members_current_idx').on(t.householdId).where(sql`left_reason IS NULL`),
  ],
);

/** Income components per household and year, in fen. Totals are computed (shared/income.ts). */
export const incomes = sqliteTable(
  'incomes',
  {
    ...travelling(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    /** 年度家庭人口数: the household size the per-capita income of that year is divided by. */
    householdSize: integer('household_size').notNull(),
    wageFen: integer('wage_fen').notNull().default(0),
    businessFen: integer('business_fen').notNull().default(0),
    propertyFen: integer('property_fen').notNull().default(0),
    familyPlanningFen: integer('family_planning_fen').notNull().default(0),
    dibaoFen: integer('dibao_fen').notNull().default(0),
    tekunFen: integer('tekun_fen').notNull().default(0),
    pensionFen: integer('pension_fen').notNull().default(0),
    ecoCompensationFen: integer('eco_compensation_fen').notNull().default(0),
    otherTransferFen: integer('other_transfer_fen').notNull().default(0),
    businessExpenseFen: integer('business_expense_fen').notNull().default(0),
    /** 合规自付支出 (medical out-of-pocket), recorded in the 防返贫 era. */
    medicalOutOfPocketFen: integer('medical_out_of_pocket_fen'),
  },
  (t) => [uniqueIndex('incomes_household_year_unique').on(t.householdId, t.year)],
);

/** Per household per year: 两不愁三保障 and safe water, as checked on a visit. */
export const assessments = sqliteTable(
  'assessments',
  {
    ...travelling(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    foodOk: flag('food_ok'), // 不愁吃
    clothingOk: flag('clothing_ok'), // 不愁穿
    educationOk: flag('education_ok'), // 义务教育有保障
    medicalOk: flag('medical_ok'), // 基本医疗有保障
    housingOk: flag('housing_ok'), // 住房安全有保障
    waterOk: flag('water_ok'), // 饮水安全
    assessedOn: text('assessed_on'),
    assessedBy: text('assessed_by'),
    notes: text('notes'),
  },
  (t) => [uniqueIndex('assessments_household_year_unique').on(t.householdId, t.year)],
);
