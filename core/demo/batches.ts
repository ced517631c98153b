// Building one demo batch row by row, the way the clerk's steps would have written it: steps
// opened and closed on dates, households passing (or not) at each step, meetings with votes,
// objections. Rows only; index.ts writes them. Deterministic from the workflow generator.
import type {
  batchHouseholds,
  batchSteps,
  batchVillages,
  batches,
  meetingVotes,
  meetings,
  objections,
  stepOutcomes,
} from '../../db/schema/index.ts';
import { publicityPeriod } from '../../shared/dates.ts';
import { KINDS } from '../../shared/workflows/index.ts';
import type { Outcome, WorkflowKind } from '../../shared/workflows/index.ts';
import type { Rng } from './random.ts';
import type { Stamp } from './types.ts';

export interface BatchRows {
  batches: (typeof batches.$inferInsert)[];
  villages: (typeof batchVillages.$inferInsert)[];
  steps: (typeof batchSteps.$inferInsert & { id: string; seq: number })[];
  members: (typeof batchHouseholds.$inferInsert & { id: string })[];
  outcomes: (typeof stepOutcomes.$inferInsert)[];
  meetings: (typeof meetings.$inferInsert)[];
  votes: (typeof meetingVotes.$inferInsert)[];
  objections: (typeof objections.$inferInsert)[];
}

export const emptyRows = (): BatchRows => ({ batches: [], villages: [], steps: [], members: [], outcomes: [], meetings: [], votes: [], objections: [] });

export class DemoBatch {
  readonly id: string;
  readonly title: string;
  private readonly stepRows: BatchRows['steps'];
  private readonly memberRows = new Map<string, BatchRows['members'][number]>();
  private readonly stopped = new Set<string>();
  private readonly decided = new Set<string>();

  constructor(
    private readonly rng: Rng,
    private readonly stamp: Stamp,
    private readonly out: BatchRows,
    kind: WorkflowKind,
    year: number,
    villageIds: string[],
    title: string,
    createdOn: string,
  ) {
    this.id = rng.uuid();
    this.title = title;
    const def = KINDS[kind];
    out.batches.push({ id: this.id, ...stamp, kind, year, villageId: villageIds.length === 1 ? villageIds[0]! : null, title, status: 'open', createdOn, closedOn: null });
    for (const v of villageIds) out.villages.push({ id: rng.uuid(), ...stamp, batchId: this.id, villageId: v });
    this.stepRows = def.steps.map((s, i) => ({
      id: rng.uuid(),
      ...stamp,
      batchId: this.id,
      seq: i + 1,
      step: s.code,
      isPublicity: s.publicity,
      minDays: s.publicity ? def.publicityDays : null,
      status: 'pending' as const,
    }));
    out.steps.push(...this.stepRows);
  }

  add(householdId: string, on: string, choice: string | null = null, risks: string[] | null = null): void {
    const row = { id: this.rng.uuid(), ...this.stamp, batchId: this.id, householdId, category: choice, risks, addedOn: on };
    this.memberRows.set(householdId, row);
    this.out.members.push(row);
  }

  get size(): number {
    return this.memberRows.size;
  }

  private step(seq: number): BatchRows['steps'][number] {
    return this.stepRows[seq - 1]!;
  }

  outcome(seq: number, householdId: string, outcome: Outcome, reason: string | null, on: string, by: string | null = null): void {
    const m = this.memberRows.get(householdId)!;
    this.out.outcomes.push({ id: this.rng.uuid(), ...this.stamp, stepId: this.step(seq).id, batchHouseholdId: m.id, outcome, reason, decidedOn: on, decidedBy: by });
    this.decided.add(`${seq}|${householdId}`);
    if (outcome !== 'pass') this.stopped.add(householdId);
  }

  open(seq: number, on: string, postedAt: string | null = null): void {
    const s = this.step(seq);
    Object.assign(s, { status: 'open', startedOn: on, postedAt, endsOn: s.minDays ? publicityPeriod(on, s.minDays).end : null });
  }

  /** Closes a step: every household still going through it without an outcome passes. */
  close(seq: number, on: string, by: string): void {
    const s = this.step(seq);
    Object.assign(s, { status: 'closed', closedOn: on, closedBy: by });
    for (const hid of this.memberRows.keys()) {
      if (!this.stopped.has(hid) && !this.decided.has(`${seq}|${hid}`)) this.outcome(seq, hid, 'pass', s.isPublicity ? '公示期满无异议' : '随本环节完成一并通过', on);
    }
  }

  meeting(seq: number, heldOn: string, attendeesCount: number, entitledCount: number, votes: boolean): void {
    const id = this.rng.uuid();
    this.out.meetings.push({
      id,
      ...this.stamp,
      batchId: this.id,
      stepId: this.step(seq).id,
      heldOn,
      place: '村委会会议室',
      host: '村党支部书记',
      recorder: '村文书',
      attendeesCount,
      entitledCount,
      attendees: '村“两委”成员、村民代表、驻村工作队',
      minutes: '逐户介绍申请情况和入户调查结果，与会代表逐户发表意见后举手表决。',
      result: attendeesCount * 3 >= entitledCount * 2 ? '按表决结果形成评议名单' : '到会人数不足三分之二，会议无效，择日重新召开',
    });
    if (!votes) return;
    for (const m of this.memberRows.values()) {
      const votesFor = this.rng.int(Math.ceil(attendeesCount * 0.6), attendeesCount);
      const votesAgainst = this.rng.int(0, attendeesCount - votesFor);
      this.out.votes.push({ id: this.rng.uuid(), ...this.stamp, meetingId: id, batchHouseholdId: m.id, votesFor, votesAgainst, abstentions: attendeesCount - votesFor - votesAgainst });
    }
  }

  objection(seq: number, householdId: string, raisedOn: string, raisedBy: string, content: string, settled: { on: string; handling: string; result: string } | null): void {
    this.out.objections.push({
      id: this.rng.uuid(),
      ...this.stamp,
      stepId: this.step(seq).id,
      householdId,
      raisedBy,
      raisedOn,
      content,
      handling: settled?.handling ?? null,
      result: settled?.result ?? null,
      settledOn: settled?.on ?? null,
    });
  }

  /** Marks the batch announced (the statuses were written with the households). */
  announce(on: string): void {
    Object.assign(this.out.batches.find((b) => b.id === this.id)!, { status: 'closed', closedOn: on });
  }
}
