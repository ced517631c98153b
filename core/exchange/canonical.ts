// Canonical JSON (RFC 8785, restricted to what package headers need: strings, safe integers,
// booleans, null, arrays, objects). A header is accepted only if it is byte-for-byte its own
// canonical form, which rules out duplicate keys, unsorted keys, whitespace, floats and
// integers beyond 2^53.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export class NotCanonical extends Error {}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new NotCanonical(`number ${value} is not a safe integer`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    // Default sort compares UTF-16 code units, which is exactly RFC 8785's key order.
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new NotCanonical(`value of type ${typeof value} has no canonical JSON form`);
}

export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

/** Parses bytes that must be valid UTF-8 holding exactly the canonical JSON of an object. */
export function parseCanonicalObject(bytes: Uint8Array): JsonObject {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new NotCanonical('not an object');
  if (canonicalJson(value) !== text) throw new NotCanonical('not in canonical form');
  return value as JsonObject;
}

/** Parses a JSON object (a table row, a manifest): valid UTF-8, one object, nothing else. */
export function parseJsonObject(bytes: Uint8Array): JsonObject | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}
