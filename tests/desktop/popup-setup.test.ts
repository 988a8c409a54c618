// main/desktop/popup-setup.ts with a fake `electron`: the options it gives the popup's BrowserWindow per
// platform (the window's lifecycle is popup-window.test.ts's).
import { afterEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => {
  class FakeBrowserWindow {
    static instances: FakeBrowserWindow[] = [];
    readonly workspaces: unknown[][] = [];
    readonly listeners = new Map<string, Array<() => void>>();
    visible = false;
    focusCalls = 0;
    webContents = { on: () => {}, send: () => {}, reload: () => {} };
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.instances.push(this);
    }
    setVisibleOnAllWorkspaces(...args: unknown[]) {
      this.workspaces.push(args);
    }
    loadURL() {
      return Promise.resolve();
    }
    on(event: string, listener: () => void) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    }
    emit(event: string) {
      for (const listener of this.listeners.get(event) ?? []) listener();
    }
    /** Windows after a tray click: the taskbar keeps the foreground, so the window is blurred at once. */
    show() {
      this.visible = true;
      this.emit('blur');
    }
    hide() {
      this.visible = false;
    }
    focus() {
      this.focusCalls += 1;
    }
    destroy() {}
    isDestroyed() {
      return false;
    }
    isVisible() {
      return this.visible;
    }
    getSize() {
      return [380, 540];
    }
    setPosition() {}
  }
  const screen = {
    getCursorScreenPoint: () => ({ x: 1300, y: 10 }),
    getDisplayNearestPoint: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
  };
  return { FakeBrowserWindow, screen };
});
vi.mock('electron', () => ({ BrowserWindow: h.FakeBrowserWindow, screen: h.screen }));

const { setupPopup } = await import('../../main/desktop/popup-setup');

const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!;
function playPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { ...realPlatform, value: platform });
}
afterEach(() => {
  Object.defineProperty(process, 'platform', realPlatform);
  h.FakeBrowserWindow.instances = [];
});

function openPopup() {
  const popup = setupPopup({
    paths: { preload: '/app/preload.cjs', pageUrl: 'app://popup/index.html' },
    isPackaged: true,
    getTray: () => ({ getBounds: () => ({ x: 1290, y: 1040, width: 24, height: 40 }) }),
    onVisibilityChange: () => {},
    log: () => {},
    reportRendererFailure: () => {},
  });
  popup.toggle();
  const window = h.FakeBrowserWindow.instances[0]!;
  return { popup, window };
}

describe('popup window per platform', () => {
  it('macOS: on every Space without transforming the process type (no Dock flicker)', () => {
    playPlatform('darwin');
    const { window } = openPopup();
    expect(window.workspaces).toEqual([[true, { visibleOnFullScreen: true, skipTransformProcessType: true }]]);
  });

  it('Windows: a tray click whose show() is blurred at once keeps the popup open and asks for focus again', () => {
    playPlatform('win32');
    const { popup, window } = openPopup();
    expect(popup.isVisible()).toBe(true);
    expect(window.focusCalls).toBe(2);
    expect(window.workspaces).toEqual([]);
  });
});
