// The icon file for each state, platform and panel theme, following nativeTheme (faked) as it changes;
// and every icon the tray can ask for is a committed file (the PNGs themselves are checked in
// tests/packaging/icons.test.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { TrayIconState } from '../../main/tray/summary';
import {
  panelTheme,
  TRAY_ICON_NAMES,
  trayIconFile,
  watchPanelTheme,
  type NativeThemeSource,
  type PanelTheme,
} from '../../main/tray/icons';

const STATES = Object.keys(TRAY_ICON_NAMES) as TrayIconState[];
const PANELS: PanelTheme[] = ['dark', 'light'];

/** nativeTheme with settable colours and its 'updated' event. */
function fakeNativeTheme(initial: { dark: boolean; systemDark?: boolean }) {
  const listeners = new Set<() => void>();
  const theme = {
    shouldUseDarkColors: initial.dark,
    shouldUseDarkColorsForSystemIntegratedUI: initial.systemDark ?? initial.dark,
    on: (_event: 'updated', listener: () => void) => listeners.add(listener),
    removeListener: (_event: 'updated', listener: () => void) => listeners.delete(listener),
  } satisfies NativeThemeSource;
  return {
    theme,
    listeners,
    update(next: { dark: boolean; systemDark?: boolean }) {
      theme.shouldUseDarkColors = next.dark;
      theme.shouldUseDarkColorsForSystemIntegratedUI = next.systemDark ?? next.dark;
      for (const listener of listeners) listener();
    },
  };
}

describe('tray icon files', () => {
  it('macOS gets the Template image (tinted by the menu bar) whatever the theme', () => {
    for (const panel of PANELS)
      expect(trayIconFile('attention', 'darwin', panel)).toEqual({
        fileName: 'tray-attentionTemplate.png',
        template: true,
      });
  });

  it('Windows and Linux: light icons on a dark panel, dark icons on a light one', () => {
    expect(trayIconFile('busy', 'win32', 'dark')).toEqual({
      fileName: 'tray-busyOnDark.png',
      template: false,
    });
    expect(trayIconFile('busy', 'win32', 'light')).toEqual({
      fileName: 'tray-busyOnLight.png',
      template: false,
    });
    expect(trayIconFile('no-token', 'linux', 'dark').fileName).toBe('tray-noTokenOnDark.png');
    expect(trayIconFile('attention', 'linux', 'light').fileName).toBe('tray-attentionOnLight.png');
    expect(trayIconFile('attention', 'darwin', 'light').fileName).toBe('tray-attentionTemplate.png');
  });

  it.each(['darwin', 'win32', 'linux'].flatMap((platform) => PANELS.map((panel) => [platform, panel] as const)))(
    '%s on a %s panel: each state has its own file, in build/tray with its @2x',
    (platform, panel) => {
      const files = STATES.map((state) => trayIconFile(state, platform, panel).fileName);
      expect(new Set(files).size).toBe(STATES.length);
      const missing = files
        .flatMap((file) => [file, file.replace(/\.png$/, '@2x.png')])
        .filter((file) => !existsSync(join('build', 'tray', file)));
      expect(missing).toEqual([]);
    },
  );

  it('has an attention icon', () => {
    expect(STATES).toContain('attention');
  });
});

describe('panel theme', () => {
  it('Linux and macOS: the desktop’s mode as nativeTheme reports it', () => {
    expect(panelTheme('linux', { shouldUseDarkColors: true }, {})).toBe('dark');
    expect(panelTheme('linux', { shouldUseDarkColors: false }, { XDG_CURRENT_DESKTOP: 'KDE' })).toBe('light');
    expect(panelTheme('darwin', { shouldUseDarkColors: false }, {})).toBe('light');
  });

  it('Windows: the taskbar follows the system mode, even when apps are set otherwise', () => {
    const appsLightTaskbarDark = { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: true };
    expect(panelTheme('win32', appsLightTaskbarDark, {})).toBe('dark');
    const appsDarkTaskbarLight = { shouldUseDarkColors: true, shouldUseDarkColorsForSystemIntegratedUI: false };
    expect(panelTheme('win32', appsDarkTaskbarLight, {})).toBe('light');
  });

  it('GNOME: its top bar is dark in light mode too, so always the light icons', () => {
    expect(panelTheme('linux', { shouldUseDarkColors: false }, { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' })).toBe('dark');
    expect(panelTheme('linux', { shouldUseDarkColors: false }, { XDG_CURRENT_DESKTOP: 'GNOME-Flashback' })).toBe(
      'light',
    );
  });

  it('follows nativeTheme’s updates: a change of the panel is told once, other updates are not', () => {
    const native = fakeNativeTheme({ dark: true });
    const onChange = vi.fn<(panel: PanelTheme) => void>();
    const watch = watchPanelTheme({ platform: 'linux', nativeTheme: native.theme, env: {}, onChange });
    expect(watch.current()).toBe('dark');
    native.update({ dark: true });
    expect(onChange).not.toHaveBeenCalled();
    native.update({ dark: false });
    expect(watch.current()).toBe('light');
    expect(onChange).toHaveBeenCalledWith('light');
    native.update({ dark: true });
    expect(onChange.mock.calls).toEqual([['light'], ['dark']]);
    watch.dispose();
    expect(native.listeners.size).toBe(0);
    native.update({ dark: false });
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
