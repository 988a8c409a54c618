// The popup window: where it goes (pure geometry) and its lifecycle (created on first open, hidden on
// blur, destroyed after it has stayed hidden a while to give memory back). Escape is the page's: it
// closes a confirmation, form or view first and asks for `app.hidePopup()` only when nothing is left.
// Electron objects are injected so the lifecycle runs with fakes in tests. All coordinates are DIP
// (Electron's screen API already reports scaled displays in DIP).

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}

export type TrayEdge = 'top' | 'bottom' | 'left' | 'right';

export interface PopupPositionInput {
  /** Tray icon bounds; all zero where the platform does not report them (Linux). */
  trayBounds: Rect;
  windowSize: Size;
  /** Work area of the display nearest to the tray (or to the cursor when the tray bounds are zero). */
  workArea: Rect;
  platform: string;
  /** Used when the tray bounds are zero. */
  cursor?: Point;
}

export function hasBounds(rect: Rect): boolean {
  return rect.width > 0 || rect.height > 0 || rect.x !== 0 || rect.y !== 0;
}

/** The point used to choose the display: the tray icon's centre, or the cursor when the tray has no bounds. */
export function anchorPoint(trayBounds: Rect, cursor: Point): Point {
  return hasBounds(trayBounds)
    ? { x: trayBounds.x + trayBounds.width / 2, y: trayBounds.y + trayBounds.height / 2 }
    : { x: cursor.x, y: cursor.y };
}

/** The work-area edge the anchor sits on (or is nearest to): where the taskbar / menu bar is. */
export function trayEdge(anchor: Point, workArea: Rect): TrayEdge {
  const distances: Array<[TrayEdge, number]> = [
    ['top', anchor.y - workArea.y],
    ['bottom', workArea.y + workArea.height - anchor.y],
    ['left', anchor.x - workArea.x],
    ['right', workArea.x + workArea.width - anchor.x],
  ];
  distances.sort((a, b) => a[1] - b[1]);
  return distances[0]![0];
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, Math.max(min, max)));

/** Top-left corner of the popup: next to the tray icon, entirely inside the work area. */
export function computePopupPosition(input: PopupPositionInput): Point {
  const { windowSize: size, workArea: area } = input;
  const anchor = anchorPoint(input.trayBounds, input.cursor ?? { x: area.x + area.width, y: area.y });
  // With no tray bounds the cursor is only a hint: put the popup at the edge the platform's tray uses.
  const edge = hasBounds(input.trayBounds) ? trayEdge(anchor, area) : input.platform === 'win32' ? 'bottom' : 'top';
  let x: number;
  let y: number;
  switch (edge) {
    case 'top':
      x = anchor.x - size.width / 2;
      y = area.y;
      break;
    case 'bottom':
      x = anchor.x - size.width / 2;
      y = area.y + area.height - size.height;
      break;
    case 'left':
      x = area.x;
      y = anchor.y - size.height / 2;
      break;
    case 'right':
      x = area.x + area.width - size.width;
      y = anchor.y - size.height / 2;
      break;
  }
  return {
    x: Math.round(clamp(x, area.x, area.x + area.width - size.width)),
    y: Math.round(clamp(y, area.y, area.y + area.height - size.height)),
  };
}

// ---------------------------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------------------------

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
  /** Destroy the window after it has been hidden this long. */
  idleDestroyMs?: number;
  /** Called with true when the popup is shown, false when hidden or destroyed. */
  onVisibilityChange?(visible: boolean): void;
  /** Called each time the popup is shown (the renderer gets `popupShown`). */
  onShown?(webContents: PopupWebContentsLike): void;
}

export const DEFAULT_IDLE_DESTROY_MS = 5 * 60_000;
/** A tray click right after a blur-hide is the same click that caused the blur: do not re-open. */
const BLUR_TOGGLE_GRACE_MS = 300;

const realTimers: PopupTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export function createPopupController(deps: PopupControllerDeps) {
  const timers = deps.timers ?? realTimers;
  const idleDestroyMs = deps.idleDestroyMs ?? DEFAULT_IDLE_DESTROY_MS;
  let window: PopupWindowLike | null = null;
  let destroyTimer: unknown = null;
  let hiddenByBlurAt = -Infinity;

  const alive = (): PopupWindowLike | null => (window && !window.isDestroyed() ? window : null);

  function cancelDestroy(): void {
    if (destroyTimer !== null) timers.clearTimeout(destroyTimer);
    destroyTimer = null;
  }

  function scheduleDestroy(): void {
    cancelDestroy();
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
