// `npm run screenshots`: PNGs of the popup for the docs, taken from the real renderer in headless
// Chromium against the real core and the simulator (the e2e harness), at the popup's size.
// Writes docs/screenshots/<screen>-<language>-<scheme>.png: token setup, list, detail, create, an empty
// search result and Settings, in English and Czech, light and dark (24 files), and the first-run demo, two accounts' merged list and a
// deviation (a server that should run, stopped behind the app's back) in English light and Czech dark.
// Error states in English light and Czech dark too: the list kept but stale while VPS.org answers 503
// (`stale-…`) and token setup after VPS.org revoked the token (`revoked-…`). And the preview's page
// (`npm run preview`), English light only: the popup in its frame, the fault panel and a desktop
// notification as a toast (`preview-en-light.png`). The history's, in both languages and schemes:
// dev/screenshots-history.ts.
//
// Usage: npm run screenshots -- [--out docs/screenshots]
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { buildE2eAssets, freshAssetsDir, removeAssetsDir } from './assets';
import { launchChromium, openPopup, startBackend, watchPageErrors, type Backend } from './harness';
import { defaultSettings } from '../main/settings/schema';
import { startPreview } from './preview';
import { shootHistory } from './screenshots-history';

export const POPUP_SIZE = { width: 380, height: 560 };
export const LANGUAGES = [
  { language: 'en', locale: 'en-US' },
  { language: 'cs', locale: 'cs-CZ' },
] as const;
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

/** The first-run demo, in one scheme per language (the other screens show both schemes already). */
const DEMO_SHOTS: ReadonlySet<string> = new Set(['en-light', 'cs-dark']);

/** Two accounts' merged list, in one scheme per language. */
const ACCOUNTS_SHOTS: ReadonlySet<string> = new Set(['en-light', 'cs-dark']);

/** Two simulated accounts in one merged list, each row with its account and the account filter. */
export async function shootAccounts(
  browser: Browser,
  assetsDir: string,
  outDir: string,
  language: (typeof LANGUAGES)[number],
  scheme: Scheme,
): Promise<string> {
  const backend = await startBackend({
    assetsDir,
    withToken: true,
    accounts: 2,
    systemLocale: language.locale,
    simulator: { speed: 1, servers: 8 },
  });
  try {
    const popup = await openPopup(browser, backend, {
      locale: language.locale,
      colorScheme: scheme,
      viewport: POPUP_SIZE,
    });
    await popup.page.locator('[data-testid="account-filter"]').waitFor();
    await popup.page.locator('.row-account').first().waitFor();
    await popup.page.locator('[data-testid="last-updated"]').waitFor();
    const path = await capture(popup.page, outDir, `accounts-${language.language}-${scheme}`);
    if (popup.pageErrors.length > 0) throw new Error(`The page reported errors: ${popup.pageErrors.join('; ')}`);
    await popup.close();
    return path;
  } finally {
    await backend.close();
  }
}
/** The deviation shown in English light and Czech dark too (the other screens show both schemes). */
const DEVIATION_SHOTS = DEMO_SHOTS;

/** The error states, in one scheme per language. */
const ERROR_SHOTS = DEMO_SHOTS;

/** The preview's page: the popup, the fault panel beside it and a toast. */
const PREVIEW_PAGE_SIZE = { width: 820, height: 608 };

/** The server shown in the detail screenshot (the simulator's seeded account always has it). */
const DETAIL_SERVER = 'web-server-01';

interface Shot {
  screen: 'token' | 'list' | 'detail' | 'create' | 'nomatch' | 'settings';
  /** Brings the page from the list (or token setup) to the screen and waits until it is complete. */
  show(page: Page): Promise<void>;
}

const LIST_SHOTS: Shot[] = [
  {
    screen: 'list',
    show: async (page) => {
      await page.locator(`.row-main[title="${DETAIL_SERVER}"]`).waitFor();
      await page.locator('[data-testid="last-updated"]').waitFor();
    },
  },
  {
    screen: 'detail',
    show: async (page) => {
      await page.locator(`.row-main[title="${DETAIL_SERVER}"]`).click();
      await page.locator('#usage-title').waitFor();
    },
  },
  {
    screen: 'create',
    show: async (page) => {
      await page.keyboard.press('Escape');
      await page.locator(`.row-main[title="${DETAIL_SERVER}"]`).waitFor();
      await page.locator('.app-header .icon-button').first().click();
      await page.locator('#create-title').waitFor();
    },
  },
  {
    // A search that leaves nothing: the way out (Clear filters).
    screen: 'nomatch',
    show: async (page) => {
      await page.keyboard.press('Escape');
      await page.locator('#server-search').fill('no-such-server');
      await page.locator('.list-view .placeholder button').waitFor();
    },
  },
  {
    screen: 'settings',
    show: async (page) => {
      await page.locator('.app-header .icon-button').last().click();
      await page.locator('.settings-toc').waitFor();
      await page.locator('#settings-updates-title').waitFor();
    },
  },
];

async function capture(page: Page, outDir: string, name: string): Promise<string> {
  // No pointer left hovering over whatever was clicked last.
  await page.mouse.move(POPUP_SIZE.width - 1, POPUP_SIZE.height - 1);
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  return path;
}

async function shootLanguage(
  browser: Browser,
  assetsDir: string,
  outDir: string,
  language: (typeof LANGUAGES)[number],
  scheme: Scheme,
): Promise<string[]> {
  const written: string[] = [];
  const backends: Backend[] = [];
  try {
    // Token setup: an account with no token stored yet.
    const fresh = await startBackend({
      assetsDir,
      withToken: false,
      settings: { demoMode: false },
      systemLocale: language.locale,
    });
    backends.push(fresh);
    const setup = await openPopup(browser, fresh, {
      locale: language.locale,
      colorScheme: scheme,
      viewport: POPUP_SIZE,
    });
    await setup.page.locator('#token-title').waitFor();
    written.push(await capture(setup.page, outDir, `token-${language.language}-${scheme}`));
    await setup.close();

    if (DEMO_SHOTS.has(`${language.language}-${scheme}`)) {
      // A first run: no token stored, so the popup opens in the demo. Slow, so nothing moves meanwhile.
      const firstRun = await startBackend({ assetsDir, withToken: false, systemLocale: language.locale, demoSpeed: 1 });
      backends.push(firstRun);
      const demo = await openPopup(browser, firstRun, {
        locale: language.locale,
        colorScheme: scheme,
        viewport: POPUP_SIZE,
      });
      await demo.page.locator('[data-testid="demo-banner"]').waitFor();
      await demo.page.locator('.row-main').first().waitFor();
      await demo.page.locator('[data-testid="last-updated"]').waitFor();
      written.push(await capture(demo.page, outDir, `demo-${language.language}-${scheme}`));
      if (demo.pageErrors.length > 0) throw new Error(`The page reported errors: ${demo.pageErrors.join('; ')}`);
      await demo.close();
    }

    if (DEVIATION_SHOTS.has(`${language.language}-${scheme}`)) {
      written.push(await shootDeviation(browser, assetsDir, outDir, language, scheme, backends));
    }

    // A slow simulator, so nothing changes state while the pictures are taken.
    const backend = await startBackend({
      assetsDir,
      withToken: true,
      systemLocale: language.locale,
      simulator: { speed: 1 },
    });
    backends.push(backend);
    const popup = await openPopup(browser, backend, {
      locale: language.locale,
      colorScheme: scheme,
      viewport: POPUP_SIZE,
    });
    for (const shot of LIST_SHOTS) {
      await shot.show(popup.page);
      written.push(await capture(popup.page, outDir, `${shot.screen}-${language.language}-${scheme}`));
    }
    const errors = [...setup.pageErrors, ...popup.pageErrors];
    if (errors.length > 0) throw new Error(`The page reported errors: ${errors.join('; ')}`);
    await popup.close();
    if (ACCOUNTS_SHOTS.has(`${language.language}-${scheme}`))
      written.push(await shootAccounts(browser, assetsDir, outDir, language, scheme));
    if (ERROR_SHOTS.has(`${language.language}-${scheme}`))
      written.push(...(await shootErrors(browser, assetsDir, outDir, language, scheme)));
    written.push(
      ...(await shootHistory(
        browser,
        assetsDir,
        { viewport: POPUP_SIZE, capture: (page, name) => capture(page, outDir, name) },
        language,
        scheme,
      )),
    );
  } finally {
    for (const backend of backends) await backend.close();
  }
  return written;
}

/** A should-run server stopped elsewhere (no hold time, so it shows at once): its detail with the deviation. */
async function shootDeviation(
  browser: Browser,
  assetsDir: string,
  outDir: string,
  language: (typeof LANGUAGES)[number],
  scheme: Scheme,
  backends: Backend[],
): Promise<string> {
  const backend = await startBackend({
    assetsDir,
    withToken: true,
    systemLocale: language.locale,
    simulator: { speed: 60 },
    settings: {
      pollIntervals: { fastSeconds: 1, openSeconds: 5, idleSeconds: 15 },
      alerts: { ...defaultSettings().alerts, holdSeconds: 0 },
    },
  });
  backends.push(backend);
  const popup = await openPopup(browser, backend, {
    locale: language.locale,
    colorScheme: scheme,
    viewport: POPUP_SIZE,
  });
  const row = popup.page.locator(`.row-main[title="${DETAIL_SERVER}"]`);
  await row.waitFor();
  const id = backend.sim.listServerIds().find((candidate) => {
    const server = backend.sim.getServer(candidate);
    return typeof server === 'object' && server !== null && 'name' in server && server.name === DETAIL_SERVER;
  });
  const response = await fetch(`${backend.sim.baseUrl}/servers/${id}/stop/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${backend.sim.token}` },
  });
  if (!response.ok) throw new Error(`The simulator refused the stop: ${response.status}`);
  await popup.page
    .locator(`.row[data-attention="true"] .row-main[title="${DETAIL_SERVER}"]`)
    .waitFor({ timeout: 30_000 });
  await row.click();
  await popup.page.locator('.deviation-hard').waitFor();
  await popup.page.locator('#usage-title').waitFor();
  const path = await capture(popup.page, outDir, `deviation-${language.language}-${scheme}`);
  if (popup.pageErrors.length > 0) throw new Error(`The page reported errors: ${popup.pageErrors.join('; ')}`);
  await popup.close();
  return path;
}

/** The list kept but stale while VPS.org answers 503; then token setup after VPS.org revoked the token. */
async function shootErrors(
  browser: Browser,
  assetsDir: string,
  outDir: string,
  language: (typeof LANGUAGES)[number],
  scheme: Scheme,
): Promise<string[]> {
  const backend = await startBackend({
    assetsDir,
    withToken: true,
    systemLocale: language.locale,
    simulator: { speed: 1 },
  });
  try {
    const popup = await openPopup(browser, backend, {
      locale: language.locale,
      colorScheme: scheme,
      viewport: POPUP_SIZE,
    });
    await popup.page.locator(`.row-main[title="${DETAIL_SERVER}"]`).waitFor();
    // Every request answered 503 (GETs are retried, then the list goes stale, kept as it was).
    backend.sim.injectFault({ type: 'status', status: 503 });
    await backend.core.refreshNow();
    await popup.page.locator('[data-testid="stale-banner"]').waitFor();
    const stale = await capture(popup.page, outDir, `stale-${language.language}-${scheme}`);
    backend.sim.clearFaults();
    backend.sim.revokeToken();
    await backend.core.refreshNow();
    await popup.page.locator('#token-title').waitFor();
    await popup.page.locator('.banner-warning').waitFor();
    // Token setup focuses its field; no caret or focus ring blinking in the picture.
    await popup.page.locator(':focus').evaluate((element) => (element as HTMLElement).blur());
    const revoked = await capture(popup.page, outDir, `revoked-${language.language}-${scheme}`);
    if (popup.pageErrors.length > 0) throw new Error(`The page reported errors: ${popup.pageErrors.join('; ')}`);
    await popup.close();
    return [stale, revoked];
  } finally {
    await backend.close();
  }
}

/** The preview's page: the popup framed, the fault panel beside it, and a reboot's notification as a toast. */
async function shootPreviewPage(browser: Browser, assetsDir: string, outDir: string): Promise<string> {
  // The preview's own speed, so the reboot takes the seconds it says it took.
  const preview = await startPreview({ port: 0, servers: 12, speed: 10, assetsDir });
  const context = await browser.newContext({
    locale: 'en-US',
    colorScheme: 'light',
    viewport: PREVIEW_PAGE_SIZE,
    timezoneId: 'UTC',
  });
  try {
    const page = await context.newPage();
    const pageErrors = watchPageErrors(page);
    await page.goto(preview.shellUrl);
    const popup = page.frameLocator('iframe.popup');
    await popup.locator(`.row-main[title="${DETAIL_SERVER}"]`).waitFor();
    await popup.locator('[data-testid="last-updated"]').waitFor();
    await page.locator('body[data-faults=""]').waitFor();
    // The first server with a Reboot button is in view without scrolling the list.
    await popup.locator('.icon-button[aria-label^="Reboot"]').first().click();
    await popup.getByRole('button', { name: 'Reboot', exact: true }).click();
    await page.getByTestId('preview-toast').waitFor({ timeout: 30_000 });
    await page.mouse.move(PREVIEW_PAGE_SIZE.width - 1, PREVIEW_PAGE_SIZE.height - 1);
    const path = join(outDir, 'preview-en-light.png');
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    if (pageErrors.length > 0) throw new Error(`The page reported errors: ${pageErrors.join('; ')}`);
    return path;
  } finally {
    await context.close();
    await preview.close();
  }
}

/** Builds the renderer, takes every screenshot and returns the paths written. */
export async function takeScreenshots(outDir: string): Promise<string[]> {
  const assetsDir = await buildE2eAssets(freshAssetsDir());
  try {
    await mkdir(outDir, { recursive: true });
    const browser = await launchChromium();
    try {
      const written: string[] = [];
      for (const language of LANGUAGES)
        for (const scheme of SCHEMES)
          written.push(...(await shootLanguage(browser, assetsDir, outDir, language, scheme)));
      written.push(await shootPreviewPage(browser, assetsDir, outDir));
      return written;
    } finally {
      await browser.close();
    }
  } finally {
    await removeAssetsDir(assetsDir);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/screenshots' } } });
  const written = await takeScreenshots(resolve(values.out));
  for (const path of written) console.log(path);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
