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
  unhandle: (scheme: string) => void handlers.delete(scheme),
  isProtocolHandled: (scheme: string) => Promise.resolve(handlers.has(scheme)),
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

const sessionRecord = {
  onHeadersReceived: null as HeadersListener | null,
  permissionRequestHandler: null as unknown,
  permissionCheckHandler: null as unknown,
};

export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived: (listener: HeadersListener) => {
        sessionRecord.onHeadersReceived = listener;
      },
    },
    setPermissionRequestHandler: (handler: unknown) => {
      sessionRecord.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler: (handler: unknown) => {
      sessionRecord.permissionCheckHandler = handler;
    },
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
  const listener = sessionRecord.onHeadersReceived;
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
  /** `send` messages dropped because no page was there to take them (as Electron drops them). */
  droppedMessages = 0;
  #context: BrowserContext | null = null;
  #page: Page | null = null;
  #appUrl = '';
  #destroyed = false;
  #delivery: Promise<void> = Promise.resolve();
  #windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

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

  getURL(): string {
    return this.#appUrl;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  isLoading(): boolean {
    return this.#page === null;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.#windowOpenHandler = handler;
  }

  /** What the app's window-open handler decides for `url` (Chromium's own popups are not routed to it). */
  windowOpenDecision(url: string): string | null {
    return this.#windowOpenHandler?.({ url }).action ?? null;
  }

  async loadURL(url: string): Promise<void> {
    if (this.#destroyed) throw new Error('Object has been destroyed');
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
      locale: app.getLocale(),
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
    page.on('crash', () => this.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 }));
    this.#page = page;
    this.#appUrl = url;
    try {
      await page.goto(pageUrl);
    } catch (error) {
      this.emit('did-fail-load', {}, -2, String(error), url);
      throw error;
    }
    this.emit('dom-ready', {});
    this.emit('did-finish-load', {});
  }

  reload(): void {
    void this.#page?.reload();
  }

  /** Main to page, cloned as Electron clones it; in order, and dropped while no page is there. */
  send(channel: string, ...args: unknown[]): void {
    if (this.#destroyed) throw new Error('Object has been destroyed');
    const cloned = structuredClone(args);
    const page = this.#page;
    if (!page) {
      this.droppedMessages += 1;
      return;
    }
    this.#delivery = this.#delivery.then(() =>
      page
        .evaluate(
          ([deliver, c, a]) => {
            const target = (globalThis as unknown as Record<string, (channel: string, args: unknown[]) => void>)[
              deliver
            ];
            // Before the preload ran (a navigation in progress) nobody listens yet.
            if (target) target(c, a);
            return target !== undefined;
          },
          [CHANNEL_NAMES.deliver, channel, cloned] as const,
        )
        .then((delivered) => {
          if (!delivered) this.droppedMessages += 1;
        })
        .catch(() => {
          // The page went away meanwhile: the message is lost, as in Electron.
          this.droppedMessages += 1;
        }),
    );
  }

  /** Waits until every message sent so far reached the page (or was dropped). */
  delivered(): Promise<void> {
    return this.#delivery;
  }

  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    this.#destroyed = true;
    const context = this.#context;
    this.#page = null;
    this.#context = null;
    await context?.close().catch(() => {});
    this.emit('destroyed');
  }

  async #fromPage(frameUrl: string, message: PageToNode): Promise<unknown> {
    const event: StandInIpcEvent = {
      sender: this,
      // The frame's URL as Electron reports it: the app's scheme, not the address Chromium used.
      senderFrame: { url: toAppUrl(frameUrl) ?? frameUrl, name: '', routingId: 1, processId: 1 },
      frameId: 1,
      processId: 1,
      type: 'frame',
    };
    if (message.kind === 'send') {
      ipcMain.sendFromRenderer(event, message.channel, message.args);
      return undefined;
    }
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

export interface BrowserWindowOptions {
  width?: number;
  height?: number;
  show?: boolean;
  title?: string;
  webPreferences?: WebPreferences;
  [option: string]: unknown;
}

export class StandInBrowserWindow extends EventEmitter {
  static readonly #open = new Set<StandInBrowserWindow>();
  /** Every window ever created, oldest first (destroyed ones too). */
  static readonly created: StandInBrowserWindow[] = [];
  readonly webContents: StandInWebContents;
  #visible = false;
  #focused = false;
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
    app.emit('browser-window-created', {}, this);
    if (options.show !== false) this.show();
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  show(): void {
    this.#visible = true;
    this.emit('show');
    this.focus();
  }

  hide(): void {
    this.#visible = false;
    this.#focused = false;
    this.emit('hide');
  }

  focus(): void {
    this.#focused = true;
    this.emit('focus');
  }

  /** Focus leaves the window (the user clicked elsewhere). */
  blur(): void {
    this.#focused = false;
    this.emit('blur');
  }

  isVisible(): boolean {
    return this.#visible;
  }

  isFocused(): boolean {
    return this.#focused;
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

  setVisibleOnAllWorkspaces(_visible: boolean, _options?: unknown): void {}

  setAlwaysOnTop(_flag: boolean): void {}

  close(): void {
    this.destroy();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#visible = false;
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
