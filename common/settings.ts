// The app's settings as both sides see them, with their defaults: defined once here. The runtime
// schema that checks stored files and changes from the popup (main/settings/schema.ts) is compiled
// against these types and built from these defaults.
import type { PowerAction } from './statuses';

/** How long the history keeps events, in days; 0 is off (nothing recorded, the file removed). */
export const HISTORY_KEEP_DAYS = [7, 30, 90, 0] as const;
export type HistoryKeepDays = (typeof HISTORY_KEEP_DAYS)[number];
export const DEFAULT_HISTORY_KEEP_DAYS: HistoryKeepDays = 90;

export const LANGUAGES = ['auto', 'en', 'cs'] as const;
export type LanguageSetting = (typeof LANGUAGES)[number];

export const DEFAULT_API_BASE_URL = 'https://admin.vps.org/api/v1';

export interface PollIntervals {
  /** While nothing is happening and the popup is closed. */
  idleSeconds: number;
  /** While the popup is open. */
  openSeconds: number;
  /** While a server is in a transitional state or an action is tracked. */
  fastSeconds: number;
}

export const DEFAULT_POLL_INTERVALS: Readonly<PollIntervals> = { idleSeconds: 60, openSeconds: 15, fastSeconds: 3 };

/** Ask before sending these actions (inline confirm in the popup, a dialog from the tray menu). */
export type Confirmations = Record<PowerAction, boolean>;

export const DEFAULT_CONFIRMATIONS: Readonly<Confirmations> = { start: false, stop: true, reboot: true };

/**
 * Opens the popup with the search box focused. Not Ctrl+Alt+V: on Windows Ctrl+Alt is AltGr, and
 * AltGr+V types `@` on the Czech keyboard (Office's Paste Special too); Cmd+Option+(Shift+)V moves
 * files in Finder and pastes without style on macOS. With Shift and K no layout the app speaks types a
 * character, and no desktop (Windows, macOS, GNOME, KDE) reserves it.
 */
export const DEFAULT_GLOBAL_SHORTCUT = 'CommandOrControl+Alt+Shift+K';
/** An account the app polls: its token is kept in the vault under `id`, never here. */
export interface AccountSetting {
  id: string;
  label: string;
}

export interface Settings {
  apiBaseUrl: string;
  /** The token accounts, in the order the user added them (the first is the primary one). */
  accounts: AccountSetting[];
  pollIntervals: PollIntervals;
  confirmations: Confirmations;
  notifications: boolean;
  launchAtLogin: boolean;
  language: LanguageSetting;
  /**
   * Start in demo mode when no token is stored: a first run shows a working tray at once. Leaving the
   * demo turns it off (the user has an account); Try the demo turns it on again.
   */
  demoMode: boolean;
  /** An Electron accelerator that opens the popup from anywhere (common/shortcut.ts); '' is off. */
  globalShortcut: string;
  /** Check for a new version at start and every few hours, and download it (where the app can update itself). */
  autoUpdate: boolean;
  /** How many days of history to keep (common/history.ts); 0 is off. */
  historyKeepDays: HistoryKeepDays;
  /** The tray tooltip adds the fleet's uptime over 7 days ("99.7 % up over 7 days, 2 incidents"). */
  uptimeInTooltip: boolean;
  /** Expected state and alerts; changed through the alerts channels, not `settings.set`. */
  alerts: AlertSettings;
}

/**
 * A change from the renderer: any subset, nested groups partial too. Never the API address: a page
 * that could change it could send the next token elsewhere; a developer sets it in the settings file.
 * Never the accounts either: they change through the account channels, which keep them and the vault
 * in step; nor the alerts, which change through the alerts channels.
 */
export type SettingsPatch = Partial<
  Omit<Settings, 'apiBaseUrl' | 'accounts' | 'pollIntervals' | 'confirmations' | 'alerts'> & {
    pollIntervals: Partial<PollIntervals>;
    confirmations: Partial<Confirmations>;
  }
>;

// ---------------------------------------------------------------------------------------------
// Expected-state alerts (main/alerts/): what the user expects of each server and when to be told
// ---------------------------------------------------------------------------------------------

/** should-run: stopped, suspended, gone or an unknown status is a deviation. may-stop: only thresholds are. */
export const EXPECTATIONS = ['should-run', 'may-stop'] as const;
export type Expectation = (typeof EXPECTATIONS)[number];

/**
 * The usage thresholds, in the order the forms list them: CPU use; disk use against the plan's
 * storage; this month's traffic against the plan's bandwidth.
 */
export const THRESHOLD_FIELDS = ['cpuPercent', 'diskPercent', 'bandwidthPercent'] as const;
export type ThresholdField = (typeof THRESHOLD_FIELDS)[number];
/** A threshold's bounds, in percent. */
export const THRESHOLD_PERCENT = { min: 1, max: 100 } as const;
/** Usage thresholds in percent; null: not watched. */
export type AlertThresholds = Record<ThresholdField, number | null>;

/** The longest hold time (a day). */
export const HOLD_SECONDS_MAX = 86_400;

/** A pause: alerts stay quiet until `until` (ms since epoch); null: until resumed. */
export interface AlertPause {
  until: number | null;
}

export interface AlertSettings {
  /** How long a deviation must hold before it counts (soft -> hard), 0 to HOLD_SECONDS_MAX. */
  holdSeconds: number;
  /** For every server, unless it has its own. */
  thresholds: AlertThresholds;
  /** By server key (`serverKey(accountId, id)`); a server first seen gets one from its status then. */
  expectations: Record<string, Expectation>;
  /** A server's own thresholds, by server key: each given one replaces the global one. */
  serverThresholds: Record<string, Partial<AlertThresholds>>;
  /** The whole tray's pause (older versions stored it as `muteAll`: read once, written anew). */
  pauseAll: AlertPause | null;
  /** Per server pauses, by server key (older versions: `serverMutes`). */
  serverPauses: Record<string, AlertPause>;
}

export const DEFAULT_ALERT_SETTINGS: Readonly<AlertSettings> = {
  holdSeconds: 180,
  thresholds: { cpuPercent: null, diskPercent: null, bandwidthPercent: null },
  expectations: {},
  serverThresholds: {},
  pauseAll: null,
  serverPauses: {},
};
