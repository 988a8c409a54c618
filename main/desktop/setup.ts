// The thin Electron adapters: each setupX() hands real Electron objects to the Electron-free modules
// beside this file (vault, settings-store, tray, popup, security, ipc, notify), which is where the
// behaviour and its tests live; store-file.ts is the other edge (it opens the electron-store files).
// Everything here runs after `app` is ready unless noted.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  safeStorage,
  screen,
  session,
  Tray,
  type NativeImage,
} from 'electron';
import type { Core } from '../core';
import { messagesForSetting } from '../i18n';
import { isAppPageUrl } from '../ipc/router';
import type { ClipboardPort, Notifier, SettingsStore, TokenVault } from '../ports';
import { EventChannel } from '../../common/contract';
import { bindIpc, createEventForwarder } from './ipc';
import { applyLaunchAtLogin, createClipboardPort, createNotifier } from './notify';
import { computePopupPosition, anchorPoint, createPopupController, type PopupController } from './popup';
import { setupSecurity as applySecurity } from './security';
import { openAppStores, type AppStores } from './stores';
import { createTrayController, runTrayIntent, type TrayIconState } from './tray';
import { createTokenVault, type KeyValueStore, type SafeStoragePort } from './vault';
import type { Log } from '../../common/log';

export const consoleLog: Log = (level, message) => console[level](`[vps-tray] ${message}`);

/** Where the bundled files are, in development (`electron .`) and packaged (app.asar). */
export function appPaths() {
  const root = app.getAppPath();
  const page = join(root, 'dist', 'renderer', 'index.html');
  return {
    preload: join(root, 'dist', 'preload', 'index.cjs'),
    page,
    pageUrl: pathToFileURL(page).href,
    // electron-builder copies build/tray to resources/tray (extraResources): PNGs must stay outside
    // the asar for the OS tray on some Linux desktops.
    trayIcons: app.isPackaged ? join(process.resourcesPath, 'tray') : join(root, 'build', 'tray'),
  };
}

/** True when the sender is the popup page (the router refuses everything else). */
export function trustedSender(pageUrl: string) {
  return (sender: { url: string }) => isAppPageUrl(sender.url, pageUrl);
}

// --- storage ------------------------------------------------------------------------------------

/** settings.json and vault.json, with notices for a file that was unusable and moved aside. */
export function setupStores(log: Log): AppStores {
  return openAppStores({ directory: app.getPath('userData'), log });
}

/** Needs app ready: safeStorage is not initialised before. */
export function setupVault(store: KeyValueStore, log: Log): TokenVault {
  const port: SafeStoragePort = {
    isAsyncEncryptionAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    encryptStringAsync: (text) => safeStorage.encryptStringAsync(text),
    decryptStringAsync: (data) => safeStorage.decryptStringAsync(data),
    ...(process.platform === 'linux'
      ? { getSelectedStorageBackend: () => safeStorage.getSelectedStorageBackend() }
      : {}),
  };
  return createTokenVault({ safeStorage: port, store, platform: process.platform, log });
}

// --- small ports --------------------------------------------------------------------------------

export function setupNotifier(onClick: () => void): Notifier {
  return createNotifier(
    { isSupported: () => Notification.isSupported(), create: (options) => new Notification(options) },
    onClick,
  );
}

export function setupClipboard(): ClipboardPort {
  return createClipboardPort(clipboard);
}

// --- popup --------------------------------------------------------------------------------------

export const POPUP_SIZE = { width: 380, height: 540 };

export function setupPopup(deps: {
  getTray: () => Tray | null;
  onVisibilityChange: (open: boolean) => void;
}): PopupController {
  const paths = appPaths();
  return createPopupController({
    createWindow: () => {
      const window = new BrowserWindow({
        ...POPUP_SIZE,
        show: false,
        frame: false,
        resizable: false,
        movable: false,
        minimizable: false,
        maximizable: false,
        fullscreenable: false,
        skipTaskbar: true,
        alwaysOnTop: true,
        title: 'VPS.org Tray',
        webPreferences: {
          preload: paths.preload,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
          spellcheck: false,
        },
      });
      // macOS: follow the user to the current Space / full-screen app instead of switching Spaces.
      if (process.platform === 'darwin') window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
      void window.loadFile(paths.page);
      return window;
    },
    position: (windowSize) => {
      const trayBounds = deps.getTray()?.getBounds() ?? { x: 0, y: 0, width: 0, height: 0 };
      const cursor = screen.getCursorScreenPoint();
      const display = screen.getDisplayNearestPoint(anchorPoint(trayBounds, cursor));
      return computePopupPosition({
        trayBounds,
        windowSize,
        workArea: display.workArea,
        platform: process.platform,
        cursor,
      });
    },
    onVisibilityChange: deps.onVisibilityChange,
  });
}

// --- tray ---------------------------------------------------------------------------------------

const ICON_FILE: Record<TrayIconState, string> = {
  ok: 'tray-ok',
  'some-stopped': 'tray-someStopped',
  busy: 'tray-busy',
  error: 'tray-error',
  'no-token': 'tray-noToken',
  demo: 'tray-demo',
};

function trayIcon(directory: string, state: TrayIconState): NativeImage {
  // macOS: black+alpha Template images that the menu bar tints for light/dark mode. The @2x file
  // beside each one is picked up by nativeImage automatically.
  const suffix = process.platform === 'darwin' ? 'Template' : '';
  const image = nativeImage.createFromPath(join(directory, `${ICON_FILE[state]}${suffix}.png`));
  if (process.platform === 'darwin') image.setTemplateImage(true);
  return image;
}

export function setupTray(deps: {
  core: Core;
  settings: SettingsStore;
  popup: PopupController;
  notifier: Notifier;
  clipboard: ClipboardPort;
  log: Log;
}) {
  const { core, popup } = deps;
  const icons = appPaths().trayIcons;
  const summary = core.tray.getState();
  // The user's language, read at each render and click: a change of the setting shows at once.
  const messages = () => messagesForSetting(deps.settings.get().language, app.getSystemLocale());
  const tray = new Tray(trayIcon(icons, summary.icon));
  let menu: Menu | null = null;
  // macOS shows a context menu set with setContextMenu on left click too, which would hide the popup:
  // keep the menu for right click only there.
  const target = {
    setContextMenu: (next: Menu | null) => {
      menu = next;
      if (process.platform !== 'darwin') tray.setContextMenu(next);
    },
    setToolTip: (text: string) => tray.setToolTip(text),
    setImage: (image: NativeImage) => tray.setImage(image),
  };
  const controller = createTrayController({
    tray: target,
    buildFromTemplate: (template) => Menu.buildFromTemplate(template),
    iconFor: (state) => trayIcon(icons, state),
    platform: process.platform,
    getConfirmations: () => deps.settings.get().confirmations,
    getMessages: messages,
    onIntent: (intent) =>
      void runTrayIntent(intent, {
        openPopup: () => popup.show(),
        // The popup is the settings UI: ask for the view first, so the showing carries it.
        openSettings: () => {
          core.requestView('settings');
          popup.show();
        },
        refreshNow: () => core.refreshNow(),
        quit: () => app.quit(),
        writeClipboard: (text) => deps.clipboard.writeText(text),
        getMessages: messages,
        confirm: async (message, detail, confirmLabel, cancelLabel) => {
          const { response } = await dialog.showMessageBox({
            type: 'question',
            buttons: [confirmLabel, cancelLabel],
            defaultId: 1,
            cancelId: 1,
            noLink: true,
            message,
            detail,
          });
          return response === 0;
        },
        powerAction: (ref, action) => core.powerAction(ref, action),
        notify: (title, body) => deps.notifier.notify(title, body),
        log: deps.log,
      }),
  });
  controller.render(summary);
  const unsubscribe = core.tray.onChange((next) => controller.render(next));

  // Linux AppIndicator emits no click events (https://github.com/electron/electron/issues/37112):
  // there the menu's "Open VPS.org Tray" item is the way in.
  if (process.platform !== 'linux') tray.on('click', () => popup.toggle());
  if (process.platform === 'darwin') tray.on('right-click', () => menu && tray.popUpContextMenu(menu));

  return {
    tray,
    /** Settings changed (confirmations, language): labels and dialogs follow. */
    refresh: () => controller.refresh(),
    dispose(): void {
      unsubscribe();
      tray.destroy();
    },
  };
}

// --- wiring of the rest -------------------------------------------------------------------------

export function setupIpc(core: Core, popup: PopupController, log: Log): () => void {
  const unbind = bindIpc(ipcMain, core.router, (level, message) => log(level, message));
  const unforward = core.onEvent(createEventForwarder(() => popup.webContents()));
  return () => {
    unbind();
    unforward();
  };
}

export function setupSecurity(log: Log): void {
  applySecurity({ app, session: session.defaultSession, log: (message) => log('info', message) });
}

export function setupPowerMonitor(core: Core): void {
  powerMonitor.on('suspend', () => core.system.suspend());
  powerMonitor.on('resume', () => core.system.resume());
  powerMonitor.on('unlock-screen', () => core.system.unlock());
}

export function setupLoginItem(core: Core, settings: SettingsStore, log: Log): void {
  const apply = (enabled: boolean) => {
    // In development the executable is the bare Electron binary: registering it would start an empty app.
    if (!app.isPackaged) {
      if (enabled) log('info', 'launch at login is applied only in the packaged app');
      return;
    }
    try {
      applyLaunchAtLogin(enabled, {
        platform: process.platform,
        app,
        executable: process.env.APPIMAGE ?? process.execPath,
        configHome: process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'),
        fs: {
          writeFile: (path, text) => writeFileSync(path, text, { mode: 0o644 }),
          removeFile: (path) => rmSync(path, { force: true }),
          exists: (path) => existsSync(path),
          mkdir: (path) => mkdirSync(path, { recursive: true }),
        },
      });
    } catch (error) {
      log('warn', `Could not change launch at login: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  let launchAtLogin = settings.get().launchAtLogin;
  apply(launchAtLogin);
  core.onEvent((channel) => {
    if (channel !== EventChannel.settingsChanged) return;
    // The store is updated before the event is sent.
    const next = settings.get().launchAtLogin;
    if (next !== launchAtLogin) {
      launchAtLogin = next;
      apply(next);
    }
  });
}
