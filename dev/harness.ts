// End-to-end harness (test code, not product code). It runs the real main-process services in Node,
// wired as main/index.ts wires them (createCore with the same ports, minus Electron: in-memory vault,
// settings, clipboard, notifier), against the VPS.org simulator; serves the built renderer with the
// app's CSP; opens it in headless Chromium; and installs in the page the same `window.vps` API the
// preload exposes (createBridge), backed by the real IPC router through a Playwright binding.
// Nothing the page shows is hand-written: it all comes from the simulator through the core.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createCore, type Core } from '../main/core';
import { startSimulator, type Simulator, type SimulatorOptions } from '../main/simulator/simulator';
import { CONTENT_SECURITY_POLICY } from '../main/desktop/security';
import { isAppPageUrl } from '../main/ipc/router';
import { createMemoryPorts, createMemoryVault, createStaticAppInfo } from './memory-ports';
import { DEFAULT_ASSETS_DIR, readBridgeScript, rendererDirOf } from './assets';
import { startStaticServer, type ExtraRoute, type StaticServer } from './static-server';
import type { StoredSettingsPatch } from '../main/settings/schema';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

export interface BackendOptions {
  /** The build folder to serve (buildE2eAssets); default DEFAULT_ASSETS_DIR. The journeys pass their run's. */
  assetsDir?: string;
  simulator?: SimulatorOptions;
  /** Store the simulator's token in the vault before start, as if the user had set it earlier. */
  withToken?: boolean;
  /**
   * With `withToken`: this many accounts, each on a simulator of its own (another seed, so other
   * servers), their tokens stored as if added earlier. Default 1.
   */
  accounts?: number;
  /** The settings file's content (the alert settings too, e.g. a short hold time). */
  settings?: StoredSettingsPatch;
  systemLocale?: string;
  demoSpeed?: number;
  extraRoute?: ExtraRoute;
  transformIndex?: (html: string) => string;
  /** Port of the page server; default 0 (a free one). */
  port?: number;
  /** The Content-Security-Policy header of the page; default the app's own (the preview relaxes connect-src). */
  csp?: string;
  /**
   * The API address the app is given for each account's simulator, called once per simulator before the
   * core starts. Default: the simulator's own. The preview puts a switchable relay in front (offline).
   */
  apiBaseUrl?: (sim: Simulator, index: number) => Promise<string>;
  /** The core's history folder (default: the history kept in memory), and what to do before the core starts. */
  history?: { directory: string; beforeStart?: (sims: readonly Simulator[]) => void };
}

/** The Node side: simulator + core + static server for the renderer. */
export interface Backend {
  /** The first account's simulator. */
  sim: Simulator;
  /** Every account's simulator, in the accounts' order (the first is `sim`). */
  sims: Simulator[];
  core: Core;
  ports: ReturnType<typeof createMemoryPorts>;
  server: StaticServer;
  pageUrl: string;
  /** The build folder served; openPopup reads the page bridge from it too. */
  assetsDir: string;
  close(): Promise<void>;
}

export async function startBackend(options: BackendOptions = {}): Promise<Backend> {
  const sims: Simulator[] = [];
  for (let index = 0; index < Math.max(1, options.accounts ?? 1); index++) {
    const base = { servers: 12, speed: 120, seed: 1, ...options.simulator };
    // Each further account: its own seed, so its own servers, and fewer of them.
    const own =
      index === 0 ? base : { ...base, seed: base.seed + index, servers: Math.max(3, Math.ceil(base.servers / 2)) };
    sims.push(await startSimulator({ ...own, host: '127.0.0.1', port: 0 }));
  }
  const sim = sims[0]!;
  const apiUrls: string[] = [];
  for (const [index, each] of sims.entries())
    apiUrls.push(options.apiBaseUrl ? await options.apiBaseUrl(each, index) : each.baseUrl);
  const vault = createMemoryVault(
    options.withToken
      ? sims.map((each, index) => ({
          account: {
            id: index === 0 ? 'default' : `account-${index + 1}`,
            label: index === 0 ? 'VPS.org' : `Account ${index + 1}`,
            baseUrl: apiUrls[index]!,
          },
          token: each.token,
        }))
      : [],
    { backend: 'gnome_libsecret', persisted: true },
  );
  const ports = {
    ...createMemoryPorts({ vault, settings: { apiBaseUrl: apiUrls[0]!, ...options.settings } }),
    appInfo: createStaticAppInfo({ version: '0.1.0', systemLocale: options.systemLocale ?? 'en-US' }),
  };
  const assetsDir = options.assetsDir ?? DEFAULT_ASSETS_DIR;
  const server = await startStaticServer({
    root: rendererDirOf(assetsDir),
    csp: options.csp ?? CONTENT_SECURITY_POLICY,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.extraRoute ? { extraRoute: options.extraRoute } : {}),
    ...(options.transformIndex ? { transformIndex: options.transformIndex } : {}),
  });
  const pageUrl = `${server.url}index.html`;
  const core = createCore({
    ...ports,
    // As in main/index.ts: only the app's own page may call the router.
    isTrustedSender: (sender) => isAppPageUrl(sender.url, pageUrl),
    ...(options.demoSpeed ? { demoSpeed: options.demoSpeed } : {}),
    ...(options.history && { historyDirectory: options.history.directory }),
  });
  options.history?.beforeStart?.(sims);
  await core.start();
  return {
    sim,
    sims,
    core,
    ports,
    server,
    pageUrl,
    assetsDir,
    async close() {
      await core.stop();
      await server.close();
      for (const each of sims) await each.close();
    },
  };
}

/** Collects, from now on, every error thrown in the page and every console message of type error. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

export interface Popup {
  page: Page;
  context: BrowserContext;
  /** Errors thrown in the page or printed to its console as errors. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Opens the popup page in a new browser context, bridged to the backend's router. */
export async function openPopup(
  browser: Browser,
  backend: Backend,
  options: { locale?: string; colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<Popup> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 380, height: 560 },
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  const pageErrors = watchPageErrors(page);
  await page.exposeBinding('vpsHarnessInvoke', (source, channel: unknown, request: unknown) =>
    backend.core.router.handle(typeof channel === 'string' ? channel : '', request, { url: source.frame.url() }),
  );
  await page.addInitScript({ content: await readBridgeScript('binding-bridge.js', backend.assetsDir) });
  const unsubscribe = backend.core.onEvent((channel, payload) => {
    if (page.isClosed()) return;
    page
      .evaluate(([c, p]) => (globalThis as PageGlobals).vpsHarnessEmit?.(c, p), [channel, payload] as const)
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        // The page may be navigating or closing (it re-subscribes on load). Anything else is an exception
        // thrown by the page's event listener: in Electron that is an uncaught error in the page.
        if (page.isClosed() || /context was destroyed|has been closed|navigat/i.test(message)) return;
        pageErrors.push(`listener of ${channel} threw: ${message}`);
      });
  });
  backend.core.setPopupOpen(true);
  await page.goto(backend.pageUrl);
  return {
    page,
    context,
    pageErrors,
    async close() {
      unsubscribe();
      backend.core.setPopupOpen(false);
      await context.close();
    },
  };
}

/** What dev/page/install-bridge.ts puts on the page's window. */
interface PageGlobals {
  vpsHarnessEmit?: (channel: string, payload: unknown) => void;
}
