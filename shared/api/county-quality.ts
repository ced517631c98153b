// County mode (issue 16): the data check's 217 rules over each township's received snapshot —
// one row per township (乡镇, 户数, 人数, 错误, 疑点, 错误户占比, 最常见问题, 检查时间) and a
// township's findings, read-only. Both run on a worker thread (a county of many townships takes a
// while: a job with a progress bar and 取消), and the shell keeps the answers until the next write,
// so the screen opens at once the second time.
import { z } from 'zod';
import type { Problem } from '../quality/types.ts';
import { endpoint, offThread } from './endpoint.ts';
import { jobId } from './jobs.ts';
import type { CheckView } from './other.ts';
import { id } from './schemas.ts';

export interface RuleCount {
  code: string;
  title: string;
  count: number;
}

export interface TownshipQualityView {
  townshipId: string;
  name: string;
  code: string | null;
  /** The snapshot checked: the township's latest package applied (null: none logged). */
  packageId: string | null;
  households: number;
  members: number;
  errors: number;
  warnings: number;
  /** Households with at least one 错误. */
  errorHouseholds: number;
  /** errorHouseholds ÷ households (0 when there are none), 0…1. */
  errorHouseholdShare: number;
  /** The three rules that fire most often, most first. */
  top: RuleCount[];
  /** The income year checked; null when the township sent no incomes. */
  year: number | null;
  asOf: string;
  /** When this snapshot was checked (ISO time): earlier than today's visit when kept. */
  checkedAt: string;
}

/**
 * A county-level finding, seen only across townships (Q105X 同一人在两个乡镇): one per member
 * involved, in that member's township, naming the other townships' households and members.
 */
export interface CountyFinding extends Problem {
  townshipId: string;
  township: string;
  /** The person (1, 2, …): the findings of one ID number share it. */
  person: number;
}

export interface CountyQualityView {
  asOf: string;
  townships: TownshipQualityView[];
  totals: { households: number; members: number; errors: number; warnings: number; errorHouseholds: number };
  /** Findings across townships (not in any township's own counts). */
  countyFindings: CountyFinding[];
}

/** The township's findings as its own 数据检查 shows them (its 已核实无误 apart) and the county-level ones naming it. */
export interface TownshipProblemsView extends CheckView {
  townshipId: string;
  township: string;
  countyFindings: CountyFinding[];
}

export const countyQualityApi = {
  /** County: the quality check per township (each snapshot checked once, then kept). */
  countyQuality: offThread(endpoint<CountyQualityView>()('exchange.countyQuality', z.object({ jobId: jobId.nullable().default(null) })), { cache: true }),
  /** County: one township's findings (read-only; the same rules, its snapshot). */
  townshipProblems: offThread(endpoint<TownshipProblemsView>()('exchange.townshipProblems', z.object({ townshipId: id })), { cache: true }),
};
