// The history's screenshots for `npm run screenshots` (dev/screenshots.ts): "Since you last looked" on
// the list, a server's History in its detail, and Settings → History, per language and scheme
// (`digest-…`, `timeline-…`, `history-settings-…`). The history is the preview's believable week
// (dev/preview-history.ts), written to the core's history folder before it starts, the popup last
// closed six hours ago: the pictures show what a user would find on opening it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openPopup, startBackend } from './harness';
import { seedWeek } from './preview-history';

/** How dev/screenshots.ts takes a picture of the popup (named `name`, in its folder), and at what size. */
export interface Camera {
  viewport: { width: number; height: number };
  capture(page: Page, name: string): Promise<string>;
}

/** No focus ring or caret in the picture. */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

export async function shootHistory(
  browser: Browser,
  assetsDir: string,
  camera: Camera,
  language: { language: string; locale: string },
  scheme: 'light' | 'dark',
): Promise<string[]> {
  const directory = mkdtempSync(join(tmpdir(), 'vps-screenshots-history-'));
  const backend = await startBackend({
    assetsDir,
    withToken: true,
    systemLocale: language.locale,
    // A slow simulator, so nothing changes state while the pictures are taken.
    simulator: { speed: 1 },
    history: { directory, beforeStart: (sims) => seedWeek(directory, sims) },
  });
  try {
    const popup = await openPopup(browser, backend, {
      locale: language.locale,
      colorScheme: scheme,
      viewport: camera.viewport,
    });
    const { page } = popup;
    const written: string[] = [];
    const digest = page.locator('[data-testid="digest"]');
    await digest.waitFor();
    await page.locator('[data-testid="last-updated"]').waitFor();
    await blur(page);
    written.push(await camera.capture(page, `digest-${language.language}-${scheme}`));

    // The server of the digest's first incident: a week with reboots and outages.
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
    rmSync(directory, { recursive: true, force: true });
  }
}
