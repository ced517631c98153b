// A batch's households as the page lists them (progress, outcome per step), which of them can
// get an outcome at a step, and households found by search or filter before they are added.
import type { BatchDetail, BatchHouseholdView, BatchListItem, CandidateFilter, HouseholdListItem, QuotaView } from '../../shared/api/index.ts';
import { parseYuanInput } from './money-input.ts';
import type { Checked } from './workflow-forms.ts';

/** May `h` get an outcome at step `seq`? (In the batch, and not stopped at an earlier step.) */
export function canDecideAt(h: BatchHouseholdView, seq: number): boolean {
  return h.removedOn == null && (h.stoppedAt == null || h.stoppedAt >= seq);
}

/** Where a household stands in the batch, in Chinese. */
export function progressText(h: BatchHouseholdView, d: Pick<BatchDetail, 'status' | 'steps'>): string {
  if (h.removedOn) return `已于 ${h.removedOn} 移出：${h.removalReason ?? ''}`;
  if (h.stoppedAt != null) {
    const o = h.outcomes[h.stoppedAt];
    const step = d.steps.find((s) => s.seq === h.stoppedAt);
    return `第${h.stoppedAt}步“${step?.label ?? ''}”${o?.label ?? ''}${o?.reason ? `：${o.reason}` : ''}`;
  }
  if (d.status === 'closed') return '已通过全部环节';
  const done = d.steps.filter((s) => h.outcomes[s.seq]?.outcome === 'pass').length;
  return done ? `已通过 ${done} 个环节` : '尚未登记结果';
}

export interface SearchRow extends HouseholdListItem {
  /** Why it cannot join, as far as the page can tell; the archive checks again. */
  conflict: string | null;
}

/** Search hits marked with what would keep them out of the batch. */
export function searchRows(items: readonly HouseholdListItem[], d: BatchDetail): SearchRow[] {
  const inBatch = new Set(d.households.filter((h) => h.removedOn == null).map((h) => h.householdId));
  const villages = new Set(d.villages.map((v) => v.id));
  const eligible = new Map(d.kindView.eligible.map((e) => [e.status, e.label]));
  const labels = d.kindView.eligible.map((e) => e.label).join('、');
  return items.map((h) => {
    let conflict: string | null = null;
    if (inBatch.has(h.id)) conflict = '已在本批次中';
    else if (villages.size > 0 && !villages.has(h.villageId)) conflict = `属于${h.villageName}，不在本批次的村范围内`;
    else if (!eligible.has(h.status)) conflict = `${d.kindView.label}只适用于${labels}`;
    return { ...h, conflict };
  });
}

/** The filter presets offered; 'range' is a per-capita income range typed by the clerk. */
export type Preset = 'none' | 'edge-range' | 'below-monitoring' | 'range';

export const PRESET_LABELS: Record<Preset, string> = {
  'edge-range': '人均纯收入高于贫困线、低于边缘户收入上限（贫困边缘户）',
  'below-monitoring': '人均纯收入低于防返贫监测范围',
  range: '按人均纯收入范围（如低于当年贫困线）',
  none: '不按收入筛选（本批次村范围内状态符合的农户）',
};

/** The preset a kind suggests first: edge households by income range, monitoring under the line, identification by a range. */
export function defaultPreset(kind: BatchDetail['kind']): Preset {
  if (kind === 'edge') return 'edge-range';
  if (kind === 'monitoring') return 'below-monitoring';
  if (kind === 'identification' || kind === 'return') return 'range';
  return 'none';
}

export interface FilterValues {
  preset: Preset;
  incomeYear: number | null;
  excludeWelfare: boolean;
  /** 元 as typed, for the 'range' preset; blank means no bound. */
  above: string;
  below: string;
}

function bound(raw: string, label: string): { ok: true; fen: number | null } | { ok: false; message: string } {
  if (raw.trim() === '') return { ok: true, fen: null };
  const p = parseYuanInput(raw);
  return p.ok ? { ok: true, fen: p.fen } : { ok: false, message: `${label}：${p.message}` };
}

export function candidateFilterFrom(v: FilterValues): Checked<CandidateFilter> {
  const base = { incomeYear: v.incomeYear, excludeWelfare: v.excludeWelfare, limit: 500 };
  if (v.preset !== 'range') return { ok: true, input: { ...base, preset: v.preset } };
  const above = bound(v.above, '收入下限');
  if (!above.ok) return { ok: false, field: 'above', message: above.message };
  const below = bound(v.below, '收入上限');
  if (!below.ok) return { ok: false, field: 'below', message: below.message };
  if (above.fen == null && below.fen == null) return { ok: false, field: 'below', message: '请填写收入范围（高于多少元、低于多少元，至少填一项）' };
  if (above.fen != null && below.fen != null && above.fen >= below.fen) return { ok: false, field: 'below', message: '收入上限应大于收入下限' };
  return { ok: true, input: { ...base, preset: 'none', aboveFen: above.fen, belowFen: below.fen } };
}

/** The quota messages behind a batch's 超规模 flag: its kind and year, its villages (all for a township-wide batch). */
export function quotaNotes(b: Pick<BatchListItem, 'kind' | 'year' | 'villages' | 'overQuota'>, quotas: readonly QuotaView[]): string[] {
  if (!b.overQuota) return [];
  const own = new Set(b.villages.map((v) => v.id));
  return quotas.filter((q) => q.kind === b.kind && q.year === b.year && q.over > 0 && (own.size === 0 || own.has(q.villageId)) && q.message).map((q) => q.message!);
}
