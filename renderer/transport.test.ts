import { describe, expect, it } from 'vitest';
import type { Envelope } from '../shared/api/index.ts';
import { httpTransport, ipcTransport, takeToken, TOKEN_HEADER } from './transport.ts';

describe('http transport', () => {
  it('posts the input to /api/<channel> with the token and returns the envelope as is', async () => {
    const calls: { url: string; headers: Record<string, string>; body: string }[] = [];
    const t = httpTransport((url, init) => {
      calls.push({ url, headers: init.headers, body: init.body });
      return Promise.resolve({ status: 200, json: () => Promise.resolve({ ok: false, error: { message: '户编号已被使用', kind: 'refused', details: [], field: 'no' } }) });
    }, 'tok');
    const r = await t('households.save', { no: 'A1' });
    expect(calls[0]).toMatchObject({ url: '/api/households.save', body: '{"no":"A1"}' });
    expect(calls[0]!.headers[TOKEN_HEADER]).toBe('tok');
    expect(r).toEqual({ ok: false, error: { message: '户编号已被使用', kind: 'refused', details: [], field: 'no' } });
  });
  it('turns a refused token, a broken answer and a dead server into Chinese envelopes', async () => {
    const message = (r: Envelope<unknown>): string => (r.ok ? '' : r.error.message);
    const denied = await httpTransport(() => Promise.resolve({ status: 401, json: () => Promise.resolve({ error: 'x' }) }), null)('archive.session', {});
    expect(message(denied)).toMatch(/访问凭据无效/);
    const broken = await httpTransport(() => Promise.resolve({ status: 500, json: () => Promise.reject(new Error('bad json')) }), 't')('archive.session', {});
    expect(message(broken)).toMatch(/无法识别/);
    const dead = await httpTransport(() => Promise.reject(new Error('ECONNREFUSED')), 't')('archive.session', {});
    expect(message(dead)).toMatch(/连接不上档案服务/);
  });
  it('ipc transport never throws', async () => {
    const r = await ipcTransport({ invoke: () => Promise.reject(new Error('gone')) })('archive.session', {});
    expect(r.ok).toBe(false);
  });
});

describe('token', () => {
  const storage = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  };
  it('is read from the address once, removed from it, and kept for a reload of this tab', () => {
    const s = storage();
    let replaced = '';
    const token = takeToken({ href: 'http://127.0.0.1:8080/?token=abc&x=1#/households', storage: s, replaceUrl: (u) => (replaced = u) });
    expect(token).toBe('abc');
    expect(replaced).toBe('/?x=1#/households');
    expect(takeToken({ href: 'http://127.0.0.1:8080/#/households', storage: s, replaceUrl: () => undefined })).toBe('abc');
    expect(takeToken({ href: 'http://127.0.0.1:8080/', storage: null, replaceUrl: () => undefined })).toBeNull();
  });
});
