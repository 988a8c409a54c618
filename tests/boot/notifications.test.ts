// Actionable notifications in the built app, booted end to end (boot-kit.ts), playing Windows (as
// tray-click.test.ts does: `process.platform` answers 'win32' for the app's life), where Electron shows
// a notification's buttons. A stored account on a simulator with a hold time of one second: a running
// server stopped behind the app's back is told with a Start button; pressing it (twice: a double
// activation) reaches the simulator as ONE start. The "back to normal" that follows has no button, and
// clicking it opens the popup on that server's detail view. What it cannot prove: how Windows or macOS
// draw the button and report its press (the stand-in plays Electron 45's 'action' event).
import { afterAll, expect, test } from 'vitest';
import { useAlertingAccount } from './alerting-account';
import { oneMorePoll, writesIn, type BootedApp } from './boot-kit';
import type { StandInNotification } from './electron-stand-in/desktop';

const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!;
Object.defineProperty(process, 'platform', { ...realPlatform, value: 'win32' });
afterAll(() => Object.defineProperty(process, 'platform', realPlatform));

const { booted, sim, runningServer, powerBehindTheAppsBack } = useAlertingAccount();

/** Polls (the tray's Refresh) until a notification titled `title` was shown; returns it. */
async function notificationTitled(app: BootedApp, title: string): Promise<StandInNotification> {
  const find = () => app.shownNotifications().find((notification) => notification.title === title);
  await expect
    .poll(
      async () => {
        if (!find()) await oneMorePoll(app);
        return find() !== undefined;
      },
      { timeout: 15_000, interval: 200 },
    )
    .toBe(true);
  return find()!;
}

let server: { id: number; name: string };

test('Windows (a notification shows its buttons and reports a press as `action`): a should-run server found stopped is told with Start; pressed twice, ONE start reaches VPS.org', async () => {
  const app = booted();
  await expect.poll(() => app.tray().tooltip, { timeout: 10_000 }).toMatch(/^VPS\.org — 4 running/);
  server = runningServer();
  await powerBehindTheAppsBack(server.id, 'stop');

  const attention = await notificationTitled(app, `${server.name} needs attention`);
  expect(attention.body).toBe(`${server.name} should be running but is stopped`);
  expect(attention.actions).toEqual([{ type: 'button', text: 'Start' }]);

  const startPath = `/api/v1/servers/${server.id}/start/`;
  const writesBefore = writesIn(app.requests).length;
  attention.pressAction(0);
  attention.pressAction(0);
  await expect.poll(() => writesIn(app.requests).length, { timeout: 5_000 }).toBe(writesBefore + 1);
  expect(writesIn(app.requests).at(-1)).toMatchObject({ method: 'POST', path: startPath });
  // Start needs no confirmation by default: no dialog.
  expect(app.dialogs()).toEqual([]);
  await expect.poll(() => (sim().getServer(server.id) as { status: string }).status, { timeout: 5_000 }).toBe('active');
  await oneMorePoll(app);
  expect(writesIn(app.requests).slice(writesBefore)).toEqual([expect.objectContaining({ path: startPath })]);
  // The second press was not even tried: the core would have refused it, and the tray's refusal
  // ("The start of … failed") would be told.
  expect(app.notifications().filter((notification) => notification.title.includes('failed'))).toEqual([]);
  // The popup was not opened by the button.
  expect(app.popupWindow()?.isVisible() ?? false).toBe(false);
});

test('"back to normal" has no button; clicking it opens the popup on that server', async () => {
  const app = booted();
  const recovered = await notificationTitled(app, `${server.name} is back to normal`);
  expect(recovered.actions).toEqual([]);

  recovered.click();
  await expect.poll(() => app.popupWindow()?.isVisible() ?? false).toBe(true);
  const page = await app.popupPage();
  await expect.poll(() => page.locator('#detail-title').textContent(), { timeout: 10_000 }).toBe(server.name);
  expect(app.popupWindow()?.webContents.pageErrors).toEqual([]);
});
