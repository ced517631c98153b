// The exchange endpoints of the contract (shared/api/exchange.ts) on top of the use cases.
// Long work (pack, packReview, unpack) runs as a job: progress through jobs.status, cancel
// through jobs.cancel.
import type { Handlers } from '../api/handlers.ts';
import { countyQualityOf, countyTownshipProblemsOf } from './county-quality-session.ts';
import { countyBatches, countyHouseholds, countyTownships, deleteOpinion, listOpinions, packReview, recordOpinion, requireCounty } from './county-review.ts';
import { packTownship } from './export.ts';
import { packCheck } from './pack-check.ts';
import { systemActor } from '../../shared/actor.ts';
import { exportKeyPair, importKeyPair } from './key-transfer.ts';
import { inspectKeyFile, registeredView, revokeKey, trustKey } from './keys.ts';
import { createOwnKey, keyStatus, savePublicKey } from './own-key.ts';
import { listPackages } from './log.ts';
import { townshipReviews } from './township-review.ts';
import { inspectForArchive, unpackPackage } from './unpack.ts';

export const exchangeHandlers: Handlers['exchange'] = {
  // A read that may still move a key left beside the archive into it: recorded under whoever is working.
  keyStatus: (_i, s) => keyStatus(s.requireArchive(), systemActor(s.operator ?? '系统', s.clock)),
  newKey: async ({ name }, s) => {
    const archive = s.requireArchive();
    const actor = s.actor();
    await createOwnKey(archive, actor, name);
    return keyStatus(archive, actor);
  },
  savePublicKey: ({ out, overwrite }, s) => savePublicKey(s.requireArchive(), out, overwrite),
  exportKeyPair: ({ out, passphrase }, s) => exportKeyPair(s.requireArchive(), s.actor(), { out, passphrase }),
  importKeyPair: (input, s) => importKeyPair(s.requireArchive(), s.actor(), input),
  inspectKey: ({ file }, s) => inspectKeyFile(s.requireArchive(), file),
  trustKey: (input, s) => registeredView(trustKey(s.requireArchive(), s.actor(), input).row),
  revokeKey: (input, s) => registeredView(revokeKey(s.requireArchive(), s.actor(), input)),
  packages: ({ direction, limit }, s) => listPackages(s.requireArchive().db, direction, limit),
  packCheck: ({ scope }, s) => packCheck(s.requireArchive().db, scope, s.clock.now()),
  pack: ({ out, scope, to, passphrase, jobId }, s) => {
    const archive = s.requireArchive();
    const actor = s.actor();
    return s.jobs.run(jobId, '制作报送数据包', (job) => packTownship(archive, actor, scope, { out, to, passphrase, signal: job.signal, onProgress: (l, f) => job.report(l, f) }));
  },
  inspect: ({ file }, s) => inspectForArchive(s.requireArchive(), file),
  unpack: ({ file, dryRun, passphrase, acceptUnauthenticated, jobId }, s) => {
    const archive = s.requireArchive();
    const actor = s.actor();
    return s.jobs.run(jobId, dryRun ? '检查数据包' : '导入数据包', (job) =>
      unpackPackage(archive, actor, file, { dryRun, passphrase, acceptUnauthenticated, signal: job.signal, onProgress: (l, f) => job.report(l, f) }),
    );
  },
  townships: (_i, s) => countyTownships(s.requireArchive()),
  townshipHouseholds: (input, s) => countyHouseholds(s.requireArchive(), input),
  townshipBatches: ({ townshipId }, s) => {
    const archive = s.requireArchive();
    requireCounty(archive);
    return countyBatches(archive, townshipId);
  },
  opinions: ({ townshipId, batchId }, s) => listOpinions(s.requireArchive(), townshipId, batchId),
  recordOpinion: (input, s) => recordOpinion(s.requireArchive(), s.actor(), input),
  deleteOpinion: ({ id }, s) => {
    s.actor();
    return deleteOpinion(s.requireArchive(), id);
  },
  packReview: ({ townshipId, out, passphrase, jobId }, s) => {
    const archive = s.requireArchive();
    const actor = s.actor();
    return s.jobs.run(jobId, '制作审核结果数据包', (job) => packReview(archive, actor, townshipId, { out, passphrase, signal: job.signal, onProgress: (l, f) => job.report(l, f) }));
  },
  reviewResults: ({ batchId }, s) => townshipReviews(s.requireArchive(), batchId),
  countyQuality: ({ jobId }, s) => countyQualityOf(s, jobId),
  townshipProblems: ({ townshipId }, s) => countyTownshipProblemsOf(s, townshipId),
};

