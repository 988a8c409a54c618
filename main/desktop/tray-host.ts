// Linux: is there a tray to show the icon in? Electron's Tray is a StatusNotifierItem there, shown only
// when a StatusNotifier host is registered with the session's watcher (KDE's panel, the AppIndicator
// extension on GNOME, waybar's tray, …). Stock GNOME has none, so the icon silently never appears: the
// first start without one says so, once, in a notification (what to install), and never again.
//
// How D-Bus is asked: through the `gdbus` command (GLib's, present wherever GNOME is) rather than a
// JavaScript D-Bus library. The answer is two calls at start, not a conversation, and the one pure-JS
// client (dbus-next) would add a bundled dependency tree to every platform's build for them. Without
// `gdbus`, or with a call that fails or hangs, the answer is "unknown" and nothing is said: a wrong
// notice would be worse than none. Electron-free: the bus and the notice are injected (tray-host-setup.ts
// gives the real ones), and nothing here delays the tray: it is asked after the tray exists.
import type { Log } from '../app-log';

/** What the session bus says about tray hosts. */
export type TrayHostAnswer = 'present' | 'absent' | 'unknown';

/** Runs a command: its standard output, or a rejection (missing, failed, timed out). */
export type CommandRunner = (file: string, args: readonly string[], timeoutMs: number) => Promise<string>;

const WATCHER = 'org.kde.StatusNotifierWatcher';
/** gdbus's own reply timeout (seconds), inside the runner's. */
const CALL_TIMEOUT_SECONDS = '3';
const RUN_TIMEOUT_MS = 5_000;

/** gdbus prints a boolean reply as `(true,)`, a property's as `(<true>,)`. */
function parseBoolean(output: string): boolean | null {
  const match = /^\(<?(true|false)>?,\)$/.exec(output.trim());
  return match ? match[1] === 'true' : null;
}

/**
 * Asks the session bus through `gdbus`: no owner of the watcher's name, or a watcher whose
 * `IsStatusNotifierHostRegistered` is false, is no host; anything unexpected is unknown.
 */
export function gdbusTrayHost(run: CommandRunner): () => Promise<TrayHostAnswer> {
  const call = (dest: string, path: string, method: string, ...args: string[]) =>
    run(
      'gdbus',
      [
        'call',
        '--session',
        '--timeout',
        CALL_TIMEOUT_SECONDS,
        '--dest',
        dest,
        '--object-path',
        path,
        '--method',
        method,
        ...args,
      ],
      RUN_TIMEOUT_MS,
    ).then(parseBoolean);
  return async () => {
    try {
      const owned = await call(
        'org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        WATCHER,
      );
      if (owned === null) return 'unknown';
      if (!owned) return 'absent';
      const registered = await call(
        WATCHER,
        '/StatusNotifierWatcher',
        'org.freedesktop.DBus.Properties.Get',
        WATCHER,
        'IsStatusNotifierHostRegistered',
      );
      if (registered === null) return 'unknown';
      return registered ? 'present' : 'absent';
    } catch {
      return 'unknown';
    }
  };
}

export interface TrayHostNoticeDeps {
  platform: string;
  /** The bus's answer (gdbusTrayHost in the app). */
  askBus(): Promise<TrayHostAnswer>;
  /** Whether the notice was shown on an earlier start. */
  alreadyTold(): boolean;
  /** Remembers that it was shown (before it is, so a crash cannot repeat it). */
  remember(): void;
  /** Shows the notice (a notification in the user's language). */
  notify(): void;
  log: Log;
}

/** What the check did: told the user, found a host, did not ask, or could not tell. */
export type TrayHostOutcome = 'told' | 'host' | 'not-asked' | 'unknown';

/** Asks once per start, on Linux only, until the notice has been shown once. Never rejects. */
export async function tellWhenNoTrayHost(deps: TrayHostNoticeDeps): Promise<TrayHostOutcome> {
  try {
    if (deps.platform !== 'linux' || deps.alreadyTold()) return 'not-asked';
    const answer = await deps.askBus();
    if (answer === 'present') return 'host';
    if (answer === 'unknown') return 'unknown';
    deps.log('warn', 'No StatusNotifier host is registered: the tray icon cannot be shown on this desktop.');
    deps.remember();
    deps.notify();
    return 'told';
  } catch (error) {
    deps.log('warn', `The tray host check failed: ${error instanceof Error ? error.message : String(error)}`);
    return 'unknown';
  }
}
