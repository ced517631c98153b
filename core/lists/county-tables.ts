// County mode's lists as workbooks: the per-township quality summary (乡镇, 户数, 人数, 错误, 疑点,
// 错误户占比, 最常见问题, 检查时间) and one township's findings in the county's 问题清单 layout.
import { householdBriefs } from '../../db/repos/household-briefs.ts';
import { ruleCatalogue } from '../../shared/quality/index.ts';
import { SEVERITY_LABELS } from '../../shared/quality/types.ts';
import { COUNTY_RULES } from '../../shared/quality/county-rules.ts';
import { countyQualityOf, countyTownshipProblemsOf } from '../exchange-archive/county-quality-session.ts';
import type { CountyQualityView } from '../../shared/api/county-quality.ts';
import type { Session } from '../session.ts';
import type { ListColumn, ListTable } from './tables.ts';

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
const time = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

export async function countyQualityTable(s: Session): Promise<ListTable> {
  return countyQualityTableOf(await countyQualityOf(s));
}

/** The summary as a table (the CLI passes the view it computed). */
export function countyQualityTableOf(q: CountyQualityView): ListTable {
  const columns: ListColumn[] = [
    { label: '序号', width: 7 },
    { label: '乡镇', width: 14 },
    { label: '区划代码', width: 16, text: true },
    { label: '户数', width: 8 },
    { label: '人数', width: 8 },
    { label: '错误', width: 8 },
    { label: '疑点', width: 8 },
    { label: '错误户数', width: 9 },
    { label: '错误户占比', width: 11 },
    { label: '最常见问题', width: 60 },
    { label: '收入年度', width: 9 },
    { label: '检查时间', width: 17 },
  ];
  const rows = q.townships.map((t, i) => [
    i + 1,
    t.name,
    t.code,
    t.households,
    t.members,
    t.errors,
    t.warnings,
    t.errorHouseholds,
    percent(t.errorHouseholdShare),
    t.top.map((r) => `${r.code} ${r.title}（${r.count}）`).join('；'),
    t.year,
    time(t.checkedAt),
  ]);
  const share = q.totals.households ? q.totals.errorHouseholds / q.totals.households : 0;
  return {
    name: '各乡镇数据质量汇总',
    title: '各乡镇数据质量汇总',
    subtitle: `检查日期 ${q.asOf} · ${q.townships.length} 个乡镇 · ${q.totals.households} 户 ${q.totals.members} 人 · 错误 ${q.totals.errors} 项，疑点 ${q.totals.warnings} 项 · 错误户占比 ${percent(share)}${q.countyFindings.length ? ` · 同一人在两个乡镇 ${q.countyFindings.length} 条（列入各乡镇问题清单）` : ''}`,
    columns,
    rows,
  };
}

/**
 * One township's findings as the county's 问题清单 (村, 户编号, 户主, 成员, 问题, 整改意见, 整改情况):
 * the county-level ones naming it (同一人在两个乡镇) first, then its own open ones; those the
 * township marked 已核实无误 (data unchanged) are left out, as in its own list.
 */
export function townshipProblemsTable(s: Session, townshipId: string): ListTable {
  const check = countyTownshipProblemsOf(s, townshipId);
  const problems = [...check.countyFindings, ...check.problems];
  const heads = new Map(householdBriefs(s.requireArchive().db, [...new Set(problems.map((p) => p.householdId))]).map((h) => [h.id, h.head]));
  const hints = new Map([...ruleCatalogue(), ...COUNTY_RULES].map((r) => [r.code, r.hint] as const));
  const columns: ListColumn[] = [
    { label: '序号', width: 7 },
    { label: '村', width: 12 },
    { label: '户编号', width: 22, text: true },
    { label: '户主', width: 10 },
    { label: '成员', width: 10 },
    { label: '级别', width: 7 },
    { label: '规则', width: 8 },
    { label: '问题', width: 48 },
    { label: '整改意见', width: 36 },
    { label: '整改情况', width: 20 },
  ];
  const rows = problems.map((p, i) => [i + 1, p.village, p.household, heads.get(p.householdId) ?? null, p.member, SEVERITY_LABELS[p.severity], p.code, `${p.title}：${p.message}`, hints.get(p.code) ?? null, null]);
  const extra = [check.countyFindings.length ? `同一人在两个乡镇 ${check.countyFindings.length} 项` : '', check.acknowledged.length ? `乡镇已核实无误 ${check.acknowledged.length} 项（不列入）` : ''].filter(Boolean);
  return {
    name: `${check.township}数据质量问题清单`,
    title: `${check.township}数据质量问题清单`,
    subtitle: `检查日期 ${check.asOf}${check.year != null ? ` · 收入年度 ${check.year}` : ''} · 错误 ${check.counts.error} 项，疑点 ${check.counts.warning} 项${extra.map((e) => ` · ${e}`).join('')}`,
    columns,
    rows,
  };
}
