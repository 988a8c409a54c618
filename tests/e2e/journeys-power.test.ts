// Power journeys: reboot with confirmation, stop then start, and a reboot done with the keyboard only (from
// the list, and from the global shortcut).
// The page talks to the real core, which polls the real simulator; the simulator's request log shows
// what VPS.org would have received.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { allPosts, escapeRegExp, postsTo, row, rowStatus, serverIdByName, useJourney } from './journey-kit';

const journey = useJourney();

function powerButtons(page: Page, name: string, options: { enabled?: boolean } = {}) {
  return row(page, name).getByRole('button', {
    name: new RegExp(`^(Start|Stop|Reboot) ${name}$`),
    ...(options.enabled ? { disabled: false } : {}),
  });
}

test('reboot after an inline confirmation: progress shown, buttons unavailable meanwhile, running again by itself, one POST', async () => {
  // Speed 30: the reboot lasts 1-2 s, long enough to see it in progress, short enough for the test.
  const { page, popup, sim } = await journey.openList({ speed: 30 });
  const id = serverIdByName(sim, 'web-server-01');

  await page.getByRole('button', { name: 'Reboot web-server-01' }).click();
  const confirm = page.getByRole('group', { name: 'Reboot web-server-01?' });
  await confirm.waitFor();
  expect(allPosts(sim)).toEqual([]);
  await confirm.getByRole('button', { name: 'Reboot', exact: true }).click();

  await expect.poll(() => rowStatus(page, 'web-server-01')).toBe('rebooting');
  expect(await powerButtons(page, 'web-server-01', { enabled: true }).count()).toBe(0);
  await expect.poll(() => row(page, 'web-server-01').getByText('Rebooting…').count()).toBe(1);

  await expect.poll(() => rowStatus(page, 'web-server-01'), { timeout: 10_000 }).toBe('running');
  await expect.poll(() => powerButtons(page, 'web-server-01', { enabled: true }).count(), { timeout: 5_000 }).toBe(2);
  expect(postsTo(sim, `/api/v1/servers/${id}/reboot/`)).toHaveLength(1);
  expect(allPosts(sim)).toHaveLength(1);
  expect(popup.pageErrors).toEqual([]);
});

test('stop (confirmed) then start the same server: one POST each', async () => {
  const { page, popup, sim } = await journey.openList({ speed: 60 });
  const id = serverIdByName(sim, 'mail-01');

  await page.getByRole('button', { name: 'Stop mail-01' }).click();
  const confirm = page.getByRole('group', { name: 'Stop mail-01?' });
  await confirm.getByRole('button', { name: 'Stop', exact: true }).click();

  await expect.poll(() => rowStatus(page, 'mail-01'), { timeout: 10_000 }).toBe('stopped');
  const start = page.getByRole('button', { name: 'Start mail-01', disabled: false });
  await start.waitFor({ timeout: 5_000 });
  expect(await page.getByRole('button', { name: 'Stop mail-01' }).count()).toBe(0);
  // Starting needs no confirmation by default.
  await start.click();

  await expect.poll(() => rowStatus(page, 'mail-01'), { timeout: 10_000 }).toBe('running');
  await page.getByRole('button', { name: 'Stop mail-01', disabled: false }).waitFor({ timeout: 5_000 });
  expect(postsTo(sim, `/api/v1/servers/${id}/stop/`)).toHaveLength(1);
  expect(postsTo(sim, `/api/v1/servers/${id}/start/`)).toHaveLength(1);
  expect(allPosts(sim)).toHaveLength(2);
  expect(sim.getServer(id)).toMatchObject({ status: 'active' });
  expect(popup.pageErrors).toEqual([]);
});

/** Accessible-ish description of the focused element: its label, or its text. */
function focused(page: Page): Promise<{ label: string; rowName: string | null }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement)) return { label: '', rowName: null };
    const label = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
    const rowName = element.classList.contains('row-main') ? element.getAttribute('title') : null;
    return { label, rowName };
  });
}

async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, limit: number): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await done()) return;
    await page.keyboard.press(key);
  }
  if (!(await done())) throw new Error(`Pressed ${key} ${limit} times without reaching the target`);
}

test('keyboard only: Tab to the list, arrow to a running server, reboot it with confirmation', async () => {
  const { page, popup, sim } = await journey.openList({ speed: 60 });

  // Into the list: the list has one tab stop (the active row), reached by Tab from the toolbar.
  await pressUntil(page, 'Tab', async () => (await focused(page)).rowName !== null, 12);
  // Trouble sorts first (suspended, stopped); arrow down past it to the first running server.
  await pressUntil(
    page,
    'ArrowDown',
    async () => {
      const { rowName } = await focused(page);
      return rowName !== null && (await rowStatus(page, rowName)) === 'running';
    },
    6,
  );
  const name = (await focused(page)).rowName!;
  expect(name).toBe('auth-us-01');
  const id = serverIdByName(sim, name);

  await pressUntil(page, 'Tab', async () => (await focused(page)).label === `Reboot ${name}`, 3);
  await page.keyboard.press('Enter');
  await page.getByRole('group', { name: `Reboot ${name}?` }).waitFor();
  // Focus moved into the confirmation, onto the confirming button.
  await expect.poll(async () => (await focused(page)).label).toBe('Reboot');
  expect(allPosts(sim)).toEqual([]);
  await page.keyboard.press('Space');

  await expect.poll(() => postsTo(sim, `/api/v1/servers/${id}/reboot/`).length).toBe(1);
  // The outcome, worded from its fields, with the elapsed time: "auth-us-01 rebooted (3 s)".
  const rebooted = new RegExp(`${escapeRegExp(name)} rebooted \\(\\d+ s\\)`);
  await expect.poll(() => page.getByText(rebooted).count(), { timeout: 10_000 }).toBe(1);
  expect(await rowStatus(page, name)).toBe('running');
  expect(allPosts(sim)).toHaveLength(1);
  expect(popup.pageErrors).toEqual([]);
});

test('global shortcut path: search focused, part of a name, Enter, Tab to Reboot, Enter, Enter: one POST', async () => {
  const { page, popup, sim, backend } = await journey.openList({ speed: 60 });
  const id = serverIdByName(sim, 'web-server-01');
  // Elsewhere first (Settings), so the focus seen is the shortcut's doing.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();

  // What pressing the shortcut does in main (global-shortcut-setup.ts): ask for the search, show the popup
  // (open already: the request reaches it as popupShown at once).
  backend.core.requestView('search');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('server-search');
  await page.keyboard.type('web');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page)).rowName).toBe('web-server-01');

  await pressUntil(page, 'Tab', async () => (await focused(page)).label === 'Reboot web-server-01', 3);
  await page.keyboard.press('Enter');
  await page.getByRole('group', { name: 'Reboot web-server-01?' }).waitFor();
  await expect.poll(async () => (await focused(page)).label).toBe('Reboot');
  expect(allPosts(sim)).toEqual([]);
  await page.keyboard.press('Enter');

  await expect.poll(() => postsTo(sim, `/api/v1/servers/${id}/reboot/`).length).toBe(1);
  await expect.poll(() => rowStatus(page, 'web-server-01'), { timeout: 10_000 }).toBe('running');
  expect(allPosts(sim)).toHaveLength(1);
  expect(popup.pageErrors).toEqual([]);
});
