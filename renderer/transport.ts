// How the renderer reaches the archive. In Electron the preload exposes `reliefArchive.invoke`;
// in the browser shell every call is POST /api/<channel> with the session token in a header.
// Either way the answer is an Envelope, never a thrown error, so failures here become one too.
import type { Envelope, Transport } from '../shared/api/index.ts';

export interface ReliefBridge {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
}

export const TOKEN_HEADER = 'x-relief-token';
const TOKEN_KEY = 'relief-archive:token';

function failure(message: string, detail: string): Envelope<unknown> {
  return { ok: false, error: { message, kind: 'internal', details: [detail] } };
}

export function ipcTransport(bridge: ReliefBridge): Transport {
  return async (channel, input) => {
    try {
      return await bridge.invoke(channel, input);
    } catch (e) {
      return failure('与档案程序的连接出错，这次操作没有完成。请重试；如果再次出现，请重新启动程序。', String(e));
    }
  };
}

type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{
  status: number;
  json(): Promise<unknown>;
}>;

function isEnvelope(v: unknown): v is Envelope<unknown> {
  return typeof v === 'object' && v !== null && 'ok' in v && typeof v.ok === 'boolean';
}

export function httpTransport(fetchFn: Fetch, token: string | null, base = '/api/'): Transport {
  return async (channel, input) => {
    let res;
    try {
      res = await fetchFn(`${base}${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { [TOKEN_HEADER]: token } : {}) },
        body: JSON.stringify(input ?? {}),
      });
    } catch (e) {
      return failure('连接不上档案服务：请确认启动它的命令行窗口没有关闭，然后刷新页面。', String(e));
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch (e) {
      body = String(e);
    }
    if (isEnvelope(body)) return body;
    if (res.status === 401 || res.status === 403) {
      return failure('访问凭据无效：请用启动档案服务时显示的完整网址（含 token）重新打开页面。', `HTTP ${res.status}`);
    }
    return failure('档案服务返回了无法识别的内容，这次操作可能没有完成。请刷新页面后重试。', `HTTP ${res.status}`);
  };
}

interface TokenPlace {
  href: string;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  replaceUrl(url: string): void;
}

/**
 * Reads `?token=` from the page address once, removes it from the address bar (so it is not
 * bookmarked, shared or left in history) and keeps it for the tab: sessionStorage survives a
 * reload of this tab only, which the draft-restore offer depends on.
 */
export function takeToken(place: TokenPlace): string | null {
  const url = new URL(place.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    url.searchParams.delete('token');
    place.replaceUrl(url.pathname + url.search + url.hash);
    try {
      place.storage?.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // storage may be disabled: the token then lives in memory only
    }
    return fromUrl;
  }
  try {
    return place.storage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}
