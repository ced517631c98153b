// Where the app's own page lives, and therefore what counts as "ours": the built renderer
// (file://…/dist/renderer/index.html) or, in development, a Vite server on this machine.
// Everything the security rules and the IPC sender check decide comes from this one value.
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface AppLocation {
  /** What the window loads. */
  pageUrl: string;
  /** The built renderer folder: the only place file:// requests may read from. */
  rendererDir: string;
  /** The dev server's origin (`http://localhost:5173`) when RELIEF_DEV_URL is set. */
  devOrigin: string | null;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The dev server must be on this machine: the app never shows remote content. */
export function parseDevUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`RELIEF_DEV_URL“${value}”不是有效的网址，例如 http://localhost:5173/`);
  }
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) {
    throw new Error(`RELIEF_DEV_URL 只能指向本机的开发服务器（http://localhost:端口/），不能是“${value}”。`);
  }
  return url;
}

export function appLocation(appRoot: string, devUrl?: string): AppLocation {
  const rendererDir = join(appRoot, 'dist', 'renderer');
  if (devUrl) {
    const url = parseDevUrl(devUrl);
    return { pageUrl: url.href, rendererDir, devOrigin: url.origin };
  }
  return { pageUrl: pathToFileURL(join(rendererDir, 'index.html')).href, rendererDir, devOrigin: null };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The app's own page (any route inside it: hash and query are ignored). */
export function isAppPage(url: string, loc: AppLocation): boolean {
  const u = parse(url);
  if (!u) return false;
  if (loc.devOrigin) return u.origin === loc.devOrigin;
  const page = new URL(loc.pageUrl);
  return u.protocol === 'file:' && u.pathname === page.pathname && u.host === page.host;
}

function insideRenderer(fileUrl: URL, loc: AppLocation): boolean {
  let path: string;
  try {
    path = fileURLToPath(fileUrl);
  } catch {
    return false;
  }
  const rel = relative(loc.rendererDir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * May the page load this? Its own files, inline data and blobs, the dev server (and its
 * hot-reload socket) in development, and the built-in devtools. Nothing from the network.
 */
export function isAllowedRequest(url: string, loc: AppLocation): boolean {
  const u = parse(url);
  if (!u) return false;
  switch (u.protocol) {
    case 'data:':
    case 'blob:':
    case 'devtools:':
      return true;
    case 'file:':
      return insideRenderer(u, loc);
    case 'http:':
      return loc.devOrigin !== null && u.origin === loc.devOrigin;
    case 'ws:':
      return loc.devOrigin !== null && u.host === new URL(loc.devOrigin).host;
    default:
      return false;
  }
}
