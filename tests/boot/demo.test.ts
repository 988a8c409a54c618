// The demo's life in the built app, booted end to end (boot-kit.ts), from a first start to Quit, one
// journey after the other as a user would go: an empty profile starts the demo and the tray shows it;
// the tray's way in opens the popup (the built renderer and preload in Chromium, fed by the core over
// the stand-in's IPC); a reboot from the popup (a click in the page) and one from the tray menu (after
// a native confirmation) each reach the demo simulator as ONE POST, counted where it receives
// requests, and end in ONE notification; a second launch shows or toggles the popup; Quit stops the
// core and the simulator. One boot for all: each boot costs a bundle import and a Chromium.
// Platform: Linux (the test machine's), relying on its tray: the menu's first item is the way in, and
// the icon reports zero getBounds(), so the popup is placed by the cursor; menus as Electron builds them
// (electron-stand-in/menu.ts: extra separators dropped, `&` a mnemonic marker).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DEFAULT_GLOBAL_SHORTCUT } from '../../common/settings';
import { globalShortcut, nativeTheme, StandInMenu } from './electron-stand-in/desktop';
import { StandInBrowserWindow } from './electron-stand-in/window';
import { oneMorePoll, useBootedApp, writesIn } from './boot-kit';

const booted = useBootedApp();

/** The seeded demo account (25 servers, seed 1) as the tray words it. */
const DEMO_TOOLTIP = 'VPS.org — demo: 20 running, 2 stopped, 3 suspended';

/** A reboot at the demo's speed takes 3-6 s, plus a poll (every 3 s meanwhile) to see it settle. */
const SETTLE_MS = 20_000;

const REBOOT_PATH = /^\/api\/v1\/servers\/\d+\/reboot\/$/;

test('first start: the tray shows the demo (icon, tooltip, every demo server in the menu) and nothing is written to VPS.org', async () => {
  const { app, tray, trayMenu, requests, userData, popupWindow } = booted();
  await expect.poll(() => tray().tooltip, { timeout: 10_000 }).toBe(DEMO_TOOLTIP);

  // The start-up order Electron demands held (the stand-in refuses it otherwise), and these were set.
  expect(app.record.sandboxEnabled).toBe(true);
  expect(StandInMenu.getApplicationMenu()).toBeNull();

  // The demo icon, found where the app looks for its icons (an empty image means a missing file).
  expect(tray().image.fileName).toBe('tray-demoOnLight.png');
  expect(tray().image.isEmpty()).toBe(false);

  const labels = trayMenu().labels();
  // Linux: the first item is the way in (a panel may send no activation).
  expect(labels.slice(0, 3)).toEqual(['Open VPS.org Tray', '-', 'Demo mode — simulated servers']);
  // Server submenus are "name — status ▸" (the other submenu is the tray's "Pause alerts ▸").
  const servers = labels.filter((label) => / — .+ ▸$/.test(label));
  expect(servers).toHaveLength(25);
  // Trouble first by the app's verdict (common/order): at first start nothing deviates from what is
  // expected (a server first seen stopped may stay stopped) and nothing is in progress, so all are calm,
  // by name, stopped and suspended ones among the running.
  const names = servers.map((label) => label.split(' — ')[0]!);
  expect(names).toEqual(names.toSorted((a, b) => a.localeCompare(b, undefined, { numeric: true })));
  expect(servers.slice(0, 10).some((label) => / — (suspended|stopped) ▸$/.test(label))).toBe(true);
  // A development run (not packaged) cannot update itself, and the tray says so instead of offering a check.
  expect(labels.slice(-6)).toEqual([
    'Refresh',
    'Settings…',
    'Updates: not in a development run',
    'Open log folder',
    '-',
    'Quit',
  ]);
  expect(trayMenu().find('web-server-01 — running').submenu?.labels()).toEqual([
    'Status: running',
    'IP: 203.0.113.10',
    '-',
    'Stop…',
    'Reboot…',
    '-',
    'Copy IP',
    // Expected-state alerts: a server first seen running should run; its alerts can be paused.
    '-',
    'Should be running',
    'Pause alerts ▸',
  ]);

  // Only reads reached the demo simulator, and only it: one server, on loopback.
  expect(requests.length).toBeGreaterThan(0);
  expect(writesIn(requests)).toEqual([]);
  expect(new Set(requests.map((request) => request.port)).size).toBe(1);

  // The first start wrote its settings (demo mode on) and stored no token: the demo's stays in memory.
  const settings = JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')) as { demoMode: boolean };
  expect(settings.demoMode).toBe(true);
  expect(
    existsSync(join(userData, 'vault.json')) ? readFileSync(join(userData, 'vault.json'), 'utf8') : '{}',
  ).not.toMatch(/ciphertext/);
  // No window until the popup is first opened.
  expect(popupWindow()).toBeNull();
});

test('the tray opens the popup: a hardened window beside the icon, the demo servers rendered by the built popup in Chromium', async () => {
  const { trayMenu, popupWindow, popupPage } = booted();
  trayMenu().find('Open VPS.org Tray').click();

  const window = popupWindow();
  expect(window?.isVisible()).toBe(true);
  expect(window?.options.webPreferences).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
  });
  // Placed inside the screen's work area, at its top right where the icon is.
  const [x = -1, y = -1] = window?.getPosition() ?? [];
  expect(x).toBeGreaterThan(1920 / 2);
  expect(y).toBeGreaterThanOrEqual(28);

  const page = await popupPage();
  // The list renders the rows in view (it is windowed), in the tray's order: trouble first by the app's
  // verdict, so with nothing deviating or in progress, by name.
  const rows = page.getByRole('list', { name: 'Servers' }).getByRole('listitem');
  await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(8);
  expect(await rows.first().textContent()).toMatch(/^api-01/);
  expect(await rows.filter({ hasText: 'api-01' }).first().textContent()).toMatch(/running/);

  // The preload exposed `window.vps` and nothing else reaches the page: no ipcRenderer, no require, no
  // way to the stand-in's binding.
  const globals = await page.evaluate(() => {
    const world = globalThis as unknown as Record<string, unknown>;
    return {
      vps: Object.keys(world.vps as object).toSorted(),
      ipcRenderer: 'ipcRenderer' in world,
      require: 'require' in world,
      binding: '__electronStandInToMain' in world,
    };
  });
  expect(globals).toEqual({
    vps: expect.arrayContaining(['app', 'servers']) as unknown,
    ipcRenderer: false,
    require: false,
    binding: false,
  });
  expect(window?.webContents.pageErrors).toEqual([]);
});

test('a reboot from the popup: one POST at the simulator, one notification', async () => {
  const app = booted();
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
    .menus.flatMap((menu) => menu?.items.filter((item) => item.shownLabel.startsWith('db-server-01 — ')) ?? [])
    .map((item) => item.shownLabel);
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

test('focus leaving hides the popup; a second launch shows it again, and one with --toggle hides it', async () => {
  const { app, popupWindow } = booted();
  const window = popupWindow();
  window?.blur();
  expect(window?.isVisible()).toBe(false);

  app.emit('second-instance', {}, ['vps-org-tray'], '/home/user');
  expect(window?.isVisible()).toBe(true);
  app.emit('second-instance', {}, ['vps-org-tray', '--toggle'], '/home/user');
  expect(window?.isVisible()).toBe(false);
  // The same window each time: it is created once and kept while in use.
  expect(StandInBrowserWindow.created).toHaveLength(1);
  expect(window?.webContents.pageErrors).toEqual([]);
});

test('the panel turns dark: the tray icon follows; the global shortcut opens the popup with the search box focused', async () => {
  const { tray, popupWindow, popupPage } = booted();
  nativeTheme.setSystemDark(true);
  expect(tray().image.fileName).toBe('tray-demoOnDark.png');
  expect(tray().image.isEmpty()).toBe(false);
  nativeTheme.setSystemDark(false);
  expect(tray().image.fileName).toBe('tray-demoOnLight.png');

  const window = popupWindow();
  window?.blur();
  expect(window?.isVisible()).toBe(false);
  expect(globalShortcut.registered()).toEqual([DEFAULT_GLOBAL_SHORTCUT]);
  globalShortcut.press(DEFAULT_GLOBAL_SHORTCUT);
  expect(window?.isVisible()).toBe(true);
  const page = await popupPage();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')), { timeout: 10_000 })
    .toBe('search');
});

test('Quit in the tray menu stops the core and the demo simulator, and closes the popup', async () => {
  const { app, trayMenu, requests, popupWindow, userData } = booted();
  const window = popupWindow();
  const simulatorPort = requests[0]?.port;

  trayMenu().find('Quit').click();
  await app.whenQuit;

  expect(window?.isDestroyed()).toBe(true);
  expect(StandInBrowserWindow.getAllWindows()).toEqual([]);
  // The demo simulator is gone with the core: its port no longer answers.
  await expect(fetch(`http://127.0.0.1:${simulatorPort}/api/v1/servers/`)).rejects.toThrow('fetch failed');
  // Everything the app logged went to the log file in the profile, too.
  expect(readFileSync(join(userData, 'logs', 'main.log'), 'utf8')).toMatch(/Session started \(demo/);
});
