// The preview's own page in Chromium: the real panel script (bundled from dev/page/preview-panel.ts)
// beside a stand-in app page. Its switches reach the preview, a switch made elsewhere shows in it, and a
// desktop notification becomes a toast, outside the popup's frame.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchPageErrors } from '../../dev/harness';
import { startPreview, type Preview } from '../../dev/preview';

const APP_PAGE = `<!doctype html><html><head>
<script type="module" crossorigin src="./assets/index.js"></script>
</head><body><p id="app">the app</p></body></html>`;

let assetsDir: string;
let preview: Preview;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  assetsDir = mkdtempSync(join(tmpdir(), 'vps-preview-page-'));
  mkdirSync(join(assetsDir, 'renderer'));
  writeFileSync(join(assetsDir, 'renderer', 'index.html'), APP_PAGE);
  mkdirSync(join(assetsDir, 'renderer', 'assets'));
  writeFileSync(join(assetsDir, 'renderer', 'assets', 'index.js'), '');
  writeFileSync(join(assetsDir, 'http-bridge.js'), '/* bridge */');
  preview = await startPreview({ port: 0, servers: 2, assetsDir, faults: ['slow'] });
  browser = await launchChromium();
  page = await browser.newPage();
  pageErrors = watchPageErrors(page);
  await page.goto(preview.shellUrl);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await preview?.close();
  rmSync(assetsDir, { recursive: true, force: true });
});

describe("the preview's page", () => {
  it('frames the app page and lists every fault, those on from the start checked', async () => {
    await expect.poll(() => page.frameLocator('iframe.popup').locator('#app').textContent()).toBe('the app');
    await expect.poll(() => page.locator('body').getAttribute('data-faults')).toBe('slow');
    expect(await page.locator('input[name="slow"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="offline"]').isChecked()).toBe(false);
  });

  it('a switch in the panel switches the fault in the preview', async () => {
    await page.getByRole('checkbox', { name: /5xx/ }).check();
    await expect.poll(() => preview.faults.state()['5xx']).toBe(true);
    await expect.poll(() => page.getByTestId('fault-status').textContent()).toBe('On: slow, 5xx');
  });

  it('a fault switched elsewhere shows in the panel', async () => {
    await preview.faults.set('offline', true);
    await expect.poll(() => page.locator('input[name="offline"]').isChecked()).toBe(true);
    await preview.faults.set('offline', false);
    await expect.poll(() => page.locator('input[name="offline"]').isChecked()).toBe(false);
  });

  it("a notification the app sends shows as a toast beside the popup, not in the app's page", async () => {
    preview.backend.ports.notifier.notify('web-01 rebooted', 'The reboot of web-01 has finished.');
    const toast = page.getByTestId('preview-toast');
    await expect.poll(() => toast.count()).toBe(1);
    expect(await toast.locator('.toast-title').textContent()).toBe('web-01 rebooted');
    expect(await toast.locator('.toast-body').textContent()).toBe('The reboot of web-01 has finished.');
    expect(await page.frameLocator('iframe.popup').getByText('web-01 rebooted').count()).toBe(0);
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => toast.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
