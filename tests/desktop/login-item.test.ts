import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  applyLaunchAtLogin,
  AUTOSTART_FILE_NAME,
  desktopEntryExecArgument,
  keptSwitches,
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

  it('Linux: a keyring chosen with --password-store (Sway, Hyprland, i3) holds at login too; other arguments do not', () => {
    const { files, fs } = memoryFs();
    const argv = ['/usr/bin/vps-org-tray', '--toggle', '--password-store=gnome-libsecret', '--password-store=a b'];
    applyLaunchAtLogin(true, {
      platform: 'linux',
      app: { getLoginItemSettings: () => ({ openAtLogin: false }), setLoginItemSettings: () => {} },
      executable: '/usr/bin/vps-org-tray',
      configHome: '/home/me/.config',
      fs,
      switches: keptSwitches(argv),
    });
    const entry = files.get(join('/home/me/.config', 'autostart', AUTOSTART_FILE_NAME));
    expect(entry).toContain('\nExec=/usr/bin/vps-org-tray --password-store=gnome-libsecret\n');
  });
});

/** What a spec-following launcher does: string escapes, then field codes, then the quoting rule. */
function parseExec(value: string): string[] {
  const unescaped = value.replace(
    /\\([\\nstr])/g,
    (_m, c: string) => ({ '\\': '\\', n: '\n', s: ' ', t: '\t', r: '\r' })[c]!,
  );
  const args: string[] = [];
  let current: string | null = null;
  let quoted = false;
  for (let i = 0; i < unescaped.length; i++) {
    const char = unescaped[i]!;
    if (char === '%') {
      if (unescaped[i + 1] !== '%') throw new Error(`a lone % (a field code) at ${i}`);
      current = (current ?? '') + '%';
      i++;
    } else if (quoted && char === '\\') {
      if (!'"`$\\'.includes(unescaped[i + 1] ?? '')) throw new Error(`an undefined escape in quotes at ${i}`);
      current = (current ?? '') + unescaped[++i];
    } else if (char === '"') {
      quoted = !quoted;
      current ??= '';
    } else if (!quoted && char === ' ') {
      if (current !== null) args.push(current);
      current = null;
    } else {
      current = (current ?? '') + char;
    }
  }
  if (quoted) throw new Error('unclosed quote');
  if (current !== null) args.push(current);
  return args;
}

describe('Exec= of the autostart entry (Desktop Entry specification)', () => {
  it('leaves a plain path bare', () => {
    expect(desktopEntryExecArgument('/usr/bin/vps-org-tray')).toBe('/usr/bin/vps-org-tray');
    expect(desktopEntryExecArgument('/opt/VPS.org-Tray/vps_org-tray+1')).toBe('/opt/VPS.org-Tray/vps_org-tray+1');
  });

  it('quotes spaces; inside the quotes escapes ", $, backtick and backslash, whose backslash the string layer doubles', () => {
    expect(desktopEntryExecArgument('/home/me/My Apps/tray')).toBe('"/home/me/My Apps/tray"');
    expect(desktopEntryExecArgument('/a/say "hi"')).toBe('"/a/say \\\\"hi\\\\""');
    expect(desktopEntryExecArgument('/a/$HOME/x')).toBe('"/a/\\\\$HOME/x"');
    expect(desktopEntryExecArgument('/a/`id`')).toBe('"/a/\\\\`id\\\\`"');
    // The specification's own example: a literal backslash in a quoted argument is four backslashes.
    expect(desktopEntryExecArgument('/a\\b')).toBe('"/a\\\\\\\\b"');
    expect(desktopEntryExecArgument("/it's/here")).toBe('"/it\'s/here"');
    expect(desktopEntryExecArgument('')).toBe('""');
  });

  it('doubles % so a path is never read as a field code, quoted or not', () => {
    expect(desktopEntryExecArgument('/opt/100%u')).toBe('/opt/100%%u');
    expect(desktopEntryExecArgument('/opt/a b/%f')).toBe('"/opt/a b/%%f"');
  });

  it('writes control characters as string escapes (an entry value is one line)', () => {
    expect(desktopEntryExecArgument('/a\nb\tc')).toBe('"/a\\nb\\tc"');
    expect(
      linuxAutostartEntry('/a\nb')
        .split('\n')
        .filter((line) => line.startsWith('Exec=')),
    ).toEqual(['Exec="/a\\nb"']);
  });

  it('round-trips awkward paths through a spec-following reader to the same single argument', () => {
    for (const path of [
      '/home/me/Apps/VPS.org Tray.AppImage',
      '/x/"quoted" $VAR `cmd` back\\slash 50%% done%',
      "/tmp/a;b&c|d>e<f~g*h?i#j(k)l'm",
      '/tmp/tab\there\\n\\\\',
      '/plain/%u',
    ]) {
      const exec = desktopEntryExecArgument(path);
      expect(parseExec(exec)).toEqual([path]);
      expect(linuxAutostartEntry(path)).toContain(`\nExec=${exec}\n`);
    }
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
