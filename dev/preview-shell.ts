// The preview's own page, around the popup: `/` shows the app page (index.html) in a frame of the
// popup's size and, beside it, a panel (dev/page/preview-panel.ts) that switches the error states
// (dev/preview-faults.ts) and shows the desktop notifications the app sends as toasts. None of it is in
// the app's DOM. Its endpoints have the bridge's rules: the run's token, the preview's own Host (checked
// before this runs), Origin when sent, and as "sender" this page (its Referer) instead of the app page:
//   GET  /__preview/events?token=…   server-sent events: `faults` (the state, at once and on each change),
//                                    `notification` ({id, title, body, at})
//   POST /__preview/faults           {"fault": "5xx", "on": true} -> {"faults": {...}}
//   POST /__preview/click            {"id": 3}: the notification's click, as the desktop would deliver it
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isAppPageUrl } from '../main/ipc/router';
import { FAULT_HELP, isPreviewFault, PREVIEW_FAULTS, type FaultState, type FaultSwitch } from './preview-faults';
import type { RecordingNotifier } from './memory-ports';
import { bundlePageScript } from './assets';

/** The panel's style sheet (dev/page/preview-panel.css). */
export const readPanelStyle = (): Promise<string> =>
  readFile(new URL('./page/preview-panel.css', import.meta.url), 'utf8');

export const SHELL_PREFIX = '/__preview/';
export const SHELL_EVENTS_PATH = `${SHELL_PREFIX}events`;
export const SHELL_FAULTS_PATH = `${SHELL_PREFIX}faults`;
export const SHELL_CLICK_PATH = `${SHELL_PREFIX}click`;
const PANEL_SCRIPT_PATH = `${SHELL_PREFIX}panel.js`;
const PANEL_STYLE_PATH = `${SHELL_PREFIX}panel.css`;
const PANEL_SCRIPT_NAME = 'preview-panel.js';
/** Clicks are kept for the latest notifications only. */
const CLICKS_KEPT = 50;

/** The shell page's policy: its own scripts and styles, the app page in a frame, calls to itself. */
export const SHELL_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface PreviewNotification {
  id: number;
  title: string;
  body: string;
  at: number;
}

/** The panel's script from the build folder, bundled there first when missing (e.g. an e2e run's build). */
export async function readPanelScript(assetsDir: string): Promise<string> {
  const path = join(assetsDir, PANEL_SCRIPT_NAME);
  const existing = await readFile(path, 'utf8').catch(() => null);
  if (existing !== null) return existing;
  await bundlePageScript(assetsDir, 'dev/page/preview-panel.ts', PANEL_SCRIPT_NAME);
  return readFile(path, 'utf8');
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The shell page: token, frame and the fault switches (server-rendered; the script wires them). */
export function shellHtml(token: string, state: FaultState, metaName: string): string {
  const switches = PREVIEW_FAULTS.map(
    (fault) => `<label class="fault"><input type="checkbox" name="${fault}"${state[fault] ? ' checked' : ''} />
          <span class="fault-name">${fault}</span><span class="fault-help">${escapeHtml(FAULT_HELP[fault])}</span></label>`,
  ).join('\n        ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="${metaName}" content="${token}" />
    <title>VPS.org Tray preview</title>
    <link rel="stylesheet" href="${PANEL_STYLE_PATH}" />
    <script src="${PANEL_SCRIPT_PATH}" defer></script>
  </head>
  <body>
    <main class="stage">
      <iframe class="popup" src="/index.html" title="The popup" width="380" height="560"></iframe>
      <aside class="panel" aria-label="Preview panel">
        <form class="faults" data-testid="preview-faults">
          <fieldset>
            <legend>API error states</legend>
        ${switches}
          </fieldset>
          <p class="fault-status" role="status" data-testid="fault-status"></p>
        </form>
        <section class="toasts" aria-label="Desktop notifications" data-testid="preview-toasts">
          <h2>Desktop notifications</h2>
          <p class="no-toasts">None yet. What the app would show on the desktop appears here.</p>
          <ol class="toast-list" aria-live="polite"></ol>
        </section>
      </aside>
    </main>
  </body>
</html>
`;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}

export interface ShellDeps {
  token: string;
  metaName: string;
  /** True when the request carries the run's token (header, or query parameter on the event stream). */
  hasToken(req: IncomingMessage, url: URL): boolean;
  /** e.g. http://127.0.0.1:5174 */
  origin(): string;
  faults: FaultSwitch;
  /** The panel's script and style, read (the script bundled when missing) at the first request. */
  panelScript(): Promise<string>;
  panelStyle(): Promise<string>;
  readBody(req: IncomingMessage): Promise<unknown>;
}

export interface Shell {
  route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** Shows a desktop notification as a toast in every open preview page (wired to the recording notifier). */
  notify: Parameters<RecordingNotifier['onNotify']>[0];
  close(): void;
}

export function createShell(deps: ShellDeps): Shell {
  const streams = new Set<ServerResponse>();
  const clicks = new Map<number, () => void>();
  let nextId = 1;
  const broadcast = (event: string, data: unknown) => {
    const text = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const stream of streams) stream.write(text);
  };
  const offFaults = deps.faults.onChange((state) => broadcast('faults', state));
  const notify: Shell['notify'] = ({ title, body }, onClick) => {
    const id = nextId++;
    if (onClick) clicks.set(id, onClick);
    for (const old of clicks.keys()) if (clicks.size > CLICKS_KEPT) clicks.delete(old);
    broadcast('notification', { id, title, body, at: Date.now() } satisfies PreviewNotification);
  };

  /** The panel's calls: the token, Origin when sent, and the shell page as the Referer. */
  const allowed = (req: IncomingMessage, url: URL): boolean => {
    const { origin, referer } = req.headers;
    if (origin !== undefined && origin !== deps.origin()) return false;
    return deps.hasToken(req, url) && isAppPageUrl(referer ?? '', `${deps.origin()}/`);
  };

  const post = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    let body: unknown;
    try {
      body = await deps.readBody(req);
    } catch {
      return sendJson(res, 400, { error: 'expected a JSON body' });
    }
    const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    if (pathname === SHELL_FAULTS_PATH) {
      if (!isPreviewFault(record.fault) || typeof record.on !== 'boolean')
        return sendJson(res, 400, { error: `expected {"fault": ${PREVIEW_FAULTS.join('|')}, "on": boolean}` });
      return sendJson(res, 200, { faults: await deps.faults.set(record.fault, record.on) });
    }
    const click = typeof record.id === 'number' ? clicks.get(record.id) : undefined;
    click?.();
    return sendJson(res, 200, { clicked: click !== undefined });
  };

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const { pathname } = url;
    if (pathname === '/') {
      res
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': SHELL_POLICY,
          'cache-control': 'no-store',
        })
        .end(shellHtml(deps.token, deps.faults.state(), deps.metaName));
      return true;
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return true;
    }
    if (pathname === PANEL_SCRIPT_PATH || pathname === PANEL_STYLE_PATH) {
      const script = pathname === PANEL_SCRIPT_PATH;
      const text = await (script ? deps.panelScript() : deps.panelStyle());
      res
        .writeHead(200, {
          'content-type': script ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
          'cache-control': 'no-store',
        })
        .end(text);
      return true;
    }
    if (!pathname.startsWith(SHELL_PREFIX)) return false;
    if (![SHELL_EVENTS_PATH, SHELL_FAULTS_PATH, SHELL_CLICK_PATH].includes(pathname)) {
      res.writeHead(404).end('not found');
      return true;
    }
    if (!allowed(req, url)) {
      res.writeHead(403).end("forbidden: not the preview's page");
      return true;
    }
    if (pathname === SHELL_EVENTS_PATH) {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`event: faults\ndata: ${JSON.stringify(deps.faults.state())}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return true;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return true;
    }
    await post(req, res, pathname);
    return true;
  };

  return {
    route,
    notify,
    close() {
      offFaults();
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}
