// Where the bundled files are, in development (`electron .`) and packaged (app.asar). Plain: the
// composition root passes in what Electron reports, so both layouts are testable.
import { join } from 'node:path';
import { POPUP_PAGE_URL } from './app-protocol';

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
  /** The built renderer folder: all the `app:` scheme serves (app-protocol.ts). */
  rendererRoot: string;
  /** The popup page's URL on that scheme (the only trusted IPC sender). */
  pageUrl: string;
  /** Folder of the tray icon PNGs. */
  trayIcons: string;
}

export function appPaths(location: AppLocation): AppPaths {
  const root = location.appPath;
  return {
    preload: join(root, 'dist', 'preload', 'index.cjs'),
    rendererRoot: join(root, 'dist', 'renderer'),
    pageUrl: POPUP_PAGE_URL,
    // electron-builder copies build/tray to resources/tray (extraResources): PNGs must stay outside
    // the asar for the OS tray on some Linux desktops.
    trayIcons: location.isPackaged ? join(location.resourcesPath, 'tray') : join(root, 'build', 'tray'),
  };
}
