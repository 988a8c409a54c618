// AN ELECTRON STAND-IN, FOR THE BOOT JOURNEYS ONLY (tests/boot). Nothing here can run the Electron
// binary, so the journeys boot the BUILT main bundle (dist/main/index.js, the file electron-builder
// packs) in the test's Node process and give its `import … from 'electron'` this module instead.
//
// How the bundle gets it: the `boot` project of vitest.config.ts aliases `electron` to this file, and
// the journeys import the bundle through vitest's module runner, which rewrites only its import
// statements (the bundle's code runs as built; electron-store, bundled into it, runs for real against
// the stand-in's app paths). A Node resolve hook (module.register) would load the bundle natively, but
// then the bundle and the journeys would each hold their own copy of this module's state; the alias
// keeps one. vitest gives each test file its own module instances: one app life per file.
//
// What it is: the main-process modules the bundle imports (app, ipcMain, protocol, session,
// BrowserWindow, Tray, Menu, nativeImage, Notification, dialog, shell, clipboard, screen, powerMonitor,
// nativeTheme, globalShortcut, safeStorage), only as far as the app uses them when it runs here, each
// recording what the journeys read and offering the user's side as a method (a tray or menu click, a
// dialog answer, a theme change). A
// BrowserWindow's page is a real headless Chromium page serving the app's `app:` scheme through the
// app's own protocol handler, with the BUILT preload (dist/preload/index.cjs) run against renderer
// stand-ins of contextBridge and ipcRenderer; IPC passes every message through structuredClone, both
// ways. Electron's refusals are kept where the app's start-up order depends on them (Tray,
// BrowserWindow, protocol.handle and screen only after `ready`; scheme privileges and the sandbox
// switch only before it; a second handler for one IPC channel).
//
// What it cannot prove:
// - no native tray, menu, notification or dialog: whether the OS shows them (or AppIndicator on Linux
//   forwards clicks) is not tested; `Tray.click()` is what Windows and macOS would report;
// - no real keychain: safeStorage is a reversible marker (desktop.ts), not encryption;
// - no Chromium-in-Electron process model: the page and the preload share one JavaScript world (no
//   context isolation; contextBridge is an approximation that copies values and proxies functions),
//   the sandbox is Chromium's own headless one, and the `app:` page is really at an https address
//   that the stand-in translates (window.ts);
// - no fuses, no asar, no packaged paths (`app.isPackaged` is false; packaging is checked by
//   `npm run package:dir`), no auto-updater, no single-instance lock between processes (a second
//   instance is played by emitting `second-instance`);
// - the platform is the test machine's (Linux in CI) unless a journey answers `process.platform` with
//   'darwin' or 'win32' for its file: then the app's branches for that OS run, against what the stand-in
//   plays of it (macOS: key equivalents only through the app menu's edit roles; Windows: a tray click
//   blurs the focused window first, and `StandInBrowserWindow.foregroundDenied`), never the OS itself.
import { app } from './app';
import {
  StandInMenu,
  StandInNotification,
  StandInTray,
  clipboard,
  dialog,
  globalShortcut,
  nativeImage,
  nativeTheme,
  powerMonitor,
  safeStorage,
  screen,
  shell,
} from './desktop';
import { ipcMain } from './ipc-main';
import { StandInBrowserWindow, protocol, session } from './window';

// The module's surface, under Electron's names: this file is the `electron` package for the bundle.
export {
  app,
  ipcMain,
  protocol,
  session,
  clipboard,
  dialog,
  globalShortcut,
  nativeImage,
  nativeTheme,
  powerMonitor,
  safeStorage,
  screen,
  shell,
  StandInBrowserWindow as BrowserWindow,
  StandInMenu as Menu,
  StandInNotification as Notification,
  StandInTray as Tray,
};

/**
 * `import electron from 'electron'`: electron-store reads app, ipcMain and shell from it. Bundled
 * CommonJS code gets it from `require('electron')` too (boot-kit.ts), but none of that runs in a
 * development run (electron-updater stays unused).
 */
export default { app, ipcMain, shell };
