// Test helpers: a township archive with a small demo and a county archive, each with its key
// pair inside it and the other side's public key registered — as after the phone check.
import { basename, dirname, join } from 'node:path';
import type { Archive } from '../../db/open.ts';
import { batchHouseholdIds, batchIdsOf } from '../../db/repos/exchange-batches.ts';
import { archiveChecksum } from '../../db/testing.ts';
import type { Actor } from '../../shared/actor.ts';
import { isUserError } from '../../shared/errors.ts';
import type { UserError } from '../../shared/errors.ts';
import { initArchive } from '../archive.ts';
import { createTestArchive } from '../testing.ts';
import { generateDemo } from '../demo/index.ts';
import { saveMeeting } from '../workflows/meetings.ts';
import { closeStep, openStep } from '../workflows/steps.ts';
import { trustKey } from './keys.ts';
import { createOwnKey, savePublicKey } from './own-key.ts';

export const AS_OF = '2026-11-24';
/** The clerks work a little after the demo's date, so that steps can be moved on. */
export const actorAt = (iso: string, operator = '李会计'): Actor => ({ operator, now: () => new Date(iso) });
export const townshipActor = actorAt('2026-12-10T08:00:00Z');
export const countyActor = actorAt('2026-12-10T09:00:00Z', '王科长');

export interface Pair {
  dir: string;
  township: Archive;
  county: Archive;
}

/**
 * `login`: a protected archive (key file, the actor's account with TEST_PASSWORD) that the
 * command line can log in to; otherwise keyed, with its key only on the Archive.
 */
export async function makeTownship(dir: string, opts: { name?: string; code?: string; households?: number; seed?: string; trustCounty?: Archive; login?: boolean } = {}): Promise<Archive> {
  const input = { file: join(dir, `${opts.name ?? '青山镇'}.db`), name: opts.name ?? '青山镇', code: opts.code ?? '511922101000', county: '示例县', province: '四川省' };
  const a = opts.login ? await createTestArchive(input, { actor: townshipActor }) : initArchive(input, townshipActor);
  generateDemo(a, { villages: 2, households: opts.households ?? 40, seed: opts.seed ?? 'exchange', asOf: AS_OF, actor: actorAt(`${AS_OF}T08:00:00Z`), plant: false });
  await createOwnKey(a, townshipActor, `${opts.name ?? '青山镇'}扶贫工作站`);
  return a;
}

/** Both sides, keys made and exchanged. */
export async function makePair(dir: string, households = 40, opts: { login?: boolean } = {}): Promise<Pair> {
  const township = await makeTownship(dir, { households, ...opts });
  const countyInput = { file: join(dir, '示例县.db'), name: '示例县', role: 'county' as const, province: '四川省' };
  const county = opts.login ? await createTestArchive(countyInput, { actor: countyActor }) : initArchive(countyInput, countyActor);
  await createOwnKey(county, countyActor, '示例县乡村振兴局');
  exchangeKeys(township, county);
  return { dir, township, county };
}

/** The archive's public.json, saved beside it (as the clerk saves it to the stick). */
export function publicFileOf(archive: Archive): string {
  return savePublicKey(archive, join(dirname(archive.file), `${basename(archive.file, '.db')}_public.json`), true).file;
}

export function exchangeKeys(township: Archive, county: Archive): void {
  trustKey(township, townshipActor, { file: publicFileOf(county), checkedBy: '李会计' });
  trustKey(county, countyActor, { file: publicFileOf(township), checkedBy: '王科长' });
}

/** The demo's monitoring batch (three households, at its first step), moved on to its county step (6, 县级审定). */
export function batchToCounty(township: Archive): string {
  const { db } = township;
  const id = batchIdsOf(db, 'monitoring', 'open')[0]!;
  const a = townshipActor;
  const households = batchHouseholdIds(db, id);
  closeStep(db, a, { batchId: id, seq: 1, closedOn: '2026-11-17', note: null });
  openStep(db, a, { batchId: id, seq: 2, startedOn: '2026-11-17', postedAt: null, note: null });
  closeStep(db, a, { batchId: id, seq: 2, closedOn: '2026-11-18', note: null });
  openStep(db, a, { batchId: id, seq: 3, startedOn: '2026-11-18', postedAt: null, note: null });
  saveMeeting(db, a, {
    batchId: id, seq: 3, id: null, heldOn: '2026-11-19', place: '村委会', host: null, recorder: null, attendeesCount: 24, entitledCount: 30, attendees: null, minutes: null, result: null,
    votes: households.map((h) => ({ householdId: h, votesFor: 20, votesAgainst: 2, abstentions: 2 })),
  });
  closeStep(db, a, { batchId: id, seq: 3, closedOn: '2026-11-19', note: null });
  openStep(db, a, { batchId: id, seq: 4, startedOn: '2026-11-20', postedAt: '村务公开栏', note: null });
  closeStep(db, a, { batchId: id, seq: 4, closedOn: '2026-11-26', note: null });
  openStep(db, a, { batchId: id, seq: 5, startedOn: '2026-11-26', postedAt: null, note: null });
  closeStep(db, a, { batchId: id, seq: 5, closedOn: '2026-11-27', note: null });
  return id;
}

/** What a refused call says, and whether the archive stayed exactly as it was. */
export async function refusal(archive: Archive, run: () => Promise<unknown>): Promise<{ error: UserError; unchanged: boolean }> {
  const before = archiveChecksum(archive.sqlite);
  try {
    await run();
  } catch (e) {
    if (!isUserError(e)) throw e;
    return { error: e, unchanged: archiveChecksum(archive.sqlite) === before };
  }
  throw new Error('expected a refusal, but the call went through');
}
