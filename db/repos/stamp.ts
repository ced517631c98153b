// Who last changed a record and when, as every travelling row keeps it. Unlike shared/actor's
// stampOf it carries no version: a change bumps the row's own version, an insert sets 1.
import type { Actor } from '../../shared/actor.ts';

export interface ChangeStamp {
  updatedAt: string;
  updatedBy: string;
}

export const changeStamp = (actor: Actor): ChangeStamp => ({ updatedAt: actor.now().toISOString(), updatedBy: actor.operator });
