// What travels in a township export: the allow-list of tables, parents before children (the
// order rows are written, validated and applied; deletions run in reverse), with their Chinese
// labels and their references to other travelling tables (read from the drizzle schema).
// Not travelling: this installation's settings and logs (archive_info, code_lists,
// policy_parameters, workflow_settings, audit_log, imports_log, the exchange tables) — and
// blobs, which travel as attachment entries named by the attachment's UUID.
import { getTableColumns } from 'drizzle-orm';
import type { Column } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../db/schema/index.ts';

export interface Ref {
  column: string;
  parent: string;
}

export interface TableSpec {
  name: string;
  label: string;
  table: SQLiteTable;
  /** Column name → drizzle column, in schema order. */
  columns: [string, Column][];
  /** References to travelling tables (attachments' sha256 → blobs is checked separately). */
  refs: Ref[];
}

const ORDER: [SQLiteTable, string][] = [
  [schema.townships, '乡镇'],
  [schema.villages, '行政村'],
  [schema.villageYears, '村年度数据'],
  [schema.helpers, '帮扶责任人'],
  [schema.households, '农户'],
  [schema.members, '家庭成员'],
  [schema.incomes, '收入'],
  [schema.assessments, '两不愁三保障核查'],
  [schema.pairings, '结对帮扶'],
  [schema.measures, '帮扶措施'],
  [schema.batches, '工作批次'],
  [schema.batchVillages, '批次所含行政村'],
  [schema.batchSteps, '批次环节'],
  [schema.batchHouseholds, '批次农户'],
  [schema.stepOutcomes, '环节结果'],
  [schema.objections, '异议'],
  [schema.meetings, '民主评议会议'],
  [schema.meetingVotes, '评议票数'],
  [schema.batchDecisions, '批次决定'],
  [schema.quotas, '规模控制'],
  [schema.statusHistory, '状态记录'],
  [schema.monitoringChecks, '监测走访'],
  [schema.monitoringRemedies, '监测帮扶'],
  [schema.attachments, '档案资料'],
];

function specOf(table: SQLiteTable, label: string): TableSpec {
  const cfg = getTableConfig(table);
  const columns = Object.values(getTableColumns(table)).map((c) => [c.name, c] as [string, Column]);
  const refs = cfg.foreignKeys
    .map((fk) => {
      const r = fk.reference();
      return { column: r.columns[0]!.name, parent: getTableConfig(r.foreignTable).name };
    })
    .filter((r) => r.parent !== 'blobs');
  return { name: cfg.name, label, table, columns, refs };
}

export const TABLES: readonly TableSpec[] = ORDER.map(([t, label]) => specOf(t, label));
export const TABLE_BY_NAME: ReadonlyMap<string, TableSpec> = new Map(TABLES.map((t) => [t.name, t]));
export const TRAVELLING: ReadonlySet<string> = new Set(TABLES.map((t) => t.name));

export function tableLabel(name: string): string {
  return TABLE_BY_NAME.get(name)?.label ?? name;
}

/** The table of review opinions inside a review-result package (not an archive table). */
export const REVIEW_TABLE = 'review_opinions';
