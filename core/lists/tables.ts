// Each list the screens show, as a plain table (title, columns, rows) built from the same calls
// the screens make, with the same filters, search and order — so the sheet holds what the clerk
// saw. Identity columns (户编号, 户主) come first, as on screen.
import { householdBriefs } from '../../db/repos/household-briefs.ts';
import { countyQualityTable, townshipProblemsTable } from './county-tables.ts';
import { batchesTable, villagesTable } from './work-tables.ts';
import { ruleCatalogue } from '../../shared/quality/index.ts';
import { villagesByIds } from '../../db/repos/villages.ts';
import { UserError } from '../../shared/errors.ts';
import { filterWords, problemMatches } from '../../shared/quality/filter.ts';
import type { ProblemFilter } from '../../shared/quality/filter.ts';
import { SEVERITY_LABELS } from '../../shared/quality/types.ts';
import type { Problem } from '../../shared/quality/types.ts';
import type { CheckResult } from '../check.ts';
import { listWithSearch } from '../households/search.ts';
import { packCheck } from '../exchange-archive/pack-check.ts';
import { cachedCheck } from '../overview.ts';
import type { Session } from '../session.ts';
import { monitoringBoard } from '../workflows/monitoring-board.ts';
import { batchDetail } from '../workflows/detail.ts';
import { formatYuan } from '../../shared/money.ts';
import type { ListExportRequest } from '../../shared/api/lists.ts';
import { STATUS_LABELS } from '../../shared/status.ts';

export interface ListColumn {
  label: string;
  /** Excel width units (a Chinese character is about two). */
  width: number;
  /** Long digit strings (户编号, ID numbers) kept as text, never a number in E-notation. */
  text?: boolean;
}

export interface ListTable {
  /** The file and sheet name's stem. */
  name: string;
  title: string;
  subtitle: string;
  columns: ListColumn[];
  rows: (string | number | null)[][];
}

/** 序号, 户编号, 户主, 行政村, 村民小组, 人数: every household list starts with these, as on screen. */
const IDENTITY: readonly ListColumn[] = [
  { label: '序号', width: 7 },
  { label: '户编号', width: 22, text: true },
  { label: '户主', width: 10 },
  { label: '行政村', width: 12 },
  { label: '村民小组', width: 12 },
  { label: '人数', width: 6 },
];

/** The row's identity cells, in IDENTITY's order (`i` counts from 0). */
function identityCells(i: number, h: { no: string; head: string | null; villageName: string; groupName: string | null; size: number }): (string | number | null)[] {
  return [i + 1, h.no, h.head, h.villageName, h.groupName, h.size];
}

/** 序号, 村, 户编号, 户主, 成员: a problem list's identity (the county's 问题清单 order). */
const PROBLEM_IDENTITY: readonly ListColumn[] = [
  { label: '序号', width: 7 },
  { label: '村', width: 12 },
  { label: '户编号', width: 22, text: true },
  { label: '户主', width: 10 },
  { label: '成员', width: 10 },
];

/** Enough for the whole township in one sheet (the screens page the same list). */
const ALL = 1_000_000;

async function householdsTable(s: Session, f: Extract<ListExportRequest, { kind: 'households' }>['filter']): Promise<ListTable> {
  const page = await listWithSearch(s, { ...f, limit: ALL, offset: 0 });
  const searched = f.search !== '';
  const columns: ListColumn[] = [
    ...IDENTITY,
    { label: '户状态', width: 14 },
    { label: '贫困户属性', width: 14 },
    { label: '主要致贫原因', width: 14 },
    { label: '监测对象类别', width: 14 },
    ...(searched ? [{ label: '查找命中的成员', width: 18 }] : []),
  ];
  const rows = page.items.map((h, i) => [...identityCells(i, { ...h, head: h.head ?? '（无户主）' }), STATUS_LABELS[h.status], h.attribute, h.mainCause, h.monitoringCategory, ...(searched ? [(h.matched ?? []).join('、')] : [])]);
  const filters = [f.search && `查找“${f.search}”`, f.status && STATUS_LABELS[f.status], f.groupName, f.attribute, f.mainCause, f.monitoringCategory, f.noHelper && '没有帮扶责任人'].filter(Boolean);
  return { name: '农户名单', title: '农户名单', subtitle: `共 ${page.total} 户${filters.length ? `（${filters.join('，')}）` : ''}`, columns, rows };
}

function monitoringTable(s: Session, f: Extract<ListExportRequest, { kind: 'monitoring' }>['filter']): ListTable {
  const asOf = f.asOf ?? s.today();
  const b = monitoringBoard(s.requireArchive().db, { ...f, asOf });
  const columns: ListColumn[] = [
    ...IDENTITY,
    { label: '监测对象类别', width: 16 },
    { label: '风险', width: 18 },
    { label: '风险等级', width: 8 },
    { label: '等级原因', width: 30 },
    { label: '上次走访', width: 12 },
    { label: '本月走访', width: 10 },
    { label: '待落实措施', width: 10 },
    { label: '走访日期', width: 12 },
    { label: '走访人签字', width: 12 },
  ];
  const rows = b.objects.map((o, i) => [...identityCells(i, o), o.category, o.risks.join('、'), o.levelLabel, o.riskRemoved ? `风险已消除（${o.removalMethod ?? ''}）` : o.levelReasons.join('；'), o.lastCheckOn, o.dueLabel, o.openRemedies || null, null, null]);
  const what = f.dueOnly ? '本月待走访监测对象名单' : '防返贫监测对象名单';
  return {
    name: what,
    title: what,
    subtitle: `${b.month.replace('-', '年')}月 · 共 ${b.objects.length} 户 · 等级标准：预估人均纯收入低于 ${formatYuan(b.thresholds.redBelowFen)} 元为红色，低于 ${formatYuan(b.thresholds.yellowBelowFen)} 元为黄色`,
    columns,
    rows,
  };
}

function batchTable(s: Session, batchId: string): ListTable {
  const d = batchDetail(s.requireArchive().db, batchId, s.today());
  const columns: ListColumn[] = [
    ...IDENTITY,
    { label: '户状态', width: 14 },
    ...(d.kindView.choice ? [{ label: d.kindView.choice.label, width: 16 }] : []),
    ...d.steps.map((st) => ({ label: `${st.seq}. ${st.label}`, width: 12 })),
    { label: '进展', width: 14 },
  ];
  const rows = d.households.map((h, i) => [
    ...identityCells(i, h),
    h.statusLabel,
    ...(d.kindView.choice ? [h.choice] : []),
    ...d.steps.map((st) => {
      const o = h.outcomes[st.seq];
      return o ? `${o.label}${o.reason ? `（${o.reason}）` : ''}` : null;
    }),
    h.removedOn ? `已移出（${h.removalReason ?? h.removedOn}）` : h.active ? '进行中' : `停在第 ${h.stoppedAt ?? '?'} 步`,
  ]);
  return { name: `${d.title}农户名单`, title: `${d.title} 农户名单`, subtitle: `${d.kindLabel} · ${d.village ?? '全乡镇'} · 共 ${d.households.length} 户`, columns, rows };
}

/**
 * 数据检查 as the county's 问题清单: 村, 户编号, 户主, 成员, 问题, 整改意见, and 整改情况 left to fill
 * in. Exactly the rows the screen shows under the same filters: the whole archive's check (the
 * screen's result), filtered by shared/quality/filter.ts; with 显示已核实, the 已核实无误 ones
 * follow, their 整改情况 saying who found them correct, when and why.
 */
async function problemsTable(s: Session, f: Extract<ListExportRequest, { kind: 'problems' }>['filter']): Promise<ListTable> {
  const db = s.requireArchive().db;
  const check = await cachedCheck(s, null);
  const village = f.villageId ? (villagesByIds(db, [f.villageId])[0]?.name ?? null) : null;
  if (f.villageId && village === null) throw new UserError('没有这个行政村（可能已被删除）：请刷新“数据检查”后再导出。');
  const filter: ProblemFilter = { category: f.category, severity: f.severity, village, code: f.code || null, search: f.search, showAcked: f.showAcked };
  const problems = check.problems.filter((p) => problemMatches(p, filter));
  const acked = f.showAcked ? check.acknowledged.filter((a) => problemMatches(a.problem, filter)) : [];
  const all = [...problems, ...acked.map((a) => a.problem)];
  const heads = new Map(householdBriefs(db, [...new Set(all.map((p) => p.householdId))]).map((h) => [h.id, h.head]));
  const done = acked.map((a) => `已核实无误：${a.ack.reason}（${a.ack.acknowledgedBy} ${a.ack.acknowledgedOn}）`);
  return problemsListTable(check, all, heads, filterWords(filter), [...problems.map(() => null), ...done]);
}

/**
 * The 问题清单 of `problems` (of `check`), 户主 from `heads`; `note` (filters, or what was checked)
 * in the subtitle; `done` the 整改情况 of each row (blank to fill in, when not given).
 */
export function problemsListTable(check: Pick<CheckResult, 'asOf' | 'year'>, problems: readonly Problem[], heads: ReadonlyMap<string, string | null>, note: string, done: readonly (string | null)[] = []): ListTable {
  const hints = new Map(ruleCatalogue().map((r) => [r.code, r.hint]));
  const columns: ListColumn[] = [
    ...PROBLEM_IDENTITY,
    { label: '级别', width: 7 },
    { label: '规则', width: 8 },
    { label: '问题', width: 48 },
    { label: '整改意见', width: 36 },
    { label: '整改情况', width: 20 },
  ];
  const rows = problems.map((p, i) => [i + 1, p.village, p.household, heads.get(p.householdId) ?? null, p.member, SEVERITY_LABELS[p.severity], p.code, `${p.title}：${p.message}`, hints.get(p.code) ?? null, done[i] ?? null]);
  return {
    name: '数据质量问题清单',
    title: '数据质量问题清单',
    subtitle: `检查日期 ${check.asOf}${check.year != null ? ` · 收入年度 ${check.year}` : ''} · 共 ${problems.length} 条${note ? `（${note}）` : ''}`,
    columns,
    rows,
  };
}

/** 报送前检查: the rows the county would refuse in the chosen scope, each with its household. */
function packProblemsTable(s: Session, scope: Extract<ListExportRequest, { kind: 'pack-problems' }>['scope']): ListTable {
  const problems = packCheck(s.requireArchive().db, scope, s.clock.now());
  const columns: ListColumn[] = [...PROBLEM_IDENTITY, { label: '问题', width: 60 }, { label: '整改情况', width: 20 }];
  const rows = problems.map((p, i) => [i + 1, p.village, p.no, p.head, p.member, p.line, null]);
  const what = scope.type === 'all' ? '全部档案' : `所选 ${scope.batchIds.length} 个批次`;
  return { name: '报送前检查问题清单', title: '报送前检查问题清单', subtitle: `${what} · 共 ${problems.length} 条${problems.length >= 200 ? '（只列前 200 条）' : ''} · 改正后再报送县级`, columns, rows };
}

export async function listTable(s: Session, req: ListExportRequest): Promise<ListTable> {
  switch (req.kind) {
    case 'households':
      return householdsTable(s, req.filter);
    case 'villages':
      return villagesTable(s);
    case 'batches':
      return batchesTable(s, req.filter);
    case 'monitoring':
      return monitoringTable(s, req.filter);
    case 'batch-households':
      return batchTable(s, req.batchId);
    case 'problems':
      return problemsTable(s, req.filter);
    case 'county-quality':
      return countyQualityTable(s);
    case 'township-problems':
      return townshipProblemsTable(s, req.townshipId);
    case 'pack-problems':
      return packProblemsTable(s, req.scope);
  }
}
