// The settings (each change a patch of just that setting) and the global shortcut as the desktop edge
// left it. `window.vps.settings.*`, `shortcut.*`, `onSettingsChange`, `onShortcutChange`.
import type { Settings, SettingsPatch } from '../settings';
import type { Empty } from './calls';

/**
 * The global shortcut as the desktop edge left it. failed: `taken` (another app holds it; the OS says
 * no more), `wayland` (a Wayland session gives apps no global shortcuts: bind `--toggle` instead),
 * `error` (Electron refused it).
 */
export type ShortcutStatus =
  | { state: 'off' }
  | { state: 'active'; accelerator: string }
  | { state: 'failed'; accelerator: string; reason: 'taken' | 'wayland' | 'error' };

export const SETTINGS_CHANNELS = {
  settingsGet: 'vps:settings:get',
  settingsSet: 'vps:settings:set',
  shortcutStatus: 'vps:shortcut:status',
} as const;

export const SETTINGS_EVENTS = {
  settingsChanged: 'vps:event:settings-changed',
  /** The global shortcut was registered, turned off or refused. */
  shortcutChanged: 'vps:event:shortcut-changed',
} as const;

export interface SettingsContract {
  [SETTINGS_CHANNELS.settingsGet]: { request: Empty; response: Settings };
  [SETTINGS_CHANNELS.settingsSet]: { request: SettingsPatch; response: Settings };
  [SETTINGS_CHANNELS.shortcutStatus]: { request: Empty; response: ShortcutStatus };
}

export interface SettingsEventContract {
  [SETTINGS_EVENTS.settingsChanged]: Settings;
  [SETTINGS_EVENTS.shortcutChanged]: ShortcutStatus;
}

export const SETTINGS_METHODS = {
  settings: { get: SETTINGS_CHANNELS.settingsGet, set: SETTINGS_CHANNELS.settingsSet },
  shortcut: { status: SETTINGS_CHANNELS.shortcutStatus },
} as const;

export const SETTINGS_BRIDGE_EVENTS = {
  onSettingsChange: SETTINGS_EVENTS.settingsChanged,
  onShortcutChange: SETTINGS_EVENTS.shortcutChanged,
} as const;
