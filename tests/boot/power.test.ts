// Power actions in the built app, booted end to end (boot-kit.ts) in demo mode: a reboot from the
// popup (a click in the built page, through the built preload and the stand-in's IPC) and one from the
// tray menu (a native confirmation dialog first) each reach the demo simulator as ONE POST and end in
// ONE desktop notification. The simulator's side is counted where it receives requests.
import { expect, test } from 'vitest';
import { useBootedApp, writesIn, type BootedApp } from './boot-kit';

// A profile that polls as often as the settings allow while an action is under way (the demo's
// reboots take 3-6 s; the default fast poll, 3 s, would add to each journey).
const booted = useBootedApp({ userDataFiles: { 'settings.json': { pollIntervals: { fastSeconds: 1 } } } });

/** A reboot at the demo's speed takes 3-6 s, plus a poll to see it settle. */
const SETTLE_MS = 20_000;

const REBOOT_PATH = /^\/api\/v1\/servers\/\d+\/reboot\/$/;

/**
 * Asks for a poll now (the tray's Refresh) and waits until the simulator answered it: anything a
 * later poll would add (a second notification) has had its chance.
 */
async function oneMorePoll(app: BootedApp): Promise<void> {
  const before = app.requests.length;
  app.trayMenu().find('Refresh').click();
  await expect.poll(() => app.requests.slice(before).some((request) => request.method === 'GET')).toBe(true);
  // The answer is read and reconciled after the request arrived.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

test('a reboot from the popup: one POST at the simulator, one notification', async () => {
  const app = booted();
  app.trayMenu().find('Open VPS.org Tray').click();
  const page = await app.popupPage();
  const row = page.getByRole('list', { name: 'Servers' }).getByRole('listitem').filter({ hasText: 'api-01' });
  await row.getByRole('button', { name: 'Reboot api-01' }).click();
  const confirm = page.getByRole('group', { name: 'Reboot api-01?' });
  await confirm.waitFor();
  expect(writesIn(app.requests)).toEqual([]);
  await confirm.getByRole('button', { name: 'Reboot', exact: true }).click();

  await expect.poll(() => app.notifications(), { timeout: SETTLE_MS }).toHaveLength(1);
  expect(app.notifications()[0]).toEqual({
    title: 'VPS.org',
    body: expect.stringMatching(/^api-01 rebooted/) as unknown,
  });
  // The popup tells the same outcome.
  await expect.poll(() => page.getByText(/api-01 rebooted/).count()).toBeGreaterThan(0);

  await oneMorePoll(app);
  const writes = writesIn(app.requests);
  expect(writes).toHaveLength(1);
  expect(writes[0]).toMatchObject({ method: 'POST', path: expect.stringMatching(REBOOT_PATH) as unknown });
  expect(app.notifications()).toHaveLength(1);
  expect(app.popupWindow()?.webContents.pageErrors).toEqual([]);
});

test('a reboot from the tray menu: a native confirmation, one POST at the simulator, one notification', async () => {
  const app = booted();
  const writesBefore = writesIn(app.requests).length;
  const notificationsBefore = app.notifications().length;

  app.answerNextDialog(0);
  app.trayMenu().find('db-server-01 — running', 'Reboot…').click();

  await expect.poll(() => app.notifications().length, { timeout: SETTLE_MS }).toBe(notificationsBefore + 1);
  expect(app.dialogs().at(-1)).toMatchObject({ message: 'Reboot db-server-01?', buttons: ['Reboot', 'Cancel'] });
  expect(app.notifications().at(-1)).toEqual({
    title: 'VPS.org',
    body: expect.stringMatching(/^db-server-01 rebooted/) as unknown,
  });
  // While it rebooted, the menu said so; now it is running again.
  const labelsOverTime = app
    .tray()
    .menus.flatMap((menu) => menu?.items.filter((item) => item.label.startsWith('db-server-01 — ')) ?? [])
    .map((item) => item.label);
  expect(labelsOverTime).toContain('db-server-01 — rebooting ⏳');
  expect(labelsOverTime.at(-1)).toBe('db-server-01 — running');

  await oneMorePoll(app);
  const writes = writesIn(app.requests).slice(writesBefore);
  expect(writes).toHaveLength(1);
  expect(writes[0]).toMatchObject({ method: 'POST', path: expect.stringMatching(REBOOT_PATH) as unknown });
  expect(writes[0]?.path).not.toBe(writesIn(app.requests)[0]?.path);
  expect(app.notifications()).toHaveLength(notificationsBefore + 1);
});

test('a reboot from the tray menu that the user cancels in the dialog sends nothing', async () => {
  const app = booted();
  const writesBefore = writesIn(app.requests).length;
  const dialogsBefore = app.dialogs().length;

  app.answerNextDialog(1);
  app.trayMenu().find('web-server-01 — running', 'Reboot…').click();

  await expect.poll(() => app.dialogs().length).toBe(dialogsBefore + 1);
  await oneMorePoll(app);
  expect(writesIn(app.requests)).toHaveLength(writesBefore);
});
