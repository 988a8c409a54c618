// The tray's click on Windows (and macOS), in the built app booted end to end (boot-kit.ts): the machine
// running the journeys is Linux, where AppIndicator reports no clicks and the app registers none, so
// this file plays Windows by answering `process.platform` with 'win32' for the app's life. What it
// proves: the built app wires the icon's click to the popup (a click opens it beside the icon, a second
// one closes it). What it cannot: how Windows itself delivers clicks or places the taskbar.
import { afterAll, expect, test } from 'vitest';
import { useBootedApp } from './boot-kit';

const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!;
Object.defineProperty(process, 'platform', { ...realPlatform, value: 'win32' });
afterAll(() => Object.defineProperty(process, 'platform', realPlatform));

const booted = useBootedApp();

test('Windows: a click on the tray icon opens the popup with the demo servers; a second click closes it', async () => {
  const { tray, trayMenu, popupWindow, popupPage } = booted();
  await expect.poll(() => tray().tooltip, { timeout: 10_000 }).toMatch(/^VPS\.org — demo: /);
  // Windows has clicks: the menu does not lead with the way in (it ends with Open instead).
  expect(trayMenu().labels()[0]).not.toBe('Open VPS.org Tray');
  expect(popupWindow()?.isVisible() ?? false).toBe(false);

  tray().click();
  const window = popupWindow();
  expect(window?.isVisible()).toBe(true);
  const page = await popupPage();
  const rows = page.getByRole('list', { name: 'Servers' }).getByRole('listitem');
  await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(8);

  tray().click();
  expect(window?.isVisible()).toBe(false);
  expect(window?.webContents.pageErrors).toEqual([]);
});
