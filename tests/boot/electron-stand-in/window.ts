// The stand-in's web side: `protocol`, `session` and `BrowserWindow`, whose page is a real headless
// Chromium page (playwright-core, dev/harness.ts's launch flags). A page of a privileged standard
// scheme (`app://popup/…`) is served by the app's own `protocol.handle` handler through Playwright
// routing; Chromium without Electron knows no `app:` scheme, so the page sits at
// `https://popup.app.scheme.invalid/…` and every URL is translated at the edge: requests back to
// `app://popup/…` for the handler, the sending frame's URL back to `app://popup/…` for ipcMain. The
// window's webPreferences.preload runs as page.ts describes. See index.ts for what this cannot prove.
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { launchChromium } from '../../../dev/harness';
import { app, requireNotReady, requireReady } from './app';
import { nativeTheme } from './desktop';
import { keyboardFocus } from './focus';
import { ipcMain, type StandInIpcEvent } from './ipc-main';
import { rendererInitScript, type PageChannelNames, type PageToNode } from './page';

// ---- protocol ---------------------------------------------------------------------------------

interface SchemePrivileges {
  standard?: boolean;
  secure?: boolean;
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

const privileged = new Map<string, SchemePrivileges>();
const handlers = new Map<string, ProtocolHandler>();

export const protocol = {
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: SchemePrivileges }>): void {
    requireNotReady('protocol.registerSchemesAsPrivileged');
    for (const { scheme, privileges } of schemes) privileged.set(scheme, { ...privileges });
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    requireReady('protocol.handle');
    if (handlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`);
    handlers.set(scheme, handler);
  },
};

/** Where Chromium loads `<scheme>://<host>/…`: a secure origin of its own per scheme and host. */
const PAGE_HOST_SUFFIX = '.scheme.invalid';

function toPageUrl(appUrl: URL): string {
  const privileges = privileged.get(appUrl.protocol.slice(0, -1));
  if (!privileges?.standard)
    throw new Error(`The stand-in loads only privileged standard schemes; ${appUrl.protocol} is not one`);
  return `https://${appUrl.host}.${appUrl.protocol.slice(0, -1)}${PAGE_HOST_SUFFIX}${appUrl.pathname}${appUrl.search}`;
}

/** The app URL a page URL stands for, or null for any other address. */
function toAppUrl(pageUrl: string): string | null {
  const url = new URL(pageUrl);
  if (url.protocol !== 'https:' || !url.hostname.endsWith(PAGE_HOST_SUFFIX)) return null;
  const [host, scheme] = url.hostname.slice(0, -PAGE_HOST_SUFFIX.length).split('.');
  if (!host || !scheme) return null;
  return `${scheme}://${host}${url.pathname}${url.search}`;
}

// ---- session ----------------------------------------------------------------------------------

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
) => void;

let onHeadersReceived: HeadersListener | null = null;

/** The default session: its headers listener runs on every response; no page asks for a permission. */
export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived: (listener: HeadersListener) => {
        onHeadersReceived = listener;
      },
    },
    setPermissionRequestHandler: (_handler: unknown) => {},
    setPermissionCheckHandler: (_handler: unknown) => {},
  },
};

const flattenHeaders = (all: Record<string, string | string[]>): Record<string, string> =>
  Object.fromEntries(Object.entries(all).map(([name, value]) => [name, [value].flat().join(', ')]));

/** The session's headers listener over a response's headers, as Electron runs it on each response. */
function headersAfterSession(url: string, headers: Headers): Promise<Record<string, string>> {
  const grouped: Record<string, string[]> = {};
  headers.forEach((value, name) => {
    (grouped[name] ??= []).push(value);
  });
  const listener = onHeadersReceived;
  if (!listener) return Promise.resolve(flattenHeaders(grouped));
  return new Promise((resolve) => {
    listener({ url, responseHeaders: grouped }, (response) =>
      resolve(flattenHeaders(response.responseHeaders ?? grouped)),
    );
  });
}

// ---- Chromium ---------------------------------------------------------------------------------

let browser: Promise<Browser> | null = null;

/** One Chromium for the app's life, started by the first page and closed when the app quits. */
function sharedBrowser(): Promise<Browser> {
  browser ??= launchChromium();
  return browser;
}

// ---- webContents ------------------------------------------------------------------------------

const CHANNEL_NAMES: PageChannelNames = {
  binding: '__electronStandInToMain',
  deliver: '__electronStandInDeliver',
};

let nextWebContentsId = 1;

interface WebPreferences {
  preload?: string;
  contextIsolation?: boolean;
  sandbox?: boolean;
  nodeIntegration?: boolean;
}

export class StandInWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  /** Errors thrown in the page, its console errors, and requests it made to anything but its scheme. */
  readonly pageErrors: string[] = [];
  #context: BrowserContext | null = null;
  #page: Page | null = null;
  #destroyed = false;
  /** `send` messages reach the page one after the other, in order. */
  #delivery: Promise<void> = Promise.resolve();

  constructor(
    readonly webPreferences: WebPreferences,
    readonly size: { width: number; height: number },
  ) {
    super();
  }

  /** The Chromium page, once loadURL started it. */
  get page(): Page | null {
    return this.#page;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** The page opens no windows (Chromium's own popups are not routed to a handler). */
  setWindowOpenHandler(_handler: (details: { url: string }) => { action: string }): void {}

  async loadURL(url: string): Promise<void> {
    const { preload, contextIsolation, sandbox, nodeIntegration } = this.webPreferences;
    // The stand-in models only the hardened renderer the app asks for.
    if (contextIsolation !== true || sandbox !== true || nodeIntegration === true)
      throw new Error('The stand-in runs only sandboxed, context-isolated pages without Node integration');
    const pageUrl = toPageUrl(new URL(url));
    const preloadSource = preload === undefined ? '' : await readFile(preload, 'utf8');
    const context = await (
      await sharedBrowser()
    ).newContext({
      viewport: this.size,
      locale: app.getSystemLocale(),
      colorScheme: nativeTheme.shouldUseDarkColors ? 'dark' : 'light',
    });
    this.#context = context;
    await context.route(
      () => true,
      (route) => this.#serve(route),
    );
    await context.exposeBinding(CHANNEL_NAMES.binding, (source, message: PageToNode) =>
      this.#fromPage(source.frame.url(), message),
    );
    if (preload !== undefined)
      await context.addInitScript({ content: rendererInitScript(CHANNEL_NAMES, preloadSource) });
    const page = await context.newPage();
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(message.text());
    });
    this.#page = page;
    await page.goto(pageUrl);
  }

  /** Runs an expression in the page (its main world) and answers its value, cloned. */
  async executeJavaScript(code: string): Promise<unknown> {
    if (!this.#page) throw new Error('executeJavaScript: no page loaded');
    return this.#page.evaluate(code);
  }

  /** Main to page, cloned as Electron clones it; in order, and dropped while no page is there. */
  send(channel: string, ...args: unknown[]): void {
    const cloned = structuredClone(args);
    const page = this.#page;
    if (!page) return;
    this.#delivery = this.#delivery.then(() =>
      page
        .evaluate(
          ([deliver, c, a]) => {
            const target = (globalThis as unknown as Record<string, (channel: string, args: unknown[]) => void>)[
              deliver
            ];
            // Before the preload ran (a navigation in progress) nobody listens yet.
            target?.(c, a);
          },
          [CHANNEL_NAMES.deliver, channel, cloned] as const,
        )
        .catch(() => {
          // The page went away meanwhile: the message is lost, as in Electron.
        }),
    );
  }

  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    this.#destroyed = true;
    const context = this.#context;
    this.#page = null;
    this.#context = null;
    await context?.close().catch(() => {});
  }

  async #fromPage(frameUrl: string, message: PageToNode): Promise<unknown> {
    const event: StandInIpcEvent = {
      sender: this,
      // The frame's URL as Electron reports it: the app's scheme, not the address Chromium used.
      senderFrame: { url: toAppUrl(frameUrl) ?? frameUrl },
    };
    return structuredClone(await ipcMain.invokeFromRenderer(event, message.channel, message.args));
  }

  async #serve(route: Route): Promise<void> {
    const request = route.request();
    const appUrl = toAppUrl(request.url());
    const handler = appUrl === null ? undefined : handlers.get(new URL(appUrl).protocol.slice(0, -1));
    if (appUrl === null || !handler) {
      // The app's CSP allows no other address; a request elsewhere is a finding, not a fetch.
      this.pageErrors.push(`request outside the app's scheme: ${request.method()} ${request.url()}`);
      await route.abort('blockedbyclient');
      return;
    }
    const response = await handler(new Request(appUrl, { method: request.method() }));
    const headers = await headersAfterSession(appUrl, response.headers);
    await route.fulfill({ status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) });
  }
}

// ---- BrowserWindow ----------------------------------------------------------------------------

/** The app's window options: the size and webPreferences are read; the rest is kept for the journeys. */
export interface BrowserWindowOptions {
  width?: number;
  height?: number;
  webPreferences?: WebPreferences;
  [option: string]: unknown;
}

export class StandInBrowserWindow extends EventEmitter {
  static readonly #open = new Set<StandInBrowserWindow>();
  /**
   * Windows after a tray click: the taskbar keeps the foreground, so a window shown then cannot take it;
   * `show()` is followed at once by `blur`, and `focus()` gets nothing (gitify#3064). A journey sets it.
   */
  static foregroundDenied = false;
  /** Every window ever created, oldest first (destroyed ones too). */
  static readonly created: StandInBrowserWindow[] = [];
  readonly webContents: StandInWebContents;
  /** How often the window lost focus (`blur`), and how often the app asked for focus. */
  readonly record = { blurs: 0, focusRequests: 0 };
  #visible = false;
  #destroyed = false;
  #position: [number, number] = [0, 0];
  readonly #size: [number, number];

  static getAllWindows(): StandInBrowserWindow[] {
    return [...StandInBrowserWindow.#open];
  }

  constructor(readonly options: BrowserWindowOptions = {}) {
    super();
    requireReady('BrowserWindow');
    this.#size = [options.width ?? 800, options.height ?? 600];
    this.webContents = new StandInWebContents(options.webPreferences ?? {}, {
      width: this.#size[0],
      height: this.#size[1],
    });
    StandInBrowserWindow.#open.add(this);
    StandInBrowserWindow.created.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  /** Created hidden (`show: false`), as the app asks; shown, it takes the focus unless the OS denies it. */
  show(): void {
    this.#visible = true;
    if (!StandInBrowserWindow.foregroundDenied) {
      keyboardFocus.take(this);
      return;
    }
    // Windows reports the refusal as a blur, delivered from its message loop after show() returned.
    setImmediate(() => {
      if (!this.#destroyed) this.blur();
    });
  }

  hide(): void {
    this.#visible = false;
    keyboardFocus.release(this);
  }

  focus(): void {
    this.record.focusRequests += 1;
    if (this.#visible && !StandInBrowserWindow.foregroundDenied) keyboardFocus.take(this);
  }

  /** Focus leaves the window (the user clicked elsewhere, or the OS took it). */
  blur(): void {
    keyboardFocus.release(this);
    this.record.blurs += 1;
    this.emit('blur');
  }

  isVisible(): boolean {
    return this.#visible;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  getSize(): number[] {
    return [...this.#size];
  }

  getPosition(): number[] {
    return [...this.#position];
  }

  setPosition(x: number, y: number): void {
    this.#position = [x, y];
  }

  /** macOS only. */
  setVisibleOnAllWorkspaces(_visible: boolean, _options?: unknown): void {}

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#visible = false;
    keyboardFocus.release(this);
    StandInBrowserWindow.#open.delete(this);
    void this.webContents.destroy();
    this.emit('closed');
  }
}

app.onQuit(async () => {
  for (const window of StandInBrowserWindow.getAllWindows()) window.destroy();
  await Promise.all(StandInBrowserWindow.created.map((window) => window.webContents.destroy()));
  const started = browser;
  browser = null;
  await (await started)?.close();
});
