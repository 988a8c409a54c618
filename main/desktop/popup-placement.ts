// Where the popup goes: next to the tray icon, inside the work area of the tray's display. Pure
// geometry (the screen's answers are passed in), so every platform's tray position is testable. All
// coordinates are DIP (Electron's screen API already reports scaled displays in DIP).

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

type TrayEdge = 'top' | 'bottom' | 'left' | 'right';

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

function hasBounds(rect: Rect): boolean {
  return rect.width > 0 || rect.height > 0 || rect.x !== 0 || rect.y !== 0;
}

/** The point used to choose the display: the tray icon's centre, or the cursor when the tray has no bounds. */
export function anchorPoint(trayBounds: Rect, cursor: Point): Point {
  return hasBounds(trayBounds)
    ? { x: trayBounds.x + trayBounds.width / 2, y: trayBounds.y + trayBounds.height / 2 }
    : { x: cursor.x, y: cursor.y };
}

/** The work-area edge the anchor sits on (or is nearest to): where the taskbar / menu bar is. */
function trayEdge(anchor: Point, workArea: Rect): TrayEdge {
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

export interface PopupPlacementInput {
  windowSize: Size;
  /** Tray icon bounds; all zero where the platform does not report them (Linux) or before the tray exists. */
  trayBounds: Rect;
  cursor: Point;
  /** Work area of the display nearest to a point (Electron: `screen.getDisplayNearestPoint(point).workArea`). */
  workAreaNear(point: Point): Rect;
  platform: string;
}

/** Top-left corner of the popup on the display the tray (or, without tray bounds, the cursor) is on. */
export function placePopupNextToTray(input: PopupPlacementInput): Point {
  const { trayBounds, cursor } = input;
  return computePopupPosition({
    trayBounds,
    windowSize: input.windowSize,
    workArea: input.workAreaNear(anchorPoint(trayBounds, cursor)),
    platform: input.platform,
    cursor,
  });
}
