// The popup's renderer, watched: one that crashed or hangs is reloaded once (the popup is a view of the
// core's state, so a reload loses nothing); if it fails again, it is not reloaded in a loop but reported
// (logged, and the user is told once by a notification).
import type { Log } from '../app-log';

export interface WatchedWebContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
  on(event: 'unresponsive', listener: () => void): unknown;
  reload(): void;
}

export interface RendererWatchDeps {
  log: Log;
  /** Tells the user the popup failed again and was left as it is. */
  reportFailure(): void;
}

export function watchRenderer(webContents: WatchedWebContents, deps: RendererWatchDeps): void {
  let reloaded = false;
  let reported = false;
  const failed = (what: string) => {
    if (!reloaded) {
      reloaded = true;
      deps.log('warn', `popup renderer ${what}: reloading it`);
      webContents.reload();
      return;
    }
    deps.log('error', `popup renderer ${what} again after a reload: not reloading it`);
    if (reported) return;
    reported = true;
    deps.reportFailure();
  };
  webContents.on('render-process-gone', (_event, details) => {
    // A clean exit is the window being closed, not a failure.
    if (details.reason === 'clean-exit') return;
    failed(`gone (${details.reason})`);
  });
  webContents.on('unresponsive', () => failed('unresponsive'));
}
