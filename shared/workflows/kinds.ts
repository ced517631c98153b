// The workflow kinds (程序) as data: each an ordered list of steps, which of them are publicity
// steps and how long they run by default, which households may enter, and what passing the
// whole procedure does to a household (DOMAIN.md "The workflows", "Household status").
// Code never branches on a kind's name; it reads these tables.
import type { HouseholdStatus } from '../status.ts';

export const WORKFLOW_KINDS = ['identification', 'edge', 'exit', 'return', 'monitoring', 'risk-removal'] as const;
export type WorkflowKind = (typeof WORKFLOW_KINDS)[number];

export interface StepDef {
  /** Stable English code, stored in batch_steps.step. */
  code: string;
  label: string;
  /** A publicity (公示/公告) step: runs at least the kind's minimum number of days. */
  publicity: boolean;
  /** A 民主评议 step: needs a meeting record with two thirds of those entitled present. */
  meeting: boolean;
}

/** What passing the last step does to a household. */
export type WorkflowEffect =
  | { type: 'status'; status: HouseholdStatus }
  /** The status follows the monitoring category chosen for the household (CATEGORY_STATUS). */
  | { type: 'monitoring' }
  /** Status unchanged; the household's risk is marked removed with the chosen method. */
  | { type: 'risk-removal' };

export interface KindDef {
  kind: WorkflowKind;
  label: string;
  /** Used in batch titles: "××村2026年贫困边缘户认定". */
  titleNoun: string;
  steps: readonly StepDef[];
  /** Default minimum length of every publicity step, in days; editable per archive. */
  publicityDays: number;
  /** Where the rule comes from, shown next to the setting. */
  publicitySource: string;
  /** Current statuses a household may have to be added to a batch of this kind. */
  eligible: readonly HouseholdStatus[];
  effect: WorkflowEffect;
  /** Announcing needs every household still in the batch to meet the exit standard (脱贫退出). */
  exitCheck: boolean;
  /** A per-household choice made when adding (monitoring category, removal method). */
  choice: { label: string; options: readonly string[] } | null;
  /** Kept in status_history.reason when the batch is announced. */
  historyReason: string;
}

const step = (code: string, label: string, extra: Partial<Pick<StepDef, 'publicity' | 'meeting'>> = {}): StepDef => ({
  code,
  label,
  publicity: extra.publicity ?? false,
  meeting: extra.meeting ?? false,
});

// 农户申请 → 民主评议 → 入户核实 → 村级公示 → 乡镇审核 → 乡镇审核公示 → 县级复审 → 公告 (seeds 001, 003).
const TWO_PUBLICITIES_ONE_ANNOUNCEMENT: readonly StepDef[] = [
  step('apply', '农户申请'),
  step('deliberation', '民主评议', { meeting: true }),
  step('verification', '入户核实'),
  step('village-publicity', '村级公示', { publicity: true }),
  step('township-review', '乡镇审核'),
  step('township-publicity', '乡镇审核公示', { publicity: true }),
  step('county-review', '县级复审'),
  step('announcement', '公告', { publicity: true }),
];

// 2021+ national procedure for monitoring objects and risk removal: 入户核实 → 信息比对 →
// 民主评议 → one village publicity → 乡镇审核 → 县级审定 → 公告.
const MONITORING_PATH: readonly StepDef[] = [
  step('verification', '入户核实'),
  step('comparison', '信息比对'),
  step('deliberation', '民主评议', { meeting: true }),
  step('village-publicity', '村级公示', { publicity: true }),
  step('township-review', '乡镇审核'),
  step('county-approval', '县级审定'),
  step('announcement', '公告'),
];

const SEED_001 = '种子文本001：公示、公告期均为7天';
const NATIONAL_2021 = '2021年起防止返贫监测对象识别和风险消除程序：村级公示不少于5天';

export const MONITORING_CATEGORIES = ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] as const;
export const CATEGORY_STATUS: Readonly<Record<string, HouseholdStatus>> = {
  脱贫不稳定户: 'unstable',
  边缘易致贫户: 'edge',
  突发严重困难户: 'sudden',
};
export const REMOVAL_METHODS = ['帮扶消除', '自然消除'] as const;

export const KINDS: Readonly<Record<WorkflowKind, KindDef>> = {
  identification: {
    kind: 'identification',
    label: '贫困户识别',
    titleNoun: '贫困户识别',
    steps: TWO_PUBLICITIES_ONE_ANNOUNCEMENT,
    publicityDays: 7,
    publicitySource: SEED_001,
    eligible: ['ordinary', 'edge'],
    effect: { type: 'status', status: 'poor' },
    exitCheck: false,
    choice: null,
    historyReason: '经农户申请、民主评议、入户核实、两公示一公告，识别为建档立卡贫困户',
  },
  edge: {
    kind: 'edge',
    label: '贫困边缘户认定',
    titleNoun: '贫困边缘户认定',
    steps: TWO_PUBLICITIES_ONE_ANNOUNCEMENT,
    publicityDays: 7,
    publicitySource: SEED_001,
    eligible: ['ordinary'],
    effect: { type: 'status', status: 'edge' },
    exitCheck: false,
    choice: null,
    historyReason: '经农户申请、民主评议、入户核实、两公示一公告，认定为贫困边缘户',
  },
  exit: {
    kind: 'exit',
    label: '脱贫退出',
    titleNoun: '贫困户脱贫退出',
    // Seed 000: 村初选 → 乡镇核查 → 村内公示 → 县级核查（第三方评估）→ 销号公告.
    steps: [
      step('village-proposal', '村初选（民主评议）', { meeting: true }),
      step('township-check', '乡镇核查'),
      step('village-publicity', '村内公示', { publicity: true }),
      step('county-check', '县级核查（第三方评估）'),
      step('announcement', '公告退出', { publicity: true }),
    ],
    publicityDays: 7,
    publicitySource: SEED_001,
    eligible: ['poor', 'returned'],
    effect: { type: 'status', status: 'exited' },
    exitCheck: true,
    choice: null,
    historyReason: '人均纯收入超过脱贫标准，“两不愁三保障”达标，经村评议、乡镇核查、公示、县级核查公告，退出贫困户',
  },
  return: {
    kind: 'return',
    label: '返贫认定',
    titleNoun: '返贫户认定',
    steps: [
      step('verification', '入户核实'),
      step('deliberation', '民主评议', { meeting: true }),
      step('village-publicity', '村级公示', { publicity: true }),
      step('township-review', '乡镇审核'),
      step('county-review', '县级复审'),
      step('announcement', '公告', { publicity: true }),
    ],
    publicityDays: 7,
    publicitySource: SEED_001,
    eligible: ['exited', 'unstable'],
    effect: { type: 'status', status: 'returned' },
    exitCheck: false,
    choice: null,
    historyReason: '经入户核实、民主评议、公示和县级复审公告，认定为返贫户',
  },
  monitoring: {
    kind: 'monitoring',
    label: '监测对象识别',
    titleNoun: '防止返贫监测对象识别',
    steps: MONITORING_PATH,
    publicityDays: 5,
    publicitySource: NATIONAL_2021,
    eligible: ['ordinary', 'exited'],
    effect: { type: 'monitoring' },
    exitCheck: false,
    choice: { label: '监测对象类别', options: MONITORING_CATEGORIES },
    historyReason: '经入户核实、信息比对、民主评议和公示、乡镇审核、县级审定，纳入防止返贫监测',
  },
  'risk-removal': {
    kind: 'risk-removal',
    label: '风险消除',
    titleNoun: '监测对象风险消除',
    steps: MONITORING_PATH,
    publicityDays: 5,
    publicitySource: NATIONAL_2021,
    eligible: ['edge', 'unstable', 'sudden'],
    effect: { type: 'risk-removal' },
    exitCheck: false,
    choice: { label: '风险消除方式', options: REMOVAL_METHODS },
    historyReason: '经入户核实、信息比对、民主评议和公示、乡镇审核、县级审定，风险已消除',
  },
};

export function isWorkflowKind(s: string): s is WorkflowKind {
  return (WORKFLOW_KINDS as readonly string[]).includes(s);
}

/** A kind from its code or its Chinese label (贫困边缘户认定 → edge); null if unknown. */
export function kindFrom(s: string): WorkflowKind | null {
  const t = s.trim();
  if (isWorkflowKind(t)) return t;
  return WORKFLOW_KINDS.find((k) => KINDS[k].label === t || KINDS[k].titleNoun === t) ?? null;
}

/** The choice a household gets by default when none is given (monitoring: from its status). */
export function defaultChoice(kind: WorkflowKind, status: HouseholdStatus): string | null {
  if (kind === 'monitoring') return status === 'exited' ? '脱贫不稳定户' : '边缘易致贫户';
  if (kind === 'risk-removal') return '帮扶消除';
  return null;
}

/** The status a household ends with when it passes the whole procedure. */
export function resultingStatus(def: KindDef, current: HouseholdStatus, choice: string | null): HouseholdStatus {
  switch (def.effect.type) {
    case 'status':
      return def.effect.status;
    case 'monitoring':
      return CATEGORY_STATUS[choice ?? ''] ?? current;
    case 'risk-removal':
      return current;
  }
}
