// Several accounts in real Chromium: two simulated accounts (each on a simulator of its own) shown in
// one merged list with each row's account, filtered by account from the keyboard, and one account
// failing while the other's servers stay and keep refreshing.
import { expect, test } from 'vitest';
import { FAST_POLLING, rowButton, rowNames, useJourney } from './journey-kit';

const journey = useJourney();
const LIST_PATH = '/api/v1/servers/';

test('two accounts: one merged list with the account on each row, a filter by account, a failing account shown', async () => {
  const backend = await journey.startBackend({
    withToken: true,
    accounts: 2,
    simulator: { servers: 6, speed: 400 },
    settings: FAST_POLLING,
  });
  const popup = await journey.openPopup(backend);
  const { page } = popup;
  await rowButton(page, 'web-server-01').first().waitFor();
  // 6 servers of the first account and 3 of the second, in one list.
  await expect.poll(() => page.getByText('9 servers', { exact: true }).count()).toBe(1);
  expect((await rowNames(page)).filter((name) => name === 'web-server-01')).toHaveLength(2);
  const labels = await page.locator('.row-account').allTextContents();
  expect(new Set(labels.map((text) => text.replace(' · ', '')))).toEqual(new Set(['VPS.org', 'Account 2']));

  // The account filter is reached from the keyboard: the next Tab from the search box.
  const filter = page.getByRole('combobox', { name: 'Account' });
  await page.getByRole('searchbox', { name: 'Search servers' }).focus();
  await page.keyboard.press('Tab');
  expect(await filter.evaluate((element) => element === document.activeElement)).toBe(true);
  await filter.selectOption({ label: 'Account 2' });
  await expect.poll(async () => (await rowNames(page)).length).toBe(3);
  await expect.poll(() => page.getByText('3 of 9 servers').count()).toBe(1);
  await filter.selectOption('');
  await expect.poll(async () => (await rowNames(page)).length).toBe(9);

  // The second account fails: a banner names it with its reason; every server stays listed and the
  // first account keeps refreshing.
  const [first, second] = backend.sims;
  second!.injectFault({ type: 'status', status: 503 }, { method: 'GET', path: LIST_PATH });
  const banner = page.getByTestId('account-trouble');
  await banner.waitFor({ timeout: 20_000 });
  expect(await banner.textContent()).toMatch(/Account 2: /);
  expect(await page.getByTestId('stale-banner').count()).toBe(0);
  const polls = () => first!.requests.filter((r) => r.method === 'GET' && r.path === LIST_PATH).length;
  const before = polls();
  await expect.poll(polls, { timeout: 15_000 }).toBeGreaterThan(before);
  expect((await rowNames(page)).length).toBe(9);
  expect(popup.pageErrors).toEqual([]);
});
