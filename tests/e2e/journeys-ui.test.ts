// Journeys through the list UI: the API's filters and the search box, hostile data from the API,
// the Czech locale and the language override, and the preview server driven over its HTTP bridge.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { FAST_POLLING, rowButton, rowNames, useJourney } from './journey-kit';

const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

const journey = useJourney();

async function waitForList(page: Page, listName = 'Servers'): Promise<void> {
  await rowButton(page, 'web-server-01', listName).waitFor();
}

test('status and location filters ask the API; the search box narrows by name, hostname and IP', async () => {
  const backend = await journey.startBackend({ withToken: true, simulator: { speed: 400 }, settings: FAST_POLLING });
  const popup = await journey.openPopup(backend);
  const { page } = popup;
  const sim = backend.sim;
  await waitForList(page);
  await expect.poll(() => page.getByText('12 servers', { exact: true }).count()).toBe(1);

  // Status and location are folded behind the Filters button.
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('combobox', { name: 'Status' }).selectOption('stopped');
  await expect.poll(() => rowNames(page)).toEqual(['worker-01']);
  await expect.poll(() => page.getByText('1 of 12 servers').count()).toBe(1);
  expect(
    sim.requests.some((r) => r.method === 'GET' && r.path === '/api/v1/servers/' && r.query.status === 'stopped'),
  ).toBe(true);

  await page.getByRole('combobox', { name: 'Status' }).selectOption('');
  await expect.poll(() => page.getByText('12 servers', { exact: true }).count()).toBe(1);
  await page.getByRole('combobox', { name: 'Location' }).selectOption('us-east');
  await expect
    .poll(async () => (await rowNames(page)).toSorted())
    .toEqual(['auth-us-01', 'db-server-01', 'mail-01', 'worker-01']);
  expect(
    sim.requests.some((r) => r.method === 'GET' && r.path === '/api/v1/servers/' && r.query.location === 'us-east'),
  ).toBe(true);
  await page.getByRole('combobox', { name: 'Location' }).selectOption('');
  await expect.poll(() => page.getByText('12 servers', { exact: true }).count()).toBe(1);

  const search = page.getByRole('searchbox', { name: 'Search servers' });
  await search.fill('db-server');
  await expect.poll(() => rowNames(page)).toEqual(['db-server-01']);
  await search.fill('monitor-02.example.com');
  await expect.poll(() => rowNames(page)).toEqual(['monitor-02']);
  await search.fill('203.0.113.17');
  await expect.poll(() => rowNames(page)).toEqual(['cache-ap-01']);
  await search.fill('no-such-server');
  await expect.poll(() => page.getByText('No server matches.').count()).toBe(1);

  await search.fill('');
  await expect.poll(async () => (await rowNames(page)).length).toBe(12);
  await expect.poll(() => page.getByText('12 servers', { exact: true }).count()).toBe(1);
  expect(popup.pageErrors).toEqual([]);
});

test('a server name with markup from the API is shown as text and never runs', async () => {
  const backend = await journey.startBackend({ withToken: true, simulator: { speed: 400 }, settings: FAST_POLLING });
  expect(backend.sim.renameServerUnchecked(12346, HOSTILE_NAME)).toBe(true);
  const popup = await journey.openPopup(backend);
  const { page } = popup;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await waitForList(page);

  await expect.poll(() => rowNames(page)).toContain(HOSTILE_NAME);
  expect(await page.locator('img').count()).toBe(0);

  // The detail view puts the name in its heading, its title and the power buttons' labels.
  await rowButton(page, HOSTILE_NAME).click();
  await page.getByRole('heading', { name: HOSTILE_NAME, exact: true }).waitFor();
  await page.getByText('Resource usage').waitFor();
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.getByRole('button', { name: `Reboot ${HOSTILE_NAME}` }).count()).toBe(1);

  // Let the page run a little more (a poll and re-render) before concluding nothing fired.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect.poll(() => rowNames(page)).toContain(HOSTILE_NAME);
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => document.querySelectorAll('img, script:not([src])').length)).toBe(0);
  expect(popup.pageErrors).toEqual([]);
});

test('a Czech system shows Czech text; the language setting switches to English and back', async () => {
  const backend = await journey.startBackend({
    withToken: true,
    systemLocale: 'cs-CZ',
    simulator: { speed: 400 },
    settings: FAST_POLLING,
  });
  const popup = await journey.openPopup(backend, { locale: 'cs-CZ' });
  const { page } = popup;
  await waitForList(page, 'Servery');

  await expect.poll(() => page.getByText('12 serverů', { exact: true }).count()).toBe(1);
  const czechList = page.getByRole('list', { name: 'Servery' });
  await expect.poll(() => czechList.getByText('běží', { exact: true }).count()).toBeGreaterThan(0);
  expect(await czechList.getByText('zastaven', { exact: true }).count()).toBe(1);
  expect(await czechList.getByText('pozastaven', { exact: true }).count()).toBe(2);
  expect(await page.getByRole('searchbox', { name: 'Hledat servery' }).count()).toBe(1);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('cs');
  // Czech plural forms: 1 server, 2–4 servery.
  await page.getByRole('button', { name: 'Filtry' }).click();
  await page.getByRole('combobox', { name: 'Stav' }).selectOption('suspended');
  await expect.poll(() => page.getByText('2 z 12 serverů').count()).toBe(1);
  await page.getByRole('combobox', { name: 'Stav' }).selectOption('');

  await page.getByRole('button', { name: 'Nastavení' }).click();
  await page.getByRole('heading', { name: 'Nastavení' }).waitFor();
  await page.getByRole('combobox', { name: 'Jazyk' }).selectOption('en');
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  expect(backend.ports.settings.get().language).toBe('en');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect.poll(() => page.getByText('12 servers', { exact: true }).count()).toBe(1);
  const list = page.getByRole('list', { name: 'Servers' });
  expect(await list.getByText('running', { exact: true }).count()).toBeGreaterThan(0);
  expect(await list.getByText('běží', { exact: true }).count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('auto');
  await page.getByRole('heading', { name: 'Nastavení' }).waitFor();
  await page.getByRole('button', { name: 'Zpět' }).click();
  await expect.poll(() => page.getByText('12 serverů', { exact: true }).count()).toBe(1);
  expect(popup.pageErrors).toEqual([]);
});

test('the preview serves the app over its HTTP bridge to an ordinary browser page', async () => {
  const preview = await journey.startPreview({ port: 0, servers: 7 });
  // A plain page: no Playwright binding, no init script. Only what the preview server sends.
  const { page, pageErrors } = await journey.plainPage();
  await page.goto(preview.url);
  await waitForList(page);
  await expect.poll(() => page.getByText('7 servers', { exact: true }).count()).toBe(1);
  // A request through the bridge reaches the simulator: the status filter is the API's own.
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('combobox', { name: 'Status' }).selectOption('stopped');
  await expect.poll(() => preview.backend.sim.requests.some((r) => r.query.status === 'stopped')).toBe(true);
  // Main -> page events travel over the event stream: a rejected token during a refresh is only
  // ever announced as an event (the refresh's own answer carries the fleet status, not the auth).
  preview.backend.sim.revokeToken();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByRole('heading', { name: 'Connect your VPS.org account' }).waitFor();
  expect(pageErrors).toEqual([]);
});

test('the preview refuses callers that are not its own page', async () => {
  const preview = await journey.startPreview({ port: 0, servers: 3 });
  const ipcUrl = new URL('__ipc/vps%3Aauth%3Astate', preview.url).toString();
  const call = (headers: Record<string, string>) =>
    fetch(ipcUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

  const ownPage = { origin: new URL(preview.url).origin, referer: preview.url };
  // The run's token, which only the page the preview served carries, is required on every call.
  const withoutToken = await call(ownPage);
  expect(withoutToken.status).toBe(403);
  const own = await call({ ...ownPage, 'x-vps-preview-token': preview.token });
  expect(await own.json()).toMatchObject({ ok: true, value: { mode: 'token' } });
  const foreign = await call({
    origin: 'http://evil.example',
    referer: preview.url,
    'x-vps-preview-token': preview.token,
  });
  expect(foreign.status).toBe(403);
  const noReferer = await call({});
  expect(noReferer.status).toBe(403);
  const events = await fetch(new URL('__events', preview.url), { headers: { referer: 'http://evil.example/' } });
  expect(events.status).toBe(403);
});
