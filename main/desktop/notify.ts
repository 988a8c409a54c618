// Desktop notifications, clipboard and launch-at-login: small adapters over injected Electron objects.
import { join } from 'node:path';
import type { ClipboardPort, Notifier } from '../ports';

export interface NotificationLike {
  show(): void;
  on(event: 'close' | 'failed' | 'click', listener: () => void): unknown;
}

export interface NotificationFactory {
  isSupported(): boolean;
  create(options: { title: string; body: string }): NotificationLike;
}

/**
 * Keeps a reference to each notification until it is closed: a garbage-collected Notification loses
 * its click handler and, on Windows, can vanish from the action centre early.
 */
export function createNotifier(factory: NotificationFactory, onClick?: () => void): Notifier {
  const live = new Set<NotificationLike>();
  return {
    notify(title, body) {
      if (!factory.isSupported()) return;
      const notification = factory.create({ title, body });
      live.add(notification);
      const release = () => live.delete(notification);
      notification.on('close', release);
      notification.on('failed', release);
      if (onClick) notification.on('click', onClick);
      notification.show();
    },
  };
}

export function createClipboardPort(clipboard: { writeText(text: string): void }): ClipboardPort {
  return { writeText: (text) => clipboard.writeText(text) };
}

// ---------------------------------------------------------------------------------------------
// Launch at login
// ---------------------------------------------------------------------------------------------

export interface LoginItemAppLike {
  getLoginItemSettings(): { openAtLogin: boolean };
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }): void;
}

export interface LinuxAutostartFs {
  writeFile(path: string, text: string): void;
  removeFile(path: string): void;
  exists(path: string): boolean;
  mkdir(path: string): void;
}

/** XDG autostart entry: Electron's setLoginItemSettings does nothing on Linux. */
export function linuxAutostartEntry(executable: string): string {
  const quoted = /[\s"\\]/.test(executable)
    ? `"${executable.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
    : executable;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=VPS.org Tray',
    'Comment=VPS.org servers in the system tray',
    `Exec=${quoted}`,
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
  fs: LinuxAutostartFs;
}

export const AUTOSTART_FILE_NAME = 'vps-org-tray.desktop';

/** Makes the OS start the app at login (or not); does nothing when it already matches. */
export function applyLaunchAtLogin(enabled: boolean, deps: LoginItemDeps): void {
  if (deps.platform === 'linux') {
    const directory = join(deps.configHome, 'autostart');
    const file = join(directory, AUTOSTART_FILE_NAME);
    if (enabled) {
      deps.fs.mkdir(directory);
      deps.fs.writeFile(file, linuxAutostartEntry(deps.executable));
    } else if (deps.fs.exists(file)) {
      deps.fs.removeFile(file);
    }
    return;
  }
  if (deps.app.getLoginItemSettings().openAtLogin === enabled) return;
  deps.app.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true });
}
