// The built app's first start, booted end to end (boot-kit.ts): an empty profile starts the demo, the
// tray shows it, the tray's way in opens the popup (the built renderer and preload in Chromium, fed by
// the core over the stand-in's IPC), a second launch shows or toggles it, and Quit stops everything.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { StandInMenu } from './electron-stand-in/desktop';
import { StandInBrowserWindow } from './electron-stand-in/window';
import { useBootedApp, writesIn } from './boot-kit';

const booted = useBootedApp();

/** The seeded demo account (25 servers, seed 1) as the tray words it. */
const DEMO_TOOLTIP = 'VPS.org — demo: 20 running, 2 stopped, 3 suspended';

test('first start: the tray shows the demo (icon, tooltip, every demo server in the menu) and nothing is written to VPS.org', async () => {
  const { app, tray, trayMenu, requests, userData, popupWindow } = booted();
  await expect.poll(() => tray().tooltip, { timeout: 10_000 }).toBe(DEMO_TOOLTIP);

  // The start-up order Electron demands held (the stand-in refuses it otherwise), and these were set.
  expect(app.record.sandboxEnabled).toBe(true);
  expect(StandInMenu.getApplicationMenu()).toBeNull();

  // The demo icon, found where the app looks for its icons (an empty image means a missing file).
  expect(tray().image.fileName).toBe('tray-demo.png');
  expect(tray().image.isEmpty()).toBe(false);

  const labels = trayMenu().labels();
  // Linux: the first item is the way in (AppIndicator sends no clicks).
  expect(labels.slice(0, 3)).toEqual(['Open VPS.org Tray', '-', 'Demo mode — simulated servers']);
  const servers = labels.filter((label) => label.endsWith(' ▸'));
  expect(servers).toHaveLength(25);
  // Trouble first: suspended and stopped servers lead the list.
  expect(servers.slice(0, 5).every((label) => / — (suspended|stopped) ▸$/.test(label))).toBe(true);
  expect(labels.slice(-5)).toEqual(['Refresh', 'Settings…', 'Open log folder', '-', 'Quit']);
  expect(trayMenu().find('web-server-01 — running').submenu?.labels()).toEqual([
    'Status: running',
    'IP: 203.0.113.10',
    '-',
    'Stop…',
    'Reboot…',
    '-',
    'Copy IP',
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
  // The list renders the rows in view (it is windowed), in the tray's order: trouble first.
  const rows = page.getByRole('list', { name: 'Servers' }).getByRole('listitem');
  await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(8);
  expect(await rows.first().textContent()).toMatch(/^cache-ap-01/);
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
