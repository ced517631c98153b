// One batch as the batch page shows it: the step timeline (dates, publicity period, where
// posted, objections, meetings and votes, outcome counts, and for the step at hand what blocks
// it and from when), every household with its outcome at each step, decisions, quota flags.
import type { ReadDb } from '../../db/handles.ts';
import { decisionsOfBatch } from '../../db/repos/workflow-batches.ts';
import { votesOfMeetings } from '../../db/repos/workflow-meetings.ts';
import { membersOfBatch, outcomesOfSteps } from '../../db/repos/workflow-members.ts';
import type { MemberRow, OutcomeRow } from '../../db/repos/workflow-members.ts';
import type { BatchDetail, BatchHouseholdView, DecisionView, MeetingView, ObjectionView, OutcomeView, StepView } from '../../shared/api/workflows.ts';
import { STATUS_LABELS } from '../../shared/status.ts';
import { DECISION_LABELS, OUTCOME_LABELS, STEP_STATUS_LABELS, attendanceProblem, voteCarries, voteMethodLabel } from '../../shared/workflows/index.ts';
import type { Outcome } from '../../shared/workflows/index.ts';
import type { BatchRow, HouseholdBrief, StepRow } from './common.ts';
import { byVillageThenNo, describeHousehold, householdBriefs, kindOf, requireBatch, stepsOf } from './common.ts';
import { batchVillagesOf, gateOf, listItem, quotaVillages } from './list.ts';
import { quotaFlags } from './quotas.ts';
import { kindView } from './settings.ts';
import { stepDefOf, stepMeetings, stepObjections } from './steps.ts';

const describe = (briefs: ReadonlyMap<string, HouseholdBrief>, id: string | null): string | null =>
  id == null ? null : briefs.get(id) ? describeHousehold(briefs.get(id)!) : id;

function meetingViews(db: ReadDb, step: StepRow, memberById: ReadonlyMap<string, MemberRow>, briefs: ReadonlyMap<string, HouseholdBrief>): MeetingView[] {
  const rows = stepMeetings(db, step.id);
  const votes = votesOfMeetings(db, rows.map((m) => m.id));
  return rows.map((m) => {
    const problem = attendanceProblem(m.attendeesCount, m.entitledCount);
    return {
      id: m.id,
      seq: step.seq,
      heldOn: m.heldOn,
      place: m.place,
      host: m.host,
      recorder: m.recorder,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      voteMethod: m.voteMethod,
      voteMethodLabel: voteMethodLabel(m.voteMethod),
      scrutineer: m.scrutineer,
      teller: m.teller,
      attendeesCount: m.attendeesCount,
      entitledCount: m.entitledCount,
      attendees: m.attendees,
      minutes: m.minutes,
      result: m.result,
      valid: problem == null,
      problem,
      votes: votes
        .filter((v) => v.meetingId === m.id)
        .map((v) => {
          const hid = memberById.get(v.batchHouseholdId)?.householdId ?? '';
          return { householdId: hid, household: describe(briefs, hid) ?? '', votesFor: v.votesFor, votesAgainst: v.votesAgainst, abstentions: v.abstentions, carries: voteCarries(v.votesFor, m.attendeesCount ?? 0) };
        }),
    };
  });
}

function objectionViews(db: ReadDb, step: StepRow, briefs: ReadonlyMap<string, HouseholdBrief>): ObjectionView[] {
  return stepObjections(db, step.id).map((o) => ({
    id: o.id,
    seq: step.seq,
    householdId: o.householdId,
    household: describe(briefs, o.householdId),
    raisedBy: o.raisedBy,
    raisedOn: o.raisedOn,
    content: o.content,
    handling: o.handling,
    result: o.result,
    settledOn: o.settledOn,
  }));
}

function outcomeView(o: OutcomeRow): OutcomeView {
  return { outcome: o.outcome, label: OUTCOME_LABELS[o.outcome], reason: o.reason, decidedOn: o.decidedOn, decidedBy: o.decidedBy, recordedBy: o.updatedBy };
}

function householdViews(members: readonly MemberRow[], steps: readonly StepRow[], outcomes: readonly OutcomeRow[], briefs: ReadonlyMap<string, HouseholdBrief>): BatchHouseholdView[] {
  const seqOf = new Map(steps.map((s) => [s.id, s.seq]));
  return members.map((m) => {
    const b = briefs.get(m.householdId);
    const mine = outcomes.filter((o) => o.batchHouseholdId === m.id);
    const byStep: Record<number, OutcomeView> = {};
    for (const o of mine) byStep[seqOf.get(o.stepId) ?? 0] = outcomeView(o);
    const stop = mine.filter((o) => o.outcome !== 'pass').map((o) => seqOf.get(o.stepId) ?? 0).sort((x, y) => x - y)[0] ?? null;
    return {
      householdId: m.householdId,
      no: b?.no ?? '',
      head: b?.head ?? null,
      villageName: b?.villageName ?? '',
      groupName: b?.groupName ?? null,
      size: b?.size ?? 0,
      status: b?.status ?? 'ordinary',
      statusLabel: STATUS_LABELS[b?.status ?? 'ordinary'],
      choice: m.category,
      risks: m.risks ?? [],
      addedOn: m.addedOn,
      removedOn: m.removedOn,
      removalReason: m.removalReason,
      outcomes: byStep,
      active: m.removedOn == null && stop == null,
      stoppedAt: stop,
    };
  });
}

function stepViews(db: ReadDb, batch: BatchRow, steps: readonly StepRow[], hh: readonly BatchHouseholdView[], members: readonly MemberRow[], briefs: ReadonlyMap<string, HouseholdBrief>, asOf: string): StepView[] {
  const memberById = new Map(members.map((m) => [m.id, m]));
  return steps.map((s) => {
    const def = stepDefOf(batch, s);
    const counts: Record<Outcome | 'pending', number> = { pass: 0, fail: 0, return: 0, pending: 0 };
    for (const h of hh) {
      const o = h.outcomes[s.seq];
      if (o) counts[o.outcome]++;
      else if (h.active) counts.pending++;
    }
    return {
      id: s.id,
      seq: s.seq,
      code: s.step,
      label: def.label,
      publicity: s.isPublicity,
      meeting: def.meeting,
      minDays: s.minDays,
      status: s.status,
      statusLabel: STEP_STATUS_LABELS[s.status],
      startedOn: s.startedOn,
      endsOn: s.endsOn,
      closedOn: s.closedOn,
      closedBy: s.closedBy,
      postedAt: s.postedAt,
      note: s.note,
      counts,
      gate: gateOf(db, batch, steps, s, asOf),
      objections: objectionViews(db, s, briefs),
      meetings: def.meeting ? meetingViews(db, s, memberById, briefs) : [],
    };
  });
}

function decisionViews(db: ReadDb, batch: BatchRow, steps: readonly StepRow[]): DecisionView[] {
  return decisionsOfBatch(db, batch.id).map((d) => ({
    id: d.id,
    action: d.action,
    actionLabel: DECISION_LABELS[d.action],
    seq: steps.find((s) => s.id === d.stepId)?.seq ?? null,
    decision: d.decision,
    reason: d.reason,
    decidedOn: d.decidedOn,
    decidedBy: d.updatedBy,
  }));
}

export function batchDetail(db: ReadDb, id: string, asOf: string): BatchDetail {
  const batch = requireBatch(db, id);
  const def = kindOf(batch);
  const steps = stepsOf(db, batch.id);
  const unordered = membersOfBatch(db, batch.id);
  const outcomes = outcomesOfSteps(db, steps.map((s) => s.id));
  const briefs = householdBriefs(db, unordered.map((m) => m.householdId));
  const placed = unordered.filter((m) => briefs.has(m.householdId));
  const members = placed.sort((a, b) => byVillageThenNo(briefs.get(a.householdId)!, briefs.get(b.householdId)!));
  const households = householdViews(members, steps, outcomes, briefs);
  const own = batchVillagesOf(db, batch.id);
  return {
    ...listItem(db, batch, asOf),
    asOf,
    kindView: kindView(db, def.kind),
    steps: stepViews(db, batch, steps, households, members, briefs, asOf),
    households,
    decisions: decisionViews(db, batch, steps),
    quota: quotaFlags(db, def.kind, batch.year, quotaVillages(db, batch, own)),
  };
}
