// Expected-state alerts end to end: a server that should run is stopped behind the app's back (as from
// VPS.org's own dashboard); after the hold time the popup marks it and its detail says why, the tray
// turns to attention, and exactly one notification is sent.
import { expect, test } from 'vitest';
import { defaultSettings } from '../../main/settings/schema';
import { FAST_POLLING, row, serverIdByName, useJourney } from './journey-kit';

const journey = useJourney();

test('a should-run server stopped elsewhere is marked after the hold time, with one notification', async () => {
  const backend = await journey.startBackend({
    withToken: true,
    simulator: { speed: 120 },
    // A 2-second hold time keeps the journey short; the rule is the same as with the default 3 minutes.
    settings: { ...FAST_POLLING, alerts: { ...defaultSettings().alerts, holdSeconds: 2 } },
  });
  const popup = await journey.openPopup(backend);
  const { page } = popup;
  await row(page, 'web-server-01').waitFor();
  const key = `default:${serverIdByName(backend.sim, 'web-server-01')}`;
  await expect.poll(() => backend.ports.settings.get().alerts.expectations[key]).toBe('should-run');

  const id = serverIdByName(backend.sim, 'web-server-01');
  const response = await fetch(`${backend.sim.baseUrl}/servers/${id}/stop/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${backend.sim.token}` },
  });
  expect(response.ok).toBe(true);

  const mark = row(page, 'web-server-01').getByRole('img', { name: 'Needs attention' });
  await mark.waitFor({ timeout: 20_000 });
  expect(backend.core.tray.getState().icon).toBe('attention');
  const alerts = backend.ports.notifier.notifications.filter((n) => n.title === 'web-server-01 needs attention');
  expect(alerts).toEqual([
    { title: 'web-server-01 needs attention', body: 'web-server-01 should be running but is stopped' },
  ]);

  await row(page, 'web-server-01')
    .getByRole('button', { name: /^web-server-01 / })
    .click();
  await page.getByText('web-server-01 should be running but is stopped').waitFor();
  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await page.getByText(/acknowledged/).waitFor();
  await expect.poll(() => backend.core.tray.getState().icon).not.toBe('attention');
  // Still one notification: polls after it never repeat it.
  expect(backend.ports.notifier.notifications.filter((n) => n.title.includes('needs attention'))).toHaveLength(1);
  expect(popup.pageErrors).toEqual([]);
});
