// The popup: a hidden, hardened BrowserWindow created on first open, or when the pointer enters the tray
// icon (tray-setup.ts calls `prepare()`), then kept hidden between opens (popup-window.ts runs its
// lifecycle), placed next to the tray icon (popup-placement.ts). Its options stay a literal here, where
// Electronegativity can read them (scripts/electronegativity.ts).
import { BrowserWindow, screen } from 'electron';
import type { AppPaths } from './app-paths';
import { placePopupNextToTray, type Rect } from './popup-placement';
import type { Log } from '../app-log';
import { createPopupController, type PopupController } from './popup-window';
import { watchRenderer } from './renderer-watch';

const POPUP_SIZE = { width: 380, height: 540 };
/**
 * Kept hidden, never destroyed for being idle: every open after the first is a show of a page that is
 * already current (bench: `popup.show.warm.ms`), not a page load (`popup.firstRows.25.ms`), at the cost
 * of the hidden window's renderer (`popup.hiddenWindow.bytes`) for as long as the app runs.
 */
const POPUP_IDLE_DESTROY_MS = null;
/** How long after show() a blur is Windows denying the foreground rather than the user leaving. */
const WINDOWS_SHOW_BLUR_GRACE_MS = 300;

export function setupPopup(deps: {
  paths: Pick<AppPaths, 'preload' | 'pageUrl'>;
  /** `app.isPackaged`: no DevTools in the packaged app. */
  isPackaged: boolean;
  /** The tray icon, once it exists (the popup is placed next to it). */
  getTray: () => { getBounds(): Rect } | null;
  onVisibilityChange: (open: boolean) => void;
  log: Log;
  /** The popup's renderer failed again after one reload (renderer-watch.ts). */
  reportRendererFailure: () => void;
}): PopupController {
  const { paths } = deps;
  return createPopupController({
    createWindow: () => {
      const window = new BrowserWindow({
        ...POPUP_SIZE,
        show: false,
        frame: false,
        resizable: false,
        movable: false,
        minimizable: false,
        maximizable: false,
        fullscreenable: false,
        skipTaskbar: true,
        alwaysOnTop: true,
        title: 'VPS.org Tray',
        webPreferences: {
          preload: paths.preload,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
          spellcheck: false,
          // V8's code cache for the popup's scripts from their first load, not only once seen twice (the
          // app: scheme has codeCache): a cold popup compiles less before its first rows.
          v8CacheOptions: 'bypassHeatCheck',
          // DevTools (and their shortcuts) only in development.
          devTools: !deps.isPackaged,
        },
      });
      // macOS: follow the user to the current Space / full-screen app instead of switching Spaces. The app
      // is already a UIElement (dock hidden), so skip the process-type transform that hides the window and
      // the Dock for a moment on each call (docs: VisibleOnAllWorkspacesOptions.skipTransformProcessType).
      if (process.platform === 'darwin')
        window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
      watchRenderer(window.webContents, { log: deps.log, reportFailure: deps.reportRendererFailure });
      // The `app:` scheme (app-protocol-setup.ts) serves it; never file://.
      void window.loadURL(paths.pageUrl);
      return window;
    },
    position: (windowSize) =>
      placePopupNextToTray({
        windowSize,
        trayBounds: deps.getTray()?.getBounds() ?? { x: 0, y: 0, width: 0, height: 0 },
        cursor: screen.getCursorScreenPoint(),
        workAreaNear: (point) => screen.getDisplayNearestPoint(point).workArea,
        platform: process.platform,
      }),
    idleDestroyMs: POPUP_IDLE_DESTROY_MS,
    // Windows keeps the taskbar in the foreground after a tray click and blurs the popup at once (gitify#3064).
    showBlurGraceMs: process.platform === 'win32' ? WINDOWS_SHOW_BLUR_GRACE_MS : 0,
    onVisibilityChange: deps.onVisibilityChange,
  });
}
