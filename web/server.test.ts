// The browser shell's guards (loopback only, token, Host, Origin, static files) and that the
// contract's validation runs on this path exactly as on IPC.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProtectedArchive } from '../core/archive.ts';
import { generateDemo } from '../core/demo/index.ts';
import { TEST_PASSWORD, tempDir } from '../core/testing.ts';
import { CHANNELS } from '../shared/api/index.ts';
import { startWebShell } from './server.ts';
import type { WebShell } from './server.ts';

let shell: WebShell;

function call(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: shell.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
const api = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  call(`/api/${channel}`, { method: 'POST', headers: { 'x-relief-token': shell.token, 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });

beforeAll(async () => {
  const dir = tempDir();
  const actor = { operator: '测试', now: () => new Date('2026-11-24T08:00:00Z') };
  const { archive: a } = await createProtectedArchive({ file: join(dir, 'a.db'), name: '青山镇', code: '511922101000', province: '四川省', admin: { name: '测试', password: TEST_PASSWORD } }, actor);
  generateDemo(a, { villages: 2, households: 30, seed: 'web', asOf: '2026-11-24', actor });
  a.close();
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>扶贫档案</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  shell = await startWebShell({ db: join(dir, 'a.db'), dataDir: join(dir, 'data'), staticDir, today: '2026-11-24' });
  // Before login the archive is chosen but closed: nothing of it can be read.
  expect(JSON.parse((await api('households.list', { limit: 5 })).body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/登录/) as unknown } });
  expect(JSON.parse((await api('archive.login', { name: '测试', password: TEST_PASSWORD })).body)).toMatchObject({ ok: true, value: { operator: '测试', role: 'admin' } });
});
afterAll(() => shell.close());

describe('browser shell', () => {
  it('listens on loopback only and prints a URL with the token', () => {
    expect(shell.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${shell.port}/\\?token=[0-9a-f]{48}$`));
  });

  it('answers a valid call with the envelope from the core', async () => {
    const r = await api('households.list', { limit: 5 });
    expect(r.status).toBe(200);
    const env = JSON.parse(r.body) as { ok: boolean; value: { total: number; items: unknown[] } };
    expect(env).toMatchObject({ ok: true, value: { total: 30 } });
    expect(env.value.items).toHaveLength(5);
  });

  it('runs on the day it was given, whatever the machine’s calendar says', async () => {
    const env = JSON.parse((await api('archive.session', {})).body) as { ok: boolean; value: { today: string } };
    expect(env).toMatchObject({ ok: true, value: { today: '2026-11-24' } });
    const wall = JSON.parse((await api('documents.wallchart', { year: null, asOf: null })).body) as { value: { asOf: string } };
    expect(wall.value.asOf).toBe('2026-11-24');
  });

  it('refuses calls without the token or with a wrong one', async () => {
    expect((await call('/api/households.list', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await api('households.list', {}, { 'x-relief-token': 'f'.repeat(48) })).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    expect((await api('households.list', {}, { host: `evil.example:${shell.port}` })).status).toBe(403);
    expect((await api('households.list', {}, { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('validates input with the contract and says what is wrong in Chinese', async () => {
    const bad = JSON.parse((await api('households.list', { limit: 'lots' })).body) as { ok: boolean; error: { message: string; kind: string } };
    expect(bad).toMatchObject({ ok: false, error: { kind: 'usage' } });
    expect(bad.error.message).toMatch(/填写的内容有误/);
    const unknown = JSON.parse((await api('households.drop', {})).body) as { ok: boolean; error: { message: string } };
    expect(unknown.error.message).toMatch(/未知的调用/);
    const notJson = await call('/api/households.list', { method: 'POST', headers: { 'x-relief-token': shell.token }, body: '{oops' });
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/不是有效的 JSON/) as unknown } });
  });

  it('serves the UI, falls back to index.html, and never serves files outside it', async () => {
    const index = await call('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('扶贫档案');
    const csp = await new Promise<string>((resolve) => {
      request({ host: '127.0.0.1', port: shell.port, path: '/' }, (res) => resolve(String(res.headers['content-security-policy']))).end();
    });
    expect(csp).toMatch(/default-src 'self'/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const r = await call(path);
      expect(r.body).not.toContain('outside');
    }
    expect((await call('/api/households.list')).status).toBe(405);
  });

  it.each([...CHANNELS])('validates %s on the HTTP path too', async (channel) => {
    const r = JSON.parse((await api(channel, 42)).body) as { ok: boolean; error: { kind: string; message: string } };
    expect(r).toMatchObject({ ok: false, error: { kind: 'usage', message: expect.stringMatching(/^填写的内容有误/) as unknown } });
  });
  it('runs each call in the logged-in account’s role: a 只读 account is refused writes', async () => {
    const body = async (channel: string, input: unknown) => JSON.parse((await api(channel, input)).body) as { ok: boolean; error?: { message: string } };
    expect(await body('accounts.add', { name: '赵只读', role: 'viewer', password: 'viewer-pass-2026' })).toMatchObject({ ok: true });
    expect(await body('archive.lock', {})).toMatchObject({ ok: true });
    expect(await body('households.list', { limit: 1 })).toMatchObject({ ok: false });
    expect(await body('archive.login', { name: '赵只读', password: 'viewer-pass-2026' })).toMatchObject({ ok: true });
    expect(await body('households.list', { limit: 1 })).toMatchObject({ ok: true });
    for (const [channel, input] of [['audit.undoLast', {}], ['accounts.add', { name: '钱某', role: 'admin', password: TEST_PASSWORD }]] as const) {
      const r = await body(channel, input);
      expect(r.ok, channel).toBe(false);
      expect(r.error?.message, channel).toMatch(/只读|权限|不能/);
    }
  });
});
