// The popup window's lifecycle: created on first open (or before it, when the pointer enters the tray
// icon: `prepare()`), hidden on blur, and then either kept hidden for the next open (idleDestroyMs null:
// a warm open is a show, at the memory cost of its renderer) or destroyed after it has stayed hidden a
// while to give that memory back (every open after that loads the page anew). Escape is the page's: it closes a confirmation, form or view
// first and asks for `app.hidePopup()` only when nothing is left. The window and where it goes are
// injected (popup-setup.ts creates the BrowserWindow, popup-placement.ts computes the position), so the
// lifecycle runs with fakes in tests.
import type { Point, Size } from './popup-placement';

/** The subset of BrowserWindow the controller uses. */
export interface PopupWindowLike {
  show(): void;
  hide(): void;
  focus(): void;
  destroy(): void;
  isDestroyed(): boolean;
  isVisible(): boolean;
  getSize(): number[];
  setPosition(x: number, y: number): void;
  on(event: 'blur' | 'closed', listener: () => void): unknown;
  webContents: PopupWebContentsLike;
}

export interface PopupWebContentsLike {
  send(channel: string, ...args: unknown[]): void;
}

export interface PopupTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface PopupControllerDeps {
  /** Creates the window (hidden; `show: false`) and starts loading the page. */
  createWindow(): PopupWindowLike;
  /** Where to put a window of this size now (asks the screen where the tray is). */
  position(size: Size): Point;
  timers?: PopupTimers;
  /** Destroy the window after it has been hidden (or prepared and not shown) this long; null keeps it. */
  idleDestroyMs?: number | null;
  /** Called with true when the popup is shown, false when hidden or destroyed. */
  onVisibilityChange?(visible: boolean): void;
  /** Called each time the popup is shown (the renderer gets `popupShown`). */
  onShown?(webContents: PopupWebContentsLike): void;
  /**
   * A blur this soon after show() is the OS refusing the popup the foreground (Windows keeps it on the
   * taskbar after a tray click), not the user leaving it: ignored, and focus asked for again. 0: none.
   */
  showBlurGraceMs?: number;
}

const DEFAULT_IDLE_DESTROY_MS = 5 * 60_000;
/** A tray click right after a blur-hide is the same click that caused the blur: do not re-open. */
const BLUR_TOGGLE_GRACE_MS = 300;

const realTimers: PopupTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export function createPopupController(deps: PopupControllerDeps) {
  const timers = deps.timers ?? realTimers;
  const idleDestroyMs = deps.idleDestroyMs === undefined ? DEFAULT_IDLE_DESTROY_MS : deps.idleDestroyMs;
  let window: PopupWindowLike | null = null;
  let destroyTimer: unknown = null;
  let hiddenByBlurAt = -Infinity;
  let shownAt = -Infinity;
  const showBlurGraceMs = deps.showBlurGraceMs ?? 0;

  const alive = (): PopupWindowLike | null => (window && !window.isDestroyed() ? window : null);

  function cancelDestroy(): void {
    if (destroyTimer !== null) timers.clearTimeout(destroyTimer);
    destroyTimer = null;
  }

  function scheduleDestroy(): void {
    cancelDestroy();
    if (idleDestroyMs === null) return;
    destroyTimer = timers.setTimeout(() => {
      destroyTimer = null;
      const current = alive();
      if (current && !current.isVisible()) {
        window = null;
        current.destroy();
      }
    }, idleDestroyMs);
  }

  function hide(): void {
    const current = alive();
    if (!current || !current.isVisible()) return;
    current.hide();
    deps.onVisibilityChange?.(false);
    scheduleDestroy();
  }

  function ensureWindow(): PopupWindowLike {
    const existing = alive();
    if (existing) return existing;
    const created = deps.createWindow();
    created.on('blur', () => {
      if (timers.now() - shownAt < showBlurGraceMs) {
        // Foreground denied right after show(): stay, and ask for focus again (gitify#3064, gitify PR #3085).
        if (!created.isDestroyed()) created.focus();
        return;
      }
      hiddenByBlurAt = timers.now();
      hide();
    });
    created.on('closed', () => {
      if (window === created) {
        window = null;
        cancelDestroy();
        deps.onVisibilityChange?.(false);
      }
    });
    window = created;
    return created;
  }

  function show(): void {
    cancelDestroy();
    const current = ensureWindow();
    const [width = 360, height = 480] = current.getSize();
    const { x, y } = deps.position({ width, height });
    current.setPosition(x, y);
    // Before show(): the blur of a denied foreground may come from inside it.
    shownAt = timers.now();
    current.show();
    current.focus();
    deps.onVisibilityChange?.(true);
    deps.onShown?.(current.webContents);
  }

  return {
    show,
    hide,
    /** Tray click. */
    toggle(): void {
      if (alive()?.isVisible()) hide();
      else if (timers.now() - hiddenByBlurAt > BLUR_TOGGLE_GRACE_MS) show();
    },
    /**
     * Creates the window, hidden, if there is none (the pointer entered the tray icon: a click is likely),
     * so the page has loaded by the time it is shown. Not shown, it goes as a hidden one does.
     */
    prepare(): void {
      if (alive()) return;
      ensureWindow();
      scheduleDestroy();
    },
    isVisible: (): boolean => alive()?.isVisible() ?? false,
    /** The popup's webContents while the window exists (events go only there). */
    webContents: (): PopupWebContentsLike | null => alive()?.webContents ?? null,
    dispose(): void {
      cancelDestroy();
      const current = alive();
      window = null;
      current?.destroy();
    },
  };
}

export type PopupController = ReturnType<typeof createPopupController>;
