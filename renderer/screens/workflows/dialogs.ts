// Which form the batch page has open.
import type { MeetingView, ObjectionView } from '../../../shared/api/index.ts';
import type { DecisionAction, Outcome } from '../../../shared/workflows/index.ts';

export type Dialog =
  | { type: 'open' | 'close'; seq: number; date?: string }
  /** 修改开始日期, prefilled with `date`; `then` opens after saving (the refused step form, with its date). */
  | { type: 'start'; date: string | null; then: Dialog | null }
  | { type: 'outcome'; seq: number; outcome: Outcome; householdIds: string[] }
  | { type: 'add' }
  | { type: 'remove'; householdId: string }
  | { type: 'meeting'; seq: number; meeting: MeetingView | null }
  | { type: 'objection'; seq: number }
  | { type: 'settle'; objection: ObjectionView }
  | { type: 'decision'; action: DecisionAction };
