// A packaged build started with Chromium's remote debugging (`--remote-debugging-port=…`,
// `--remote-debugging-pipe`) would let anything that reaches the port or pipe drive the popup's page and
// read what it shows; the main process holds the API tokens. The fuses cover Node's `--inspect`, not
// these Chromium switches, so the app refuses them itself: it says why and quits at the very start of
// main/index.ts, before any token is read. A development run (`npm start`) keeps them for debugging.
// Electron-free: the Electron calls are injected.

/** Chromium's switches that open remote debugging. */
const REMOTE_DEBUGGING_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe'];

/**
 * The remote-debugging switch in `argv`, or null. Chromium reads `--name`, `--name=value` and, on
 * Windows, `-name` and `/name` too, with any letter case there; all of them count here.
 */
export function remoteDebuggingSwitch(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const name = /^(?:--?|\/)([^=]+)/.exec(arg)?.[1]?.toLowerCase();
    if (name !== undefined && REMOTE_DEBUGGING_SWITCHES.includes(name)) return `--${name}`;
  }
  return null;
}

export interface RemoteDebuggingDeps {
  isPackaged: boolean;
  argv: readonly string[];
  /** Electron's `dialog.showErrorBox` (safe before ready; Linux writes it to stderr then). */
  showError(title: string, content: string): void;
  /** Electron's `app.exit`: quits at once, no `before-quit`. */
  exit(code: number): void;
}

/** True when the app was refused (a packaged build with remote debugging): the caller stops there. */
export function refuseRemoteDebugging(deps: RemoteDebuggingDeps): boolean {
  if (!deps.isPackaged) return false;
  const found = remoteDebuggingSwitch(deps.argv);
  if (found === null) return false;
  deps.showError(
    'VPS.org Tray cannot start',
    `VPS.org Tray was started with ${found}, which would let other programs control it and read your servers' details. Start it without that option.`,
  );
  deps.exit(1);
  return true;
}
