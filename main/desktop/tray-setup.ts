// The tray icon and its menu in Electron (main/tray/ builds them: menu.ts the menu, controller.ts renders
// it, intents.ts carries out the clicks, icons.ts names the icon files), following the
// core's tray summary and the settings (confirmations and language change labels and dialogs).
import { join } from 'node:path';
import { app, dialog, Menu, nativeImage, nativeTheme, shell, Tray, type NativeImage } from 'electron';
import { EventChannel } from '../../common/contract';
import type { Log } from '../app-log';
import type { Core } from '../core';
import { messagesForSetting } from '../i18n';
import type { ClipboardPort, Notifier, SettingsStore } from '../ports';
import type { PopupController } from './popup-window';
import { createTrayController } from '../tray/controller';
import { trayIconFile, watchPanelTheme, type PanelTheme } from '../tray/icons';
import { runTrayIntent, type TrayIntent, type TrayIntentDeps } from '../tray/intents';
import type { TrayIconState } from '../tray/summary';

function trayIcon(directory: string, state: TrayIconState, panel: PanelTheme): NativeImage {
  const icon = trayIconFile(state, process.platform, panel);
  const image = nativeImage.createFromPath(join(directory, icon.fileName));
  if (icon.template) image.setTemplateImage(true);
  return image;
}

export function setupTray(deps: {
  core: Pick<Core, 'tray' | 'onEvent' | 'requestView' | 'refreshNow' | 'powerAction' | 'updates' | 'alerts'>;
  settings: SettingsStore;
  popup: Pick<PopupController, 'show' | 'toggle' | 'prepare'>;
  notifier: Notifier;
  clipboard: ClipboardPort;
  /** Folder of the tray icon PNGs (AppPaths.trayIcons). */
  iconsDirectory: string;
  /** The log folder the tray menu opens (setupLogFile). */
  logsDirectory: string;
  log: Log;
}) {
  const { core, popup, iconsDirectory: icons } = deps;
  const summary = core.tray.getState();
  // The user's language, read at each render and click: a change of the setting shows at once.
  const messages = () => messagesForSetting(deps.settings.get().language, app.getSystemLocale());
  // Windows and Linux: the icons follow the panel's theme (macOS tints its Template images itself).
  const panel = watchPanelTheme({
    platform: process.platform,
    nativeTheme,
    env: process.env,
    onChange: () => controller.redrawIcon(),
  });
  const tray = new Tray(trayIcon(icons, summary.icon, panel.current()));
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
  // The effects of a tray click, shared with a notification's button (notifications-setup.ts).
  const intentDeps: TrayIntentDeps = {
    openPopup: () => popup.show(),
    // The popup is the settings UI: ask for the view first, so the showing carries it.
    openSettings: () => {
      core.requestView('settings');
      popup.show();
    },
    refreshNow: () => core.refreshNow(),
    quit: () => app.quit(),
    // openPath reports a failure as a message rather than rejecting.
    openLogFolder: async () => {
      const failure = await shell.openPath(deps.logsDirectory);
      if (failure) deps.log('warn', `opening the log folder failed: ${failure}`);
    },
    checkForUpdates: async () => void (await core.updates.checkNow()),
    restartToUpdate: () => void core.updates.restart(),
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
    powerAction: (ref, action, source) => core.powerAction(ref, action, source),
    notify: (title, body) => deps.notifier.notify(title, body),
    alerts: core.alerts,
    log: deps.log,
  };
  const controller = createTrayController({
    tray: target,
    buildFromTemplate: (template) => Menu.buildFromTemplate(template),
    iconFor: (state) => trayIcon(icons, state, panel.current()),
    platform: process.platform,
    getConfirmations: () => deps.settings.get().confirmations,
    getMessages: messages,
    getUpdates: () => core.updates.state(),
    onIntent: (intent) => void runTrayIntent(intent, intentDeps),
  });
  controller.render(summary);
  const unsubscribeSummary = core.tray.onChange((next) => controller.render(next));
  // Confirmations and the language change the menu's labels and dialogs.
  const unsubscribeSettings = core.onEvent((channel) => {
    if (channel === EventChannel.settingsChanged) controller.refresh();
  });
  const unsubscribeUpdates = core.updates.onChange(() => controller.refresh());

  // A click; on Linux the StatusNotifierItem's activation, a left or a double click as the host decides
  // (Tray docs, "Platform Considerations"). Hosts that send none keep the menu's "Open VPS.org Tray" item.
  tray.on('click', () => popup.toggle());
  if (process.platform === 'darwin') tray.on('right-click', () => menu && tray.popUpContextMenu(menu));
  // The pointer on the icon: the popup's page loads before the click (Electron emits this on macOS and
  // Windows only; on Linux the first open loads it).
  if (process.platform !== 'linux') tray.on('mouse-enter', () => popup.prepare());

  return {
    tray,
    /** Carries out an intent as a tray click would (a notification's button). */
    run: (intent: TrayIntent) => runTrayIntent(intent, intentDeps),
    dispose(): void {
      unsubscribeSummary();
      unsubscribeSettings();
      panel.dispose();
      unsubscribeUpdates();
      tray.destroy();
    },
  };
}
