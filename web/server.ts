// The browser shell: the same UI and the same contract over HTTP on 127.0.0.1 only, for
// machines without an Electron binary (tests here) and as a fallback. Every API call needs
// the per-run token; the Host header must name this loopback server (no DNS rebinding).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCoreDispatch } from '../core/api/index.ts';
import { JobRunner } from '../core/worker/runner.ts';
import { pathGuardOf } from '../core/api/path-guard.ts';
import { createSession } from '../core/session.ts';
import type { Session } from '../core/session.ts';
import { clockFor } from '../shared/clock.ts';

export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../dist/renderer', import.meta.url));
// Large enough for the biggest upload the contract accepts (a 60 MB roster, base64-encoded).
const MAX_BODY = 100 * 1024 * 1024;
/** After a 413, this much more of the refused body is read and dropped before the socket is cut. */
const DRAIN_LIMIT = 512 * 1024 * 1024;
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' blob:; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebShellOptions {
  db?: string;
  port?: number;
  dataDir: string;
  staticDir?: string;
  log?: (line: string) => void;
  /**
   * A fixed "today" (YYYY-MM-DD) for the whole session — tests, demos, `npm run web -- --today`.
   * The clock still runs from that morning, so stamps stay in order. Default: the real clock.
   */
  today?: string | null;
  /**
   * Folders the user named when starting the shell (`--allow-dir`, e.g. the USB stick): the
   * browser has no native file dialog, so besides the app's own folders (data folder, the
   * archive's folder and its 备份/) these are the only places endpoints read or write.
   */
  allowDirs?: string[];
  /** The largest request body accepted (tests: small); default 100 MB. */
  maxBody?: number;
  /**
   * Long calls (import, check, documents, packages) run on worker threads, so the request loop
   * answers jobs.status and everything else meanwhile (core/worker/runner.ts). Default on.
   */
  offThread?: boolean;
}

export interface WebShell {
  url: string;
  token: string;
  port: number;
  session: Session;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8', close = false): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': CSP,
    ...(close ? { connection: 'close', 'content-length': String(Buffer.byteLength(body)) } : {}),
  });
  // A refused body still arriving: the answer goes out now, but the socket is closed only once the
  // rest has been read — closing with bytes unread sends a reset the client may see before the 413.
  const req = res.req;
  if (close && !req.complete && !req.destroyed) {
    res.write(body);
    const finish = (): void => void res.end();
    req.once('end', finish);
    req.once('close', finish);
    return;
  }
  res.end(body);
}

class TooLarge extends Error {}

/**
 * The body, up to `max` bytes. Past it (declared or streamed) the promise rejects at once with
 * TooLarge, and the rest is read and thrown away — not left unread, which would make the socket
 * close with a reset that the client sees before our 413.
 */
export function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      discardRest(req);
      reject(new TooLarge());
      return;
    }
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= max) {
        chunks.push(c);
        return;
      }
      req.off('data', onData);
      chunks.length = 0;
      discardRest(req);
      reject(new TooLarge());
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Drains what the client still sends (a bounded amount: an endless body is cut off after it). */
function discardRest(req: IncomingMessage): void {
  let drained = 0;
  req.on('data', (c: Buffer) => {
    drained += c.length;
    if (drained > DRAIN_LIMIT) req.socket.destroy();
  });
  req.resume();
}

/** Compares as bytes of equal length: a header of another length or with non-ASCII is simply wrong. */
function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

interface Reply {
  status: number;
  body: string | Buffer;
  type?: string;
  /** Close the connection after the answer (a refused body is being drained). */
  close?: boolean;
}

const json = (status: number, value: unknown): Reply => ({ status, body: JSON.stringify(value) });
const refusal = (message: string) => ({ ok: false, error: { message, kind: 'refused', details: [] } });
const refusedToken = (): Reply => json(401, refusal('拒绝：缺少或错误的访问令牌。请用启动时显示的完整网址（含 token）重新打开本页。'));
const tooLarge = (max: number): Reply =>
  json(413, { ok: false, error: { message: `发送的内容太大（超过${Math.round(max / 1024 / 1024)}MB），已拒绝，档案没有任何改动。请分村导出后再分批导入。`, kind: 'usage', details: [] } });

function serveStatic(staticDir: string, urlPath: string): Reply {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return json(404, {});
  }
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  const file = join(staticDir, rel);
  if (!file.startsWith(staticDir + sep) && file !== staticDir) return json(404, {});
  const target = existsSync(file) && statSync(file).isFile() ? file : join(staticDir, 'index.html');
  if (!existsSync(target)) {
    return { status: 503, body: '界面还没有构建：请先运行 npm run build:renderer（npm run web 会自动构建）。', type: 'text/plain; charset=utf-8' };
  }
  return { status: 200, body: readFileSync(target), type: TYPES[extname(target)] ?? 'application/octet-stream' };
}

export async function startWebShell(opts: WebShellOptions): Promise<WebShell> {
  const session = createSession({ dataDir: opts.dataDir, clock: clockFor(opts.today), shell: '浏览器界面' });
  if (opts.db) session.open(opts.db);
  const guard = pathGuardOf(session);
  guard.hint = '浏览器外壳没有文件对话框：请使用档案所在文件夹或数据文件夹，或在启动时用 --allow-dir 文件夹 指定允许使用的文件夹（例如 U 盘）。';
  for (const d of opts.allowDirs ?? []) guard.allowFolder(d);
  const runner = opts.offThread === false ? null : new JobRunner();
  const dispatch = createCoreDispatch(session, (e) => opts.log?.(`内部错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`), runner);
  const token = randomBytes(24).toString('hex');
  const staticDir = opts.staticDir ?? DEFAULT_STATIC_DIR;
  let port = 0;

  async function route(req: IncomingMessage): Promise<Reply> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return json(403, { error: '拒绝：Host 不是本机地址' });
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(405, {});
      return serveStatic(staticDir, url.pathname);
    }
    if (req.method !== 'POST') return json(405, {});
    const origin = req.headers.origin;
    if (origin && origin !== `http://${host}`) return json(403, { error: '拒绝：请求来自其他网页' });
    if (!sameToken(req.headers['x-relief-token'], token)) return refusedToken();
    let input: unknown;
    try {
      const body = await readBody(req, opts.maxBody ?? MAX_BODY);
      input = body ? JSON.parse(body) : {};
    } catch (e) {
      if (e instanceof TooLarge) return { ...tooLarge(opts.maxBody ?? MAX_BODY), close: true };
      return json(400, { ok: false, error: { message: '请求内容不是有效的 JSON，已拒绝。', kind: 'usage', details: [] } });
    }
    return json(200, await dispatch(url.pathname.slice('/api/'.length), input));
  }

  const server = createServer((req, res) => {
    route(req).then(
      (r) => {
        send(res, r.status, r.body, r.type, r.close);
      },
      (e: unknown) => {
        opts.log?.(`内部错误：${String(e)}`);
        send(res, 500, JSON.stringify({ ok: false, error: { message: '程序内部错误，请重试。', kind: 'internal', details: [] } }));
      },
    );
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    session,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          session.close();
          void (runner?.close() ?? Promise.resolve()).then(resolve);
        });
      }),
  };
}
