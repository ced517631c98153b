// Encrypted, signed exchange packages (issue 7), file level: keys, writer, reader, staging.
// Format: docs/exchange-format.md. The archive-level pipeline builds on this API.
export { generateKeyPair, keyPairFromRecord, privateRecordOf, readKeyPairFile, saveKeyPair, loadKeyPair, loadPublicKey, parsePublicKey, PUBLIC_FILE, PRIVATE_FILE } from './keys.ts';
export type { KeyPair, PrivateKeyRecord, PublicKeyRecord } from './keys.ts';
export { checkKeyPassphrase, KEY_EXPORT_MAX_BYTES, KEY_PASSPHRASE_MIN, notKeyExport, openKeyExport, sealKeyExport } from './key-export.ts';
export { wipeFile } from './file-io.ts';
export { fingerprintOf, formatFingerprint, normalizeFingerprint } from './fingerprint.ts';
export { generatePassphrase, normalizePassphrase } from './passphrase.ts';
export { selfTest } from './self-test.ts';
export type { SelfTestResult } from './self-test.ts';
export { memoryTrustStore, stillValid } from './trust.ts';
export type { TrustedKey, TrustStore, TrustEntry } from './trust.ts';
export { writePackage } from './writer.ts';
export type { EntrySource, PackInput, Packed } from './writer.ts';
export { openPackage } from './reader.ts';
export type { OpenOptions, OpenedPackage } from './reader.ts';
export type { PackageEntry } from './frames-read.ts';
export type { Manifest, Summary } from './frames.ts';
export { inspectPackage } from './inspect.ts';
export { stagePackage } from './stage.ts';
export type { StagedPackage } from './stage.ts';
export { sanitizeDisplayName } from './display-name.ts';
export type { PackageHeader, PackageRef } from './header.ts';
export { KINDS, ROLES, KIND_SIGNER } from './roles.ts';
export type { PackageKind, Role } from './roles.ts';
export type { Progress, ProgressFn } from './streams.ts';
export { DEFAULT_LIMITS, SCRYPT_LOG_N, SCRYPT_LOG_N_CAP } from './limits.ts';
export type { Limits } from './limits.ts';
export { openSealed, readSealed } from './sealed-file.ts';
