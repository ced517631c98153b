// Test data for the workflow view logic: a batch detail shaped like the archive's answer.
import type { BatchDetail, BatchHouseholdView, KindView, StepView } from '../../shared/api/index.ts';
import { KINDS } from '../../shared/workflows/index.ts';

export const KIND_VIEW: KindView = {
  kind: 'identification',
  label: '贫困户识别',
  steps: KINDS.identification.steps.map((s, i) => ({ ...s, seq: i + 1 })),
  publicityDays: 7,
  defaultPublicityDays: 7,
  publicitySource: '种子文本001',
  requireTwoYears: false,
  exitCheck: false,
  eligible: [
    { status: 'ordinary', label: '非建档户' },
    { status: 'edge', label: '边缘易致贫户' },
  ],
  choice: null,
};

export function stepView(seq: number, patch: Partial<StepView> = {}): StepView {
  const def = KIND_VIEW.steps[seq - 1]!;
  return {
    id: `step-${seq}`,
    seq,
    code: def.code,
    label: def.label,
    publicity: def.publicity,
    meeting: def.meeting,
    minDays: null,
    status: 'pending',
    statusLabel: '未开始',
    startedOn: null,
    endsOn: null,
    closedOn: null,
    closedBy: null,
    postedAt: null,
    note: null,
    counts: { pass: 0, fail: 0, return: 0, pending: 0 },
    gate: { canOpen: false, canClose: false, blockers: [], from: null },
    objections: [],
    meetings: [],
    ...patch,
  };
}

export function householdView(no: string, patch: Partial<BatchHouseholdView> = {}): BatchHouseholdView {
  return {
    householdId: `h-${no}`,
    no,
    head: `户主${no}`,
    villageName: '青山村',
    groupName: '一组',
    size: 3,
    status: 'ordinary',
    statusLabel: '非建档户',
    choice: null,
    risks: [],
    addedOn: '2026-09-01',
    removedOn: null,
    removalReason: null,
    outcomes: {},
    active: true,
    stoppedAt: null,
    ...patch,
  };
}

/** An identification batch with steps 1–3 closed and step 4 (村级公示) as given. */
export function batchAtPublicity(step4: Partial<StepView>, patch: Partial<BatchDetail> = {}): BatchDetail {
  const closed = (seq: number): StepView => stepView(seq, { status: 'closed', statusLabel: '已完成', startedOn: '2026-09-01', closedOn: '2026-09-10', counts: { pass: 2, fail: 0, return: 0, pending: 0 } });
  const steps = [closed(1), closed(2), closed(3), stepView(4, { status: 'open', statusLabel: '进行中', minDays: 7, ...step4 }), ...[5, 6, 7, 8].map((s) => stepView(s))];
  return {
    id: 'b1',
    kind: 'identification',
    kindLabel: '贫困户识别',
    year: 2026,
    title: '青山村2026年贫困户识别',
    villages: [{ id: 'v1', code: '511922101001', name: '青山村' }],
    village: '青山村',
    status: 'open',
    statusLabel: '进行中',
    createdOn: '2026-09-01',
    closedOn: null,
    householdCount: 2,
    currentStep: { seq: 4, label: '村级公示', status: 'open' },
    next: '',
    overQuota: false,
    asOf: '2026-11-24',
    kindView: KIND_VIEW,
    steps,
    households: [householdView('A1'), householdView('A2')],
    decisions: [],
    quota: [],
    ...patch,
  };
}
