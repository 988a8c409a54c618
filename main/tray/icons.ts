// Which icon file shows each tray state (the PNGs in build/tray, made by scripts/make-icons.mjs), and
// which look the panel wants: macOS tints Template images itself; on Windows and Linux the icon follows
// the panel, light on a dark one and dark on a light one, as nativeTheme reports it. Plain: nativeTheme
// is injected, and main/desktop/tray-setup.ts turns the answer into a native image.
import type { TrayIconState } from './summary';

/** File name stem per state; `@2x` files beside each one are picked up by nativeImage automatically. */
export const TRAY_ICON_NAMES: Readonly<Record<TrayIconState, string>> = {
  ok: 'tray-ok',
  attention: 'tray-attention',
  busy: 'tray-busy',
  error: 'tray-error',
  'no-token': 'tray-noToken',
  demo: 'tray-demo',
};

/** The panel (taskbar, top bar) the icon sits on. */
export type PanelTheme = 'dark' | 'light';

export interface TrayIconFile {
  fileName: string;
  /** macOS: a black+alpha Template image that the menu bar tints for light/dark mode. */
  template: boolean;
}

export function trayIconFile(state: TrayIconState, platform: string, panel: PanelTheme): TrayIconFile {
  const name = TRAY_ICON_NAMES[state];
  if (platform === 'darwin') return { fileName: `${name}Template.png`, template: true };
  return { fileName: `${name}${panel === 'dark' ? 'OnDark' : 'OnLight'}.png`, template: false };
}

/** Electron's nativeTheme, the part read. */
export interface NativeThemeLike {
  readonly shouldUseDarkColors: boolean;
  /** Windows: the system's (taskbar's) mode, which may differ from the apps' mode. */
  readonly shouldUseDarkColorsForSystemIntegratedUI?: boolean;
}

/**
 * The panel's theme. Windows: the taskbar follows the system mode, not the apps' one. GNOME: the top
 * bar is dark in light mode too, so it always gets the light icons. Elsewhere the desktop's mode.
 */
export function panelTheme(
  platform: string,
  theme: NativeThemeLike,
  env: Readonly<Record<string, string | undefined>>,
): PanelTheme {
  if (platform === 'win32')
    return (theme.shouldUseDarkColorsForSystemIntegratedUI ?? theme.shouldUseDarkColors) ? 'dark' : 'light';
  if (platform === 'linux' && (env.XDG_CURRENT_DESKTOP ?? '').split(':').includes('GNOME')) return 'dark';
  return theme.shouldUseDarkColors ? 'dark' : 'light';
}

/** nativeTheme with its change event. */
export interface NativeThemeSource extends NativeThemeLike {
  on(event: 'updated', listener: () => void): unknown;
  removeListener(event: 'updated', listener: () => void): unknown;
}

/**
 * Follows the panel's theme: `onChange` runs when nativeTheme's 'updated' changed it (the event also
 * fires for high contrast and the like, which leave the icons as they are). Returns the current theme
 * and a stop.
 */
export function watchPanelTheme(deps: {
  platform: string;
  nativeTheme: NativeThemeSource;
  env: Readonly<Record<string, string | undefined>>;
  onChange(panel: PanelTheme): void;
}): { current(): PanelTheme; dispose(): void } {
  const read = () => panelTheme(deps.platform, deps.nativeTheme, deps.env);
  let current = read();
  const onUpdated = () => {
    const next = read();
    if (next === current) return;
    current = next;
    deps.onChange(next);
  };
  deps.nativeTheme.on('updated', onUpdated);
  return {
    current: () => current,
    dispose: () => void deps.nativeTheme.removeListener('updated', onUpdated),
  };
}
