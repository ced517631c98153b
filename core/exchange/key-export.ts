// A key pair moved to another PC: the private record, as JSON, in an age file encrypted to a
// passphrase the operator chooses (scrypt recipient, the same age code as packages). The file
// says nothing in clear but that it is age/scrypt; what it holds is checked after decrypting.
import { Decrypter, Encrypter } from 'age-encryption';
import { BadStanza, ScryptIdentity, ScryptRecipient } from './age-keys.ts';
import { SCRYPT_LOG_N, SCRYPT_LOG_N_CAP, SCRYPT_LOG_N_MIN } from './limits.ts';
import { refusal } from './messages.ts';

export const KEY_EXPORT_FORMAT = 'fupin-key-export/v1';
/** A chosen passphrase guards the signing key on a stick: at least this many characters. */
export const KEY_PASSPHRASE_MIN = 12;
/** Far above any export (a few hundred bytes): a bigger file is not one, and is not read whole. */
export const KEY_EXPORT_MAX_BYTES = 64 * 1024;

/** An age header with one scrypt stanza (salt, work factor, wrapped key) and its MAC: what a key export starts with. */
const AGE_SCRYPT_HEADER = /^age-encryption\.org\/v1\n-> scrypt [A-Za-z0-9+/]{22} \d{1,2}\n[A-Za-z0-9+/]{43}\n--- [A-Za-z0-9+/]{43}\n/;

export function checkKeyPassphrase(passphrase: string): void {
  if (passphrase.length < KEY_PASSPHRASE_MIN) {
    throw refusal(`口令太短：至少 ${KEY_PASSPHRASE_MIN} 个字符。密钥导出文件一旦丢失，口令就是唯一的保护，请用一句只有经办人知道的话。`, 'usage');
  }
}

export async function sealKeyExport(payload: object, passphrase: string, logN = SCRYPT_LOG_N): Promise<Uint8Array> {
  checkKeyPassphrase(passphrase);
  if (!Number.isInteger(logN) || logN < SCRYPT_LOG_N_MIN || logN > SCRYPT_LOG_N_CAP) throw new Error(`scrypt work factor out of range: ${logN}`);
  const e = new Encrypter();
  e.addRecipient(new ScryptRecipient(passphrase, logN));
  return e.encrypt(JSON.stringify({ format: KEY_EXPORT_FORMAT, ...payload }));
}

export const notKeyExport = (file: string) => refusal(`${file} 不是扶贫档案的密钥导出文件。请选择在“密钥与对方”中导出（或用 keys export 制作）的文件。档案没有任何改动。`);

/** The payload of a key export (its `format` checked); refused in Chinese when it is none or the passphrase is wrong. */
export async function openKeyExport(bytes: Uint8Array, file: string, passphrase: string): Promise<Record<string, unknown>> {
  if (bytes.length > KEY_EXPORT_MAX_BYTES || !AGE_SCRYPT_HEADER.test(new TextDecoder().decode(bytes.subarray(0, 200)))) throw notKeyExport(file);
  const d = new Decrypter();
  d.addIdentity(new ScryptIdentity(passphrase, SCRYPT_LOG_N_CAP));
  let text: string;
  try {
    text = await d.decrypt(bytes, 'text');
  } catch (e) {
    if (e instanceof BadStanza) throw notKeyExport(file);
    if (e instanceof Error && e.message.includes('no identity matched')) {
      throw refusal(`口令不对，解不开密钥导出文件 ${file}。请核对导出时设定的口令（注意大小写、全角半角）后重试。档案没有任何改动。`);
    }
    throw refusal(`密钥导出文件 ${file} 已损坏或被改动，不能导入。请在原电脑上重新导出一次。档案没有任何改动。`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw notKeyExport(file);
  }
  if (typeof value !== 'object' || value === null || (value as Record<string, unknown>).format !== KEY_EXPORT_FORMAT) throw notKeyExport(file);
  return value as Record<string, unknown>;
}
