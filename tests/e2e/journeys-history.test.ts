// History end to end (issue #20): a server stops while the popup is closed; opening the popup shows it
// in "Since you last looked", its link leads to the detail, whose timeline has the stop and whose
// uptime over 24 hours is no longer 100 %. The real core records it (in memory, as with no history
// folder); the popup is the built one.
import { expect, test } from 'vitest';
import { FAST_POLLING, row, rowButton, rowStatus, serverIdByName, useJourney } from './journey-kit';

const journey = useJourney();

test('a server that stopped while the popup was closed is in the digest, its timeline and its uptime', async () => {
  const backend = await journey.startBackend({ withToken: true, simulator: { speed: 120 }, settings: FAST_POLLING });
  const popup = await journey.openPopup(backend);
  const { page } = popup;
  await row(page, 'web-server-01').waitFor();

  // Up all the time it was watched, so far.
  await rowButton(page, 'web-server-01').click();
  const history = page.getByRole('region', { name: 'History' });
  await expect.poll(() => history.locator('[data-window="day"] .uptime-share').textContent()).toBe('100 %');
  await page.getByRole('button', { name: 'Back' }).click();
  await row(page, 'web-server-01').waitFor();

  // The popup closes; the server is stopped elsewhere (VPS.org's dashboard), and the app sees it.
  backend.core.setPopupOpen(false);
  const id = serverIdByName(backend.sim, 'web-server-01');
  const response = await fetch(`${backend.sim.baseUrl}/servers/${id}/stop/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${backend.sim.token}` },
  });
  expect(response.ok).toBe(true);
  await expect
    .poll(
      async () => {
        await backend.core.refreshNow();
        return rowStatus(page, 'web-server-01');
      },
      { timeout: 20_000 },
    )
    .toBe('stopped');

  // Opened again: what happened meanwhile, at the top of the list.
  backend.core.setPopupOpen(true);
  const digest = page.getByRole('region', { name: 'Since you last looked' });
  // The server named once, with what happened to it (its stop, then the alert).
  await digest
    .getByRole('listitem')
    .filter({ hasText: /^web-server-01: .*stopped since/ })
    .waitFor();

  // Its name leads to its detail: the stop in today's timeline, and the uptime no longer 100 %.
  await digest.getByRole('button', { name: 'Open web-server-01' }).click();
  await page.getByRole('heading', { name: 'web-server-01', level: 2 }).waitFor();
  await history.locator('.timeline-day').first().getByText('Today').waitFor();
  await history
    .locator('.timeline-entry', { hasText: /^.stopped/ })
    .first()
    .waitFor();
  await expect
    .poll(async () =>
      Number.parseFloat((await history.locator('[data-window="day"] .uptime-share').textContent()) ?? ''),
    )
    .toBeLessThan(100);
  expect(popup.pageErrors).toEqual([]);
});
