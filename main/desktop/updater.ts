// electron-updater's updater behind the Electron-free UpdaterPort (main/updates/service.ts decides when):
// no download or install behind the service's back, its log lines into the app's log, and whether this
// copy of the app can update itself at all, decided as electron-updater itself does.
import type { AppUpdater, Logger } from 'electron-updater';
import type { UpdateUnavailableReason } from '../../common/contract';
import type { Log } from '../app-log';
import type { UpdaterPort } from '../updates/service';

/** The part of electron-updater's AppUpdater used here. */
export type AppUpdaterLike = Pick<
  AppUpdater,
  'autoDownload' | 'autoInstallOnAppQuit' | 'logger' | 'checkForUpdates' | 'downloadUpdate' | 'quitAndInstall'
>;

export interface InstallFacts {
  /** Electron's app.isPackaged. */
  isPackaged: boolean;
  platform: string;
  /**
   * The contents of resources/package-type, which electron-builder writes into deb, rpm and pacman
   * packages (electron-updater reads it to pick its Linux updater); null when there is none.
   */
  packageType: string | null;
  /** $APPIMAGE, set by the AppImage runtime (electron-updater's AppImageUpdater needs it). */
  appImage: string | undefined;
}

/** Why this installation cannot update itself, or null when it can. */
export function updateUnavailableReason(facts: InstallFacts): UpdateUnavailableReason | null {
  if (!facts.isPackaged) return 'development';
  if (facts.platform === 'darwin' || facts.platform === 'win32') return null;
  if (facts.platform !== 'linux') return 'platform';
  // deb / rpm / pacman: the system's package manager owns the files (and asks for the password).
  if (facts.packageType !== null && facts.packageType.trim() !== '') return 'package-manager';
  // Only an AppImage replaces itself; an unpacked folder or a snap does not.
  return facts.appImage ? null : 'platform';
}

const firstLine = (message: unknown) => String(message).split('\n')[0] ?? '';

/** electron-updater's own lines, into the app's log (its errors as warnings: the service reports failures). */
function updaterLogger(log: Log): Logger {
  return {
    info: (message) => log('info', `updater: ${firstLine(message)}`),
    warn: (message) => log('warn', `updater: ${firstLine(message)}`),
    error: (message) => log('warn', `updater: ${firstLine(message)}`),
  };
}

export function createUpdaterPort(
  updater: AppUpdaterLike,
  unavailable: UpdateUnavailableReason | null,
  log: Log,
): UpdaterPort {
  // The service downloads after a check, and installs only when the user asks (or as the app quits,
  // which is no interruption).
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = true;
  updater.logger = updaterLogger(log);
  return {
    unavailable,
    async check() {
      const result = await updater.checkForUpdates();
      // null: electron-updater considers itself inactive here (updateUnavailableReason should have said so).
      if (result === null) throw new Error('the updater is not active in this installation');
      return result.isUpdateAvailable ? result.updateInfo.version : null;
    },
    async download() {
      await updater.downloadUpdate();
    },
    install() {
      // Silent, and started again afterwards (Windows' one-click installer; the others ignore the flags).
      updater.quitAndInstall(true, true);
    },
  };
}

/**
 * The port over an updater loaded on the first check (electron-updater is a large chunk the start does not
 * need). A failed load fails that check, as a failed check would, and the next check loads again.
 */
export function createLazyUpdaterPort(load: () => Promise<AppUpdaterLike>, log: Log): UpdaterPort {
  let port: UpdaterPort | null = null;
  let loading: Promise<UpdaterPort> | null = null;
  const loaded = () =>
    (loading ??= load().then(
      (updater) => (port = createUpdaterPort(updater, null, log)),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  return {
    unavailable: null,
    check: async () => (await loaded()).check(),
    download: async () => (await loaded()).download(),
    // Only ever asked after a download, which loaded it.
    install: () => port?.install(),
  };
}
