// The machine the app runs on, as a bug report needs it: Electron and its Chromium, the OS and its
// version, the desktop and session type (Linux trays differ by desktop: GNOME, KDE, X11 or Wayland).
export interface DiagnosticsEnvironment {
  electron: string | null;
  chrome: string | null;
  node: string;
  /** e.g. `linux`, `darwin`, `win32` */
  platform: string;
  /** The OS's own version where Electron says it (macOS 14.1, Windows 10.0.22631), else the kernel's. */
  osVersion: string;
  arch: string;
  /** $XDG_CURRENT_DESKTOP, e.g. `GNOME`, `KDE`, `ubuntu:GNOME` */
  desktop: string | null;
  /** $XDG_SESSION_TYPE: `x11` or `wayland` */
  sessionType: string | null;
}

export interface EnvironmentSource {
  versions: Partial<Record<string, string>>;
  platform: string;
  arch: string;
  env: Partial<Record<string, string>>;
  osRelease: string;
  /** Electron's process.getSystemVersion(), when running in Electron. */
  systemVersion?: string;
}

export function describeEnvironment(source: EnvironmentSource): DiagnosticsEnvironment {
  return {
    electron: source.versions.electron ?? null,
    chrome: source.versions.chrome ?? null,
    node: source.versions.node ?? 'unknown',
    platform: source.platform,
    osVersion: source.systemVersion || source.osRelease,
    arch: source.arch,
    desktop: source.env.XDG_CURRENT_DESKTOP || null,
    sessionType: source.env.XDG_SESSION_TYPE || null,
  };
}
