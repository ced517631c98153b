// 数据检查's fixing flow (issue 16): 已核实无误 on a finding — with a reason, the operator and the
// day — hidden from the counts until the data it is about changes; 取消核实 takes it back.
import { z } from 'zod';
import type { Problem } from '../quality/types.ts';
import { id } from './schemas.ts';

/** One 已核实无误 as stored (quality_acks). */
export interface AckView {
  id: string;
  code: string;
  householdId: string;
  memberId: string | null;
  field: string | null;
  /** The finding's message when it was acknowledged. */
  message: string;
  reason: string;
  acknowledgedBy: string;
  acknowledgedOn: string;
}

/** A finding the clerk marked 已核实无误, still as the data was then: left out of the counts. */
export interface AcknowledgedProblem {
  problem: Problem;
  ack: AckView;
}

const reason = z
  .string()
  .trim()
  .min(1, '请填写核实无误的理由（例如“经入户核实，该成员确为技能劳动力”）')
  .max(200, '核实理由最多 200 个字');

export const ackInput = z.object({
  householdId: id,
  code: z
    .string()
    .trim()
    .regex(/^Q\d{3}$/, '规则编号应为 Q 加三位数字，例如 Q311'),
  /** Only the finding of this member (null: the household's own finding; omitted: any). */
  memberId: z.string().min(1).nullable().optional(),
  field: z.string().min(1).nullable().optional(),
  /** Only the finding with this message (as the check showed it); omitted: every finding of the rule there. */
  message: z.string().min(1).optional(),
  reason,
});

export const unackInput = z.object({ id });
