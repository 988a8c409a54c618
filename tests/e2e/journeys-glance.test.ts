// The list at a glance, in Chromium at 380 px: counts by the app's verdict that are filters, the
// toolbar on one line, power buttons a person can tell apart, messages that tell the truth and can be
// read whole; and axe on all of it in English and Czech, light and dark.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { FAST_POLLING, row, rowNames, rowStatus, serverIdByName, useJourney } from './journey-kit';

const journey = useJourney();
let axeSource: string;

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
});

/** axe-core's serious and critical violations on the page as it is now (as tests/e2e/a11y.test.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    interface Result {
      violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: unknown[] }> }>;
    }
    const axe = (globalThis as unknown as { axe: { run(context: unknown): Promise<Result> } }).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

const glance = (page: Page) => page.getByRole('group', { name: 'Servers at a glance' });

test('the glance line counts by verdict and filters; the toolbar is one line; a pause of all alerts shows there', async () => {
  const { page } = await journey.openList();
  const statuses = await Promise.all((await rowNames(page)).map((name) => rowStatus(page, name)));
  const count = (status: string) => statuses.filter((each) => each === status).length;
  const running = count('running');
  const stopped = count('stopped');
  await expect.poll(() => glance(page).innerText()).toContain(`${running} running`);
  expect(await glance(page).innerText()).toContain(`${stopped} stopped`);

  // Search, Filters and Refresh on one line, and the glance line right under it: the list starts high.
  const tops = await Promise.all(
    [
      page.getByRole('searchbox', { name: 'Search servers' }),
      page.getByRole('button', { name: 'Filters' }),
      page.getByRole('button', { name: 'Refresh' }),
    ].map(async (control) => (await control.boundingBox())!.y),
  );
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(4);
  const listTop = (await page.getByTestId('server-list').boundingBox())!.y;
  const headerBottom = (await page.locator('.app-header').boundingBox())!;
  expect(listTop - (headerBottom.y + headerBottom.height)).toBeLessThan(80);

  // A count is a filter: only the stopped ones, then all again.
  const stoppedButton = glance(page).getByRole('button', { name: `${stopped} stopped` });
  await stoppedButton.click();
  expect(await stoppedButton.getAttribute('aria-pressed')).toBe('true');
  const shown = await rowNames(page);
  expect(shown).toHaveLength(stopped);
  for (const name of shown) expect(await rowStatus(page, name)).toBe('stopped');
  await stoppedButton.click();
  await expect.poll(async () => (await rowNames(page)).length).toBe(statuses.length);

  // Pausing every alert (the tray's or Settings' pause) is said on the glance line.
  await page.evaluate(() =>
    (globalThis as unknown as { vps: { alerts: { pause(r: unknown): Promise<unknown> } } }).vps.alerts.pause({
      ref: null,
      duration: 'indefinite',
    }),
  );
  await expect.poll(() => page.getByTestId('glance-paused').innerText()).toContain('Alerts paused');
});

test('Reboot, Stop, Start and Refresh have icons of their own (SVG, no font glyph) and tooltips; Stop is set apart', async () => {
  const { page } = await journey.openList();
  const names = await rowNames(page);
  let running = '';
  let stopped = '';
  for (const name of names) {
    const status = await rowStatus(page, name);
    if (status === 'running' && !running) running = name;
    if (status === 'stopped' && !stopped) stopped = name;
  }
  const reboot = row(page, running).getByRole('button', { name: `Reboot ${running}` });
  const stop = row(page, running).getByRole('button', { name: `Stop ${running}` });
  const start = row(page, stopped).getByRole('button', { name: `Start ${stopped}` });
  const refresh = page.getByRole('button', { name: 'Refresh' });
  const drawing = (button: typeof reboot) =>
    button.evaluate((element) => ({
      svg: element.querySelector('svg')?.innerHTML ?? '',
      text: element.textContent?.trim() ?? '',
      title: element.getAttribute('title') ?? '',
      size: element.querySelector('svg')?.getBoundingClientRect().width ?? 0,
    }));
  const [r, s, st, rf] = await Promise.all([drawing(reboot), drawing(stop), drawing(start), drawing(refresh)]);
  for (const icon of [r, s, st, rf]) {
    expect(icon.svg).not.toBe('');
    expect(icon.text).toBe('');
    expect(icon.size).toBe(16);
  }
  expect(new Set([r.svg, s.svg, st.svg, rf.svg]).size).toBe(4);
  expect(r.title).toBe(`Reboot ${running}`);
  expect(s.title).toBe(`Stop ${running}`);
  expect(rf.title).toMatch(/^Refresh/);
  // Reboot comes first; Stop, the one that takes the server down, last, with a gap between them.
  const [rebootBox, stopBox] = [(await reboot.boundingBox())!, (await stop.boundingBox())!];
  expect(stopBox.x).toBeGreaterThan(rebootBox.x + rebootBox.width + 8);
});

test('messages: in progress is neutral, success says what finished, a failure’s reason is read whole and kept until dismissed', async () => {
  const { page, sim } = await journey.openList({ speed: 20 });
  const name = 'web-server-01';
  await row(page, name)
    .getByRole('button', { name: `Reboot ${name}` })
    .click();
  await page
    .getByRole('group', { name: `Reboot ${name}?` })
    .getByRole('button', { name: 'Reboot', exact: true })
    .click();
  const progress = row(page, name).locator('.notice');
  await expect.poll(() => progress.innerText()).toContain(`Reboot of ${name} sent; waiting for it to finish…`);
  expect(await progress.getAttribute('class')).toBe('notice notice-progress');
  expect(await progress.innerText()).not.toContain('✓');
  await expect.poll(() => progress.innerText(), { timeout: 10_000 }).toMatch(/✓ web-server-01 rebooted \(\d+ s\)/);
  expect(await progress.getAttribute('class')).toBe('notice notice-info');

  // A refused stop with a long reason from VPS.org: all of it on screen, wrapped, until dismissed.
  const reason =
    'The hypervisor cluster in us-west is in scheduled maintenance until 14:00 UTC; power actions are paused for every server on it.';
  sim.injectFault(
    { type: 'status', status: 409, body: JSON.stringify({ message: reason }) },
    { method: 'POST', path: `/api/v1/servers/${serverIdByName(sim, name)}/stop/`, times: 1 },
  );
  await row(page, name)
    .getByRole('button', { name: `Stop ${name}` })
    .click();
  await page
    .getByRole('group', { name: `Stop ${name}?` })
    .getByRole('button', { name: 'Stop', exact: true })
    .click();
  const failure = row(page, name).getByRole('alert');
  await expect.poll(() => failure.innerText()).toContain(reason);
  const fits = () =>
    failure.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const rowBox = element.closest('li')!.getBoundingClientRect();
      const next = element.closest('li')!.nextElementSibling?.getBoundingClientRect();
      return {
        whole: element.scrollWidth <= element.clientWidth && element.scrollHeight <= element.clientHeight + 1,
        inRow: box.bottom <= rowBox.bottom + 1,
        lines: Math.round(box.height / 16),
        overlapsNext: next !== undefined && next.top < rowBox.bottom - 1,
      };
    });
  const shape = await fits();
  expect(shape).toMatchObject({ whole: true, inRow: true, overlapsNext: false });
  expect(shape.lines).toBeGreaterThan(1);
  // Polls come and go (every second here): the reason stays until the user dismisses it.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  expect(await failure.innerText()).toContain(reason);
  await row(page, name)
    .getByRole('button', { name: `Dismiss the message about ${name}` })
    .click();
  expect(await row(page, name).getByRole('alert').count()).toBe(0);
});

test('axe: the list with its glance line, filters, confirmation and messages has no serious violation, en and cs, light and dark', async () => {
  const found: Record<string, string[]> = {};
  for (const [language, locale] of [
    ['en', 'en-US'],
    ['cs', 'cs-CZ'],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const backend = await journey.startBackend({
        withToken: true,
        systemLocale: locale,
        simulator: { speed: 20 },
        settings: FAST_POLLING,
      });
      const { page } = await journey.openPopup(backend, { locale, colorScheme });
      const list = page.getByRole('list').first();
      await list.locator('.row-main[title="web-server-01"]').waitFor();
      await page.locator('.filters-button').click();
      await page.locator('.filters-panel select').first().waitFor();
      await row(page, 'web-server-01', await list.getAttribute('aria-label').then(String))
        .locator('.power-reboot')
        .click();
      await page.locator('.confirm').waitFor();
      found[`${language}-${colorScheme}-confirm`] = await seriousViolations(page);
      await page.locator('.confirm button.danger').click();
      await page.locator('.notice-progress').waitFor();
      found[`${language}-${colorScheme}-progress`] = await seriousViolations(page);
    }
  }
  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
});
