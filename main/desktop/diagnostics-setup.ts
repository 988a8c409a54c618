// "Copy diagnostics" from the desktop edge: Electron's versions and the OS's own version (Electron's
// process.getSystemVersion), the desktop, and the log's last warnings and errors.
import { release } from 'node:os';
import type { DiagnosticsPort } from '../features/diagnostics';
import { describeEnvironment } from '../diagnostics/environment';
import type { RecentLog } from '../diagnostics/recent-log';

export function setupDiagnostics(recent: RecentLog): DiagnosticsPort {
  return {
    environment: describeEnvironment({
      versions: process.versions,
      platform: process.platform,
      arch: process.arch,
      env: process.env,
      osRelease: release(),
      systemVersion: typeof process.getSystemVersion === 'function' ? process.getSystemVersion() : undefined,
    }),
    recentLines: recent.lines,
  };
}
