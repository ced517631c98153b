// What every use case needs besides the archive: who is working, and what time it is.
// Passed explicitly so tests and the demo generator can fix both.

export interface Actor {
  operator: string;
  now: () => Date;
}

export const systemActor = (operator = '系统'): Actor => ({ operator, now: () => new Date() });

export function stampOf(actor: Actor): { version: number; updatedAt: string; updatedBy: string } {
  return { version: 1, updatedAt: actor.now().toISOString(), updatedBy: actor.operator };
}
