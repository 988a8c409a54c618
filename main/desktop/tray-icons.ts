// Which icon file shows each tray state (the PNGs in build/tray, made by scripts/make-icons.mjs). Plain:
// tray-setup.ts turns the answer into a native image.
import type { TrayIconState } from './tray';

/** File name stem per state; `@2x` files beside each one are picked up by nativeImage automatically. */
export const TRAY_ICON_NAMES: Readonly<Record<TrayIconState, string>> = {
  ok: 'tray-ok',
  attention: 'tray-attention',
  busy: 'tray-busy',
  error: 'tray-error',
  'no-token': 'tray-noToken',
  demo: 'tray-demo',
};

export interface TrayIconFile {
  fileName: string;
  /** macOS: a black+alpha Template image that the menu bar tints for light/dark mode. */
  template: boolean;
}

export function trayIconFile(state: TrayIconState, platform: string): TrayIconFile {
  const template = platform === 'darwin';
  return { fileName: `${TRAY_ICON_NAMES[state]}${template ? 'Template' : ''}.png`, template };
}
