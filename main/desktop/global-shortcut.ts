// The global shortcut: registered with the OS through an injected `globalShortcut` (Electron's, or a
// fake in tests), moved when the setting changes, released on quit. A shortcut the OS refuses (another
// app holds it) or cannot offer (a Wayland session) is reported and logged, never thrown: the app works
// without it, and Settings say why.
import type { ShortcutStatus } from '../../common/contract';
import type { Log } from '../app-log';

/** Electron's globalShortcut, the part used. */
export interface GlobalShortcutLike {
  /** false when the OS refused (another app holds it); throws when Electron cannot read the accelerator. */
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export interface GlobalShortcutDeps {
  globalShortcut: GlobalShortcutLike;
  platform: string;
  /** The process environment: `XDG_SESSION_TYPE` tells a Wayland session. */
  env: Readonly<Record<string, string | undefined>>;
  /** The shortcut was pressed. */
  onPressed(): void;
  report(status: ShortcutStatus): void;
  log: Log;
}

/**
 * A Wayland session gives apps no global shortcuts (keys reach only the focused window; Electron's
 * globalShortcut works there through X11 only while an X11 window has focus). The desktop's own
 * keyboard settings can run `--toggle` instead.
 */
export function isWaylandSession(platform: string, env: GlobalShortcutDeps['env']): boolean {
  return platform === 'linux' && env.XDG_SESSION_TYPE?.toLowerCase() === 'wayland';
}

export interface GlobalShortcut {
  /** Registers `accelerator` ('' = off) in place of the one before; the same one again does nothing. */
  apply(accelerator: string): void;
  /** Releases the shortcut (quitting). */
  dispose(): void;
}

export function createGlobalShortcut(deps: GlobalShortcutDeps): GlobalShortcut {
  let applied: string | null = null;
  let registered: string | null = null;

  function release(): void {
    if (registered === null) return;
    deps.globalShortcut.unregister(registered);
    registered = null;
  }

  function register(accelerator: string): ShortcutStatus {
    if (isWaylandSession(deps.platform, deps.env)) {
      deps.log('info', `global shortcut ${accelerator} not registered: a Wayland session has none (use --toggle)`);
      return { state: 'failed', accelerator, reason: 'wayland' };
    }
    let accepted: boolean;
    try {
      accepted = deps.globalShortcut.register(accelerator, deps.onPressed);
    } catch (error) {
      deps.log(
        'warn',
        `global shortcut ${accelerator} refused: ${error instanceof Error ? error.message : String(error)}`,
      );
      return { state: 'failed', accelerator, reason: 'error' };
    }
    if (!accepted) {
      deps.log('warn', `global shortcut ${accelerator} not registered: another app holds it`);
      return { state: 'failed', accelerator, reason: 'taken' };
    }
    registered = accelerator;
    return { state: 'active', accelerator };
  }

  return {
    apply(accelerator) {
      // Every settings change reaches here; only a change of the shortcut touches the OS, or a shortcut
      // that failed (another app may have let it go since: saving it again retries).
      if (accelerator === applied && (accelerator === '' || accelerator === registered)) return;
      applied = accelerator;
      release();
      deps.report(accelerator === '' ? { state: 'off' } : register(accelerator));
    },
    dispose() {
      release();
      applied = null;
    },
  };
}
