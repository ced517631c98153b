// The 数据检查 list's filters (类别, 级别, 行政村, 规则, 查找, 已核实) as one object: the screen
// filters its rows with it and sends the same object to the 问题清单 export, so the workbook holds
// exactly the rows shown (core/lists/tables.ts).
import { ruleCatalogue } from './index.ts';
import { CATEGORY_LABELS, SEVERITY_LABELS } from './types.ts';
import type { Category, Problem, Severity } from './types.ts';

export interface ProblemFilter {
  category: Category | null;
  severity: Severity | null;
  /** The village's name, as findings carry it. */
  village: string | null;
  /** A rule's code. */
  code: string | null;
  /** Rule, 户编号, member's name or message. */
  search: string;
  /** The 已核实无误 findings are listed too (after the open ones). */
  showAcked: boolean;
}

export const NO_PROBLEM_FILTER: ProblemFilter = { category: null, severity: null, village: null, code: null, search: '', showAcked: false };

let categories: ReadonlyMap<string, Category> | null = null;
const categoryOf = (code: string): Category | undefined => (categories ??= new Map(ruleCatalogue().map((r) => [r.code, r.category]))).get(code);

/** Whether the finding is in the list under these filters (showAcked is the caller's: it picks the rows). */
export function problemMatches(p: Problem, f: Omit<ProblemFilter, 'showAcked'>): boolean {
  const q = f.search.trim();
  return (
    (!f.severity || p.severity === f.severity) &&
    (!f.village || p.village === f.village) &&
    (!f.code || p.code === f.code) &&
    (!f.category || categoryOf(p.code) === f.category) &&
    (!q || `${p.code}${p.title}${p.household}${p.member ?? ''}${p.message}`.includes(q))
  );
}

/** The filters in words, for a list's subtitle (“错误，规则 Q201，查找“张””). */
export function filterWords(f: ProblemFilter): string {
  const q = f.search.trim();
  return [f.category && CATEGORY_LABELS[f.category], f.severity && SEVERITY_LABELS[f.severity], f.village, f.code && `规则 ${f.code}`, q && `查找“${q}”`, f.showAcked && '含已核实无误']
    .filter(Boolean)
    .join('，');
}
