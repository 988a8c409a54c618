// The global shortcut (global-shortcut.ts) wired to Electron: the setting's accelerator, registered at
// start and again when it changes, released on quit; pressing it opens the popup on the server list
// with the search box focused.
import { app, globalShortcut } from 'electron';
import { EventChannel } from '../../common/contract';
import type { Log } from '../app-log';
import type { Core } from '../core';
import type { SettingsStore } from '../ports';
import { createGlobalShortcut } from './global-shortcut';
import type { PopupController } from './popup-window';

export function setupGlobalShortcut(deps: {
  core: Pick<Core, 'onEvent' | 'requestView' | 'reportShortcut'>;
  settings: SettingsStore;
  popup: Pick<PopupController, 'show'>;
  log: Log;
}): void {
  const { core } = deps;
  const shortcut = createGlobalShortcut({
    globalShortcut,
    platform: process.platform,
    env: process.env,
    // Asked first, so the showing carries it (as the tray's Settings… does).
    onPressed: () => {
      core.requestView('search');
      deps.popup.show();
    },
    report: (status) => core.reportShortcut(status),
    log: deps.log,
  });
  shortcut.apply(deps.settings.get().globalShortcut);
  const unsubscribe = core.onEvent((channel) => {
    if (channel === EventChannel.settingsChanged) shortcut.apply(deps.settings.get().globalShortcut);
  });
  app.on('will-quit', () => {
    unsubscribe();
    shortcut.dispose();
  });
}
