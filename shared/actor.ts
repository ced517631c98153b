// Who is working and what time it is: passed explicitly into every write, so the audit log
// and the travelling columns (updatedAt/updatedBy) are filled the same way everywhere, and
// tests and the demo generator can fix both.

export interface Actor {
  operator: string;
  now: () => Date;
}

export const systemActor = (operator = '系统'): Actor => ({ operator, now: () => new Date() });

export function stampOf(actor: Actor): { version: number; updatedAt: string; updatedBy: string } {
  return { version: 1, updatedAt: actor.now().toISOString(), updatedBy: actor.operator };
}
