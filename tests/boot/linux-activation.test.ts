// Linux's tray in the built app (boot-kit.ts), on the Linux machine running the journeys: Electron emits
// 'click' when the StatusNotifierItem is activated (a left or a double click, as the panel decides; Tray
// docs, "Platform Considerations"), and that opens the popup, as a click does on Windows and macOS. What
// it cannot: whether a given panel sends the activation at all (the menu's first item stays the way in).
import { expect, test } from 'vitest';
import { useBootedApp } from './boot-kit';

const booted = useBootedApp();

test('Linux: activating the tray icon opens the popup; activating it again closes it', async () => {
  const { tray, trayMenu, popupWindow } = booted();
  await expect.poll(() => tray().tooltip, { timeout: 10_000 }).toMatch(/^VPS\.org — demo: /);
  expect(trayMenu().labels()[0]).toBe('Open VPS.org Tray');
  expect(popupWindow()).toBeNull();

  tray().click();
  expect(popupWindow()?.isVisible()).toBe(true);
  tray().click();
  expect(popupWindow()?.isVisible()).toBe(false);
});
