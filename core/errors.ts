// Shells turn any failure into something a clerk can act on through here.
export { translateDbError } from '../db/errors.ts';
