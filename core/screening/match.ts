// Matching a department list's rows to the archive's current members: by ID number first (the
// check digit per GB 11643, shared/id-number.ts), then by name and birth date (from the ID's
// digits or the 出生日期 column). Every row left out says why, by row and column.
import type { ReadDb } from '../../db/handles.ts';
import { peopleByIdNumbers, peopleByNames, pendingMemberIds } from '../../db/repos/screening.ts';
import type { ArchivePerson } from '../../db/repos/screening.ts';
import type { ScreeningCounts, ScreeningHitView, ScreeningProblem } from '../../shared/api/screening.ts';
import { normalizeIdInput, parseIdNumber } from '../../shared/id-number.ts';
import { DEPARTMENT_DEFS } from '../../shared/screening/departments.ts';
import type { ReasonOptions } from '../../shared/screening/departments.ts';
import type { ListRow, ReadList } from './read.ts';

export interface Hit extends ScreeningHitView {
  memberId: string;
}

export interface Matched {
  hits: Hit[];
  problems: ScreeningProblem[];
  counts: ScreeningCounts;
}

/** A birth date from an ID's digits 7–14, when they form a real date (also of a number whose check digit is wrong). */
function birthOfDigits(raw: string): string {
  const id = normalizeIdInput(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return '';
  const iso = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : '';
}

interface Prepared {
  row: ListRow;
  id: string | null;
  birth: string;
}

export function matchList(db: ReadDb, list: ReadList, today: string, opts: ReasonOptions): Matched {
  const def = DEPARTMENT_DEFS[list.department];
  const col = (key: string): string => list.headers[key] ?? '';
  const problems: ScreeningProblem[] = [];
  const warn = (row: number, column: string, message: string) => problems.push({ sheet: list.sheet, row, column, message, severity: 'warning' });
  const counts: ScreeningCounts = { rows: list.rows.length, hits: 0, byId: 0, byNameBirth: 0, notInArchive: 0, malformedIds: 0, duplicates: 0, notFlagged: 0, alreadyPending: 0 };
  const todayDate = new Date(`${today}T12:00:00Z`);
  const firstRowOf = new Map<string, number>();
  const prepared: Prepared[] = [];
  for (const row of list.rows) {
    let id: string | null = null;
    if (row.idNumber) {
      const r = parseIdNumber(row.idNumber, todayDate);
      if (r.ok) id = r.info.normalized;
      else {
        counts.malformedIds++;
        const fallback = row.name && (row.birthDate || birthOfDigits(row.idNumber)) ? '，改按姓名和出生日期比对' : '，这一行无法比对';
        warn(row.rowNo, col('idNumber'), `身份证号“${row.idNumber}”有误：${r.message}${fallback}。请向${def.label}核对号码。`);
      }
    }
    const key = id ?? (row.name && row.birthDate ? `${row.name}|${row.birthDate}` : null);
    if (key) {
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        counts.duplicates++;
        warn(row.rowNo, id ? col('idNumber') : col('name'), `与第 ${first} 行${id ? '的身份证号' : '的姓名和出生日期'}重复：这一行不再比对，只按第 ${first} 行登记。请核对名单是否重复列出。`);
        continue;
      }
      firstRowOf.set(key, row.rowNo);
    }
    const birth = id ? `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` : row.birthDate || birthOfDigits(row.idNumber);
    if (!id && !(row.name && birth)) {
      if (!row.idNumber) {
        counts.malformedIds++;
        warn(row.rowNo, col('idNumber') || col('name'), `这一行没有身份证号${row.name ? '，也没有出生日期' : '，也没有姓名'}：无法与档案比对。请补上身份证号后再导入。`);
      }
      continue;
    }
    prepared.push({ row, id, birth });
  }

  const byId = new Map<string, ArchivePerson>();
  for (const p of peopleByIdNumbers(db, prepared.flatMap((p) => (p.id ? [p.id] : [])))) if (p.idNumber) byId.set(p.idNumber.toUpperCase(), p);
  const byName = new Map<string, ArchivePerson[]>();
  for (const p of peopleByNames(db, prepared.flatMap((p) => (p.row.name && !(p.id && byId.has(p.id)) ? [p.row.name] : [])))) {
    const birth = p.birthDate || (p.idNumber ? birthOfDigits(p.idNumber) : '');
    const k = `${p.name}|${birth}`;
    byName.set(k, [...(byName.get(k) ?? []), p]);
  }
  const pending = pendingMemberIds(db, list.department);
  const taken = new Map<string, number>();
  const hits: Hit[] = [];
  for (const { row, id, birth } of prepared) {
    let person = id ? byId.get(id) : undefined;
    let matchedBy: Hit['matchedBy'] = 'id';
    if (!person && row.name && birth) {
      const same = byName.get(`${row.name}|${birth}`) ?? [];
      if (same.length > 1) {
        warn(row.rowNo, col('name'), `档案中有 ${same.length} 人姓名“${row.name}”、出生日期 ${birth} 相同（户编号 ${same.map((p) => p.householdNo).join('、')}）：无法确定是哪一位，没有登记。请按身份证号核对。`);
        continue;
      }
      person = same[0];
      matchedBy = 'name-birth';
    }
    if (!person) {
      counts.notInArchive++;
      warn(row.rowNo, id ? col('idNumber') : col('name'), `${id ? `身份证号 ${id.slice(0, 6)}********${id.slice(14)}` : `“${row.name}”（出生日期 ${birth}）`}不在档案的现有成员中：没有登记预警。`);
      continue;
    }
    const reason = def.reason(row.values, opts);
    if (!reason || !def.needs.some((k) => row.values[k])) {
      counts.notFlagged++;
      continue;
    }
    const earlier = taken.get(person.memberId);
    if (earlier !== undefined) {
      counts.duplicates++;
      warn(row.rowNo, col('name'), `与第 ${earlier} 行是档案中的同一人（${person.name}，户编号 ${person.householdNo}）：只按第 ${earlier} 行登记。`);
      continue;
    }
    taken.set(person.memberId, row.rowNo);
    if (pending.has(person.memberId)) {
      counts.alreadyPending++;
      warn(row.rowNo, col('name'), `${person.name}（户编号 ${person.householdNo}）已有一条${def.label}预警待核实：不重复登记。`);
      continue;
    }
    if (matchedBy === 'id') counts.byId++;
    else counts.byNameBirth++;
    hits.push({ rowNo: row.rowNo, name: person.name, memberId: person.memberId, householdId: person.householdId, householdNo: person.householdNo, villageName: person.villageName, matchedBy, reason: reason.text, figures: reason.figures });
  }
  counts.hits = hits.length;
  return { hits, problems, counts };
}
