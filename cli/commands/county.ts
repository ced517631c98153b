// `county`: county-mode views of what the townships sent — the data check per township (`quality`)
// and their 部门筛查预警 (`screening`), each also as an Excel workbook (--out).
import { existsSync } from 'node:fs';
import { countyQuality } from '../../core/exchange-archive/county-quality.ts';
import { countyQualityTableOf } from '../../core/lists/county-tables.ts';
import { writeListWorkbook } from '../../core/lists/export.ts';
import { registerWorkbook } from '../../core/screening/export.ts';
import { alertRegister, countyScreening } from '../../core/screening/index.ts';
import { writeFileAtomic } from '../../core/files/atomic-write.ts';
import { API } from '../../shared/api/index.ts';
import { UserError } from '../../shared/errors.ts';
import { optionalString } from '../args.ts';
import type { Command } from '../command.ts';
import { emit } from '../io.ts';
import type { Verb } from './batch-verbs.ts';
import { verbCommand } from './batch-verbs.ts';

const SUMMARY = '县级：各乡镇数据质量（同一套检查规则，按乡镇汇总）和各乡镇部门筛查预警，可导出 Excel';

function outOption(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!v.toLowerCase().endsWith('.xlsx')) throw new UserError(`文件名“${v}”应以 .xlsx 结尾（Excel 表格）。`, { kind: 'usage' });
  if (existsSync(v)) throw new UserError(`文件已存在：${v}。为免覆盖，请换一个文件名。`);
  return v;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const verbs: Record<string, Verb> = {
  quality: {
    args: '[--as-of 日期] [--out 汇总.xlsx]',
    summary: '各乡镇数据质量：户数、人数、错误、疑点、错误户占比、最常见问题（每个乡镇按其最新报送数据检查）',
    acts: API.exchange.countyQuality,
    options: { 'as-of': { type: 'string' }, out: { type: 'string' } },
    async run(c) {
      const out = outOption(optionalString(c.p, 'out'));
      const q = await countyQuality(c.archive, { asOf: c.date('as-of'), now: () => c.actor.now() });
      if (out) await writeListWorkbook(countyQualityTableOf(q), out);
      emit(c.io, { ...q, file: out ?? null }, () =>
        [
          `各乡镇数据质量（检查日期 ${q.asOf}）：`,
          ...q.townships.map(
            (t) => `  ${t.name}：${t.households} 户 ${t.members} 人，错误 ${t.errors}，疑点 ${t.warnings}，错误户占比 ${pct(t.errorHouseholdShare)}；最常见：${t.top.map((r) => `${r.code} ${r.title}（${r.count}）`).join('、') || '无'}`,
          ),
          ...(q.countyFindings.length ? [`同一人在两个乡镇（Q105X）${q.countyFindings.length} 条：`, ...q.countyFindings.map((f) => `  ${f.township} ${f.village} 户编号 ${f.household} ${f.member ?? ''}：${f.message}`)] : []),
          ...(out ? [`已导出：${out}`] : []),
        ].join('\n'),
      );
      return 0;
    },
  },
  screening: {
    args: '[--township 乡镇名称] [--as-of 日期] [--out 台账.xlsx]',
    summary: '各乡镇部门筛查预警：按部门、状态、逾期汇总；--township 列出该乡镇的预警（只读）',
    acts: API.screening.county,
    options: { township: { type: 'string' }, 'as-of': { type: 'string' }, out: { type: 'string' } },
    async run(c) {
      const out = outOption(optionalString(c.p, 'out'));
      const today = c.date('as-of');
      const summary = countyScreening(c.archive, today);
      const name = optionalString(c.p, 'township');
      let alerts = null;
      if (name !== undefined) {
        const t = summary.townships.find((x) => x.name === name || x.code === name);
        if (!t) throw new UserError(`县级档案中没有乡镇“${name}”。现有：${summary.townships.map((x) => x.name).join('、') || '（还没有导入任何乡镇）'}。`);
        alerts = alertRegister(c.archive.db, today, { department: null, status: null, villageId: null, overdue: false, householdId: null, townshipId: t.townshipId });
        if (out) {
          const title = `${t.name}部门筛查预警台账（${today}）`;
          const bytes = await registerWorkbook(alerts, title);
          writeFileAtomic(out, bytes);
        }
      } else if (out) throw new UserError('导出预警台账请用 --township 指定乡镇。', { kind: 'usage' });
      emit(c.io, { ...summary, alerts: alerts?.alerts ?? null, file: out ?? null }, () =>
        [
          `各乡镇部门筛查预警（${today}）：共 ${summary.totals.total} 条，待核实 ${summary.totals.pending}，逾期 ${summary.totals.overdue}`,
          ...summary.townships.map((t) => `  ${t.name}：${t.total} 条，待核实 ${t.byStatus.pending}（逾期 ${t.overdue}）${t.byDepartment.length ? `；${t.byDepartment.map((d) => `${d.label} ${d.total}`).join('、')}` : ''}`),
          ...(alerts ? alerts.alerts.map((a) => `  ${a.departmentLabel} ${a.householdNo} ${a.villageName} ${a.memberName ?? ''}：${a.reason} ［${a.statusLabel}］`) : []),
          ...(out ? [`已导出：${out}`] : []),
        ].join('\n'),
      );
      return 0;
    },
  },
};

export const county: Command = verbCommand('county', SUMMARY, verbs);
