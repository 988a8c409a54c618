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
// Beside it, the preview's own page (`/`, dev/preview-shell.ts) frames the popup and adds a panel: the
// API's error states switched live (dev/preview-faults.ts) and the app's desktop notifications as toasts.
//
// Usage: npm run preview -- --help   (the options: dev/preview-cli.ts)
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildE2eAssets, DEFAULT_ASSETS_DIR, freshAssetsDir, readBridgeScript, removeAssetsDir } from './assets';
import { startBackend, type Backend } from './harness';
import { CONTENT_SECURITY_POLICY } from '../main/desktop/security';
import { isAppPageUrl } from '../main/ipc/router';
import { InvokeChannel } from '../common/contract';
import {
  checkPortFree,
  DEFAULT_PREVIEW_PORT,
  explainListenError,
  parsePreviewArgs,
  previewHelp,
  UsageError,
} from './preview-cli';
import { createFaultSwitch, type FaultSwitch, type PreviewFault } from './preview-faults';
import { createShell, readPanelScript, readPanelStyle, SHELL_EVENTS_PATH } from './preview-shell';
import { seedWeek } from './preview-history';
import { startRelay, type Relay } from './relay';

export { DEFAULT_PREVIEW_PORT } from './preview-cli';

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
  /** Error states on from the start (dev/preview-faults.ts). Default none. */
  faults?: PreviewFault[];
}

export interface Preview {
  /** The app page alone, e.g. http://127.0.0.1:5174/index.html */
  url: string;
  /** The page to open: the popup in its frame and the panel, e.g. http://127.0.0.1:5174/ */
  shellUrl: string;
  /** The error states, as the page's panel switches them. */
  faults: FaultSwitch;
  /** This run's secret: in the page it serves, required on every bridge request. */
  token: string;
  backend: Backend;
  /** Resolves once the poll the last fault switch started has ended: the app has read the API with it. */
  switched(): Promise<void>;
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

/** The app page's header policy in the preview: connect-src 'self', and framed by the preview's own page only. */
export function previewPagePolicy(policy: string): string {
  const directives = relaxConnectSrc(policy)
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'));
  return [...directives, "frame-ancestors 'self'"].join('; ');
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

/** The token a bridge request carries: the header, or on an event stream the query parameter. */
function requestToken(req: IncomingMessage, url: URL): string | null {
  const header = req.headers[PREVIEW_TOKEN_HEADER];
  if (typeof header === 'string') return header;
  return url.pathname === EVENTS_PATH || url.pathname === SHELL_EVENTS_PATH
    ? url.searchParams.get(PREVIEW_TOKEN_PARAM)
    : null;
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
  // A taken port is told before the build, not after it.
  await checkPortFree(options.port ?? DEFAULT_PREVIEW_PORT);
  const ownBuild = options.build ? await buildE2eAssets(freshAssetsDir()) : undefined;
  try {
    if (ownBuild !== undefined) await readPanelScript(ownBuild);
    return await startPreviewFrom(ownBuild ?? options.assetsDir ?? DEFAULT_ASSETS_DIR, options, ownBuild);
  } catch (error) {
    if (ownBuild !== undefined) await removeAssetsDir(ownBuild);
    throw error;
  }
}

/**
 * A poll that reads the API as it is now. `refreshNow` joins a poll in flight, which may have read the
 * API before now (before a fault was switched); once that one ended, the next refresh starts one.
 */
async function pollAfterNow(core: Backend['core']): Promise<void> {
  await core.refreshNow();
  await core.refreshNow();
}

/** The accounts' index whose session ended (rejected token): what `revoked` switched off restores. */
function rejectedAccounts(backend: Backend): number[] {
  const auth = backend.core.authState();
  return backend.sims.flatMap((_, index) => {
    const id = index === 0 ? 'default' : `account-${index + 1}`;
    if (auth.mode === 'none') return [index];
    if (auth.mode !== 'token') return [];
    return auth.accounts?.find((account) => account.id === id)?.notice ? [index] : [];
  });
}

/** Enters each rejected account's token again through the router, as a person pasting it would. */
async function reenterTokens(backend: Backend): Promise<void> {
  // Token setup fills the first account not polled: in the list's order, the lowest index first.
  for (const index of rejectedAccounts(backend)) {
    const request = { token: backend.sims[index]!.token };
    await backend.core.router.handle(InvokeChannel.tokenSet, request, { url: backend.pageUrl });
  }
}

/** Where the request came in (the preview listens on 127.0.0.1 only): its Host and URL. */
function ownAddress(req: IncomingMessage): { host: string; url: string } {
  const host = `127.0.0.1:${req.socket.localPort ?? 0}`;
  return { host, url: `http://${host}/` };
}

async function startPreviewFrom(
  assetsDir: string,
  options: PreviewOptions,
  ownBuild: string | undefined,
): Promise<Preview> {
  const bridgeScript = await readBridgeScript('http-bridge.js', assetsDir);
  const token = newPreviewToken();
  const eventStreams = new Set<ServerResponse>();
  const relays: Relay[] = [];
  // Assigned right after startBackend; no request can arrive before its server listens.
  let backend: Backend | undefined;
  const faults = createFaultSwitch(options.faults ?? [], () => (backend ? reenterTokens(backend) : Promise.resolve()));
  let panelScript: Promise<string> | undefined;
  const hasToken = (req: IncomingMessage, url: URL) => isPreviewToken(requestToken(req, url), token);
  const ownOrigin = () => (backend ? new URL(backend.server.url).origin : '');
  const shell = createShell({
    token,
    metaName: PREVIEW_TOKEN_META,
    hasToken,
    origin: ownOrigin,
    faults,
    panelScript: () => (panelScript ??= readPanelScript(assetsDir)),
    panelStyle: readPanelStyle,
    readBody: readJsonBody,
  });

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
    // gets nothing, not even the page with the token. The own Host is known from the socket, so this
    // holds from the first request on, while the backend is still starting too.
    const own = ownAddress(req);
    if (req.headers.host !== own.host) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end(`open ${own.url}`);
      return true;
    }
    if (await shell.route(req, res, url)) return true;
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
    if (!hasToken(req, url)) {
      res.writeHead(403).end("forbidden: not the preview's page (no or a wrong token)");
      return true;
    }
    const sender = { url: senderUrl(req, ownOrigin()) };
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

  const port = options.port ?? DEFAULT_PREVIEW_PORT;
  const historyDirectory = mkdtempSync(join(tmpdir(), 'vps-preview-history-'));
  try {
    backend = await startBackend({
      assetsDir,
      withToken: true,
      accounts: options.accounts ?? 1,
      simulator: { servers: options.servers ?? 25, speed: options.speed ?? 10 },
      port,
      csp: previewPagePolicy(CONTENT_SECURITY_POLICY),
      transformIndex: (html) => injectBridge(html, token),
      extraRoute: route,
      // The app talks to each simulator through a relay, which `offline` switches off.
      history: { directory: historyDirectory, beforeStart: (sims) => seedWeek(historyDirectory, sims) },
      apiBaseUrl: async (sim) => {
        const relay = await startRelay(sim.baseUrl);
        relays.push(relay);
        await faults.add({ sim, relay });
        return relay.baseUrl;
      },
    });
  } catch (error) {
    for (const relay of relays) await relay.close();
    rmSync(historyDirectory, { recursive: true, force: true });
    throw explainListenError(error, port);
  }
  const started = backend;
  const unsubscribe = backend.core.onEvent((channel, payload) => {
    const line = `data: ${JSON.stringify({ channel, payload })}\n\n`;
    for (const stream of eventStreams) stream.write(line);
  });
  // A switched fault shows at once: the app polls now instead of at its next turn.
  let switchPoll = Promise.resolve();
  const unsubscribeFaults = faults.onChange(() => {
    switchPoll = pollAfterNow(started.core).catch(() => undefined);
  });
  // What the app would show on the desktop, as toasts in the preview's page.
  const unsubscribeNotifications = backend.ports.notifier.onNotify(shell.notify);
  return {
    url: started.pageUrl,
    shellUrl: started.server.url,
    faults,
    token,
    backend: started,
    switched: () => switchPoll,
    async close() {
      unsubscribe();
      unsubscribeNotifications();
      unsubscribeFaults();
      shell.close();
      for (const stream of eventStreams) stream.end();
      eventStreams.clear();
      await started.close();
      for (const relay of relays) await relay.close();
      if (ownBuild !== undefined) await removeAssetsDir(ownBuild);
      rmSync(historyDirectory, { recursive: true, force: true });
    },
  };
}

async function main(args: string[]): Promise<void> {
  const parsed = parsePreviewArgs(args);
  if (parsed === 'help') {
    process.stdout.write(previewHelp());
    return;
  }
  const { accounts, servers, faults } = parsed;
  const preview = await startPreview({ ...parsed, build: true });
  const what = accounts === 1 ? `simulated account, ${servers} servers` : `${accounts} simulated accounts`;
  const on = faults.length > 0 ? `; faults on: ${faults.join(', ')}` : '';
  console.log(`VPS.org Tray preview: open ${preview.shellUrl}  (${what}${on}; Ctrl-C stops)`);
  const stop = () => {
    void preview.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    // A mistake in the command line or a taken port: one line, no stack trace.
    console.error(`preview: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
