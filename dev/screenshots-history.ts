// The history's screenshots for `npm run screenshots` (dev/screenshots.ts): "Since you last looked" on
// the list, a server's History in its detail, and Settings → History, per language and scheme
// (`digest-…`, `timeline-…`, `history-settings-…`). Two servers are stopped elsewhere while the popup is
// closed, as a user would find them on opening it; the history is what the real core recorded meanwhile.
import type { Browser, Page } from 'playwright-core';
import { openPopup, startBackend, type Backend } from './harness';

const STOPPED = ['web-server-01', 'db-server-01'];

/** How dev/screenshots.ts takes a picture of the popup (named `name`, in its folder), and at what size. */
export interface Camera {
  viewport: { width: number; height: number };
  capture(page: Page, name: string): Promise<string>;
}

/** No focus ring or caret in the picture. */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

/** Stops `name` through the simulator's API (as VPS.org's dashboard would), and waits until the app saw it stopped. */
async function stopElsewhere(backend: Backend, name: string): Promise<void> {
  const id = backend.sim.listServerIds().find((candidate) => {
    const server = backend.sim.getServer(candidate);
    return typeof server === 'object' && server !== null && 'name' in server && server.name === name;
  });
  const response = await fetch(`${backend.sim.baseUrl}/servers/${id}/stop/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${backend.sim.token}` },
  });
  if (!response.ok) throw new Error(`The simulator refused the stop: ${response.status}`);
  for (let attempt = 0; attempt < 100; attempt++) {
    const server = backend.sim.getServer(id!);
    if (typeof server === 'object' && server !== null && 'status' in server && server.status === 'stopped') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await backend.core.refreshNow();
}

export async function shootHistory(
  browser: Browser,
  assetsDir: string,
  camera: Camera,
  language: { language: string; locale: string },
  scheme: 'light' | 'dark',
): Promise<string[]> {
  const backend = await startBackend({
    assetsDir,
    withToken: true,
    systemLocale: language.locale,
    simulator: { speed: 60 },
    settings: { pollIntervals: { fastSeconds: 1, openSeconds: 5, idleSeconds: 15 } },
  });
  try {
    const popup = await openPopup(browser, backend, {
      locale: language.locale,
      colorScheme: scheme,
      viewport: camera.viewport,
    });
    const { page } = popup;
    await page.locator(`.row-main[title="${STOPPED[0]}"]`).waitFor();
    backend.core.setPopupOpen(false);
    for (const name of STOPPED) await stopElsewhere(backend, name);
    backend.core.setPopupOpen(true);
    const written: string[] = [];
    const digest = page.locator('[data-testid="digest"]');
    await digest.waitFor();
    await blur(page);
    written.push(await camera.capture(page, `digest-${language.language}-${scheme}`));

    await digest.locator('.link-button').first().click();
    const history = page.locator('[data-testid="history"]');
    await history.locator('.timeline-entry').first().waitFor();
    await history.locator('h3').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await blur(page);
    written.push(await camera.capture(page, `timeline-${language.language}-${scheme}`));

    await page.keyboard.press('Escape');
    await page.locator('.app-header .icon-button').last().click();
    await page.locator('.settings-toc a[href="#settings-history"]').click();
    await page.locator('#settings-history-title').waitFor();
    await blur(page);
    written.push(await camera.capture(page, `history-settings-${language.language}-${scheme}`));
    if (popup.pageErrors.length > 0) throw new Error(`The page reported errors: ${popup.pageErrors.join('; ')}`);
    await popup.close();
    return written;
  } finally {
    await backend.close();
  }
}
