import { describe, expect, it, vi } from 'vitest';
import {
  createPopupController,
  type PopupTimers,
  type PopupWebContentsLike,
  type PopupWindowLike,
} from '../../main/desktop/popup-window';

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

function controllerWithFakes(idleDestroyMs: number | null = 5 * 60_000) {
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
    idleDestroyMs,
    onVisibilityChange: (visible) => visibility.push(visible),
    onShown: shown,
  });
  return { controller, windows, advance, pendingCount, visibility, shown };
}

describe('popup controller', () => {
  it('creates the window lazily on first open, positioned and focused', () => {
    const { controller, windows, shown, visibility } = controllerWithFakes();
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
    const { controller, windows, advance, visibility } = controllerWithFakes();
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
    const { controller, windows, visibility } = controllerWithFakes();
    controller.show();
    expect(windows[0]!.pressKey('Escape')).toBe(false);
    expect(controller.isVisible()).toBe(true);
    expect(windows[0]!.hide).not.toHaveBeenCalled();
    expect(visibility).toEqual([true]);
    controller.hide();
    expect(controller.isVisible()).toBe(false);
  });

  it('destroys the window after it stayed hidden for the idle delay and re-creates it on the next open', () => {
    const { controller, windows, advance } = controllerWithFakes();
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
    const { controller, windows, advance, pendingCount } = controllerWithFakes();
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
    const { controller, windows, advance } = controllerWithFakes();
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
    const { controller, windows } = controllerWithFakes();
    controller.show();
    windows[0]!.destroyed = true;
    windows[0]!.emit('closed');
    expect(controller.webContents()).toBeNull();
    controller.show();
    expect(windows).toHaveLength(2);
    controller.dispose();
    expect(windows[1]!.destroyed).toBe(true);
  });

  it('kept hidden (no idle delay): the window is never destroyed for being idle, and reopening shows the same one', () => {
    const { controller, windows, advance, pendingCount } = controllerWithFakes(null);
    controller.show();
    controller.hide();
    expect(pendingCount()).toBe(0);
    advance(24 * 60 * 60_000);
    expect(windows[0]!.destroyed).toBe(false);
    expect(controller.webContents()).toBe(windows[0]!.webContents);
    controller.show();
    expect(windows).toHaveLength(1);
    expect(controller.isVisible()).toBe(true);
  });

  it('prepare (the pointer entered the tray icon) creates the window hidden, once; the click shows that one', () => {
    const { controller, windows, visibility, shown } = controllerWithFakes(null);
    controller.prepare();
    controller.prepare();
    expect(windows).toHaveLength(1);
    expect(windows[0]!.show).not.toHaveBeenCalled();
    expect(controller.isVisible()).toBe(false);
    expect(visibility).toEqual([]);
    expect(shown).not.toHaveBeenCalled();
    controller.toggle();
    expect(windows).toHaveLength(1);
    expect(controller.isVisible()).toBe(true);
    expect(shown).toHaveBeenCalledWith(windows[0]!.webContents);
    controller.hide();
    controller.prepare();
    expect(windows).toHaveLength(1);
  });

  it('with an idle delay, a window prepared but never shown goes after the delay; shown in time, it stays', () => {
    const { controller, windows, advance } = controllerWithFakes(5 * 60_000);
    controller.prepare();
    advance(5 * 60_000);
    expect(windows[0]!.destroyed).toBe(true);
    controller.prepare();
    advance(60_000);
    controller.show();
    advance(10 * 60_000);
    expect(windows).toHaveLength(2);
    expect(windows[1]!.destroyed).toBe(false);
  });
});

/** Windows keeps the taskbar in the foreground after a tray click: show() is followed by blur at once. */
function foregroundDenied(showBlurGraceMs: number) {
  const windows: FakeWindow[] = [];
  const { timers, advance } = manualTimers();
  const controller = createPopupController({
    createWindow: () => {
      const win = fakeWindow();
      const show = win.show;
      win.show = vi.fn<() => void>(() => {
        show();
        win.emit('blur');
      });
      windows.push(win);
      return win;
    },
    position: () => ({ x: 10, y: 20 }),
    timers,
    showBlurGraceMs,
  });
  return { controller, windows, advance };
}

describe('popup controller, foreground denied (Windows after a tray click)', () => {
  it('a tray click shows the popup and it stays, asking for focus again; a later blur hides it', () => {
    const { controller, windows, advance } = foregroundDenied(300);
    controller.toggle();
    expect(controller.isVisible()).toBe(true);
    expect(windows[0]!.focus).toHaveBeenCalledTimes(2);
    advance(1_000);
    windows[0]!.emit('blur');
    expect(controller.isVisible()).toBe(false);
  });

  it('without the grace the popup hides itself before it paints (the bug)', () => {
    const { controller } = foregroundDenied(0);
    controller.toggle();
    expect(controller.isVisible()).toBe(false);
  });
});
