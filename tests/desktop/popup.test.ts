import { describe, expect, it, vi } from 'vitest';
import {
  anchorPoint,
  computePopupPosition,
  createPopupController,
  type PopupTimers,
  type PopupWebContentsLike,
  type PopupWindowLike,
} from '../../main/desktop/popup';

const size = { width: 360, height: 480 };
const zero = { x: 0, y: 0, width: 0, height: 0 };

describe('computePopupPosition', () => {
  it('macOS menu bar at the top: just below the icon, centred on it', () => {
    const workArea = { x: 0, y: 25, width: 1440, height: 875 };
    const trayBounds = { x: 1200, y: 0, width: 22, height: 24 };
    expect(computePopupPosition({ trayBounds, windowSize: size, workArea, platform: 'darwin' })).toEqual({
      x: 1031,
      y: 25,
    });
  });

  it('Windows taskbar at the bottom: above the icon, clamped at the right edge', () => {
    const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
    const trayBounds = { x: 1860, y: 1044, width: 24, height: 32 };
    expect(computePopupPosition({ trayBounds, windowSize: size, workArea, platform: 'win32' })).toEqual({
      x: 1560,
      y: 560,
    });
  });

  it('taskbar on the left: right of it, vertically centred on the icon', () => {
    const workArea = { x: 62, y: 0, width: 1858, height: 1080 };
    const trayBounds = { x: 15, y: 900, width: 32, height: 32 };
    expect(computePopupPosition({ trayBounds, windowSize: size, workArea, platform: 'win32' })).toEqual({
      x: 62,
      y: 600,
    });
  });

  it('taskbar on the right: left of it, clamped to the top of the work area', () => {
    const workArea = { x: 0, y: 0, width: 1858, height: 1080 };
    const trayBounds = { x: 1873, y: 40, width: 32, height: 32 };
    expect(computePopupPosition({ trayBounds, windowSize: size, workArea, platform: 'win32' })).toEqual({
      x: 1498,
      y: 0,
    });
  });

  it('zero tray bounds (Linux): uses the cursor, at the top of its display', () => {
    const cursor = { x: 2500, y: 10 };
    expect(anchorPoint(zero, cursor)).toEqual(cursor);
    // The caller picked the display nearest the cursor: the second monitor at x = 1920.
    const workArea = { x: 1920, y: 27, width: 2560, height: 1413 };
    expect(computePopupPosition({ trayBounds: zero, windowSize: size, workArea, platform: 'linux', cursor })).toEqual({
      x: 2320,
      y: 27,
    });
  });

  it('a second display left of the primary one (negative x)', () => {
    const workArea = { x: -1920, y: 0, width: 1920, height: 1040 };
    const trayBounds = { x: -1900, y: 1048, width: 24, height: 24 };
    expect(computePopupPosition({ trayBounds, windowSize: size, workArea, platform: 'win32' })).toEqual({
      x: -1920,
      y: 560,
    });
  });

  it('a 2x scaled display in DIP: stays within its (smaller) DIP work area', () => {
    // A 2880x1800 panel at 2x is 1440x900 DIP; coordinates from Electron are already DIP.
    const workArea = { x: 0, y: 25, width: 1440, height: 875 };
    const trayBounds = { x: 1420, y: 0, width: 20, height: 24 };
    const { x, y } = computePopupPosition({ trayBounds, windowSize: size, workArea, platform: 'darwin' });
    expect({ x, y }).toEqual({ x: 1080, y: 25 });
    expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
  });

  it('a window taller than the work area is pinned to its top', () => {
    const workArea = { x: 0, y: 0, width: 800, height: 400 };
    const trayBounds = { x: 700, y: 405, width: 24, height: 24 };
    expect(computePopupPosition({ trayBounds, windowSize: size, workArea, platform: 'win32' }).y).toBe(0);
  });
});

type InputListener = (event: { preventDefault(): void }, input: { type: string; key: string }) => void;

interface FakeWindow extends PopupWindowLike {
  /** Like Electron's webContents, anyone may listen to key input; the controller must not. */
  webContents: PopupWebContentsLike & { on(event: 'before-input-event', listener: InputListener): void };
  emit(event: 'blur' | 'closed'): void;
  /** A key press as the page would get it: true when a listener swallowed it. */
  pressKey(key: string): boolean;
  destroyed: boolean;
  visible: boolean;
}

function fakeWindow(): FakeWindow {
  const listeners = new Map<string, Array<() => void>>();
  const inputListeners: InputListener[] = [];
  const win: FakeWindow = {
    destroyed: false,
    visible: false,
    show: vi.fn<() => void>(() => {
      win.visible = true;
    }),
    hide: vi.fn<() => void>(() => {
      win.visible = false;
    }),
    focus: vi.fn<() => void>(),
    destroy: vi.fn<() => void>(() => {
      win.destroyed = true;
      win.visible = false;
    }),
    isDestroyed: () => win.destroyed,
    isVisible: () => win.visible,
    getSize: () => [360, 480],
    setPosition: vi.fn<(x: number, y: number) => void>(),
    on: (event, listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    webContents: {
      send: vi.fn<(channel: string, ...args: unknown[]) => void>(),
      on: (_event, listener) => {
        inputListeners.push(listener);
      },
    },
    emit: (event) => {
      for (const listener of listeners.get(event) ?? []) listener();
    },
    pressKey: (key) => {
      let prevented = false;
      for (const listener of inputListeners)
        listener({ preventDefault: () => (prevented = true) }, { type: 'keyDown', key });
      return prevented;
    },
  };
  return win;
}

function manualTimers() {
  let clock = 1_000;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: PopupTimers = {
    setTimeout: (callback, ms) => {
      const id = nextId++;
      pending.set(id, { at: clock + ms, callback });
      return id;
    },
    clearTimeout: (handle) => {
      pending.delete(handle as number);
    },
    now: () => clock,
  };
  const advance = (ms: number) => {
    clock += ms;
    for (const [id, entry] of pending) {
      if (entry.at <= clock) {
        pending.delete(id);
        entry.callback();
      }
    }
  };
  return { timers, advance, pendingCount: () => pending.size };
}

function setupPopup() {
  const windows: FakeWindow[] = [];
  const { timers, advance, pendingCount } = manualTimers();
  const visibility: boolean[] = [];
  const shown = vi.fn<(webContents: unknown) => void>();
  const controller = createPopupController({
    createWindow: () => {
      const win = fakeWindow();
      windows.push(win);
      return win;
    },
    position: () => ({ x: 10, y: 20 }),
    timers,
    idleDestroyMs: 5 * 60_000,
    onVisibilityChange: (visible) => visibility.push(visible),
    onShown: shown,
  });
  return { controller, windows, advance, pendingCount, visibility, shown };
}

describe('popup controller', () => {
  it('creates the window lazily on first open, positioned and focused', () => {
    const { controller, windows, shown, visibility } = setupPopup();
    expect(windows).toHaveLength(0);
    expect(controller.webContents()).toBeNull();
    controller.show();
    expect(windows).toHaveLength(1);
    expect(windows[0]!.setPosition).toHaveBeenCalledWith(10, 20);
    expect(windows[0]!.focus).toHaveBeenCalled();
    expect(controller.isVisible()).toBe(true);
    expect(shown).toHaveBeenCalledWith(windows[0]!.webContents);
    expect(visibility).toEqual([true]);
    expect(controller.webContents()).toBe(windows[0]!.webContents);
  });

  it('hides on blur', () => {
    const { controller, windows, advance, visibility } = setupPopup();
    controller.show();
    windows[0]!.emit('blur');
    expect(controller.isVisible()).toBe(false);
    advance(1_000);
    controller.show();
    expect(controller.isVisible()).toBe(true);
    expect(visibility).toEqual([true, false, true]);
    expect(windows).toHaveLength(1);
  });

  it('leaves Escape to the page: the key reaches it and the window stays open', () => {
    // The page closes an inline confirmation, form or view first and hides the popup itself
    // (app.hidePopup) only when nothing is left to close.
    const { controller, windows, visibility } = setupPopup();
    controller.show();
    expect(windows[0]!.pressKey('Escape')).toBe(false);
    expect(controller.isVisible()).toBe(true);
    expect(windows[0]!.hide).not.toHaveBeenCalled();
    expect(visibility).toEqual([true]);
    controller.hide();
    expect(controller.isVisible()).toBe(false);
  });

  it('destroys the window after it stayed hidden for the idle delay and re-creates it on the next open', () => {
    const { controller, windows, advance } = setupPopup();
    controller.show();
    controller.hide();
    advance(4 * 60_000);
    expect(windows[0]!.destroyed).toBe(false);
    advance(60_000);
    expect(windows[0]!.destroyed).toBe(true);
    expect(controller.webContents()).toBeNull();
    controller.show();
    expect(windows).toHaveLength(2);
    expect(controller.isVisible()).toBe(true);
  });

  it('reopening before the delay cancels the destruction', () => {
    const { controller, windows, advance, pendingCount } = setupPopup();
    controller.show();
    controller.hide();
    advance(60_000);
    controller.show();
    expect(pendingCount()).toBe(0);
    advance(10 * 60_000);
    expect(windows[0]!.destroyed).toBe(false);
    expect(windows).toHaveLength(1);
  });

  it('toggle opens and closes; the tray click that caused a blur does not reopen it', () => {
    const { controller, windows, advance } = setupPopup();
    controller.toggle();
    expect(controller.isVisible()).toBe(true);
    controller.toggle();
    expect(controller.isVisible()).toBe(false);
    advance(1_000);
    controller.toggle();
    windows[0]!.emit('blur');
    controller.toggle();
    expect(controller.isVisible()).toBe(false);
    advance(1_000);
    controller.toggle();
    expect(controller.isVisible()).toBe(true);
  });

  it('forgets a window closed from outside', () => {
    const { controller, windows } = setupPopup();
    controller.show();
    windows[0]!.destroyed = true;
    windows[0]!.emit('closed');
    expect(controller.webContents()).toBeNull();
    controller.show();
    expect(windows).toHaveLength(2);
    controller.dispose();
    expect(windows[1]!.destroyed).toBe(true);
  });
});
