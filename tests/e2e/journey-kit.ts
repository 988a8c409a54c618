// What every journey file shares: one Chromium per file, a backend (simulator + core + page server)
// and popup per test, all closed after the test, and the small lookups the journeys read the page
// and the simulator's request log with. A journey fails on any page error: the kit checks every
// popup it opened after the test, on top of each test's own check.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject, type TestContext } from 'vitest';
import type { Simulator } from '../../main/simulator/simulator';
import {
  launchChromium,
  openPopup,
  startBackend,
  type Backend,
  type BackendOptions,
  type Popup,
  watchPageErrors,
} from '../../dev/harness';
import { startPreview, type Preview, type PreviewOptions } from '../../dev/preview';

/**
 * The shortest poll intervals the settings allow. openSeconds (the interval while the popup is open,
 * at its minimum of 5 s) is also the poller's backoff base: after one failure the next poll comes
 * exactly 5 s later. fastSeconds applies while a server is busy or an action is tracked.
 */
export const FAST_POLLING = { pollIntervals: { fastSeconds: 1, openSeconds: 5, idleSeconds: 15 } };

type PopupOptions = NonNullable<Parameters<typeof openPopup>[2]>;

interface OpenedList {
  page: Page;
  popup: Popup;
  backend: Backend;
  sim: Simulator;
}

export interface Journey {
  /** This file's Chromium (launched before the first test). */
  readonly browser: Browser;
  /** Starts simulator + core + page server on this run's build; closed after the test. */
  startBackend(options?: Omit<BackendOptions, 'assetsDir'>): Promise<Backend>;
  /** Opens the popup in a new browser context; closed (and checked for page errors) after the test. */
  openPopup(backend: Backend, options?: PopupOptions): Promise<Popup>;
  /**
   * A signed-in account (token stored, FAST_POLLING) with the popup open on the server list, once
   * web-server-01 is shown. `speed` is the simulator's time scale (default 120).
   */
  openList(options?: { speed?: number; popup?: PopupOptions }): Promise<OpenedList>;
  /** `npm run preview`'s server on this run's build; closed after the test. */
  startPreview(options?: Omit<PreviewOptions, 'assetsDir' | 'build'>): Promise<Preview>;
  /** A browser context that is neither bridged nor a popup (a plain page); closed after the test. */
  plainPage(options?: PopupOptions): Promise<{ page: Page; pageErrors: string[] }>;
  /**
   * The same, for one test of a `test.concurrent` group: what it opens is closed (and checked) when
   * that test finishes, through its own context's onTestFinished, not in the file's afterEach.
   */
  forTest(context: Pick<TestContext, 'onTestFinished'>): Journey;
}

/** What one test opened: closed newest first when it ends. */
interface Scope {
  cleanups: Array<() => Promise<void>>;
  watched: Array<{ what: string; errors: readonly string[] }>;
}

const emptyScope = (): Scope => ({ cleanups: [], watched: [] });

/** Closes everything in the scope, then fails if any page reported an error. */
async function closeScope(scope: Scope): Promise<void> {
  const pending = scope.cleanups.toReversed();
  const withErrors = scope.watched.filter(({ errors }) => errors.length > 0);
  scope.cleanups = [];
  scope.watched = [];
  for (const cleanup of pending) await cleanup();
  if (withErrors.length > 0) {
    const lines = withErrors.map(({ what, errors }) => `${what}: ${errors.join(' | ')}`);
    throw new Error(`The page reported errors:\n${lines.join('\n')}`);
  }
}

function createJourney(currentBrowser: () => Browser, assetsDir: string, scope: Scope): Journey {
  const journey: Journey = {
    get browser() {
      return currentBrowser();
    },
    async startBackend(options = {}) {
      const backend = await startBackend({ ...options, assetsDir });
      scope.cleanups.push(() => backend.close());
      return backend;
    },
    async openPopup(backend, options = {}) {
      const popup = await openPopup(currentBrowser(), backend, options);
      scope.cleanups.push(() => popup.close());
      scope.watched.push({ what: `popup ${scope.watched.length + 1}`, errors: popup.pageErrors });
      return popup;
    },
    async openList(options = {}) {
      const backend = await journey.startBackend({
        withToken: true,
        simulator: { speed: options.speed ?? 120 },
        settings: FAST_POLLING,
      });
      const popup = await journey.openPopup(backend, options.popup);
      await row(popup.page, 'web-server-01').waitFor();
      return { page: popup.page, popup, backend, sim: backend.sim };
    },
    async startPreview(options = {}) {
      const preview = await startPreview({ ...options, assetsDir });
      scope.cleanups.push(() => preview.close());
      return preview;
    },
    async plainPage(options = {}) {
      const context = await currentBrowser().newContext({
        locale: options.locale ?? 'en-US',
        colorScheme: options.colorScheme ?? 'light',
        viewport: options.viewport ?? { width: 380, height: 560 },
        timezoneId: 'UTC',
      });
      scope.cleanups.push(() => context.close());
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      scope.watched.push({ what: `page ${scope.watched.length + 1}`, errors: pageErrors });
      return { page, pageErrors };
    },
    forTest(context) {
      const own = emptyScope();
      context.onTestFinished(() => closeScope(own));
      return createJourney(currentBrowser, assetsDir, own);
    },
  };
  return journey;
}

/**
 * Registers this file's lifecycle (beforeAll/afterAll: the browser; afterEach: everything the test
 * opened, newest first, then the page-error check) and returns the handle the tests start things
 * with. Call once per file, at the top level. Concurrent tests use `journey.forTest(context)`.
 */
export function useJourney(): Journey {
  const assetsDir = inject('e2eAssetsDir');
  let browser: Browser | undefined;
  const fileScope = emptyScope();

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => closeScope(fileScope));

  const currentBrowser = (): Browser => {
    if (!browser) throw new Error('useJourney(): the browser starts in beforeAll; use it inside a test.');
    return browser;
  };
  return createJourney(currentBrowser, assetsDir, fileScope);
}

// ---- The simulator's view: what VPS.org holds and what it received ----

export function serverIdByName(sim: Simulator, name: string): number {
  const id = sim.listServerIds().find((candidate) => {
    const server = sim.getServer(candidate);
    return typeof server === 'object' && server !== null && 'name' in server && server.name === name;
  });
  if (id === undefined) throw new Error(`The simulator has no server named ${name}`);
  return id;
}

/** Requests that change something (everything but GET), as method, path and body. */
export function writes(sim: Simulator) {
  return sim.requests
    .filter((request) => request.method !== 'GET')
    .map(({ method, path, body }) => ({ method, path, body }));
}

export function allPosts(sim: Simulator) {
  return sim.requests.filter((request) => request.method === 'POST');
}

export function postsTo(sim: Simulator, path: string) {
  return allPosts(sim).filter((request) => request.path === path);
}

// ---- The page's view: the server list ----

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The list item of the server called `name` (text match, so a name that contains it matches too). */
export function row(page: Page, name: string, listName = 'Servers') {
  return page.getByRole('list', { name: listName }).getByRole('listitem').filter({ hasText: name });
}

/** A row's main button: its accessible name starts with the server name (then status and details). */
export function rowButton(page: Page, name: string, listName = 'Servers') {
  return page
    .getByRole('list', { name: listName })
    .getByRole('button', { name: new RegExp(`^${escapeRegExp(name)} `) });
}

/** The status word shown in a row ("running", "rebooting", …); null unless exactly one row matches. */
export async function rowStatus(page: Page, name: string): Promise<string | null> {
  const rows = row(page, name);
  if ((await rows.count()) !== 1) return null;
  return rows.locator('.status-text').first().textContent();
}

/** The names of the server rows currently in the list, in order (the list is virtual: only those in view). */
export function rowNames(page: Page, listName = 'Servers'): Promise<string[]> {
  return page.getByRole('list', { name: listName }).locator('.row-name').allInnerTexts();
}
