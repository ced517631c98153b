// What travels in a township export: the allow-list of tables, parents before children (the
// order rows are written, validated and applied; deletions run in reverse), with their columns
// and references to other travelling tables (db/repos/exchange-tables.ts reads them from the
// schema) and the Chinese labels a clerk reads.
import { TRAVELLING_TABLES } from '../../db/repos/exchange-tables.ts';
import type { TravellingTable, TravellingTableName } from '../../db/repos/exchange-tables.ts';

export type { ColumnSpec, Ref, TravellingTableName } from '../../db/repos/exchange-tables.ts';

export interface TableSpec extends TravellingTable {
  label: string;
}

const LABELS: Record<TravellingTableName, string> = {
  townships: '乡镇',
  villages: '行政村',
  village_years: '村年度数据',
  helpers: '帮扶责任人',
  households: '农户',
  members: '家庭成员',
  incomes: '收入',
  assessments: '两不愁三保障核查',
  pairings: '结对帮扶',
  measures: '帮扶措施',
  batches: '工作批次',
  batch_villages: '批次所含行政村',
  batch_steps: '批次环节',
  batch_households: '批次农户',
  step_outcomes: '环节结果',
  objections: '异议',
  meetings: '民主评议会议',
  meeting_votes: '评议票数',
  batch_decisions: '批次决定',
  quotas: '规模控制',
  status_history: '状态记录',
  monitoring_checks: '监测走访',
  monitoring_remedies: '监测帮扶',
  screening_lists: '部门筛查名单',
  screening_alerts: '部门筛查预警',
  quality_acks: '数据检查已核实无误',
  attachments: '档案资料',
};

export const TABLES: readonly TableSpec[] = TRAVELLING_TABLES.map((t) => ({ ...t, label: LABELS[t.name] }));
export const TABLE_BY_NAME: ReadonlyMap<string, TableSpec> = new Map(TABLES.map((t) => [t.name, t]));
export const TRAVELLING: ReadonlySet<string> = new Set(TABLES.map((t) => t.name));

/**
 * Tables later versions added to the package: a whole-archive package made before them (an older
 * version of the app) has none of their rows, and is read so — not refused as incomplete.
 */
export const ADDED_LATER: ReadonlySet<TravellingTableName> = new Set(['screening_lists', 'screening_alerts', 'quality_acks']);

export function tableLabel(name: string): string {
  return TABLE_BY_NAME.get(name)?.label ?? name;
}

/** The table of review opinions inside a review-result package (not an archive table). */
export const REVIEW_TABLE = 'review_opinions';
