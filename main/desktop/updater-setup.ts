// The app's own updates through electron-updater (updater.ts), fed from the publish configuration that
// electron-builder writes into resources/app-update.yml. Nothing of electron-updater is loaded where the
// app cannot update itself (a development run, a deb or rpm install), nor before the first check (30 s
// after start): it is a chunk of its own, imported then.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import type { Log } from '../app-log';
import { unavailableUpdater, type UpdaterPort } from '../updates/service';
import { createLazyUpdaterPort, updateUnavailableReason } from './updater';

function readPackageType(): string | null {
  try {
    return readFileSync(join(process.resourcesPath, 'package-type'), 'utf8');
  } catch {
    return null;
  }
}

export function setupUpdater(deps: { log: Log }): UpdaterPort {
  const unavailable = updateUnavailableReason({
    isPackaged: app.isPackaged,
    platform: process.platform,
    packageType: app.isPackaged ? readPackageType() : null,
    appImage: process.env.APPIMAGE,
  });
  // Said in the tray menu, Settings and diagnostics (not logged at every start).
  if (unavailable !== null) return unavailableUpdater(unavailable);
  // The getter builds the platform's updater (NSIS, macOS, AppImage) on first use.
  return createLazyUpdaterPort(async () => (await import('electron-updater')).default.autoUpdater, deps.log);
}
