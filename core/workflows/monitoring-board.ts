// The monitoring board: every monitoring object (脱贫不稳定户 / 边缘易致贫户 / 突发严重困难户
// whose risk is not removed) with its level — from the latest monthly check, else from the
// latest income year and assessment — and whether this month's check is done, due or overdue.
import type { ReadDb } from '../../db/handles.ts';
import { assessmentsLatestFirst, checksLatestFirst, householdsWithStatus, incomesLatestFirst, remediesOf, statusHistoryLatestFirst, villageSortOrders } from '../../db/repos/monitoring.ts';
import type { MonitoringBoard, MonitoringObjectView } from '../../shared/api/monitoring.ts';
import { computeIncome } from '../../shared/income.ts';
import { nameInitials } from '../../shared/pinyin.ts';
import type { AssessmentRecord, HouseholdRecord } from '../../shared/records.ts';
import { MONITORED_STATUSES, STATUS_LABELS } from '../../shared/status.ts';
import { CHECK_DUE_LABELS, DEFAULT_THRESHOLDS, GUARANTEE_KEYS, LEVEL_LABELS, checkDue, monitoringLevel } from '../../shared/workflows/index.ts';
import type { GuaranteeItem, LevelResult, LevelThresholds, MonitoringLevel } from '../../shared/workflows/index.ts';
import { householdBriefs } from './common.ts';
import type { PolicyLookup } from './settings.ts';
import { policyLookup } from './settings.ts';

export function thresholdsOf(policy: PolicyLookup, year: number): LevelThresholds {
  return {
    redBelowFen: policy('monitoringRed', year) ?? DEFAULT_THRESHOLDS.redBelowFen,
    yellowBelowFen: policy('monitoringYellow', year) ?? DEFAULT_THRESHOLDS.yellowBelowFen,
  };
}

const ASSESSED: readonly [GuaranteeItem, keyof AssessmentRecord][] = [
  ['food', 'foodOk'],
  ['clothing', 'clothingOk'],
  ['education', 'educationOk'],
  ['medical', 'medicalOk'],
  ['housing', 'housingOk'],
  ['water', 'waterOk'],
];

/** The latest row per household of rows ordered newest first. */
function latestBy<T extends { householdId: string }>(rows: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of rows) if (!out.has(r.householdId)) out.set(r.householdId, r);
  return out;
}

/** The first day of each household's latest unbroken run of its current status in the history. */
function monitoredSince(db: ReadDb, rows: readonly HouseholdRecord[]): Map<string, string> {
  const status = new Map(rows.map((h) => [h.id, h.status]));
  const out = new Map<string, string>();
  const ended = new Set<string>();
  const history = statusHistoryLatestFirst(db, [...status.keys()]);
  for (const r of history) {
    if (ended.has(r.householdId)) continue;
    if (r.status === status.get(r.householdId)) out.set(r.householdId, r.effectiveOn);
    else ended.add(r.householdId);
  }
  return out;
}

export function objectViews(db: ReadDb, rows: readonly HouseholdRecord[], month: string): MonitoringObjectView[] {
  if (rows.length === 0) return [];
  const ids = rows.map((h) => h.id);
  const policy = policyLookup(db);
  const briefs = householdBriefs(db, ids);
  const checks = latestBy(checksLatestFirst(db, ids));
  const income = latestBy(incomesLatestFirst(db, ids));
  const assessed = latestBy(assessmentsLatestFirst(db, ids));
  const since = monitoredSince(db, rows);
  const open = remediesOf(db, ids).filter((r) => r.doneOn == null);
  return rows.map((h) => {
    const b = briefs.get(h.id)!;
    const check = checks.get(h.id);
    let result: LevelResult;
    if (check) {
      const atRisk = check.atRisk.filter((k): k is GuaranteeItem => (GUARANTEE_KEYS as string[]).includes(k));
      result = monitoringLevel(check.predictedPerCapitaFen, atRisk, thresholdsOf(policy, Number(check.checkedOn.slice(0, 4))));
      result = { level: check.level, reasons: [`依据 ${check.checkedOn} 走访`, ...result.reasons] };
    } else {
      const inc = income.get(h.id);
      const a = assessed.get(h.id);
      const atRisk = a ? ASSESSED.filter(([, col]) => a[col] === false).map(([k]) => k) : [];
      result = monitoringLevel(inc ? computeIncome(inc, inc.householdSize).perCapitaFen : null, atRisk, thresholdsOf(policy, inc?.year ?? Number(month.slice(0, 4))));
      if (inc) result = { ...result, reasons: [`依据${inc.year}年收入${a ? `和${a.year}年“两不愁三保障”评估` : ''}`, ...result.reasons] };
    }
    const identifiedOn = since.get(h.id) ?? h.monitoringStart;
    const due = checkDue(check?.checkedOn ?? null, identifiedOn, month);
    return {
      householdId: h.id,
      no: h.no,
      head: b.head,
      villageId: h.villageId,
      villageName: b.villageName,
      groupName: h.groupName,
      size: b.size,
      status: h.status,
      statusLabel: STATUS_LABELS[h.status],
      category: h.monitoringCategory,
      risks: h.risks ?? [],
      identifiedOn,
      level: result.level,
      levelLabel: LEVEL_LABELS[result.level],
      levelReasons: result.reasons,
      levelSource: check ? 'check' : 'income',
      lastCheckOn: check?.checkedOn ?? null,
      due,
      dueLabel: CHECK_DUE_LABELS[due],
      riskRemoved: h.riskRemoved === true,
      removalMethod: h.riskRemovalMethod,
      removedIn: h.monitoringEnd,
      openRemedies: open.filter((r) => r.householdId === h.id).length,
    };
  });
}

export interface BoardQuery {
  asOf: string;
  villageId: string | null;
  level: MonitoringLevel | null;
  dueOnly: boolean;
  includeRemoved: boolean;
  search?: string;
}

/** The board's search box: part of the 户编号, the head's name or its pinyin initials. */
function matches(o: MonitoringObjectView, raw: string): boolean {
  const q = raw.trim();
  if (!q) return true;
  if (o.no.includes(q) || (o.head ?? '').includes(q)) return true;
  return /^[a-zA-Z]+$/.test(q) && nameInitials(o.head ?? '').startsWith(q.toLowerCase());
}

export function monitoringBoard(db: ReadDb, q: BoardQuery): MonitoringBoard {
  const month = q.asOf.slice(0, 7);
  const rows = householdsWithStatus(db, MONITORED_STATUSES, q.villageId).filter((h) => q.includeRemoved || h.riskRemoved !== true);
  const all = objectViews(db, rows, month);
  const counts = { red: 0, yellow: 0, green: 0, total: all.length, due: 0, overdue: 0 };
  for (const o of all) {
    counts[o.level]++;
    if (o.due !== 'done' && !o.riskRemoved) counts[o.due]++;
  }
  const order: Record<MonitoringLevel, number> = { red: 0, yellow: 1, green: 2 };
  const villageSort = villageSortOrders(db);
  const objects = all
    .filter((o) => (q.level == null || o.level === q.level) && (!q.dueOnly || (o.due !== 'done' && !o.riskRemoved)) && matches(o, q.search ?? ''))
    .sort((a, b) => order[a.level] - order[b.level] || (villageSort.get(a.villageId) ?? 0) - (villageSort.get(b.villageId) ?? 0) || (a.no < b.no ? -1 : 1));
  const year = Number(q.asOf.slice(0, 4));
  return { asOf: q.asOf, month, thresholds: { year, ...thresholdsOf(policyLookup(db), year) }, counts, objects };
}
