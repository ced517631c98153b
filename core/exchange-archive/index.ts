// Encrypted USB packages at the archive level (issue 7): keys in the archive, the township export,
// county mode, review results, and the import pipeline of both sides. Built on core/exchange.
import type { Archive } from '../../db/open.ts';
import type { PackResultView } from '../../shared/api/exchange.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { loadPublicKey } from '../exchange/index.ts';
import { packReview } from './county-review.ts';
import { packTownship } from './export.ts';
import type { PackOptions } from './export.ts';
import { findKey, identityOf } from './keys.ts';

export { countyBatches, countyHouseholds, countyTownships, deleteOpinion, listOpinions, packReview, recordOpinion } from './county-review.ts';
export { packTownship } from './export.ts';
export type { PackOptions } from './export.ts';
export { archiveTrustStore, identityOf, listKeys, registeredView, revokeKey, trustKey } from './keys.ts';
export { createOwnKey, keyStatus, legacyKeyDir, ownKey, savePublicKey } from './own-key.ts';
export { exportKeyPair, importKeyFolder, importKeyPair } from './key-transfer.ts';
export { listPackages } from './log.ts';
export { townshipReviews } from './township-review.ts';
export { inspectForArchive, unpackPackage } from './unpack.ts';
export type { UnpackOptions } from './unpack.ts';
export { COUNTY_READ_ONLY } from '../access.ts';

/**
 * `pack` for either side: a township export (the archive, or `batchIds`) or, in a county
 * archive, the review result for the township whose registered key `toFile` is.
 */
export async function packFor(
  archive: Archive,
  actor: Actor,
  input: { toFile: string | null; batchIds: string[]; options: Omit<PackOptions, 'to'> },
): Promise<PackResultView> {
  const me = identityOf(archive);
  const to = input.toFile ? loadPublicKey(input.toFile).fingerprint : null;
  if (me.role === 'township') {
    return packTownship(archive, actor, input.batchIds.length ? { type: 'batches', batchIds: input.batchIds } : { type: 'all' }, { ...input.options, to });
  }
  if (input.batchIds.length) throw new UserError('县级制作的是审核结果数据包，不能按批次选择：审核结果包含对该乡镇最新报送数据登记的全部意见。', { kind: 'usage' });
  if (!to) throw new UserError('县级制作审核结果时请用 --to 指定乡镇的公钥（public.json），结果将加密给该乡镇。', { kind: 'usage' });
  const key = findKey(archive, to);
  if (!key) throw new UserError(`公钥 ${input.toFile ?? ''} 没有在本档案登记：请先电话核对指纹并登记（keys trust）。`);
  if (!key.townshipId) throw new UserError(`“${key.name}”还没有报送过数据包，没有可回复的审核结果。`);
  return packReview(archive, actor, key.townshipId, { ...input.options, to });
}
