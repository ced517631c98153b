// 防返贫监测: the board of monitoring objects with their level and the monthly check due, one
// object's checks and remedies, and recording a check, a remedy, its risks or the removal.
import { z } from 'zod';
import type { HouseholdStatus } from '../status.ts';
import type { CheckDue, EarlyRemoval, GuaranteeItem, MonitoringLevel } from '../workflows/index.ts';
import { GUARANTEE_KEYS, MONITORING_LEVELS, REMOVAL_METHODS } from '../workflows/index.ts';
import { endpoint } from './endpoint.ts';
import { EDIT, REVIEW } from '../roles.ts';
import { fen, id, isoDate, optionalText, text } from './schemas.ts';

export interface MonitoringObjectView {
  householdId: string;
  no: string;
  head: string | null;
  villageId: string;
  villageName: string;
  groupName: string | null;
  size: number;
  status: HouseholdStatus;
  statusLabel: string;
  category: string | null;
  risks: string[];
  /** When monitoring began: the status-history date, else the household's 识别监测时间 (YYYYMM). */
  identifiedOn: string | null;
  level: MonitoringLevel;
  levelLabel: string;
  levelReasons: string[];
  /** Where the level comes from: the latest check, the latest income year, or nothing recorded. */
  levelSource: 'check' | 'income';
  lastCheckOn: string | null;
  due: CheckDue;
  dueLabel: string;
  riskRemoved: boolean;
  removalMethod: string | null;
  /** 消除监测时间 as kept on the household (YYYYMM). */
  removedIn: string | null;
  openRemedies: number;
}

export interface MonitoringBoard {
  asOf: string;
  /** 'YYYY-MM': the month whose checks are due. */
  month: string;
  thresholds: { year: number; redBelowFen: number; yellowBelowFen: number };
  counts: Record<MonitoringLevel, number> & { total: number; due: number; overdue: number };
  objects: MonitoringObjectView[];
}

export interface MonitoringCheckView {
  id: string;
  checkedOn: string;
  predictedPerCapitaFen: number | null;
  atRisk: GuaranteeItem[];
  level: MonitoringLevel;
  levelLabel: string;
  findings: string | null;
  actions: string | null;
  checkedBy: string | null;
  recordedBy: string;
}

export interface RemedyView {
  id: string;
  checkId: string | null;
  shortfall: string;
  action: string;
  responsible: string | null;
  dueOn: string | null;
  doneOn: string | null;
  result: string | null;
}

export interface MonitoringDetail {
  object: MonitoringObjectView;
  checks: MonitoringCheckView[];
  remedies: RemedyView[];
}

export interface RemovalResult {
  object: MonitoringObjectView;
  early: EarlyRemoval;
}

const householdId = id;

export const monitoringApi = {
  board: endpoint<MonitoringBoard>()(
    'monitoring.board',
    z.object({
      asOf: isoDate.nullable().default(null),
      villageId: z.string().nullable().default(null),
      level: z.enum(MONITORING_LEVELS).nullable().default(null),
      /** Only objects whose monthly check is still due (or overdue). */
      dueOnly: z.boolean().default(false),
      /** Also objects whose risk was removed. */
      includeRemoved: z.boolean().default(false),
      /** Part of the 户编号, the head's name or its pinyin initials. */
      search: z.string().trim().max(40).default(''),
    }),
  ),
  get: endpoint<MonitoringDetail>()('monitoring.get', z.object({ householdId, asOf: isoDate.nullable().default(null) })),
  recordCheck: endpoint<MonitoringDetail>()(
    'monitoring.recordCheck',
    z.object({
      householdId,
      checkedOn: isoDate,
      predictedPerCapitaFen: fen('预估人均纯收入').nullable().default(null),
      atRisk: z.array(z.enum(GUARANTEE_KEYS as [GuaranteeItem, ...GuaranteeItem[]], '风险项目无效')).default([]),
      findings: optionalText('走访发现', 2000),
      actions: optionalText('采取的措施', 2000),
      checkedBy: optionalText('走访人', 20),
    }),
    EDIT,
  ),
  saveRemedy: endpoint<MonitoringDetail>()(
    'monitoring.saveRemedy',
    z.object({
      id: z.string().nullable().default(null),
      householdId,
      checkId: z.string().nullable().default(null),
      shortfall: text('短板', 50).min(1, '请填写短板（收入或“两不愁三保障”的哪一项）'),
      action: text('帮扶措施', 1000).min(1, '请填写帮扶措施'),
      responsible: optionalText('责任单位或责任人', 50),
      dueOn: isoDate.nullable().default(null),
      doneOn: isoDate.nullable().default(null),
      result: optionalText('落实结果', 500),
    }),
    EDIT,
  ),
  setRisks: endpoint<MonitoringObjectView>()(
    'monitoring.setRisks',
    z.object({ householdId, risks: z.array(z.string().trim().min(1)).min(1, '至少填写1项风险').max(5, '致贫/返贫风险最多5项') }),
    REVIEW,
  ),
  removeRisk: endpoint<RemovalResult>()(
    'monitoring.removeRisk',
    z.object({
      householdId,
      method: z.enum(REMOVAL_METHODS, '风险消除方式应为 帮扶消除 或 自然消除'),
      removedOn: isoDate,
      decision: text('决定', 200).min(1, '请填写决定（文号或会议名称）：风险消除须有记录的决定'),
      reason: optionalText('理由', 500),
    }),
    REVIEW,
  ),
};
