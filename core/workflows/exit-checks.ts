// The 脱贫退出 check for a batch's households (or chosen ones) in a year: income against the
// year's standard, the assessment, the veto items, and the two-year rule where it is set.
import type { Db } from '../../db/open.ts';
import { gatherFacts } from '../../db/quality.ts';
import type { ExitCheckRow } from '../../shared/api/workflows.ts';
import { UserError } from '../../shared/errors.ts';
import { computeIncome, transferTotal } from '../../shared/income.ts';
import type { HouseholdFacts } from '../../shared/quality/types.ts';
import { exitCheck } from '../../shared/workflows/index.ts';
import type { YearIncome } from '../../shared/workflows/index.ts';
import type { BatchRow } from './common.ts';
import { describeHousehold, requireBatch } from './common.ts';
import { activeMembers } from './outcomes.ts';
import type { PolicyLookup } from './settings.ts';
import { kindSettings, policyLookup } from './settings.ts';

/** The exit standard of a year: the higher of the poverty line and the exit standard in force. */
function standardOf(policy: PolicyLookup, year: number): number | null {
  const figures = [policy('povertyLine', year), policy('exitStandard', year)].filter((v): v is number => v != null);
  return figures.length ? Math.max(...figures) : null;
}

function yearIncome(f: HouseholdFacts, policy: PolicyLookup, year: number): YearIncome {
  const row = f.incomes.find((i) => i.year === year);
  return { year, standardFen: standardOf(policy, year), perCapitaFen: row ? computeIncome(row, row.householdSize).perCapitaFen : null };
}

function checkOne(f: HouseholdFacts, policy: PolicyLookup, year: number, twoYears: boolean): ExitCheckRow {
  const current = f.members.filter((m) => m.leftReason == null);
  const income = f.incomes.find((i) => i.year === year);
  const welfare = current.some((m) => m.isDibao === true || m.isTekun === true);
  const size = income?.householdSize ?? current.length;
  const r = exitCheck({
    current: yearIncome(f, policy, year),
    previous: twoYears ? yearIncome(f, policy, year - 1) : null,
    assessment: f.assessments.find((a) => a.year === year) ?? null,
    relocation: f.household.relocation,
    housingArea: f.household.housingArea,
    size,
    welfarePerCapitaFen: welfare ? (income && size > 0 ? Math.round(transferTotal(income) / size) : 0) : null,
    seriouslyIll: current.filter((m) => m.health === '患有大病').map((m) => ({ name: m.name, insured: m.medicalInsurance === true && m.seriousIllnessInsurance === true })),
  });
  const head = current.find((m) => m.relation === '户主')?.name ?? null;
  return { householdId: f.household.id, household: describeHousehold({ no: f.household.no, head }), villageName: f.villageName, year, ...r };
}

export function exitChecks(db: Db, input: { year: number; batchId: string | null; householdIds: string[] }): ExitCheckRow[] {
  let ids = [...new Set(input.householdIds)];
  if (input.batchId) {
    const batch = requireBatch(db, input.batchId);
    const inBatch = [...activeMembers(db, batch, 0).keys()];
    ids = ids.length ? ids.filter((id) => inBatch.includes(id)) : inBatch;
  }
  const facts = ids.length ? gatherFacts(db, { householdIds: ids }) : [];
  if (facts.length === 0 && input.householdIds.length > 0) throw new UserError('所选农户不在档案中（或不在该批次中）：请刷新后重新选择。');
  const policy = policyLookup(db);
  const twoYears = kindSettings(db, 'exit').requireTwoYears;
  return facts.map((f) => checkOne(f, policy, input.year, twoYears));
}

/** Refuses to announce an exit batch while a household still in it does not meet the year's standard. */
export function requireQualified(db: Db, batch: BatchRow): void {
  const failing = exitChecks(db, { year: batch.year, batchId: null, householdIds: [...activeMembers(db, batch, Number.MAX_SAFE_INTEGER).keys()] }).filter((r) => !r.qualifies);
  if (failing.length === 0) return;
  const lines = failing.map((r) => `${r.household}：${r.reasons[0] ?? ''}`);
  throw new UserError(
    `有 ${failing.length} 户未达到${batch.year}年脱贫退出标准，不能公告退出：${lines[0]!}${failing.length > 1 ? ' 等' : ''}。请在本环节为这些农户登记“不通过”并写明原因（或补录收入、评估后重新核查），再完成公告。`,
    { details: lines },
  );
}
