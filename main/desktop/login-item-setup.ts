// Launch at login (login-item.ts) following the setting, with Electron's login item and the real file
// system (Linux autostart entry).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';
import { EventChannel } from '../../common/contract';
import type { Log } from '../app-log';
import type { Core } from '../core';
import type { SettingsStore } from '../ports';
import { applyLaunchAtLogin, keptSwitches, syncLaunchAtLogin } from './login-item';

export function setupLoginItem(deps: { core: Pick<Core, 'onEvent'>; settings: SettingsStore; log: Log }): void {
  syncLaunchAtLogin({
    isPackaged: app.isPackaged,
    isEnabled: () => deps.settings.get().launchAtLogin,
    onSettingsChanged: (listener) =>
      deps.core.onEvent((channel) => {
        if (channel === EventChannel.settingsChanged) listener();
      }),
    apply: (enabled) =>
      applyLaunchAtLogin(enabled, {
        platform: process.platform,
        app,
        executable: process.env.APPIMAGE ?? process.execPath,
        configHome: process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'),
        switches: keptSwitches(process.argv),
        fs: {
          writeFile: (path, text) => writeFileSync(path, text, { mode: 0o644 }),
          removeFile: (path) => rmSync(path, { force: true }),
          exists: (path) => existsSync(path),
          mkdir: (path) => mkdirSync(path, { recursive: true }),
        },
      }),
    log: deps.log,
  });
}
