// `npm run preview`: the real renderer in an ordinary browser, for a person to look at and click
// through, with no Electron. It runs the same Node side as the e2e journeys (simulator + real core,
// a token already stored, so the list shows at once) and replaces the preload with an HTTP bridge:
//   POST /__ipc/<channel>  {"request": ...}  -> the router's Result as JSON
//   GET  /__events                           -> server-sent events, data: {"channel","payload"}
// The page gets `window.vps` from dev/page/http-bridge.ts (served as /__bridge.js, injected
// before the app's module script). For this preview only, the CSP's connect-src becomes 'self'.
//
// Who may call: only the page this run served. Each run makes a random token and writes it into that
// page (a <meta>, which no other site can read); every bridge request must carry it (a header on
// POST, a query parameter on the event stream, which cannot send headers), or it is refused. On top:
// the Host must be the preview's own (a DNS-rebound name could otherwise read the page and its token),
// an Origin header, when present, must be the preview's origin, and the router checks the "sender
// frame", here the request's Referer (Chromium sends the full page URL for same-origin fetch and
// EventSource). It listens on 127.0.0.1 only.
//
// Usage: npm run preview -- [--port 5174] [--servers 25] [--speed 10] [--accounts 2]
// (--accounts N: N simulated accounts with different servers, in one merged list)
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildE2eAssets, DEFAULT_ASSETS_DIR, freshAssetsDir, readBridgeScript, removeAssetsDir } from './assets';
import { startBackend, type Backend } from './harness';
import { CONTENT_SECURITY_POLICY } from '../main/desktop/security';
import { isAppPageUrl } from '../main/ipc/router';

export const DEFAULT_PREVIEW_PORT = 5174;
const BRIDGE_PATH = '/__bridge.js';
const IPC_PREFIX = '/__ipc/';
const EVENTS_PATH = '/__events';
const MAX_IPC_BODY_BYTES = 1024 * 1024;
/** The page's <meta name=...> holding the run's token (dev/page/http-bridge.ts reads it). */
export const PREVIEW_TOKEN_META = 'vps-preview-token';
/** The header carrying the token on IPC calls. */
export const PREVIEW_TOKEN_HEADER = 'x-vps-preview-token';
/** The query parameter carrying the token on the event stream. */
export const PREVIEW_TOKEN_PARAM = 'token';

export interface PreviewOptions {
  /** Default 5174; 0 picks a free port (tests). */
  port?: number;
  /** Size of the simulated account. Default 25. */
  servers?: number;
  /** Simulator time scale. Default 10, as in demo mode. */
  speed?: number;
  /** Simulated accounts, each on a simulator of its own with other servers. Default 1. */
  accounts?: number;
  /**
   * Build the renderer and the bridges first, into a folder of the preview's own (removed on close).
   * The CLI does; tests reuse the e2e run's build (`assetsDir`).
   */
  build?: boolean;
  /** The build folder to serve when not building; default DEFAULT_ASSETS_DIR. */
  assetsDir?: string;
}

export interface Preview {
  /** The page to open, e.g. http://127.0.0.1:5174/index.html */
  url: string;
  /** This run's secret: in the page it serves, required on every bridge request. */
  token: string;
  backend: Backend;
  close(): Promise<void>;
}

/** connect-src 'self' instead of whatever the policy says (the HTTP bridge talks to its own origin). */
export function relaxConnectSrc(policy: string): string {
  const directives = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !directive.startsWith('connect-src'));
  return [...directives, "connect-src 'self'"].join('; ');
}

/** A fresh per-run secret (256 bits, URL-safe). */
export function newPreviewToken(): string {
  return randomBytes(32).toString('base64url');
}

/** True when `given` is the run's token (compared in constant time). */
export function isPreviewToken(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The page with the run's token in a <meta> and the bridge script, both before the app's module
 * script (the bridge reads the token as it runs), and the meta CSP relaxed.
 */
export function injectBridge(html: string, token: string): string {
  const moduleScript = html.indexOf('<script type="module"');
  if (moduleScript < 0) throw new Error('index.html has no module script to put the bridge before.');
  if (!/^[\w-]+$/.test(token)) throw new Error('the preview token must be URL-safe base64.');
  const injected = `<meta name="${PREVIEW_TOKEN_META}" content="${token}" />\n    <script src=".${BRIDGE_PATH}"></script>\n    `;
  const withBridge = `${html.slice(0, moduleScript)}${injected}${html.slice(moduleScript)}`;
  return withBridge.replace(
    /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i,
    (_whole, before: string, policy: string, after: string) => `${before}${relaxConnectSrc(policy)}${after}`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_IPC_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

/** The token a bridge request carries: the header, or on the event stream the query parameter. */
function requestToken(req: IncomingMessage, url: URL): string | null {
  const header = req.headers[PREVIEW_TOKEN_HEADER];
  if (typeof header === 'string') return header;
  return url.pathname === EVENTS_PATH ? url.searchParams.get(PREVIEW_TOKEN_PARAM) : null;
}

/** The "sender frame" URL the router checks, from the request's Origin and Referer. */
function senderUrl(req: IncomingMessage, pageOrigin: string): string {
  const { origin, referer } = req.headers;
  if (origin !== undefined && origin !== pageOrigin) return '';
  return referer ?? '';
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const ownBuild = options.build ? await buildE2eAssets(freshAssetsDir()) : undefined;
  try {
    return await startPreviewFrom(ownBuild ?? options.assetsDir ?? DEFAULT_ASSETS_DIR, options, ownBuild);
  } catch (error) {
    if (ownBuild !== undefined) await removeAssetsDir(ownBuild);
    throw error;
  }
}

async function startPreviewFrom(
  assetsDir: string,
  options: PreviewOptions,
  ownBuild: string | undefined,
): Promise<Preview> {
  const bridgeScript = await readBridgeScript('http-bridge.js', assetsDir);
  const token = newPreviewToken();
  const eventStreams = new Set<ServerResponse>();
  // Assigned right after startBackend; no request can arrive before its server listens.
  let backend: Backend | undefined;

  const openEventStream = (req: IncomingMessage, res: ServerResponse, current: Backend) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    eventStreams.add(res);
    // A connected page is an open popup: the core polls at the "open" interval meanwhile.
    current.core.setPopupOpen(true);
    req.on('close', () => {
      eventStreams.delete(res);
      if (eventStreams.size === 0) current.core.setPopupOpen(false);
    });
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { pathname } = url;
    // Another name resolving to 127.0.0.1 (DNS rebinding) would be same-origin with its own page: it
    // gets nothing, not even the page with the token.
    if (backend && req.headers.host !== new URL(backend.server.url).host) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end(`open ${backend.pageUrl}`);
      return true;
    }
    if (pathname === '/') {
      res.writeHead(302, { location: '/index.html' }).end();
      return true;
    }
    if (pathname === BRIDGE_PATH) {
      res
        .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
        .end(bridgeScript);
      return true;
    }
    if (pathname !== EVENTS_PATH && !pathname.startsWith(IPC_PREFIX)) return false;
    const current = backend;
    if (!current) {
      res.writeHead(503).end();
      return true;
    }
    if (!isPreviewToken(requestToken(req, url), token)) {
      res.writeHead(403).end("forbidden: not the preview's page (no or a wrong token)");
      return true;
    }
    const sender = { url: senderUrl(req, new URL(current.server.url).origin) };
    // The router checks every IPC call itself; the event stream is checked here with the same rule.
    if (!isAppPageUrl(sender.url, current.pageUrl)) {
      res.writeHead(403).end('forbidden: not the app page');
      return true;
    }
    if (pathname === EVENTS_PATH) {
      openEventStream(req, res, current);
      return true;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return true;
    }
    let body: unknown;
    try {
      body = await readJsonBody(req);
    } catch {
      sendJson(res, 400, { error: 'expected a JSON body {"request": ...}' });
      return true;
    }
    const channel = decodeURIComponent(pathname.slice(IPC_PREFIX.length));
    // The router checks the sender again and validates the payload; it never throws.
    sendJson(res, 200, await current.core.router.handle(channel, isRecord(body) ? body.request : undefined, sender));
    return true;
  };

  backend = await startBackend({
    assetsDir,
    withToken: true,
    accounts: options.accounts ?? 1,
    simulator: { servers: options.servers ?? 25, speed: options.speed ?? 10 },
    port: options.port ?? DEFAULT_PREVIEW_PORT,
    csp: relaxConnectSrc(CONTENT_SECURITY_POLICY),
    transformIndex: (html) => injectBridge(html, token),
    extraRoute: route,
  });
  const unsubscribe = backend.core.onEvent((channel, payload) => {
    const line = `data: ${JSON.stringify({ channel, payload })}\n\n`;
    for (const stream of eventStreams) stream.write(line);
  });
  const started = backend;
  return {
    url: started.pageUrl,
    token,
    backend: started,
    async close() {
      unsubscribe();
      for (const stream of eventStreams) stream.end();
      eventStreams.clear();
      await started.close();
      if (ownBuild !== undefined) await removeAssetsDir(ownBuild);
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(DEFAULT_PREVIEW_PORT) },
      servers: { type: 'string', default: '25' },
      speed: { type: 'string', default: '10' },
      accounts: { type: 'string', default: '1' },
    },
  });
  const accounts = Number(values.accounts);
  if (!Number.isInteger(accounts) || accounts < 1 || accounts > 9)
    throw new Error(`--accounts: not a count from 1 to 9: ${values.accounts}`);
  const port = Number(values.port);
  const servers = Number(values.servers);
  const speed = Number(values.speed);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port: not a port number: ${values.port}`);
  if (!Number.isInteger(servers) || servers < 0) throw new Error(`--servers: not a count: ${values.servers}`);
  if (!(speed > 0)) throw new Error(`--speed: not a positive number: ${values.speed}`);
  const preview = await startPreview({ port, servers, speed, accounts, build: true });
  const what = accounts === 1 ? `simulated account, ${servers} servers` : `${accounts} simulated accounts`;
  console.log(`VPS.org Tray preview: open ${preview.url}  (${what}; Ctrl-C stops)`);
  const stop = () => {
    void preview.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
