import { describe, expect, it } from 'vitest';
import {
  anchorPoint,
  computePopupPosition,
  placePopupNextToTray,
  type Point,
} from '../../main/desktop/popup-placement';

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

describe('placePopupNextToTray', () => {
  // Two displays side by side: the primary with a bottom taskbar, a second one to its right.
  const primary = { x: 0, y: 0, width: 1920, height: 1040 };
  const secondary = { x: 1920, y: 0, width: 1280, height: 984 };
  const workAreaNear = (point: Point) => (point.x >= 1920 ? secondary : primary);

  it("uses the display under the tray icon's centre, not the cursor's", () => {
    const asked: Point[] = [];
    const position = placePopupNextToTray({
      windowSize: size,
      trayBounds: { x: 3100, y: 990, width: 24, height: 24 },
      cursor: { x: 100, y: 100 },
      workAreaNear: (point) => {
        asked.push(point);
        return workAreaNear(point);
      },
      platform: 'win32',
    });
    expect(asked).toEqual([{ x: 3112, y: 1002 }]);
    expect(position).toEqual({ x: 2840, y: 504 });
  });

  it('without tray bounds (Linux), uses the display under the cursor and the top edge', () => {
    const position = placePopupNextToTray({
      windowSize: size,
      trayBounds: zero,
      cursor: { x: 2500, y: 10 },
      workAreaNear,
      platform: 'linux',
    });
    expect(position).toEqual({ x: 2320, y: 0 });
  });
});
