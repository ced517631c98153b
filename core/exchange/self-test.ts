// Known-answer tests of every primitive the packages rest on, run once per process before the
// first key or package is made or opened. If one fails (a broken build, a runtime whose crypto
// differs), nothing is encrypted, signed or decrypted: fail closed with a message saying so.
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { Decrypter } from 'age-encryption';
import { X25519Identity } from './age-keys.ts';
import { bech32Decode } from './bech32.ts';
import { fromHex, toHex } from './bytes.ts';
import { sha256Hex, sha256Implementation } from './hash.ts';
import { ageRecipient } from './keys.ts';
import { refusal } from './messages.ts';

const te = (s: string) => new TextEncoder().encode(s);
const seq = (from: number, n: number) => Uint8Array.from({ length: n }, (_, i) => from + i);

/** age-encryption.org/v1 file of "fupin self-test" to the identity below (made once with age-encryption). */
const AGE_IDENTITY = 'AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX';
const AGE_RECIPIENT = 'age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj';
const AGE_FILE =
  'YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBucEdpRFh3bFNQTXo0RWtidWtJb2p0T0FsdWZBcXZMUVZ6d2Z6K3FVV2hVCnFrVGFUR2R3WW1rSFl0dG9EOENXNkRCeWZrUEYxdmVOanFaajdxMGdsL1EKLS0tIHY4VDBTM0E5VE5CUUtkeE9DblhFNXRCRlRCb2tYUkNpdFlxSEdMaGJid2MKqFuZEb2k/CSIyJYGaQkyUAl8l7tpVJXMlC842ZKy2Yg6klWn4M0vKs6Tiwrl3rU=';

const CHECKS: [string, () => boolean | Promise<boolean>][] = [
  ['SHA-256 (FIPS 180-4)', () => toHex(sha256(te('abc'))) === 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' && sha256Hex(te('abc')) === toHex(sha256(te('abc')))],
  [
    'SHA-512 (FIPS 180-4)',
    () => toHex(sha512(te('abc'))) === 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
  ],
  ['HMAC-SHA-256 (RFC 4231 #1)', () => toHex(hmac(sha256, new Uint8Array(20).fill(0x0b), te('Hi There'))) === 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
  [
    'HKDF-SHA-256 (RFC 5869 #1)',
    () => toHex(hkdf(sha256, new Uint8Array(22).fill(0x0b), seq(0, 13), seq(0xf0, 10), 42)) === '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
  ],
  [
    'scrypt (RFC 7914 #1)',
    () =>
      toHex(scrypt('', '', { N: 16, r: 1, p: 1, dkLen: 64 })) ===
      '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906',
  ],
  [
    'X25519 (RFC 7748 §5.2)',
    () =>
      toHex(x25519.scalarMult(fromHex('a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4'), fromHex('e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c'))) ===
      'c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552',
  ],
  [
    'Ed25519 (RFC 8032 #1)',
    () => {
      const secret = fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
      const pub = ed25519.getPublicKey(secret);
      const sig = ed25519.sign(new Uint8Array(0), secret);
      return (
        toHex(pub) === 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a' &&
        toHex(sig) === 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b' &&
        ed25519.verify(sig, new Uint8Array(0), pub) &&
        !ed25519.verify(sig, Uint8Array.of(0), pub)
      );
    },
  ],
  [
    'ChaCha20-Poly1305 (RFC 8439 §2.8.2)',
    () => {
      const plain = te("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
      const sealed = chacha20poly1305(seq(0x80, 32), fromHex('070000004041424344454647'), fromHex('50515253c0c1c2c3c4c5c6c7')).encrypt(plain);
      return toHex(sealed.subarray(-16)) === '1ae10b594f09e26a7e902ecbd0600691' && toHex(sealed.subarray(0, 16)) === 'd31a8d34648e60db7b86afbc53ef7ec2';
    },
  ],
  [
    'age v1 file (decrypt a fixed file, bech32 keys)',
    async () => {
      const secret = bech32Decode(AGE_IDENTITY, 'AGE-SECRET-KEY-')!;
      if (ageRecipient(x25519.getPublicKey(secret)) !== AGE_RECIPIENT) return false;
      const d = new Decrypter();
      d.addIdentity(new X25519Identity(secret));
      return (await d.decrypt(new Uint8Array(Buffer.from(AGE_FILE, 'base64')), 'text')) === 'fupin self-test';
    },
  ],
];

export interface SelfTestResult {
  passed: string[];
  hashImplementation: string;
}

let once: Promise<SelfTestResult> | undefined;

async function run(): Promise<SelfTestResult> {
  const passed: string[] = [];
  for (const [name, check] of CHECKS) {
    let ok = false;
    try {
      ok = await check();
    } catch {
      ok = false;
    }
    if (!ok) throw refusal(`加密组件自检未通过：${name}。本机暂时不能制作或打开数据包，以免数据出错或泄露。请重新安装本软件；仍不行请联系技术支持。`);
    passed.push(name);
  }
  return { passed, hashImplementation: sha256Implementation };
}

/** Runs the known-answer tests once per process; throws a UserError if any fails. */
export function selfTest(): Promise<SelfTestResult> {
  once ??= run();
  return once;
}
