// The package header: readable without any key, so it holds nothing personal and no counts —
// only what is needed to decide, before decrypting, whether to trust the package at all.
// Encoded as canonical JSON and signed (envelope.ts).
import { z } from 'zod';
import { SHA256_HEX_RE, UUID_RE } from './bytes.ts';
import { canonicalBytes, NotCanonical, parseCanonicalObject } from './canonical.ts';
import { FORMAT, SUITE } from './limits.ts';
import { refuse } from './messages.ts';
import { KINDS, needsAnswersTo, ROLES } from './roles.ts';

const uuid = z.string().regex(UUID_RE);
const sha256 = z.string().regex(SHA256_HEX_RE);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const packageRefSchema = z.strictObject({ packageId: uuid, payloadSha256: sha256 });
export type PackageRef = z.infer<typeof packageRefSchema>;

const headerSchema = z.strictObject({
  format: z.literal(FORMAT),
  suite: z.literal(SUITE),
  kind: z.enum(KINDS),
  packageId: uuid,
  seq: count.min(1),
  createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/),
  appVersion: z.string().regex(/^[0-9A-Za-z.+-]{1,32}$/),
  minReaderVersion: count.min(1),
  schemaVersion: count,
  sender: z.strictObject({
    role: z.enum(ROLES),
    name: z.string().min(1).max(40).regex(/^[^\p{Cc}\p{Cf}]+$/u),
    signingKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
    encryptionKey: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/),
  }),
  recipients: z.array(z.string().regex(/^\d{30}$/)).max(16),
  encryption: z.enum(['x25519', 'passphrase']),
  answersTo: packageRefSchema.optional(),
  payload: z.strictObject({ format: z.literal('age-v1'), length: count.min(1), sha256 }),
});

export type PackageHeader = z.infer<typeof headerSchema>;

/** Cross-field rules the schema cannot say; returns the problem in Chinese, or null. */
function headerProblem(h: PackageHeader): string | null {
  if ((h.encryption === 'passphrase') !== (h.recipients.length === 0)) return '收件方与加密方式不一致';
  if (new Set(h.recipients).size !== h.recipients.length) return '收件方重复';
  if (needsAnswersTo(h.kind) !== (h.answersTo !== undefined)) return needsAnswersTo(h.kind) ? '缺少所回复的数据包' : '不应有所回复的数据包';
  return null;
}

export function encodeHeader(h: PackageHeader): Uint8Array {
  const checked = headerSchema.parse(h);
  const problem = headerProblem(checked);
  if (problem) throw new Error(`package header: ${problem}`);
  return canonicalBytes(checked);
}

export function parseHeader(bytes: Uint8Array, file: string): PackageHeader {
  let value: unknown;
  try {
    value = parseCanonicalObject(bytes);
  } catch (e) {
    throw refuse.badHeader(file, e instanceof NotCanonical ? '不是规范格式' : '不是有效的 JSON');
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse.badHeader(file, `字段 ${issue?.path.join('.') || '（整体）'} 不合规`);
  }
  const problem = headerProblem(parsed.data);
  if (problem) throw refuse.badHeader(file, problem);
  return parsed.data;
}
