import { describe, expect, it } from 'vitest';
import { popupWindowOptions } from '../../main/desktop/popup-options';

describe('popup window options', () => {
  it('a sandboxed, context-isolated renderer without Node, whatever the build', () => {
    for (const isPackaged of [false, true]) {
      expect(popupWindowOptions({ preload: '/p/index.cjs', isPackaged }).webPreferences).toMatchObject({
        preload: '/p/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      });
    }
  });

  it('no DevTools in the packaged app (nor their shortcuts); available in development', () => {
    expect(popupWindowOptions({ preload: '/p', isPackaged: true }).webPreferences.devTools).toBe(false);
    expect(popupWindowOptions({ preload: '/p', isPackaged: false }).webPreferences.devTools).toBe(true);
  });

  it('hidden until placed, frameless, fixed size, off the taskbar', () => {
    expect(popupWindowOptions({ preload: '/p', isPackaged: true })).toMatchObject({
      width: 380,
      height: 540,
      show: false,
      frame: false,
      resizable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
    });
  });
});
