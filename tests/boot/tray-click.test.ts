// The tray's click on Windows (and macOS), in the built app booted end to end (boot-kit.ts): the machine
// running the journeys is Linux, where the panel decides what an activation is (linux-activation.test.ts), so
// this file plays Windows by answering `process.platform` with 'win32' for the app's life. What it
// proves: the built app wires the icon's click to the popup (a click opens it beside the icon, a second
// one closes it), and the pointer entering the icon loads the popup hidden before the click, which then
// shows that same window, kept hidden after. The stand-in plays Windows' focus: a tray click lands on
// the taskbar first, so the focused popup gets `blur` before `click`; and in "foreground denied" mode a
// window shown right after a tray click is blurred at once (gitify#3064). What it cannot: how Windows
// itself delivers clicks or places the taskbar.
import { readFileSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { useBootedApp } from './boot-kit';
import { StandInBrowserWindow } from './electron-stand-in/window';

const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!;
Object.defineProperty(process, 'platform', { ...realPlatform, value: 'win32' });
afterAll(() => Object.defineProperty(process, 'platform', realPlatform));

const booted = useBootedApp();

test('Windows (a tray click blurs the focused window first): the pointer on the tray icon loads the popup hidden; a click shows it with the demo servers; a second click hides it', async () => {
  const { tray, trayMenu, popupWindow, popupPage } = booted();
  await expect.poll(() => tray().tooltip, { timeout: 10_000 }).toMatch(/^VPS\.org — demo: /);
  // Windows has clicks: the menu does not lead with the way in (it ends with Open instead).
  expect(trayMenu().labels()[0]).not.toBe('Open VPS.org Tray');
  expect(popupWindow()).toBeNull();

  // The pointer enters the icon: the page loads, hidden.
  tray().emit('mouse-enter');
  const prepared = popupWindow();
  expect(prepared).not.toBeNull();
  expect(prepared?.isVisible()).toBe(false);
  tray().emit('mouse-enter');
  expect(StandInBrowserWindow.getAllWindows()).toHaveLength(1);

  tray().click();
  const window = popupWindow();
  expect(window).toBe(prepared);
  expect(window?.isVisible()).toBe(true);
  const page = await popupPage();
  const rows = page.getByRole('list', { name: 'Servers' }).getByRole('listitem');
  await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(8);

  // The second click blurs the popup first (it hides on blur), then asks it to toggle: it stays hidden,
  // rather than opening again under the pointer.
  tray().click();
  expect(window?.record.blurs).toBe(1);
  expect(window?.isVisible()).toBe(false);
  expect(window?.isDestroyed()).toBe(false);
  expect(window?.webContents.pageErrors).toEqual([]);
});

test('Windows (foreground denied: show() is followed by blur): a tray click opens the popup and it stays open', async () => {
  const { tray, popupWindow } = booted();
  // The click that hid the popup by blur is a moment past (a click right after it is the same gesture).
  await new Promise((resolve) => setTimeout(resolve, 400));
  StandInBrowserWindow.foregroundDenied = true;
  try {
    const window = popupWindow()!;
    const blursBefore = window.record.blurs;
    const focusRequestsBefore = window.record.focusRequests;
    tray().click();
    await expect.poll(() => window.record.blurs).toBe(blursBefore + 1);
    // Windows took the foreground back at once: the popup stays and asks for focus again.
    expect(window.isVisible()).toBe(true);
    expect(window.record.focusRequests).toBeGreaterThan(focusRequestsBefore + 1);
  } finally {
    StandInBrowserWindow.foregroundDenied = false;
  }
});

test("Windows: toasts and the taskbar carry the installer's id (electron-builder.yml appId), set before ready", () => {
  const appId = /^appId:\s*(\S+)$/m.exec(readFileSync('electron-builder.yml', 'utf8'))?.[1];
  expect(appId).toBeTruthy();
  expect(booted().app.record.appUserModelId).toBe(appId);
});
