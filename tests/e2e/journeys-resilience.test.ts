// Journeys when VPS.org misbehaves: the API goes down and comes back, the token is revoked mid-session.
import type { Page } from 'playwright-core';
import { test } from 'vitest';
import { FAST_POLLING, useJourney } from './journey-kit';

const journey = useJourney();

// Both journeys mostly wait for the poller's real-time schedule (openSeconds at its minimum of 5 s, a
// limit of the settings): they run side by side, each with its own simulator, core and page.

/** The list's own count line ("12 servers") and the names of the rows in view (the list is virtual). */
async function shownList(page: Page): Promise<{ count: string; names: string[] }> {
  const count = await page.locator('.freshness .count').innerText();
  const names = await page.getByRole('list', { name: 'Servers' }).locator('.row-name').allInnerTexts();
  return { count, names };
}

test.concurrent(
  'VPS.org down: the list stays with an offline banner, which goes away by itself when it is back',
  async (context) => {
    const { expect } = context;
    const own = journey.forTest(context);
    const backend = await own.startBackend({ withToken: true, simulator: { speed: 400 }, settings: FAST_POLLING });
    const popup = await own.openPopup(backend);
    const { page } = popup;
    const sim = backend.sim;
    await expect.poll(async () => (await shownList(page)).count).toBe('12 servers');
    const before = await shownList(page);

    sim.injectFault({ type: 'status', status: 503 });
    const offline = page.getByTestId('stale-banner');
    await offline.waitFor({ timeout: 12_000 });
    // VPS.org answered, with an error: the banner says so, with the status (not "cannot be reached").
    expect(await offline.getByText('VPS.org is having trouble (503).').count()).toBe(1);
    expect(await offline.getByRole('button', { name: 'Retry now' }).count()).toBe(1);
    // What was known is still shown (and said to be from the last successful poll).
    const during = await shownList(page);
    expect(during.count).toBe('12 servers');
    expect(during.names.length).toBeGreaterThan(3);
    expect(before.names).toEqual(expect.arrayContaining(during.names));
    expect(await offline.getByText(/Showing data from \d\d:\d\d:\d\d, it may be out of date\./).count()).toBe(1);
    const failedPolls = sim.requests.filter((r) => r.method === 'GET' && r.path === '/api/v1/servers/').length;

    sim.clearFaults();
    // No click: the poller's backoff brings the next poll, which succeeds.
    await offline.waitFor({ state: 'detached', timeout: 12_000 });
    expect(await shownList(page)).toEqual(before);
    expect(sim.requests.filter((r) => r.method === 'GET' && r.path === '/api/v1/servers/').length).toBeGreaterThan(
      failedPolls,
    );
    // Only reads were sent while it was down: nothing was changed behind the user's back.
    expect(sim.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(popup.pageErrors).toEqual([]);
  },
);

test.concurrent('a token revoked mid-session brings back the token prompt with a notice', async (context) => {
  const { expect } = context;
  const own = journey.forTest(context);
  const backend = await own.startBackend({ withToken: true, simulator: { speed: 400 }, settings: FAST_POLLING });
  const popup = await own.openPopup(backend);
  const { page } = popup;
  await expect.poll(async () => (await shownList(page)).count).toBe('12 servers');

  backend.sim.revokeToken();
  // The next scheduled poll (at most openSeconds away) gets 401.
  await page.getByRole('heading', { name: 'Connect your VPS.org account' }).waitFor({ timeout: 12_000 });
  const notice = page.getByRole('alert');
  await expect.poll(() => notice.allInnerTexts()).toEqual([expect.stringMatching(/rejected the saved token/)]);
  expect(await page.getByLabel('API token').inputValue()).toBe('');
  expect(await page.getByRole('list', { name: 'Servers' }).count()).toBe(0);
  expect(backend.sim.requests.filter((r) => !r.authorized).length).toBeGreaterThan(0);
  expect(backend.core.authState()).toMatchObject({ mode: 'none' });
  // Polling stopped: even an explicit refresh sends nothing more with the revoked token.
  const sent = backend.sim.requests.length;
  await backend.core.refreshNow();
  expect(backend.sim.requests.length).toBe(sent);
  expect(popup.pageErrors).toEqual([]);
});
