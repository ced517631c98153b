export type { Actor } from '../shared/actor.ts';
export { stampOf, systemActor } from '../shared/actor.ts';
