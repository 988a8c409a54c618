// A deviation in the built app, booted end to end (boot-kit.ts): a stored account on a simulator, with
// a hold time of one second (alerts.holdSeconds in settings.json). A running server (so one that should
// run) is stopped behind the app's back, through the simulator's API as another client would: once the
// app has seen it stopped for longer than the hold time, the tray icon turns to attention, the tooltip
// says so first and ONE notification tells it; started again, ONE "back to normal" and the icon calms.
// Stopped once more, Acknowledge in the tray menu calms the icon while it stays stopped.
// Platform: the test machine's own (Linux in CI), with nothing platform-specific relied on beyond the
// stand-in's menu rules (separators and `&` as Electron builds menus, electron-stand-in/menu.ts).
import { expect, test } from 'vitest';
import { useAlertingAccount } from './alerting-account';
import { oneMorePoll, type BootedApp } from './boot-kit';

const { booted, sim, runningServer, powerBehindTheAppsBack } = useAlertingAccount();

const CALM_TOOLTIP = 'VPS.org — 4 running, 1 stopped, 1 suspended';

/** Polls (the tray's Refresh) until `check` holds: the hold time runs between them. */
async function refreshUntil(app: BootedApp, check: () => boolean): Promise<void> {
  await expect
    .poll(
      async () => {
        if (!check()) await oneMorePoll(app);
        return check();
      },
      { timeout: 15_000, interval: 200 },
    )
    .toBe(true);
}

let server: { id: number; name: string };

test('a should-run server stopped behind the app’s back: after the hold time the icon turns to attention, the tooltip says so, ONE notification', async () => {
  const app = booted();
  await expect.poll(() => app.tray().tooltip, { timeout: 10_000 }).toBe(CALM_TOOLTIP);
  expect(app.tray().image.fileName).toBe('tray-okOnLight.png');
  server = runningServer();

  await powerBehindTheAppsBack(server.id, 'stop');
  await refreshUntil(app, () => app.tray().image.fileName === 'tray-attentionOnLight.png');
  expect(app.tray().image.isEmpty()).toBe(false);
  expect(app.tray().tooltip).toBe('VPS.org — 1 need attention, 3 running, 2 stopped, 1 suspended');
  expect(app.notifications()).toEqual([
    { title: `${server.name} needs attention`, body: expect.any(String) as unknown },
  ]);
  // The menu marks the server and offers Acknowledge.
  const entry = `${server.name} — stopped ⚠`;
  expect(app.trayMenu().find(entry).submenu?.labels()).toContain('Acknowledge');

  // Later polls find it still stopped: told once.
  await oneMorePoll(app);
  await oneMorePoll(app);
  expect(app.notifications()).toHaveLength(1);
  expect(app.tray().image.fileName).toBe('tray-attentionOnLight.png');
});

test('started again: ONE "back to normal" notification and the icon calms', async () => {
  const app = booted();
  await powerBehindTheAppsBack(server.id, 'start');
  await refreshUntil(app, () => app.tray().image.fileName === 'tray-okOnLight.png');
  expect(app.tray().tooltip).toBe(CALM_TOOLTIP);
  await oneMorePoll(app);
  expect(app.notifications()).toHaveLength(2);
  expect(app.notifications()[1]).toEqual({
    title: `${server.name} is back to normal`,
    body: expect.stringMatching(/^No longer: /) as unknown,
  });
  expect(app.trayMenu().labels()).toContain(`${server.name} — running ▸`);
});

test('stopped again, then Acknowledge in the tray menu: the icon calms while the server stays stopped', async () => {
  const app = booted();
  await powerBehindTheAppsBack(server.id, 'stop');
  await refreshUntil(app, () => app.tray().image.fileName === 'tray-attentionOnLight.png');
  // A new deviation is told anew.
  expect(app.notifications()).toHaveLength(3);
  expect(app.notifications()[2]?.title).toBe(`${server.name} needs attention`);

  app.trayMenu().find(`${server.name} — stopped ⚠`, 'Acknowledge').click();
  await expect.poll(() => app.tray().image.fileName).toBe('tray-okOnLight.png');
  expect(app.tray().tooltip).toBe('VPS.org — 3 running, 2 stopped, 1 suspended');
  expect(app.trayMenu().labels()).toContain(`${server.name} — stopped ▸`);

  // Still stopped at the next polls: the icon stays calm and nothing more is told.
  await oneMorePoll(app);
  await oneMorePoll(app);
  expect((sim().getServer(server.id) as { status: string }).status).toBe('stopped');
  expect(app.tray().image.fileName).toBe('tray-okOnLight.png');
  expect(app.notifications()).toHaveLength(3);
});
