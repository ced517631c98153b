// The window's security in one place: web preferences, the content security policy, and the
// handlers that keep the page on the app (no navigation away, no new windows, no webviews,
// no permissions, no request that is not the app's own file). Each takes a narrow structural
// type so the tests can hand in fakes instead of Electron.
import type { Event, HandlerDetails, WebPreferences, WindowOpenHandlerResponse } from 'electron';
import type { AppLocation } from './app-location.ts';
import { isAllowedRequest, isAppPage } from './app-location.ts';

/** Strict: own scripts only; inline styles because antd (CSS-in-JS) injects them. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' blob:",
  // The documents page previews a rendered PDF in a frame from a blob: URL.
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * In development only, Vite's React refresh preamble is an inline module script and its
 * hot-reload socket is a ws:// connection to the dev server; the built app gets {@link CSP}.
 */
export function cspFor(loc: AppLocation): string {
  if (!loc.devOrigin) return CSP;
  const ws = loc.devOrigin.replace(/^http/, 'ws');
  return CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self' blob:", `connect-src 'self' blob: ${ws}`);
}

export function webPreferences(preload: string, opts: { devTools: boolean }): WebPreferences {
  // The `remote` module no longer exists in Electron (removed in 14); nothing to switch off.
  return {
    preload,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools: opts.devTools,
  };
}

type NavigationListener = (event: Pick<Event, 'preventDefault'>, url: string) => void;

export interface ContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: NavigationListener): unknown;
  on(event: 'will-attach-webview', listener: (event: Pick<Event, 'preventDefault'>) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
}

/** Applied to every web contents the app creates (app 'web-contents-created'). */
export function hardenContents(contents: ContentsLike, loc: AppLocation, log: (message: string) => void = () => undefined): void {
  const stayOnApp: NavigationListener = (event, url) => {
    if (isAppPage(url, loc)) return;
    event.preventDefault();
    log(`已阻止离开本程序的跳转：${url}`);
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-redirect', stayOnApp);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler((details) => {
    log(`已阻止打开新窗口：${details.url}`);
    return { action: 'deny' };
  });
}

type Headers = Record<string, string[]>;

export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
    onHeadersReceived(
      listener: (details: { url: string; responseHeaders?: Headers }, callback: (response: { responseHeaders: Headers }) => void) => void,
    ): void;
  };
}

/** The response headers with ours added; any CSP the server sent is replaced, not merged. */
export function withCsp(headers: Headers | undefined, csp: string): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  out['X-Content-Type-Options'] = ['nosniff'];
  return out;
}

/**
 * The session the window uses. The CSP header covers the dev server; whether Electron runs
 * onHeadersReceived for file:// has changed between versions, so the built index.html must
 * also carry the policy in a <meta> tag (see electron/README.md).
 */
export function hardenSession(ses: SessionLike, loc: AppLocation, log: (message: string) => void = () => undefined): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`已拒绝权限请求：${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, loc);
    if (!allowed) log(`已阻止外部请求：${details.url}`);
    callback({ cancel: !allowed });
  });
  const csp = cspFor(loc);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
}
