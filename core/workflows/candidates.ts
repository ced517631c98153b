// Households that could join a batch, from a filter: the kind's eligible statuses within the
// batch's villages, optionally by per-capita net income of a year (e.g. above the poverty line
// and below the edge line, seed 001) and without 低保 or 特困 members.
import type { ReadDb } from '../../db/handles.ts';
import { batchVillageIds } from '../../db/repos/workflow-batches.ts';
import { eligibleHouseholdIds, incomesOfYear, latestIncomeYearUpTo } from '../../db/repos/workflow-candidates.ts';
import type { CandidateView } from '../../shared/api/workflows.ts';
import type { candidateFilter } from '../../shared/api/workflows.ts';
import { UserError } from '../../shared/errors.ts';
import { computeIncome } from '../../shared/income.ts';
import { formatYuan } from '../../shared/money.ts';
import type { z } from 'zod';
import { byVillageThenNo, householdBriefs, kindOf, requireBatch } from './common.ts';
import { conflicts } from './membership.ts';
import { policyLookup } from './settings.ts';

type Filter = z.output<typeof candidateFilter>;

interface Range {
  year: number | null;
  above: number | null;
  below: number | null;
}

function rangeOf(db: ReadDb, batchYear: number, f: Filter): Range {
  const year = f.incomeYear ?? latestIncomeYearUpTo(db, batchYear);
  let above = f.aboveFen;
  let below = f.belowFen;
  if (f.preset !== 'none') {
    if (year == null) throw new UserError(`档案中没有 ${batchYear} 年及以前的收入记录，无法按收入筛选：请先录入或导入收入。`);
    const policy = policyLookup(db);
    const need = (kind: 'povertyLine' | 'edgeLine' | 'monitoringLine', label: string): number => {
      const v = policy(kind, year);
      if (v == null) throw new UserError(`档案中没有 ${year} 年的${label}：请在政策参数中填写，或直接给出收入范围。`);
      return v;
    };
    if (f.preset === 'edge-range') {
      above ??= need('povertyLine', '贫困线');
      below ??= need('edgeLine', '贫困边缘户收入上限');
    } else below ??= need('monitoringLine', '防返贫监测范围');
  }
  if (above != null && below != null && above >= below) {
    throw new UserError(`收入范围为空：高于 ${formatYuan(above)} 元且低于 ${formatYuan(below)} 元的区间不存在（${year ?? ''}年）。请在政策参数中核对该年的标准，或直接填写收入范围。`);
  }
  return { year, above, below };
}

export function candidates(db: ReadDb, batchId: string, f: Filter): CandidateView[] {
  const batch = requireBatch(db, batchId);
  const def = kindOf(batch);
  const range = rangeOf(db, batch.year, f);
  const inBatch = batchVillageIds(db, batch.id);
  const scope = f.villageIds.length ? f.villageIds.filter((v) => inBatch.length === 0 || inBatch.includes(v)) : inBatch;
  const ids = eligibleHouseholdIds(db, { statuses: def.eligible, villageIds: scope, excludeWelfare: f.excludeWelfare });
  const incomes = new Map(range.year == null ? [] : incomesOfYear(db, range.year).map((r) => [r.householdId, computeIncome(r, r.householdSize).perCapitaFen] as const));
  const ranged = range.above != null || range.below != null;
  const fits = ids.filter((id) => {
    if (!ranged) return true;
    const pc = incomes.get(id);
    return pc != null && (range.above == null || pc > range.above) && (range.below == null || pc < range.below);
  });
  const briefs = householdBriefs(db, fits);
  const bad = conflicts(db, batch, briefs, fits);
  return [...briefs.values()]
    .sort(byVillageThenNo)
    .slice(0, f.limit)
    .map((b) => ({
      householdId: b.id,
      no: b.no,
      head: b.head,
      villageName: b.villageName,
      groupName: b.groupName,
      size: b.size,
      status: b.status,
      incomeYear: range.year,
      perCapitaFen: incomes.get(b.id) ?? null,
      conflict: bad.get(b.id) ?? null,
    }));
}
