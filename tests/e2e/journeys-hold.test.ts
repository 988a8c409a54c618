// Acting on a server in the list, as a person does it: the row stays put under the pointer and the
// keyboard while the action runs, focus never falls to <body>, a double click does one thing, and the
// README's keyboard path, walked literally.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { allPosts, postsTo, row, rowButton, rowStatus, serverIdByName, useJourney } from './journey-kit';

const journey = useJourney();

/** What has focus: its accessible label (or text), and the row it is in. */
function focused(page: Page): Promise<{ label: string; row: string | null; body: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    const body = element === null || element === document.body;
    if (!(element instanceof HTMLElement)) return { label: '', row: null, body };
    const label = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
    const name = element.closest('li[data-key]')?.querySelector('.row-name')?.textContent ?? null;
    return { label, row: name, body };
  });
}

/** The row's place in the list (aria-posinset), 0 when it is not shown. */
async function placeOf(page: Page, name: string): Promise<number> {
  const rows = row(page, name);
  if ((await rows.count()) !== 1) return 0;
  return Number(await rows.getAttribute('aria-posinset'));
}

/** The name of the server whose row is under the point. */
function rowAt(page: Page, x: number, y: number): Promise<string | null> {
  return page.evaluate(
    ([px, py]) =>
      document.elementFromPoint(px!, py!)?.closest('li[data-key]')?.querySelector('.row-name')?.textContent ?? null,
    [x, y],
  );
}

/** The n-th running server in the list, counted from 1 (a server below the top, "mid-list"). */
async function nthRunning(page: Page, n: number): Promise<string> {
  const names = await page.getByRole('list', { name: 'Servers' }).locator('.row-name').allInnerTexts();
  const running: string[] = [];
  for (const name of names) if ((await rowStatus(page, name)) === 'running') running.push(name);
  const found = running[n - 1];
  if (!found) throw new Error(`fewer than ${n} running servers: ${running.join(', ')}`);
  return found;
}

/** Checks `check` every 100 ms until `until` is true (at most `ms`); fails at the first false. */
async function holdsWhile(check: () => Promise<boolean>, until: () => Promise<boolean>, ms: number): Promise<number> {
  const deadline = Date.now() + ms;
  let checks = 0;
  while (Date.now() < deadline) {
    expect(await check()).toBe(true);
    checks++;
    if (await until()) return checks;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the condition never came');
}

test('mouse: reboot a mid-list server; its row stays under the pointer, in progress, until it settled and focus left', async () => {
  const { page, sim } = await journey.openList({ speed: 20 });
  const name = await nthRunning(page, 4);
  const place = await placeOf(page, name);
  expect(place).toBeGreaterThan(3);
  const reboot = row(page, name).getByRole('button', { name: `Reboot ${name}` });
  const box = (await reboot.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.click(x, y);
  const confirm = page.getByRole('group', { name: `Reboot ${name}?` });
  await confirm.getByRole('button', { name: 'Reboot', exact: true }).click();
  // Back over the row's Reboot button, as a hand would rest there.
  await page.mouse.move(x, y);

  // In progress and after: the same place, the same row under the pointer, its progress in it, focus on its
  // Reboot (unavailable meanwhile), never on <body>.
  await expect.poll(() => rowStatus(page, name)).toBe('rebooting');
  const checks = await holdsWhile(
    async () =>
      (await placeOf(page, name)) === place &&
      (await rowAt(page, x, y)) === name &&
      (await focused(page)).label === `Reboot ${name}`,
    async () => (await rowStatus(page, name)) === 'running',
    15_000,
  );
  expect(checks).toBeGreaterThan(1);
  await expect
    .poll(
      () =>
        row(page, name)
          .getByText(/rebooted \(\d+ s\)/)
          .count(),
      { timeout: 5_000 },
    )
    .toBe(1);
  expect(await focused(page)).toMatchObject({ label: `Reboot ${name}`, body: false });

  // Settled: once focus and the pointer leave, the row is no longer held (it sorts where the order puts it).
  await page.mouse.move(5, 5);
  await page.getByRole('searchbox', { name: 'Search servers' }).focus();
  await expect.poll(() => row(page, name).getAttribute('class')).not.toContain('row-held');
  expect(postsTo(sim, `/api/v1/servers/${serverIdByName(sim, name)}/reboot/`)).toHaveLength(1);
});

test('keyboard: Stop asks, Escape and Cancel give focus back to Stop, confirming keeps focus in the row, which stays put', async () => {
  const { page, sim } = await journey.openList({ speed: 20 });
  const name = await nthRunning(page, 3);
  const place = await placeOf(page, name);
  await rowButton(page, name).focus();
  await page.keyboard.press('Tab');
  expect((await focused(page)).label).toBe(`Reboot ${name}`);
  await page.keyboard.press('Tab');
  expect((await focused(page)).label).toBe(`Stop ${name}`);

  await page.keyboard.press('Enter');
  await page.getByRole('group', { name: `Stop ${name}?` }).waitFor();
  await page.keyboard.press('Escape');
  await expect.poll(() => focused(page)).toMatchObject({ label: `Stop ${name}`, row: name });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page)).label).toBe('Stop');
  await page.keyboard.press('Tab');
  expect((await focused(page)).label).toBe('Cancel');
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toMatchObject({ label: `Stop ${name}`, row: name });
  expect(allPosts(sim)).toEqual([]);

  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page)).label).toBe('Stop');
  await page.keyboard.press('Enter');
  await expect.poll(() => postsTo(sim, `/api/v1/servers/${serverIdByName(sim, name)}/stop/`).length).toBe(1);
  // While it stops: same place, focus on its (unavailable) Stop; once stopped, Stop is gone and focus is on the row.
  await holdsWhile(
    async () => (await placeOf(page, name)) === place && !(await focused(page)).body,
    async () => (await rowStatus(page, name)) === 'stopped',
    15_000,
  );
  await expect.poll(() => focused(page)).toMatchObject({ row: name, body: false });
  expect((await focused(page)).label).not.toBe('');
  // Moving on with the arrows lets the row go.
  await rowButton(page, name).focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await focused(page)).row).not.toBe(name);
  await expect.poll(() => row(page, name).getAttribute('class')).not.toContain('row-held');
});

test('detail view: Start a stopped server there; back on the list, its row is where it was and has focus', async () => {
  const { page, sim } = await journey.openList({ speed: 10 });
  const names = await page.getByRole('list', { name: 'Servers' }).locator('.row-name').allInnerTexts();
  let name = '';
  for (const each of names) if ((await rowStatus(page, each)) === 'stopped') name = each;
  expect(name).not.toBe('');
  const place = await placeOf(page, name);
  await rowButton(page, name).click();
  await page.getByRole('button', { name: `Start ${name}` }).click();
  await expect.poll(() => postsTo(sim, `/api/v1/servers/${serverIdByName(sim, name)}/start/`).length).toBe(1);
  await page.keyboard.press('Escape');
  await page.getByRole('list', { name: 'Servers' }).waitFor();
  // The control that opened the view has focus again, and the row did not jump to the top meanwhile.
  await expect.poll(() => focused(page)).toMatchObject({ row: name, body: false });
  expect(await rowStatus(page, name)).not.toBe('running');
  expect(await placeOf(page, name)).toBe(place);
});

test('a view opened from the header gives focus back to its button when it closes', async () => {
  const { page } = await journey.openList();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('list', { name: 'Servers' }).waitFor();
  await expect.poll(async () => (await focused(page)).label).toBe('Settings');
});

test('a double click on Reboot asks once: the second click neither opens the server nor confirms', async () => {
  const { page, sim } = await journey.openList({ speed: 20 });
  const name = await nthRunning(page, 2);
  const box = (await row(page, name)
    .getByRole('button', { name: `Reboot ${name}` })
    .boundingBox())!;
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByRole('group', { name: `Reboot ${name}?` }).waitFor();
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await page.getByRole('list', { name: 'Servers' }).count()).toBe(1);
  expect(await page.locator('.detail-view').count()).toBe(0);
  expect(allPosts(sim)).toEqual([]);
  // A double click on the confirming button sends one request.
  const yes = page.getByRole('group', { name: `Reboot ${name}?` }).getByRole('button', { name: 'Reboot', exact: true });
  await yes.dblclick();
  await expect.poll(() => allPosts(sim).length).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(allPosts(sim)).toHaveLength(1);
  expect(await page.locator('.detail-view').count()).toBe(0);
});

test('the README’s keyboard path, literally: shortcut, `db-server`, Enter, Tab, Enter, Enter; focus stays on Reboot', async () => {
  const { page, sim, backend } = await journey.openList({ speed: 30 });
  const id = serverIdByName(sim, 'db-server-01');
  // The global shortcut, as global-shortcut-setup.ts does it: the popup asked for its search.
  backend.core.requestView('search');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('server-search');
  await page.keyboard.type('db-server');
  await page.keyboard.press('Enter');
  // The top match is a running server: the row has focus, and its first action is Reboot.
  await expect.poll(async () => (await focused(page)).label).toMatch(/^db-server-01/);
  expect(await rowStatus(page, 'db-server-01')).toBe('running');
  await page.keyboard.press('Tab');
  expect((await focused(page)).label).toBe('Reboot db-server-01');
  await page.keyboard.press('Enter');
  await page.getByRole('group', { name: 'Reboot db-server-01?' }).waitFor();
  await expect.poll(async () => (await focused(page)).label).toBe('Reboot');
  await page.keyboard.press('Enter');

  await expect.poll(() => postsTo(sim, `/api/v1/servers/${id}/reboot/`).length).toBe(1);
  await expect.poll(() => focused(page)).toMatchObject({ label: 'Reboot db-server-01', body: false });
  await expect.poll(() => page.getByText(/db-server-01 rebooted \(\d+ s\)/).count(), { timeout: 10_000 }).toBe(1);
  expect(await focused(page)).toMatchObject({ label: 'Reboot db-server-01', body: false });
  expect(allPosts(sim)).toHaveLength(1);
});
