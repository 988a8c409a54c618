// The detail view, Settings and the forms as a new user meets them, in Chromium at 380 px: the detail in
// the order a glance needs it (and what the list knows shown while the detail loads), the inline rename
// wide enough for a name, Delete refused before typing while the server is busy, a word after a delete,
// and a way out of an empty filter result.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { row, rowStatus, serverIdByName, useJourney, writes } from './journey-kit';

const journey = useJourney();

async function openDetail(page: Page, name: string): Promise<void> {
  await row(page, name)
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
  await page.getByRole('heading', { name, exact: true, level: 2 }).waitFor();
}

/** The top of each element (CSS px from the viewport's top). */
async function tops<K extends string>(
  page: Page,
  selectors: Record<K, ReturnType<Page['locator']>>,
): Promise<Record<K, number>> {
  const entries = await Promise.all(
    (Object.entries(selectors) as Array<[K, ReturnType<Page['locator']>]>).map(
      async ([what, locator]) => [what, (await locator.boundingBox())!.y] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<K, number>;
}

test('detail: status and actions, then the IP and plan the list knows (while the detail loads), usage above the fold, alerts, then Edit and Delete', async () => {
  const { page, sim } = await journey.openList();
  const id = serverIdByName(sim, 'web-server-01');
  // The detail takes its time: what the list knows is shown meanwhile.
  sim.injectFault({ type: 'latency', ms: 2_000 }, { method: 'GET', path: `/api/v1/servers/${id}/`, times: 1 });
  await openDetail(page, 'web-server-01');
  const glance = page.getByTestId('glance-fields');
  await glance.waitFor();
  expect(await glance.innerText()).toContain('203.0.113.10');
  expect(await glance.innerText()).toContain('web01.example.com');
  expect(await glance.innerText()).toContain('Standard VPS');
  const usage = page.getByRole('region', { name: 'Resource usage' });
  expect(await usage.innerText()).toContain('Loading…');

  await page.getByRole('meter', { name: 'CPU' }).waitFor({ timeout: 10_000 });
  const view = page.locator('.detail-view');
  const y = await tops(page, {
    status: view.locator('.detail-head .status'),
    reboot: view.getByRole('button', { name: 'Reboot web-server-01' }),
    ip: glance.getByText('203.0.113.10'),
    usage: page.getByRole('heading', { name: 'Resource usage' }),
    alerts: page.getByRole('heading', { name: 'Alerts' }),
    os: view.getByText('Operating system'),
    edit: view.getByRole('button', { name: 'Edit', exact: true }),
    delete: view.getByRole('button', { name: 'Delete', exact: true }),
  });
  expect(y.status).toBeLessThan(y.reboot);
  expect(y.reboot).toBeLessThan(y.ip);
  expect(y.ip).toBeLessThan(y.usage);
  expect(y.usage).toBeLessThan(y.alerts);
  expect(y.alerts).toBeLessThan(y.os);
  expect(y.os).toBeLessThan(y.edit);
  expect(y.edit).toBeLessThanOrEqual(y.delete);
  // The usage is seen without scrolling: its last meter ends inside the 560 px popup.
  const lastMeter = (await page.getByRole('meter', { name: 'Bandwidth' }).boundingBox())!;
  expect(lastMeter.y + lastMeter.height).toBeLessThanOrEqual(560);
  expect(await page.evaluate(() => document.querySelector('.app-main')?.scrollTop ?? 0)).toBe(0);
});

test('rename: the field takes a 40-character name whole, its error shows under it, and the heading row keeps its shape', async () => {
  const { page } = await journey.openList();
  await openDetail(page, 'web-server-01');
  const headBefore = (await page.locator('.detail-head').boundingBox())!;
  await page.getByRole('button', { name: 'Rename web-server-01' }).click();
  const input = page.getByRole('textbox', { name: 'New name' });
  const forty = 'web-server-production-frankfurt-01234567';
  expect(forty).toHaveLength(40);
  await input.fill(forty);
  const fits = await input.evaluate((element: HTMLInputElement) => ({
    whole: element.scrollWidth <= element.clientWidth,
    width: element.getBoundingClientRect().width,
  }));
  expect(fits.whole).toBe(true);
  expect(fits.width).toBeGreaterThan(280);

  await input.fill('-bad name');
  await input.press('Enter');
  const error = page.locator('#rename-input-error');
  await error.waitFor();
  const [inputBox, errorBox] = [(await input.boundingBox())!, (await error.boundingBox())!];
  expect(errorBox.y).toBeGreaterThanOrEqual(inputBox.y + inputBox.height - 1);
  expect(errorBox.x).toBeLessThanOrEqual(inputBox.x + 1);
  expect(errorBox.width).toBeGreaterThan(280);
  // The back button stays where it was: the error does not squeeze the heading row.
  expect((await page.getByRole('button', { name: 'Back' }).boundingBox())!.y).toBeCloseTo(headBefore.y, 0);
  expect((await input.boundingBox())!.width).toBeCloseTo(fits.width, 0);
});

test('delete: refused before typing while the server is being provisioned, with the reason; after a delete the list says it happened', async () => {
  // Speed 5: provisioning (2-5 simulated minutes) lasts 24-60 s, the whole test long.
  const { page, sim } = await journey.openList({ speed: 5 });
  await page.getByRole('button', { name: 'New server' }).click();
  await page.getByLabel('Name', { exact: true }).fill('api-07');
  await page.getByLabel('Plan', { exact: true }).selectOption({ label: 'Starter VPS (#3)' });
  await page.getByLabel('Operating system', { exact: true }).selectOption({ label: 'Debian 12 (#3)' });
  await page.getByLabel('Location', { exact: true }).selectOption({ label: 'eu-central' });
  await page.getByRole('button', { name: 'Create server' }).click();
  await expect.poll(() => rowStatus(page, 'api-07')).toBe('provisioning');

  await openDetail(page, 'api-07');
  const remove = page.getByRole('button', { name: 'Delete', exact: true });
  expect(await remove.getAttribute('aria-disabled')).toBe('true');
  const reason = await remove.evaluate(
    (button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
  );
  expect(reason).toMatch(/^api-07: wait until the current action|^api-07 is provisioning/);
  expect(await page.getByText(reason).isVisible()).toBe(true);
  await remove.click({ force: true });
  expect(await page.getByLabel('Type api-07 to confirm').count()).toBe(0);
  await page.getByRole('button', { name: 'Back' }).click();

  // A settled server is deleted, and the list says so where the row was.
  await openDetail(page, 'cdn-01');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByLabel('Type cdn-01 to confirm').fill('cdn-01');
  await page.getByRole('button', { name: 'Delete permanently' }).click();
  await page.getByRole('list', { name: 'Servers' }).waitFor();
  const said = page.getByRole('status').filter({ hasText: 'cdn-01 was deleted.' });
  await said.waitFor();
  expect(await row(page, 'cdn-01').count()).toBe(0);
  expect(writes(sim).filter((write) => write.method === 'DELETE')).toHaveLength(1);
  // Dismissed, it is gone.
  await page.getByRole('button', { name: 'Dismiss the message about cdn-01' }).click();
  expect(await said.count()).toBe(0);
});

test('an empty result offers Clear filters, which shows every server again with focus in the search box', async () => {
  const { page } = await journey.openList();
  await page.getByRole('searchbox', { name: 'Search servers' }).fill('no-such-server');
  await page.getByText('No server matches.').waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await row(page, 'web-server-01').waitFor();
  expect(await page.getByRole('searchbox', { name: 'Search servers' }).inputValue()).toBe('');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('server-search');
});

test('first-run token screen: a malformed token refused by main is explained at the field, and what was typed stays', async () => {
  const backend = await journey.startBackend({ withToken: false, settings: { demoMode: false } });
  const { page } = await journey.openPopup(backend);
  await page.getByRole('heading', { name: 'Connect your VPS.org account' }).waitFor();
  const input = page.getByLabel('API token');
  for (const [typed, reason] of [
    ['abc12', 'Too short for an API token (8 characters at least). Check that it was copied completely.'],
    ['tok "en" 12345', 'An API token has only letters, digits and - . _ ~ + / = (no spaces or quotes).'],
  ] as const) {
    await input.fill(typed);
    await page.getByRole('button', { name: 'Save token' }).click();
    await expect.poll(() => page.locator('#token-input-error').textContent()).toBe(reason);
    expect(await input.inputValue()).toBe(typed);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain('token-input-error');
  }
  expect(backend.sim.requests).toHaveLength(0);
});

test('the search box says its whole placeholder at 380 px with two accounts, in English and in Czech', async () => {
  for (const locale of ['en-US', 'cs-CZ']) {
    const backend = await journey.startBackend({
      withToken: true,
      accounts: 2,
      systemLocale: locale,
      simulator: { servers: 3, speed: 400 },
    });
    const { page } = await journey.openPopup(backend, { locale });
    await page.locator('.row-account').first().waitFor();
    const search = page.locator('#server-search');
    const fit = await search.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const canvas = document.createElement('canvas').getContext('2d')!;
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { placeholder: input.placeholder, text: canvas.measureText(input.placeholder).width, room };
    });
    expect(fit.placeholder).not.toBe('');
    expect(fit.text, `${locale}: “${fit.placeholder}” in ${fit.room} px`).toBeLessThanOrEqual(fit.room);
  }
});

test('settings: contents lead to each section in order; one Accounts section; Saved once, beside the control, in the language just chosen; sign out asks first', async () => {
  const { page } = await journey.openList();
  await page.getByRole('button', { name: 'Settings' }).click();
  const contents = page.getByRole('navigation', { name: 'Sections' });
  await contents.waitFor();
  expect(await contents.getByRole('link').allInnerTexts()).toEqual([
    'General',
    'Accounts',
    'Alerts',
    'History',
    'Updates',
    'Reporting a problem',
  ]);
  const headings = await page.locator('.settings-section > h3').allInnerTexts();
  expect(headings).toEqual(['General', 'Accounts', 'Alerts', 'History', 'Updates', 'Reporting a problem']);
  expect(await page.getByRole('heading', { name: 'Account', exact: true }).count()).toBe(0);

  // A link moves focus (and the view) to its section.
  await contents.getByRole('link', { name: 'Alerts' }).click();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Alerts');
  const alertsTop = (await page.getByRole('heading', { name: 'Alerts' }).boundingBox())!.y;
  expect(alertsTop).toBeGreaterThanOrEqual(0);
  expect(alertsTop).toBeLessThan(200);

  // Saved., once, right under the switch that saved.
  const notifications = page.getByRole('checkbox', { name: 'Show notifications' });
  await notifications.click();
  const saved = page.getByRole('status').filter({ hasText: 'Saved.' });
  await saved.waitFor();
  expect(await saved.count()).toBe(1);
  const [control, note] = [(await notifications.boundingBox())!, (await saved.boundingBox())!];
  expect(note.y).toBeGreaterThanOrEqual(control.y + control.height - 1);
  expect(note.y - (control.y + control.height)).toBeLessThan(24);

  // Czech chosen: one note, in Czech, beside the language select.
  const language = page.getByRole('combobox', { name: 'Language' });
  await language.selectOption('cs');
  await page.getByRole('heading', { name: 'Nastavení' }).waitFor();
  const uloženo = page.getByRole('status').filter({ hasText: 'Uloženo.' });
  await uloženo.waitFor();
  expect(await page.getByText('Saved.').count()).toBe(0);
  expect(await uloženo.count()).toBe(1);
  const select = (await page.getByRole('combobox', { name: 'Jazyk' }).boundingBox())!;
  const czechNote = (await uloženo.boundingBox())!;
  expect(czechNote.y - (select.y + select.height)).toBeLessThan(24);
  expect(czechNote.y).toBeGreaterThanOrEqual(select.y + select.height - 1);

  // Signing out of the one account asks first; Cancel keeps it.
  const signOut = page.getByRole('button', { name: 'Odhlásit účet VPS.org' });
  await signOut.click();
  const question = page.getByRole('group', { name: 'Odhlásit účet VPS.org' });
  await question.waitFor();
  await question.getByRole('button', { name: 'Zrušit' }).click();
  expect(await signOut.count()).toBe(1);
  await signOut.click();
  await page
    .getByRole('group', { name: 'Odhlásit účet VPS.org' })
    .getByRole('button', { name: 'Odhlásit', exact: true })
    .click();
  // Signed out of the last account: the popup asks for a token.
  await page.getByRole('heading', { name: 'Připojte svůj účet VPS.org' }).waitFor();
});
