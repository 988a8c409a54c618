// Composition root of the Electron main process: single-instance lock, app ready, one setupX() per
// feature (main/desktop/setup.ts), the Electron-free core in the middle. Flags: `--demo` starts the
// simulator instead of the API; a second launch with `--toggle` toggles the running instance's popup.
import { app, Menu } from 'electron';
import { EventChannel } from '../common/contract';
import { createCore, type Core } from './core';
import {
  appPaths,
  consoleLog as log,
  setupClipboard,
  setupIpc,
  setupLoginItem,
  setupNotifier,
  setupPopup,
  setupPowerMonitor,
  setupSecurity,
  setupStores,
  setupTray,
  setupVault,
  trustedSender,
} from './desktop/setup';
import type { PopupController } from './desktop/popup';

// No application menu: it would only add a hidden menu bar (and its shortcuts) to the popup.
Menu.setApplicationMenu(null);
// Every renderer sandboxed, whatever a window's own options say.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let popup: PopupController | null = null;
  let core: Core | null = null;
  let stopped = false;

  app.on('second-instance', (_event, argv) => {
    if (argv.includes('--toggle')) popup?.toggle();
    else popup?.show();
  });
  // A tray app lives on with no window open.
  app.on('window-all-closed', () => {});
  app.on('before-quit', (event) => {
    if (stopped || !core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    void closing
      .stop()
      .catch((error: unknown) => log('error', `stopping failed: ${String(error)}`))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });

  const startUp = app.whenReady().then(async () => {
    app.dock?.hide();
    setupSecurity(log);
    // Opened before anything reads settings; a damaged file is moved aside and becomes a notice.
    const stores = setupStores(log);
    const settings = stores.settings;
    const clipboard = setupClipboard();
    let tray: ReturnType<typeof setupTray> | null = null;
    const openPopup = () => popup?.show();
    const notifier = setupNotifier(openPopup);
    core = createCore({
      vault: setupVault(stores.vaultStore, log),
      settings,
      notifier,
      clipboard,
      popup: { hide: () => popup?.hide() },
      appInfo: {
        version: app.getVersion(),
        platform: process.platform,
        systemLocale: app.getSystemLocale(),
        notices: stores.notices,
      },
      isTrustedSender: trustedSender(appPaths().pageUrl),
      log,
    });
    const started = core;
    popup = setupPopup({ getTray: () => tray?.tray ?? null, onVisibilityChange: (open) => started.setPopupOpen(open) });
    setupIpc(started, popup, log);
    tray = setupTray({ core: started, settings, popup, notifier, clipboard, log });
    setupPowerMonitor(started);
    setupLoginItem(started, settings, log);
    // Confirmation settings change the tray menu's labels and dialogs.
    started.onEvent((channel) => {
      if (channel === EventChannel.settingsChanged) tray?.refresh();
    });
    await started.start({ demo: process.argv.includes('--demo') });
  });
  // A tray app that failed half-way would be invisible: say why and leave.
  startUp.catch((error: unknown) => {
    log('error', `start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    app.quit();
  });
}
