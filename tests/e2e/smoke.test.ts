import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { launchChromium, openPopup, startBackend, type Backend, type Popup } from './harness';

let browser: Browser;
let backend: Backend | undefined;
let popup: Popup | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});
afterEach(async () => {
  await popup?.close();
  await backend?.close();
});

test('the popup lists the servers of the account', async () => {
  backend = await startBackend({ withToken: true });
  popup = await openPopup(browser, backend);
  await expect.poll(() => popup!.page.getByText('web-server-01').count()).toBeGreaterThan(0);
  await popup.page.screenshot({ path: '.tmp/smoke.png' });
  expect(popup.pageErrors).toEqual([]);
});
