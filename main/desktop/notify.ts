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
 * How long a notification is held at most: auto-dismissed ones may never emit 'close', but one clicked
 * later in the notification centre still needs its click handler, so the hold is long. Notifications
 * come one per finished action, so an hour of them is a small set.
 */
export const NOTIFICATION_HOLD_MS = 60 * 60_000;

export interface NotifierOptions {
  /** Default NOTIFICATION_HOLD_MS. */
  holdMs?: number;
  /** Default the global timers; injectable for tests. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface HeldNotifier extends Notifier {
  /** Notifications still referenced (shown and not yet released). */
  heldCount(): number;
}

/**
 * Keeps a reference to each notification while it may still be clicked: a garbage-collected
 * Notification loses its click handler and, on Windows, can vanish from the action centre early. It is
 * released on 'close', 'failed' or 'click', and after `holdMs` at the latest, since a notification the
 * OS dismissed by itself may emit none of them (the set would grow for the app's whole life).
 */
export function createNotifier(
  factory: NotificationFactory,
  onClick?: () => void,
  options: NotifierOptions = {},
): HeldNotifier {
  const holdMs = options.holdMs ?? NOTIFICATION_HOLD_MS;
  const setTimer =
    options.setTimer ??
    ((run: () => void, ms: number) => {
      const timer = setTimeout(run, ms);
      // A held notification is no reason to keep the process alive.
      timer.unref?.();
      return timer;
    });
  const clearTimer = options.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const held = new Map<NotificationLike, unknown>();
  return {
    notify(title, body) {
      if (!factory.isSupported()) return;
      const notification = factory.create({ title, body });
      const release = () => {
        if (!held.has(notification)) return;
        clearTimer(held.get(notification));
        held.delete(notification);
      };
      held.set(notification, setTimer(release, holdMs));
      notification.on('close', release);
      notification.on('failed', release);
      notification.on('click', () => {
        release();
        onClick?.();
      });
      notification.show();
    },
    heldCount: () => held.size,
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
