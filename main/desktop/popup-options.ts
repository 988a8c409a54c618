// The popup BrowserWindow's options, plain so tests can read them: frameless, hidden until placed,
// and a renderer with no Node, sandboxed, context-isolated, and no DevTools in the packaged app.
export const POPUP_SIZE = { width: 380, height: 540 };

export function popupWindowOptions(deps: {
  /** The preload bundle. */
  preload: string;
  /** `app.isPackaged`: DevTools (and their shortcuts) exist only in development. */
  isPackaged: boolean;
}) {
  return {
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
      preload: deps.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: !deps.isPackaged,
    },
  };
}
