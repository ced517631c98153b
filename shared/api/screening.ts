// 部门筛查预警: a department's list → check (nothing written: the hits it would raise and every
// problem by row and column) → import on the clerk's confirmation; the 预警 register with its
// filters and counts; and, per hit, the 核实 result, a 监测识别 batch, or dismissal.
import { z } from 'zod';
import type { AlertStatus, Department } from '../screening/departments.ts';
import { ALERT_STATUSES, DEPARTMENTS } from '../screening/departments.ts';
import { EDIT, REVIEW, readBy } from '../roles.ts';
import { endpoint } from './endpoint.ts';
import { MAX_IMPORT_BYTES } from './imports.ts';
import { fen, id, isoDate, text, year } from './schemas.ts';

export interface ScreeningProblem {
  sheet: string;
  /** Spreadsheet row (1-based); 0 when the problem is the file's. */
  row: number;
  /** The column's header as written; '' when the problem is the row's or the layout's. */
  column: string;
  message: string;
  /** error: the list cannot be imported as it is; warning: the row is left out or needs checking. */
  severity: 'error' | 'warning';
}

export interface ScreeningHitView {
  rowNo: number;
  name: string;
  householdId: string;
  householdNo: string;
  villageName: string;
  matchedBy: 'id' | 'name-birth';
  reason: string;
  figures: Record<string, string>;
}

export interface ScreeningCounts {
  /** Persons listed (non-empty rows). */
  rows: number;
  hits: number;
  byId: number;
  byNameBirth: number;
  notInArchive: number;
  malformedIds: number;
  duplicates: number;
  /** Rows below the department's threshold (医保) or without the department's figure. */
  notFlagged: number;
  /** Persons with a hit of this department still waiting for its 核实: not raised twice. */
  alreadyPending: number;
}

export interface ScreeningResult {
  fileName: string;
  department: Department | null;
  departmentLabel: string | null;
  title: string;
  listDate: string;
  /** True when the list cannot be imported: see the problems of severity 'error'. */
  refused: boolean;
  applied: boolean;
  listId: string | null;
  counts: ScreeningCounts;
  hits: ScreeningHitView[];
  problems: ScreeningProblem[];
  /** The columns read: key → header as written. */
  columns: Record<string, string>;
  /** Identifies the check previewed: screening.apply refuses when the list, the archive's matches or the department differ. */
  planStamp: string | null;
}

export interface AlertView {
  id: string;
  department: Department;
  departmentLabel: string;
  listId: string;
  listTitle: string;
  listDate: string;
  rowNo: number;
  householdId: string;
  householdNo: string;
  villageId: string;
  villageName: string;
  head: string | null;
  memberName: string | null;
  matchedBy: 'id' | 'name-birth';
  reason: string;
  figures: Record<string, string>;
  status: AlertStatus;
  statusLabel: string;
  dueOn: string;
  overdue: boolean;
  result: string | null;
  resolvedBy: string | null;
  resolvedOn: string | null;
  batchId: string | null;
}

export interface AlertRegister {
  asOf: string;
  counts: {
    total: number;
    overdue: number;
    byStatus: Record<AlertStatus, number>;
    byDepartment: { department: Department; label: string; total: number; pending: number }[];
  };
  alerts: AlertView[];
}

/** County mode: each township's 预警 counts (read-only). */
export interface CountyScreeningView {
  asOf: string;
  townships: ({ townshipId: string; name: string; code: string | null } & AlertRegister['counts'])[];
  totals: { total: number; pending: number; overdue: number };
}

export interface DepartmentView {
  key: Department;
  label: string;
  columns: string[];
}

const department = z.enum(DEPARTMENTS, '部门无效');

const upload = z.object({
  fileName: z.string().trim().min(1, '缺少文件名').max(200, '文件名过长'),
  dataBase64: z.string().min(1, '文件是空的').max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, '文件太大：一次导入的文件不能超过60MB'),
  /** None: recognised from the list's title, sheet name or columns. */
  department: department.nullable().default(null),
  /** The list's date; none: today. */
  listDate: isoDate.nullable().default(null),
  /** 医保: out-of-pocket amount above which a person is flagged; none: 10,000 元. */
  medicalThresholdFen: fen('医保自付阈值').nullable().default(null),
});

export const alertFilter = z.object({
  department: department.nullable().default(null),
  status: z.enum(ALERT_STATUSES, '状态无效').nullable().default(null),
  villageId: z.string().max(100).nullable().default(null),
  overdue: z.boolean().default(false),
  householdId: z.string().max(100).nullable().default(null),
  /** County mode: one township's hits. */
  townshipId: z.string().max(100).nullable().default(null),
});

export const screeningApi = {
  departments: endpoint<DepartmentView[]>()('screening.departments', z.object({})),
  check: endpoint<ScreeningResult>()('screening.check', upload, readBy(EDIT)),
  apply: endpoint<ScreeningResult>()('screening.apply', upload.extend({ planStamp: z.string().max(100).nullable().default(null) }), EDIT),
  list: endpoint<AlertRegister>()('screening.list', alertFilter),
  /** County: the 预警 per township, by department and status, overdue (read-only). */
  county: endpoint<CountyScreeningView>()('screening.county', z.object({})),
  /** The register as filtered, as a workbook (base64) to save. */
  exportXlsx: endpoint<{ fileName: string; dataBase64: string }>()('screening.exportXlsx', alertFilter),
  verify: endpoint<AlertView>()(
    'screening.verify',
    z.object({ id, outcome: z.enum(['monitor', 'no_risk'], '核实结果应为“纳入监测”或“无风险”'), result: text('核实情况', 500).min(1, '请填写核实情况') }),
    EDIT,
  ),
  dismiss: endpoint<AlertView>()('screening.dismiss', z.object({ id, reason: text('排除理由', 500).min(1, '请填写排除理由') }), EDIT),
  startMonitoring: endpoint<AlertView>()('screening.startMonitoring', z.object({ id, year, createdOn: isoDate, title: text('批次名称', 100).nullable().default(null) }), REVIEW),
};
