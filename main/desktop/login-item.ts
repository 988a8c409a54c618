// Launch at login: Electron's login item on macOS/Windows, an XDG autostart entry on Linux. The app and
// the file system are injected, so every platform's path runs in tests.
import { join } from 'node:path';
import type { Log } from '../app-log';

interface LoginItemAppLike {
  getLoginItemSettings(): { openAtLogin: boolean };
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }): void;
}

export interface LinuxAutostartFs {
  writeFile(path: string, text: string): void;
  removeFile(path: string): void;
  exists(path: string): boolean;
  mkdir(path: string): void;
}

/** Characters the Desktop Entry specification reserves in Exec: an argument holding one must be quoted. */
const EXEC_RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One argument of an Exec key, escaped per the Desktop Entry specification, in its three layers:
 * quoting (inside double quotes, `"`, backtick, `$` and `\` take a backslash), field codes (a literal
 * `%` is `%%`), then the string escapes of every value (`\` -> `\\`, newline -> `\n`, tab -> `\t`,
 * carriage return -> `\r`). So `a\b` in quotes is written `"a\\\\b"` and `$` is `\\$`, as the specification
 * says; a reader undoes the string layer first.
 */
export function desktopEntryExecArgument(argument: string): string {
  const quoted =
    argument === '' || EXEC_RESERVED.test(argument) ? `"${argument.replace(/["`$\\]/g, '\\$&')}"` : argument;
  return quoted
    .replaceAll('%', '%%')
    .replace(/[\\\n\t\r]/g, (char) => ({ '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' })[char] ?? char);
}

/**
 * XDG autostart entry: Electron's setLoginItemSettings does nothing on Linux. `switches`: Chromium
 * switches the app was started with that must hold at login too (`--password-store=…`, which makes a
 * tiling WM's keyring usable: linux-keyring.ts).
 */
export function linuxAutostartEntry(executable: string, switches: readonly string[] = []): string {
  const exec = [executable, ...switches].map(desktopEntryExecArgument).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=VPS.org Tray',
    'Comment=VPS.org servers in the system tray',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export interface LoginItemDeps {
  platform: string;
  app: LoginItemAppLike;
  /** Linux: the file to start (AppImage path when run from an AppImage, else the executable). */
  executable: string;
  /** Linux: `$XDG_CONFIG_HOME` or `~/.config`. */
  configHome: string;
  /** Linux: switches of this start kept for the login start (`keptSwitches`). */
  switches?: readonly string[];
  fs: LinuxAutostartFs;
}

export const AUTOSTART_FILE_NAME = 'vps-org-tray.desktop';

/** The keyring the user chose for Chromium (`--password-store=gnome-libsecret`): kept for the login start. */
export function keptSwitches(argv: readonly string[]): string[] {
  return argv.filter((argument) => /^--password-store=[a-z0-9-]+$/.test(argument));
}

/** Makes the OS start the app at login (or not); does nothing when it already matches. */
export function applyLaunchAtLogin(enabled: boolean, deps: LoginItemDeps): void {
  if (deps.platform === 'linux') {
    const directory = join(deps.configHome, 'autostart');
    const file = join(directory, AUTOSTART_FILE_NAME);
    if (enabled) {
      deps.fs.mkdir(directory);
      deps.fs.writeFile(file, linuxAutostartEntry(deps.executable, deps.switches));
    } else if (deps.fs.exists(file)) {
      deps.fs.removeFile(file);
    }
    return;
  }
  if (deps.app.getLoginItemSettings().openAtLogin === enabled) return;
  deps.app.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true });
}

export interface LaunchAtLoginSyncDeps {
  /** False in development, where the executable is the bare Electron binary: registering it would start an empty app. */
  isPackaged: boolean;
  /** The launch-at-login setting now. */
  isEnabled(): boolean;
  /** Calls `listener` after each settings change (the store already holds the new settings). */
  onSettingsChanged(listener: () => void): unknown;
  /** Makes the OS follow (applyLaunchAtLogin with the platform's deps). */
  apply(enabled: boolean): void;
  log: Log;
}

/** Applies the setting at start, then each time it changes; a failure is logged, never thrown. */
export function syncLaunchAtLogin(deps: LaunchAtLoginSyncDeps): void {
  const { log } = deps;
  const apply = (enabled: boolean) => {
    if (!deps.isPackaged) {
      if (enabled) log('info', 'launch at login is applied only in the packaged app');
      return;
    }
    try {
      deps.apply(enabled);
    } catch (error) {
      log('warn', `Could not change launch at login: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  let launchAtLogin = deps.isEnabled();
  apply(launchAtLogin);
  deps.onSettingsChanged(() => {
    const next = deps.isEnabled();
    if (next !== launchAtLogin) {
      launchAtLogin = next;
      apply(next);
    }
  });
}
