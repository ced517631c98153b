import { describe, expect, it } from 'vitest';
import { bech32Decode, bech32Encode } from './bech32.ts';
import { canonicalJson, parseCanonicalObject } from './canonical.ts';
import { plaintextLength } from './age-header.ts';
import { generatePassphrase, normalizePassphrase, selfTest } from './index.ts';

describe('self-test', () => {
  it('passes every known-answer test and says which hash implementation streams', async () => {
    const r = await selfTest();
    expect(r.passed).toHaveLength(9);
    expect(r.passed.join()).toMatch(/X25519.*Ed25519.*ChaCha20-Poly1305.*age v1/s);
    expect(r.hashImplementation).toBe('node:crypto');
  });
});

describe('canonical JSON', () => {
  it('sorts keys by UTF-16 code units and keeps integers and strings as JSON.stringify does', () => {
    expect(canonicalJson({ b: 1, a: [true, null, '档案\n'], A: { z: -0, y: 9007199254740991 } })).toBe('{"A":{"y":9007199254740991,"z":0},"a":[true,null,"档案\\n"],"b":1}');
    expect(canonicalJson({ '\u{1F600}': 1, '\uFFFF': 2 })).toBe('{"\u{1F600}":1,"\uFFFF":2}');
  });

  it('has no form for floats, big integers or other values', () => {
    for (const v of [1.5, 2 ** 60, NaN, Infinity, 10n, new Date(0), () => 1]) expect(() => canonicalJson({ v })).toThrow();
  });

  it('parses only text that is already canonical', () => {
    expect(parseCanonicalObject(new TextEncoder().encode('{"a":1,"b":[2]}'))).toEqual({ a: 1, b: [2] });
    for (const t of ['{"b":1,"a":2}', '{"a":1,"a":1}', '{"a": 1}', '{"a":1.0}', '[1]', '{"a":"\\u0041"}']) {
      expect(() => parseCanonicalObject(new TextEncoder().encode(t))).toThrow();
    }
  });
});

describe('bech32', () => {
  it('round-trips and rejects a changed character, mixed case and another prefix', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    const s = bech32Encode('age', bytes);
    expect(bech32Decode(s, 'age')).toEqual(bytes);
    expect(bech32Decode(s.toUpperCase(), 'age')).toEqual(bytes);
    expect(bech32Decode(`${s.slice(0, 10)}${s[10] === 'q' ? 'p' : 'q'}${s.slice(11)}`, 'age')).toBeNull();
    expect(bech32Decode(`${s.slice(0, 5)}${s.slice(5, 6).toUpperCase()}${s.slice(6)}`, 'age')).toBeNull();
    expect(bech32Decode(s, 'AGE-SECRET-KEY-')).toBeNull();
  });
});

describe('age STREAM sizes', () => {
  it('knows exactly which ciphertext sizes are valid', () => {
    expect(plaintextLength(16)).toBe(0);
    expect(plaintextLength(17)).toBe(1);
    expect(plaintextLength(65536 + 16)).toBe(65536);
    expect(plaintextLength(65536 + 16 + 16)).toBeNull(); // an empty final chunk after a full one
    expect(plaintextLength(65536 + 16 + 17)).toBe(65537);
    expect(plaintextLength(15)).toBeNull();
  });
});

describe('passphrases', () => {
  it('are 8 groups of 4 random digits, made by the app', () => {
    const p = generatePassphrase();
    expect(p).toMatch(/^\d{4}( \d{4}){7}$/);
    expect(new Set(Array.from({ length: 20 }, generatePassphrase)).size).toBe(20);
  });

  it('read back however they were spaced or typed (full-width digits too), else a clear message', () => {
    expect(normalizePassphrase('0123 4567-8901 2345\t6789 0123 4567 8901')).toBe('01234567890123456789012345678901');
    expect(normalizePassphrase('０１２３ 4567 8901 2345 6789 0123 4567 8901')).toBe('01234567890123456789012345678901');
    expect(() => normalizePassphrase('0123 4567')).toThrow(/应为 8 组、每组 4 位数字/);
    expect(() => normalizePassphrase('a123 4567 8901 2345 6789 0123 4567 8901')).toThrow(/口令格式不对/);
  });
});
