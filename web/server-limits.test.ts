// The browser shell's answers to hostile requests, over real HTTP: a token that is missing,
// wrong, of another length or not ASCII is 401 with a Chinese JSON message (never 500), and a
// body over the limit — declared or streamed without a length — gets the 413 message, which the
// client really receives (the rest of the body is drained, not left to reset the connection).
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../core/testing.ts';
import { startWebShell } from './server.ts';
import type { WebShell } from './server.ts';

let shell: WebShell;
const MB = 1024 * 1024;

beforeAll(async () => {
  shell = await startWebShell({ dataDir: join(tempDir(), 'data'), today: '2026-11-24' });
});
afterAll(() => shell.close());

interface Answer {
  status: number;
  body: string;
}

/** Sends `total` bytes of body in 1 MB pieces (no Content-Length unless `declare`); resolves with the answer. */
function send(headers: Record<string, string>, total: number, declare = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: shell.port, path: '/api/archive.session', method: 'POST', headers: { ...headers, ...(declare ? { 'content-length': String(total) } : {}) } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // Once the answer is in, the server may close while we are still writing: that is fine.
    req.on('error', reject);
    const piece = Buffer.concat([Buffer.from('{}'), Buffer.alloc(MB - 2, 0x20)]);
    let sent = 0;
    const pump = (): void => {
      while (sent < total) {
        const n = Math.min(MB, total - sent);
        sent += n;
        if (!req.write(n === MB ? piece : piece.subarray(0, n))) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

const message = (a: Answer) => (JSON.parse(a.body) as { error: { message: string } }).error.message;

describe('browser shell limits', () => {
  it.each([
    ['missing', {}],
    ['wrong', { 'x-relief-token': 'f'.repeat(48) }],
    ['shorter', { 'x-relief-token': 'abc' }],
    ['non-ASCII of the same length', { 'x-relief-token': 'é'.repeat(48) }],
    ['non-ASCII of the same byte length', { 'x-relief-token': 'é'.repeat(24) }],
  ])('a %s token: 401 with a Chinese message, never 500', async (_what, headers) => {
    // Node sends header values as latin1: 'é' arrives as one byte 0xe9, decoded back to 'é' (two bytes in UTF-8).
    const a = await send(headers, 2);
    expect(a.status).toBe(401);
    expect(message(a)).toMatch(/^拒绝：缺少或错误的访问令牌/);
  });

  it('the right token still works', async () => {
    const a = await send({ 'x-relief-token': shell.token }, 2);
    expect(a.status).toBe(200);
  });

  it('a 150 MB body with its Content-Length: the 413 message reaches the client', async () => {
    const a = await send({ 'x-relief-token': shell.token }, 150 * MB, true);
    expect(a.status).toBe(413);
    expect(message(a)).toMatch(/^发送的内容太大（超过100MB），已拒绝，档案没有任何改动/);
  });

  it('a 110 MB body streamed without a length: cut at the limit, 413 received, and the next call is answered', async () => {
    const a = await send({ 'x-relief-token': shell.token }, 110 * MB);
    expect(a.status).toBe(413);
    expect(message(a)).toMatch(/发送的内容太大/);
    expect((await send({ 'x-relief-token': shell.token }, 2)).status).toBe(200);
  });
});
