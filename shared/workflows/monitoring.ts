// 防返贫监测 (seed 004): the red / yellow / green level of a monitoring object, the monthly
// check that is due, and the flag on a risk removal sooner than six months after
// identification. Money in fen; thresholds come from the year's policy (monitoringRed /
// monitoringYellow, 5,000 / 10,000 元 by default).
import { formatYuan } from '../money.ts';

export const MONITORING_LEVELS = ['red', 'yellow', 'green'] as const;
export type MonitoringLevel = (typeof MONITORING_LEVELS)[number];
export const LEVEL_LABELS: Record<MonitoringLevel, string> = { red: '红色', yellow: '黄色', green: '绿色' };

/** 两不愁三保障 and safe drinking water: the items a monthly check looks at. */
export const GUARANTEE_ITEMS = {
  food: '不愁吃',
  clothing: '不愁穿',
  education: '义务教育有保障',
  medical: '基本医疗有保障',
  housing: '住房安全有保障',
  water: '饮水安全有保障',
} as const;
export type GuaranteeItem = keyof typeof GUARANTEE_ITEMS;
export const GUARANTEE_KEYS = Object.keys(GUARANTEE_ITEMS) as GuaranteeItem[];

export interface LevelThresholds {
  /** Below this (fen) is red. */
  redBelowFen: number;
  /** Below this (and not red) is yellow; at or above is green. */
  yellowBelowFen: number;
}

export const DEFAULT_THRESHOLDS: LevelThresholds = { redBelowFen: 500_000, yellowBelowFen: 1_000_000 };

export interface LevelResult {
  level: MonitoringLevel;
  reasons: string[];
}

/**
 * Seed 004: red when the predicted per-capita income is under 5,000 元 or any 两不愁三保障
 * item may fail; yellow from 5,000 元 (inclusive) to 10,000 元 (exclusive); green from 10,000 元.
 * Without an income figure the object is managed as red until one is recorded.
 */
export function monitoringLevel(perCapitaFen: number | null, atRisk: readonly GuaranteeItem[], t: LevelThresholds = DEFAULT_THRESHOLDS): LevelResult {
  const reasons: string[] = [];
  if (atRisk.length > 0) reasons.push(`“两不愁三保障”有风险：${atRisk.map((k) => GUARANTEE_ITEMS[k]).join('、')}`);
  if (perCapitaFen == null) {
    reasons.push('没有预估人均纯收入，按红色管理：请在月度走访时填写预估收入');
    return { level: 'red', reasons };
  }
  const income = `预估人均纯收入 ${formatYuan(perCapitaFen)} 元`;
  if (perCapitaFen < t.redBelowFen) {
    reasons.push(`${income}，低于 ${formatYuan(t.redBelowFen)} 元`);
    return { level: 'red', reasons };
  }
  if (atRisk.length > 0) return { level: 'red', reasons };
  if (perCapitaFen < t.yellowBelowFen) {
    reasons.push(`${income}，在 ${formatYuan(t.redBelowFen)} 元（含）至 ${formatYuan(t.yellowBelowFen)} 元（不含）之间`);
    return { level: 'yellow', reasons };
  }
  reasons.push(`${income}，不低于 ${formatYuan(t.yellowBelowFen)} 元，“两不愁三保障”均达标`);
  return { level: 'green', reasons };
}

export const MIN_MONITORING_MONTHS = 6;

/** 'YYYY-MM-DD' or 'YYYYMM' → [year, month, day|null]. */
function parts(d: string): [number, number, number | null] {
  const t = d.trim();
  if (/^\d{6}$/.test(t)) return [Number(t.slice(0, 4)), Number(t.slice(4, 6)), null];
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!m) throw new RangeError(`不是有效日期：${d}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Whole months from `from` to `to`; by calendar day when both carry a day, else by month. */
export function monthsElapsed(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  const months = (ty - fy) * 12 + (tm - fm);
  return fd != null && td != null && td < fd ? months - 1 : months;
}

export interface EarlyRemoval {
  early: boolean;
  months: number;
  /** Chinese, when early. */
  message: string | null;
}

/** A risk removal sooner than six months after identification is flagged (not refused). */
export function earlyRemoval(identifiedOn: string, removedOn: string): EarlyRemoval {
  const months = monthsElapsed(identifiedOn, removedOn);
  if (months >= MIN_MONITORING_MONTHS) return { early: false, months, message: null };
  return {
    early: true,
    months,
    message: `识别监测时间为 ${identifiedOn}，消除时间为 ${removedOn}，监测不足${MIN_MONITORING_MONTHS}个月（${Math.max(0, months)}个月）：按规定一般应监测满${MIN_MONITORING_MONTHS}个月再消除风险，请核实或在决定中写明理由`,
  };
}

export type CheckDue = 'done' | 'due' | 'overdue';
export const CHECK_DUE_LABELS: Record<CheckDue, string> = { done: '本月已走访', due: '本月待走访', overdue: '上月也未走访' };

/** The month before 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The monthly check (每月“测”) for `month` ('YYYY-MM'): done when a check is dated in it; overdue
 * when there was none the month before either, though the object was already monitored then.
 */
export function checkDue(lastCheckOn: string | null, identifiedOn: string | null, month: string): CheckDue {
  if (lastCheckOn != null && lastCheckOn.slice(0, 7) >= month) return 'done';
  const prev = previousMonth(month);
  const checkedPrev = lastCheckOn != null && lastCheckOn.slice(0, 7) >= prev;
  const identifiedMonth = identifiedOn == null ? null : /^\d{6}$/.test(identifiedOn) ? `${identifiedOn.slice(0, 4)}-${identifiedOn.slice(4)}` : identifiedOn.slice(0, 7);
  const monitoredPrev = identifiedMonth == null || identifiedMonth < prev;
  return !checkedPrev && monitoredPrev ? 'overdue' : 'due';
}
