// Who is working and what time it is: passed explicitly into every write, so the audit log
// and the travelling columns (updatedAt/updatedBy) are filled the same way everywhere, and
// tests and the demo generator can fix both.
import { systemClock } from './clock.ts';
import type { Clock } from './clock.ts';

export interface Actor {
  operator: string;
  now: () => Date;
}

/** A shell's actor: the operator on the shell's clock (the real one unless a day was fixed). */
export const systemActor = (operator = '系统', clock: Clock = systemClock): Actor => ({ operator, now: clock.now });

export function stampOf(actor: Actor): { version: number; updatedAt: string; updatedBy: string } {
  return { version: 1, updatedAt: actor.now().toISOString(), updatedBy: actor.operator };
}
