// Journeys through token setup: a first run lands in the demo, then connects the account with a wrong
// then a right token; and the demo tried from token setup, then left.
// Everything the page shows comes from the simulator through the real core.
import { expect, test } from 'vitest';
import type { Backend } from '../../dev/harness';
import { FAST_POLLING, row, useJourney } from './journey-kit';

const journey = useJourney();

/** Records, as JSON text, every router answer and every event the core sends towards the page. */
function recordTrafficToPage(target: Backend): string[] {
  const seen: string[] = [];
  const router = target.core.router;
  const handle = router.handle.bind(router);
  router.handle = async (channel, payload, sender) => {
    const result = await handle(channel, payload, sender);
    seen.push(JSON.stringify(result));
    return result;
  };
  target.core.onEvent((channel, payload) => seen.push(JSON.stringify({ channel, payload })));
  return seen;
}

test('first run: the demo first; Connect your account, a wrong token is rejected and kept in the input, the right one shows the servers, and the token never reaches the page', async () => {
  const backend = await journey.startBackend({ withToken: false, settings: FAST_POLLING, demoSpeed: 300 });
  const traffic = recordTrafficToPage(backend);
  const popup = await journey.openPopup(backend);
  const { page } = popup;
  const token = backend.sim.token;

  // No token stored: a working tray at once, with the core's own demo simulator.
  const banner = page.getByTestId('demo-banner');
  await banner.getByText('Demo mode: simulated servers, nothing is real.').waitFor();
  await expect.poll(() => page.getByRole('list', { name: 'Servers' }).getByRole('listitem').count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByText(/^\d+ servers$/).count()).toBe(1);
  expect(backend.sim.requests).toEqual([]);

  await banner.getByRole('button', { name: 'Connect your account' }).click();
  await page.getByRole('heading', { name: 'Connect your VPS.org account' }).waitFor();
  expect(await page.getByTestId('demo-banner').count()).toBe(0);
  // Remembered: the next start shows token setup, not the demo.
  expect(backend.ports.settings.get().demoMode).toBe(false);
  const input = page.getByLabel('API token');
  const wrongToken = `${token.slice(0, -4)}beef`;
  await input.fill(wrongToken);
  await page.getByRole('button', { name: 'Save token' }).click();

  const alert = page.getByRole('alert');
  await expect.poll(() => alert.textContent()).toContain('rejected');
  expect(await input.inputValue()).toBe(wrongToken);
  expect(backend.sim.requests.filter((request) => !request.authorized)).toHaveLength(1);

  await input.fill(token);
  await page.getByRole('button', { name: 'Save token' }).click();
  await row(page, 'web-server-01').waitFor();
  await expect.poll(() => page.getByText('12 servers').count()).toBe(1);

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByText('Token stored in: GNOME Keyring (libsecret).').waitFor();
  expect(await page.getByText('Kept across restarts.').count()).toBe(1);
  expect(await page.getByRole('checkbox', { name: 'Start in demo mode when no token is stored' }).isChecked()).toBe(
    false,
  );

  expect(await page.evaluate(() => document.body.innerText)).not.toContain(token);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(token);
  expect(traffic.length).toBeGreaterThan(0);
  expect(traffic.filter((text) => text.includes(token))).toEqual([]);
  expect(popup.pageErrors).toEqual([]);
});

test('try the demo from token setup, then leave it', async () => {
  const backend = await journey.startBackend({
    withToken: false,
    settings: { ...FAST_POLLING, demoMode: false },
    demoSpeed: 300,
  });
  const popup = await journey.openPopup(backend);
  const { page } = popup;

  await page.getByRole('heading', { name: 'Connect your VPS.org account' }).waitFor();
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await page.getByText('Demo mode: simulated servers, nothing is real.').waitFor();
  expect(await page.getByText('Demo', { exact: true }).count()).toBe(1);
  await expect.poll(() => page.getByRole('list', { name: 'Servers' }).getByRole('listitem').count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByText(/^\d+ servers$/).count()).toBe(1);
  // The servers came from the core's own demo simulator: the account's API was never asked.
  expect(backend.sim.requests).toEqual([]);

  expect(backend.ports.settings.get().demoMode).toBe(true);

  await page.getByTestId('demo-banner').getByRole('button', { name: 'Connect your account' }).click();
  await page.getByRole('heading', { name: 'Connect your VPS.org account' }).waitFor();
  expect(backend.ports.settings.get().demoMode).toBe(false);
  expect(await page.getByText('Demo mode: simulated servers, nothing is real.').count()).toBe(0);
  expect(await page.getByRole('list', { name: 'Servers' }).count()).toBe(0);
  expect(popup.pageErrors).toEqual([]);
});
