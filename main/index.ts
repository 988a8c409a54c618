// Composition root of the Electron main process: single-instance lock, app ready, one setupX() per
// feature (main/desktop/*-setup.ts), the Electron-free core in the middle. Flags: `--demo` starts the
// simulator instead of the API; a second launch with `--toggle` toggles the running instance's popup;
// `--self-test` checks the app in a temporary profile and exits (desktop/self-test-setup.ts).
import { join } from 'node:path';
import { app, dialog, Menu } from 'electron';
import type { Log } from './app-log';
import { consoleSink, createAppLog, type LogSink } from './app-log';
import { createCore, type Core } from './core';
import { applicationMenuTemplate } from './desktop/app-menu';
import { appPaths } from './desktop/app-paths';
import { registerAppScheme, setupAppProtocol } from './desktop/app-protocol-setup';
import { setupClipboard } from './desktop/clipboard';
import { setupGlobalShortcut } from './desktop/global-shortcut-setup';
import { setupDiagnostics } from './desktop/diagnostics-setup';
import { createRecentLog } from './diagnostics/recent-log';
import { trustedSender } from './desktop/ipc';
import { setupIpc } from './desktop/ipc-setup';
import { setupLogFile } from './desktop/log-file-setup';
import { setupLoginItem } from './desktop/login-item-setup';
import { setupNotifier } from './desktop/notifications-setup';
import { setupPopup } from './desktop/popup-setup';
import type { PopupController } from './desktop/popup-window';
import { setupPowerMonitor } from './desktop/power-monitor-setup';
import { setupSaveFile } from './desktop/save-file-setup';
import { refuseRemoteDebugging } from './desktop/remote-debugging';
import { installProcessHandlers } from './desktop/process-handlers';
import { prepareSelfTest, type SelfTestRun } from './desktop/self-test-setup';
import { setupSecurity } from './desktop/security-setup';
import { setupStores } from './desktop/stores-setup';
import { setupTray } from './desktop/tray-setup';
import { setupTrayHostNotice } from './desktop/tray-host-setup';
import { setupMacSignatureNotice } from './desktop/mac-signature-setup';
import { setupUpdater } from './desktop/updater-setup';
import { setupVault } from './desktop/vault-setup';
import { messagesForSetting } from './i18n';
import { createRedactor } from './redactor';
import { createNoticeActions } from './tray/intents';

// One redactor for the whole process: the core teaches it every token, the edge's log lines pass it too.
const redactor = createRedactor();
// The console until run() knows this is the only instance; then the console and the log file (a second
// instance, quitting at once, never rotates the running one's file).
let logSink: LogSink = consoleSink;
// The last warnings and errors, already redacted, for "Copy diagnostics".
const recentLines = createRecentLog();
const log: Log = createAppLog(redactor, (level, line) => {
  logSink(level, line);
  recentLines.record(level, line.replace(/^\[vps-tray\] /, ''));
});

/** What the app's event handlers reach: filled in as start-up goes, emptied when quitting. */
interface AppState {
  core: Core | null;
  popup: PopupController | null;
  /** The core has stopped: the next quit goes through. */
  stopped: boolean;
}

/** Everything after `app` is ready: the stores, the core and the features around it. */
async function startUp(state: AppState, logsDirectory: string, selfTest: SelfTestRun | null): Promise<void> {
  app.dock?.hide();
  // macOS: the edit roles Cmd+C/V need (app-menu.ts); set after ready, as before it macOS ignores it (electron#2068).
  const menu = applicationMenuTemplate(process.platform);
  if (menu) Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
  setupSecurity({ log });
  const paths = appPaths({
    appPath: app.getAppPath(),
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
  });
  // Before any window: the popup page is served only through this scheme.
  setupAppProtocol({ root: paths.rendererRoot });
  // Opened before anything reads settings; a damaged file is moved aside and becomes a notice.
  const stores = setupStores({ log });
  const settings = stores.settings;
  const clipboard = setupClipboard();
  let tray: ReturnType<typeof setupTray> | null = null;
  // A notification about a server opens the popup on it; its button is the tray menu's power item.
  const runNoticeAction = createNoticeActions({
    run: async (intent) => tray?.run(intent),
    confirmations: () => settings.get().confirmations,
  });
  const notifier = setupNotifier({
    onClick: () => state.popup?.show(),
    openServer: (ref) => {
      state.core?.requestView({ server: ref });
      state.popup?.show();
    },
    runAction: (notice) => void runNoticeAction(notice),
  });
  const core = createCore({
    vault: setupVault({ store: stores.vaultStore, log }),
    settings,
    notifier,
    clipboard,
    popup: { hide: () => state.popup?.hide() },
    appInfo: {
      version: app.getVersion(),
      platform: process.platform,
      systemLocale: app.getSystemLocale(),
      notices: stores.notices,
    },
    isTrustedSender: trustedSender(paths.pageUrl),
    log,
    redactor,
    updater: setupUpdater({ log }),
    diagnostics: setupDiagnostics(recentLines),
    // Beside settings.json, in the profile (a self-test's is temporary).
    historyDirectory: join(app.getPath('userData'), 'history'),
    saveFile: setupSaveFile(),
  });
  state.core = core;
  const popup = setupPopup({
    paths,
    isPackaged: app.isPackaged,
    getTray: () => tray?.tray ?? null,
    onVisibilityChange: (open) => core.setPopupOpen(open),
    log,
    reportRendererFailure: () => {
      const { t } = messagesForSetting(settings.get().language, app.getSystemLocale());
      notifier.notify(t('notification.popupFailed'), t('notification.popupFailedBody'));
    },
  });
  state.popup = popup;
  setupIpc({ core, popup, log });
  tray = setupTray({ core, settings, popup, notifier, clipboard, iconsDirectory: paths.trayIcons, logsDirectory, log });
  // Linux with no tray host (stock GNOME): the icon cannot appear; say so once (after the tray exists).
  if (!selfTest) {
    setupTrayHostNotice({
      notifier,
      messages: () => messagesForSetting(settings.get().language, app.getSystemLocale()),
      log,
    });
    // macOS shows no notifications of an unsigned build: the popup says so (after the tray exists).
    setupMacSignatureNotice({ addNotice: core.addNotice, log });
  }
  setupPowerMonitor({ core });
  if (!selfTest) setupLoginItem({ core, settings, log });
  setupGlobalShortcut({ core, settings, popup, log });
  await core.start({ demo: selfTest !== null || process.argv.includes('--demo') });
  selfTest?.started({ core, tray, popup });
}

/** The app's life: one instance, started when ready, the core stopped before quitting. */
function run(): void {
  // First of all: a packaged build started with remote debugging says why and quits.
  const refusal = { isPackaged: app.isPackaged, argv: process.argv };
  if (refuseRemoteDebugging({ ...refusal, showError: (t, c) => dialog.showErrorBox(t, c), exit: (c) => app.exit(c) }))
    return;
  // No application menu: it would only add a hidden menu bar (and its shortcuts) to the popup. (macOS
  // gets its edit roles once ready: startUp.)
  Menu.setApplicationMenu(null);
  // Windows: toasts and the taskbar under the installer's id (electron-builder.yml appId), set before
  // ready (electron-builder#4783); unset, a toast shows "electron.app.VPS.org Tray".
  if (process.platform === 'win32') app.setAppUserModelId('org.vps.tray');
  // Every renderer sandboxed, whatever a window's own options say.
  app.enableSandbox();
  // `--self-test`: a temporary profile (before the lock, which follows it) and the checks' clock.
  const selfTest = prepareSelfTest({ argv: process.argv, log });

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const logFile = setupLogFile();
  logSink = logFile.sink;
  installProcessHandlers(process, log);
  // The popup's origin (app://popup): its privileges can only be declared before ready.
  registerAppScheme();
  const state: AppState = { core: null, popup: null, stopped: false };

  app.on('second-instance', (_event, argv) => {
    if (argv.includes('--toggle')) state.popup?.toggle();
    else state.popup?.show();
  });
  // A tray app lives on with no window open.
  app.on('window-all-closed', () => {});
  app.on('before-quit', (event) => {
    if (state.stopped || !state.core) return;
    event.preventDefault();
    const closing = state.core;
    state.core = null;
    void closing
      .stop()
      .catch((error: unknown) => log('error', `stopping failed: ${String(error)}`))
      .finally(() => {
        state.stopped = true;
        app.quit();
      });
  });

  // A tray app that failed half-way would be invisible: say why and leave.
  app
    .whenReady()
    .then(() => startUp(state, logFile.directory, selfTest))
    .catch((error: unknown) => {
      selfTest?.failed(error);
      log('error', `start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      app.quit();
    });
}

run();
