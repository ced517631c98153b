// What the workflow endpoints answer: the kinds, the batch list and one batch as a step
// timeline (steps with their gate, meetings, objections; households with their outcomes).
import type { HouseholdStatus } from '../status.ts';
import type { BatchStatus, DecisionAction, ExitItem, Outcome, QuotaFlag, StepDef, StepStatus, WorkflowKind } from '../workflows/index.ts';

export interface KindView {
  kind: WorkflowKind;
  label: string;
  steps: (StepDef & { seq: number })[];
  /** The minimum publicity length in force in this archive. */
  publicityDays: number;
  defaultPublicityDays: number;
  publicitySource: string;
  /** Exit: the standard must be met two years running. */
  requireTwoYears: boolean;
  /** Announcing needs every household still in the batch to pass the exit check. */
  exitCheck: boolean;
  eligible: { status: HouseholdStatus; label: string }[];
  choice: { label: string; options: string[] } | null;
}

export interface VillageRef {
  id: string;
  code: string;
  name: string;
}

export interface BatchListItem {
  id: string;
  kind: WorkflowKind;
  kindLabel: string;
  year: number;
  title: string;
  villages: VillageRef[];
  /** The village's name, several joined by 、, or null for a township-wide batch. */
  village: string | null;
  status: BatchStatus;
  statusLabel: string;
  createdOn: string;
  closedOn: string | null;
  householdCount: number;
  /** The first step not yet completed; null once all are. */
  currentStep: { seq: number; label: string; status: StepStatus } | null;
  /** What is due next or what blocks it, in Chinese. */
  next: string;
  overQuota: boolean;
}

export interface GateView {
  canOpen: boolean;
  canClose: boolean;
  /** Why the step cannot open (pending) or close (open) on the day asked about. */
  blockers: string[];
  /** The first day it may open or close, when only the calendar stands in the way. */
  from: string | null;
}

export interface ObjectionView {
  id: string;
  seq: number;
  householdId: string | null;
  household: string | null;
  raisedBy: string | null;
  raisedOn: string;
  content: string;
  handling: string | null;
  result: string | null;
  settledOn: string | null;
}

export interface VoteView {
  householdId: string;
  household: string;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  carries: boolean;
}

export interface MeetingView {
  id: string;
  seq: number | null;
  heldOn: string;
  place: string | null;
  host: string | null;
  recorder: string | null;
  startsAt: string | null;
  endsAt: string | null;
  /** hands / ballot (VOTE_METHODS), with its label. */
  voteMethod: string | null;
  voteMethodLabel: string | null;
  scrutineer: string | null;
  teller: string | null;
  attendeesCount: number | null;
  entitledCount: number | null;
  attendees: string | null;
  minutes: string | null;
  result: string | null;
  /** Two thirds of those entitled were present. */
  valid: boolean;
  problem: string | null;
  votes: VoteView[];
}

export interface StepView {
  id: string;
  seq: number;
  code: string;
  label: string;
  publicity: boolean;
  meeting: boolean;
  minDays: number | null;
  status: StepStatus;
  statusLabel: string;
  startedOn: string | null;
  endsOn: string | null;
  closedOn: string | null;
  closedBy: string | null;
  postedAt: string | null;
  note: string | null;
  counts: Record<Outcome | 'pending', number>;
  gate: GateView;
  objections: ObjectionView[];
  meetings: MeetingView[];
}

export interface OutcomeView {
  outcome: Outcome;
  label: string;
  reason: string | null;
  decidedOn: string;
  decidedBy: string | null;
  recordedBy: string;
}

export interface BatchHouseholdView {
  householdId: string;
  no: string;
  head: string | null;
  villageName: string;
  groupName: string | null;
  size: number;
  status: HouseholdStatus;
  statusLabel: string;
  /** Monitoring category or risk-removal method, where the kind has one. */
  choice: string | null;
  risks: string[];
  addedOn: string;
  removedOn: string | null;
  removalReason: string | null;
  /** By step number. */
  outcomes: Record<number, OutcomeView>;
  /** Still going through the steps (not removed, no 不通过 or 退回). */
  active: boolean;
  /** The step where it stopped, when it did. */
  stoppedAt: number | null;
}

export interface DecisionView {
  id: string;
  action: DecisionAction;
  actionLabel: string;
  seq: number | null;
  decision: string;
  reason: string;
  decidedOn: string;
  decidedBy: string;
}

export interface BatchDetail extends BatchListItem {
  asOf: string;
  kindView: KindView;
  steps: StepView[];
  households: BatchHouseholdView[];
  decisions: DecisionView[];
  quota: QuotaFlag[];
}

export interface AppliedChange {
  householdId: string;
  household: string;
  from: HouseholdStatus;
  to: HouseholdStatus;
}

export interface CloseResult {
  detail: BatchDetail;
  /** Households given an outcome by the close itself (公示期满无异议, votes, or passed with the step). */
  implied: number;
  /** Status changes made when the last step closed (empty otherwise). */
  applied: AppliedChange[];
}

export interface AddResult {
  detail: BatchDetail;
  added: number;
  skipped: { householdId: string; household: string; reason: string }[];
}

export interface CandidateView {
  householdId: string;
  no: string;
  head: string | null;
  villageName: string;
  groupName: string | null;
  size: number;
  status: HouseholdStatus;
  incomeYear: number | null;
  perCapitaFen: number | null;
  /** Why it cannot be added, when it cannot (already in an open batch of the kind …). */
  conflict: string | null;
}

export interface QuotaView extends QuotaFlag {
  villageCode: string;
  kind: WorkflowKind;
  kindLabel: string;
  year: number;
}

export interface ExitCheckRow {
  householdId: string;
  household: string;
  villageName: string;
  year: number;
  qualifies: boolean;
  items: ExitItem[];
  reasons: string[];
}
