import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  applyLaunchAtLogin,
  AUTOSTART_FILE_NAME,
  linuxAutostartEntry,
  syncLaunchAtLogin,
  type LaunchAtLoginSyncDeps,
  type LinuxAutostartFs,
} from '../../main/desktop/login-item';

function memoryFs() {
  const files = new Map<string, string>();
  const fs: LinuxAutostartFs = {
    writeFile: (path, text) => files.set(path, text),
    removeFile: (path) => files.delete(path),
    exists: (path) => files.has(path),
    mkdir: () => {},
  };
  return { files, fs };
}

describe('launch at login', () => {
  it('macOS/Windows: calls setLoginItemSettings only when the state differs', () => {
    const state = { openAtLogin: false };
    const app = {
      getLoginItemSettings: () => ({ ...state }),
      setLoginItemSettings: vi.fn<(s: { openAtLogin: boolean }) => void>((s) => {
        state.openAtLogin = s.openAtLogin;
      }),
    };
    const deps = { platform: 'darwin', app, executable: '/x', configHome: '/c', fs: memoryFs().fs };
    applyLaunchAtLogin(false, deps);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    applyLaunchAtLogin(true, deps);
    applyLaunchAtLogin(true, deps);
    expect(app.setLoginItemSettings).toHaveBeenCalledTimes(1);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, openAsHidden: true });
  });

  it('Linux: writes and removes an XDG autostart entry', () => {
    const { files, fs } = memoryFs();
    const app = {
      getLoginItemSettings: vi.fn<() => { openAtLogin: boolean }>(() => ({ openAtLogin: false })),
      setLoginItemSettings: vi.fn<(s: { openAtLogin: boolean }) => void>(),
    };
    const deps = {
      platform: 'linux',
      app,
      executable: '/home/me/Apps/VPS.org Tray.AppImage',
      configHome: '/home/me/.config',
      fs,
    };
    applyLaunchAtLogin(true, deps);
    const file = join('/home/me/.config', 'autostart', AUTOSTART_FILE_NAME);
    expect(files.get(file)).toContain('Exec="/home/me/Apps/VPS.org Tray.AppImage"');
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    applyLaunchAtLogin(false, deps);
    expect(files.has(file)).toBe(false);
    expect(linuxAutostartEntry('/usr/bin/vps-org-tray')).toContain('Exec=/usr/bin/vps-org-tray\n');
  });
});

function syncFixture(options: { isPackaged: boolean; enabled: boolean; apply?: (enabled: boolean) => void }) {
  const setting = { enabled: options.enabled };
  const applied: boolean[] = [];
  const logs: string[] = [];
  let changed: (() => void) | null = null;
  const deps: LaunchAtLoginSyncDeps = {
    isPackaged: options.isPackaged,
    isEnabled: () => setting.enabled,
    onSettingsChanged: (listener) => {
      changed = listener;
    },
    apply: (enabled) => {
      applied.push(enabled);
      options.apply?.(enabled);
    },
    log: (level, message) => void logs.push(`${level} ${message}`),
  };
  syncLaunchAtLogin(deps);
  const change = (enabled: boolean) => {
    setting.enabled = enabled;
    changed!();
  };
  return { applied, logs, change };
}

describe('launch at login following the setting', () => {
  it('applies the setting at start, then only when it changes', () => {
    const { applied, change } = syncFixture({ isPackaged: true, enabled: false });
    expect(applied).toEqual([false]);
    // Another setting changed: launch at login did not.
    change(false);
    expect(applied).toEqual([false]);
    change(true);
    change(true);
    change(false);
    expect(applied).toEqual([false, true, false]);
  });

  it('registers nothing in development (the bare Electron binary would start an empty app), and says so', () => {
    const { applied, logs, change } = syncFixture({ isPackaged: false, enabled: false });
    expect(logs).toEqual([]);
    change(true);
    expect(applied).toEqual([]);
    expect(logs).toEqual(['info launch at login is applied only in the packaged app']);
  });

  it('logs a failure to change it instead of throwing, and tries again on the next change', () => {
    const { applied, logs, change } = syncFixture({
      isPackaged: true,
      enabled: true,
      apply: (enabled) => {
        if (enabled) throw new Error('EACCES: permission denied');
      },
    });
    expect(logs).toEqual(['warn Could not change launch at login: EACCES: permission denied']);
    change(false);
    change(true);
    expect(applied).toEqual([true, false, true]);
    expect(logs).toHaveLength(2);
  });
});
