// The popup's own origin: the privileged `app:` scheme serves the built renderer folder, and nothing
// else, instead of file:// (where every page shares one origin with the whole disk and no response
// has headers). Each response carries the CSP and the file's MIME type (module scripts are refused
// without a JavaScript one). Plain: app-protocol-setup.ts hands it Electron's requests and fs.readFile.
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { withSecurityHeaders } from './security';

export const APP_SCHEME = 'app';
/**
 * `standard` gives the page a real origin (relative URLs, same-origin lazy chunks); `secure` as https;
 * `codeCache`: V8 keeps the compiled code of the popup's scripts (Electron caches only http(s) unless a
 * standard scheme asks), so a page loaded again, in a new window, skips compiling them.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, codeCache: true } as const;
const POPUP_HOST = 'popup';
/** The popup page: the only IPC sender main trusts. */
export const POPUP_PAGE_URL = `${APP_SCHEME}://${POPUP_HOST}/index.html`;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

/** The MIME type of a file by its extension; unknown ones are opaque bytes (nosniff keeps them so). */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file inside `root` that an `app://popup/...` URL names, or null: another scheme or host,
 * credentials, an undecodable path, a backslash or NUL, or a path leading outside `root` (`..`,
 * also percent-encoded, or an absolute path on another drive).
 */
export function resolveAppFile(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== POPUP_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // Windows reads a backslash as a separator; NUL ends a path in C.
  if (path.includes('\\') || path.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path === '/' ? '/index.html' : path}`);
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

export interface AppRequestLike {
  url: string;
  method: string;
}

export interface AppProtocolDeps {
  /** The built renderer folder (dist/renderer, inside app.asar when packaged). */
  root: string;
  /** Rejects for a missing file or a folder. */
  readFile(path: string): Promise<Uint8Array<ArrayBuffer>>;
}

/** The security headers (security.ts) and `extra`, as a Response takes them. */
function responseHeaders(extra: Record<string, string>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(withSecurityHeaders(extra)))
    for (const each of Array.isArray(value) ? value : [value]) headers.append(name, each);
  return headers;
}

function refusal(status: number): Response {
  return new Response(null, { status, headers: responseHeaders({}) });
}

/** Answers one request of the `app:` scheme: a file of the renderer folder with its headers, or a refusal. */
export async function serveAppRequest(request: AppRequestLike, deps: AppProtocolDeps): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
  const file = resolveAppFile(request.url, deps.root);
  if (file === null) return refusal(403);
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await deps.readFile(file);
  } catch {
    return refusal(404);
  }
  const headers = responseHeaders({ 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-cache' });
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}
