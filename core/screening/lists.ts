// A department list from file to 预警: check (read, match, nothing written) and, on the clerk's
// confirmation, import — the list and its hits in one transaction with the audit entry. The
// due date of each hit is counted from the context's today, never the machine's clock.
import { createHash } from 'node:crypto';
import { writeTransaction } from '../../db/handles.ts';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { insertList } from '../../db/repos/screening.ts';
import type { Actor } from '../../shared/actor.ts';
import type { ScreeningResult } from '../../shared/api/screening.ts';
import { addDays } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { ALERT_DUE_DAYS, DEFAULT_MEDICAL_THRESHOLD_FEN, DEPARTMENT_DEFS } from '../../shared/screening/departments.ts';
import type { Department } from '../../shared/screening/departments.ts';
import type { WorkbookSource } from '../import/workbook.ts';
import { sourceName } from '../import/workbook.ts';
import { matchList } from './match.ts';
import type { Hit } from './match.ts';
import { readDepartmentList } from './read.ts';

export interface ListOptions {
  department: Department | null;
  /** The list's date; none: today. */
  listDate: string | null;
  medicalThresholdFen: number | null;
  /** The business day (the session's or the CLI's context). */
  today: string;
}

const EMPTY_COUNTS = { rows: 0, hits: 0, byId: 0, byNameBirth: 0, notInArchive: 0, malformedIds: 0, duplicates: 0, notFlagged: 0, alreadyPending: 0 };

interface Checked {
  result: ScreeningResult;
  hits: Hit[];
}

function stampOf(department: Department, listDate: string, threshold: number, hits: readonly Hit[]): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([department, listDate, threshold, hits.map((x) => [x.rowNo, x.memberId, x.reason])]));
  return h.digest('hex').slice(0, 32);
}

async function checkFile(db: Db, file: WorkbookSource, o: ListOptions): Promise<Checked> {
  const fileName = sourceName(file);
  const listDate = o.listDate ?? o.today;
  const read = await readDepartmentList(file, o.department);
  if (!read.ok) {
    const d = o.department;
    return {
      hits: [],
      result: { fileName, department: d, departmentLabel: d ? DEPARTMENT_DEFS[d].label : null, title: '', listDate, refused: true, applied: false, listId: null, counts: EMPTY_COUNTS, hits: [], problems: read.problems, columns: {}, planStamp: null },
    };
  }
  const list = read.list;
  const threshold = o.medicalThresholdFen ?? DEFAULT_MEDICAL_THRESHOLD_FEN;
  const m = matchList(db, list, o.today, { medicalThresholdFen: threshold });
  const columns = Object.fromEntries(Object.entries(list.headers).flatMap(([k, v]) => (v ? [[k, v]] : [])));
  return {
    hits: m.hits,
    result: {
      fileName,
      department: list.department,
      departmentLabel: DEPARTMENT_DEFS[list.department].label,
      title: list.title,
      listDate,
      refused: false,
      applied: false,
      listId: null,
      counts: m.counts,
      hits: m.hits.map(({ memberId: _m, ...h }) => h),
      problems: m.problems,
      columns,
      planStamp: stampOf(list.department, listDate, threshold, m.hits),
    },
  };
}

/** Reads and matches the list; writes nothing. */
export async function checkList(db: Db, file: WorkbookSource, o: ListOptions): Promise<ScreeningResult> {
  return (await checkFile(db, file, o)).result;
}

export const STALE_SCREENING = '检查（预览）之后，名单、部门或档案中的人员有了变化，比对结果与预览的不同：本次没有写入任何内容。请重新检查，核对后再导入。';

/** Checks again and, when nothing refuses it (and the check is the one previewed), records the list and its hits. */
export async function importList(db: Db, actor: Actor, file: WorkbookSource, o: ListOptions & { planStamp: string | null }): Promise<ScreeningResult> {
  const { result, hits } = await checkFile(db, file, o);
  if (result.refused) {
    throw new UserError(`名单“${result.fileName}”不能导入，档案没有任何改动：${result.problems.map((p) => p.message).join('；')}`, { details: result.problems.map((p) => p.message) });
  }
  if (o.planStamp && o.planStamp !== result.planStamp) throw new UserError(STALE_SCREENING);
  const department = result.department!;
  const dueOn = addDays(o.today, ALERT_DUE_DAYS);
  const listId = writeTransaction(db, (w) => {
    const { listId } = insertList(
      w,
      actor,
      { department, fileName: result.fileName, title: result.title, listDate: result.listDate, importedOn: o.today, rows: result.counts.rows, hits: hits.length },
      hits.map((h) => ({ householdId: h.householdId, memberId: h.memberId, department, rowNo: h.rowNo, matchedBy: h.matchedBy, reason: h.reason, figures: h.figures, dueOn })),
    );
    recordAudit(w, actor, {
      action: 'insert',
      tableName: 'screening_lists',
      recordId: listId,
      after: { department, fileName: result.fileName, title: result.title, listDate: result.listDate, rows: result.counts.rows, hits: hits.length, dueOn },
      note: `导入${DEPARTMENT_DEFS[department].label}筛查名单“${result.title}”：${result.counts.rows} 人，比中 ${hits.length} 人，登记预警（${dueOn} 前核实）`,
    });
    return listId;
  });
  return { ...result, applied: true, listId };
}
