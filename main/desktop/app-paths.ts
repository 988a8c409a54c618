// Where the bundled files are, in development (`electron .`) and packaged (app.asar). Plain: the
// composition root passes in what Electron reports, so both layouts are testable.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AppLocation {
  /** `app.getAppPath()`: the project folder in development, `resources/app.asar` when packaged. */
  appPath: string;
  /** `app.isPackaged`. */
  isPackaged: boolean;
  /** `process.resourcesPath`: read only when packaged. */
  resourcesPath: string;
}

export interface AppPaths {
  /** The preload bundle (CommonJS: sandboxed preloads load nothing else). */
  preload: string;
  /** The popup page, and its file:// URL (the only trusted IPC sender). */
  page: string;
  pageUrl: string;
  /** Folder of the tray icon PNGs. */
  trayIcons: string;
}

export function appPaths(location: AppLocation): AppPaths {
  const root = location.appPath;
  const page = join(root, 'dist', 'renderer', 'index.html');
  return {
    preload: join(root, 'dist', 'preload', 'index.cjs'),
    page,
    pageUrl: pathToFileURL(page).href,
    // electron-builder copies build/tray to resources/tray (extraResources): PNGs must stay outside
    // the asar for the OS tray on some Linux desktops.
    trayIcons: location.isPackaged ? join(location.resourcesPath, 'tray') : join(root, 'build', 'tray'),
  };
}
