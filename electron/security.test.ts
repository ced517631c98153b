// The window's security rules, against fakes of the Electron objects (never the real package).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appLocation, isAllowedRequest, isAppPage, parseDevUrl } from './app-location.ts';
import type { AppLocation } from './app-location.ts';
import { CSP, cspFor, hardenContents, hardenSession, webPreferences, withCsp } from './security.ts';
import type { ContentsLike, SessionLike } from './security.ts';

vi.mock('electron', () => {
  throw new Error('electron must not be imported by these tests');
});

const root = '/opt/扶贫档案/resources/app.asar';
const built = appLocation(root);
const dev = appLocation(root, 'http://localhost:5173/');

describe('web preferences', () => {
  it('isolate the page from Node and Electron', () => {
    const p = webPreferences('/app/preload.cjs', { devTools: false });
    expect(p).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(p).not.toHaveProperty('enableRemoteModule');
  });
});

describe('content security policy', () => {
  it('allows only own scripts, inline styles (antd), local images, nothing remote', () => {
    const d = Object.fromEntries(
      CSP.split('; ').map((s): [string, string] => {
        const [name = '', ...values] = s.split(' ');
        return [name, values.join(' ')];
      }),
    );
    expect(d).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'connect-src': "'self' blob:",
      'frame-src': "'self' blob:",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(cspFor(built)).toBe(CSP);
  });

  it('relaxes only for the local dev server (Vite preamble and hot reload)', () => {
    expect(cspFor(dev)).toContain("script-src 'self' 'unsafe-inline'");
    expect(cspFor(dev)).toContain("connect-src 'self' blob: ws://localhost:5173");
  });

  it('replaces a CSP the server sent instead of merging with it', () => {
    const h = withCsp({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] }, CSP);
    expect(h).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP], 'X-Content-Type-Options': ['nosniff'] });
  });
});

describe('what is ours', () => {
  const index = `file://${root}/dist/renderer/index.html`;
  it('the app page, any route in it', () => {
    expect(built.pageUrl).toBe(encodeURI(index));
    expect(isAppPage(built.pageUrl, built)).toBe(true);
    expect(isAppPage(`${built.pageUrl}#/households/1?x=1`, built)).toBe(true);
    expect(isAppPage('file:///etc/passwd', built)).toBe(false);
    expect(isAppPage('https://example.com/', built)).toBe(false);
    expect(isAppPage('http://localhost:5173/#/x', dev)).toBe(true);
    expect(isAppPage('http://localhost:5174/', dev)).toBe(false);
    expect(isAppPage('not a url', built)).toBe(false);
  });

  it('requests: own files, data and blobs; nothing from the network', () => {
    const ok = (u: string, loc: AppLocation = built) => isAllowedRequest(u, loc);
    expect(ok(`file://${root}/dist/renderer/assets/index-abc.js`)).toBe(true);
    expect(ok(`file://${root}/dist/renderer/../electron/main.cjs`)).toBe(false);
    expect(ok(`file://${root}/dist/electron/main.cjs`)).toBe(false);
    expect(ok('file:///home/clerk/青山镇.db')).toBe(false);
    expect(ok('data:image/png;base64,AAAA')).toBe(true);
    expect(ok('blob:file:///0f3c')).toBe(true);
    expect(ok('https://cdn.example.com/antd.css')).toBe(false);
    expect(ok('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(ok('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(ok('ws://localhost:5173/', dev)).toBe(true);
    expect(ok('http://example.com/', dev)).toBe(false);
    expect(ok('ftp://example.com/')).toBe(false);
  });

  it('a dev server must be on this machine', () => {
    expect(() => parseDevUrl('http://192.168.1.5:5173/')).toThrow(/只能指向本机/);
    expect(() => parseDevUrl('https://localhost:5173/')).toThrow(/只能指向本机/);
    expect(() => parseDevUrl('localhost')).toThrow(/不是有效的网址/);
    expect(parseDevUrl('http://127.0.0.1:5173').origin).toBe('http://127.0.0.1:5173');
  });
});

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(name: string, l: (event: { preventDefault(): void }, url?: string) => void) {
      listeners.set(name, l);
    },
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
      openHandler = h;
    },
  };
  hardenContents(contents as unknown as ContentsLike, built);
  const fire = (name: string, url?: string): boolean => {
    const event = { preventDefault: vi.fn() };
    listeners.get(name)!(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { fire, open: (url: string) => openHandler!({ url }) };
}

describe('web contents', () => {
  it('refuses navigation away from the app, allows its own routes', () => {
    const c = fakeContents();
    expect(c.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(c.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(c.fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(c.fire('will-navigate', `${built.pageUrl}#/villages`)).toBe(false);
  });

  it('denies every new window and every webview', () => {
    const c = fakeContents();
    expect(c.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(c.open(built.pageUrl)).toEqual({ action: 'deny' });
    expect(c.fire('will-attach-webview')).toBe(true);
  });
});

describe('session', () => {
  function fakeSession() {
    const s = {
      request: null as null | ((c: unknown, p: string, cb: (g: boolean) => void) => void),
      check: null as null | ((c: unknown, p: string) => boolean),
      before: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
      headers: null as null | ((d: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
    };
    const ses: SessionLike = {
      setPermissionRequestHandler: (h) => (s.request = h),
      setPermissionCheckHandler: (h) => (s.check = h),
      webRequest: { onBeforeRequest: (l) => (s.before = l), onHeadersReceived: (l) => (s.headers = l) },
    };
    hardenSession(ses, built);
    return s;
  }

  it('refuses every permission request and check', () => {
    const s = fakeSession();
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      s.request!({}, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(s.check!({}, p)).toBe(false);
    }
  });

  it('cancels remote requests and lets the app files through', () => {
    const s = fakeSession();
    const decide = (url: string) => {
      let r: { cancel: boolean } | null = null;
      s.before!({ url }, (x) => (r = x));
      return r;
    };
    expect(decide('https://www.baidu.com/')).toEqual({ cancel: true });
    expect(decide(built.pageUrl)).toEqual({ cancel: false });
  });

  it('sets the CSP header on every response', () => {
    const s = fakeSession();
    let r: { responseHeaders: Record<string, string[]> } | null = null;
    s.headers!({ url: built.pageUrl, responseHeaders: {} }, (x) => (r = x));
    expect(r!.responseHeaders['Content-Security-Policy']).toEqual([CSP]);
  });
});

describe('the shell stays offline', () => {
  it('no auto-update, crash reporting, network or external links in electron/', () => {
    const dir = import.meta.dirname;
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const f of sources) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/autoUpdater|crashReporter|openExternal|\bnet\.(request|fetch)|node:https?['"]|fetch\(/);
    }
  });
});
