// Linux's tray in the built app (boot-kit.ts), on the Linux machine running the journeys: Electron emits
// 'click' when the StatusNotifierItem is activated (a left or a double click, as the panel decides; Tray
// docs, "Platform Considerations"), and that opens the popup, as a click does on Windows and macOS. What
// it cannot: whether a given panel sends the activation at all (the menu's first item stays the way in).
import { expect, test } from 'vitest';
import { useBootedApp } from './boot-kit';

const booted = useBootedApp();

test('Linux (activation is `click`; the icon reports zero getBounds()): activating the tray icon opens the popup by the cursor; activating it again closes it', async () => {
  const { tray, trayMenu, popupWindow } = booted();
  await expect.poll(() => tray().tooltip, { timeout: 10_000 }).toMatch(/^VPS\.org — demo: /);
  expect(trayMenu().labels()[0]).toBe('Open VPS.org Tray');
  expect(popupWindow()).toBeNull();

  tray().click();
  expect(popupWindow()?.isVisible()).toBe(true);
  // The icon has no bounds on Linux (the stand-in answers zeros, as Electron does): the popup is placed by
  // the cursor (top right, 1890,10), inside the work area below the top panel.
  const [x, y] = popupWindow()!.getPosition();
  expect(x).toBeGreaterThan(1000);
  expect(x! + 380).toBeLessThanOrEqual(1920);
  expect(y).toBeGreaterThanOrEqual(28);
  tray().click();
  expect(popupWindow()?.isVisible()).toBe(false);
});
