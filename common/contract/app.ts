// The app and its popup window: what the app is and what happened at its start, the popup being shown
// (or asked to show a view) and hidden, the clipboard, and "Copy diagnostics". `window.vps.app.*`,
// `popup.*`, `clipboard.*`, `diagnostics.*`, `onPopupShown`.
import type { ServerRef } from '../servers';
import type { Settings } from '../settings';
import type { AuthState } from './auth';
import type { Empty } from './calls';
import type { FleetSnapshot } from './fleet';

/**
 * Something the user must know about, found at start-up or shortly after (shown in the popup until
 * dismissed). settings-reset / vault-reset: the file was unreadable; it was moved aside to `backupPath`
 * and defaults used. notifications-unsigned: macOS shows no notifications of this unsigned `version`.
 */
export type AppNotice =
  { code: 'settings-reset' | 'vault-reset'; backupPath: string } | { code: 'notifications-unsigned'; version: string };

export interface AppInfo {
  version: string;
  platform: 'darwin' | 'win32' | 'linux' | (string & {});
  /** The OS locale, e.g. `cs-CZ`. */
  systemLocale: string;
  notices: AppNotice[];
}

/**
 * A view the popup can be asked to open from outside: the tray's Settings…, the global shortcut's
 * `search` (the server list with the search box focused), or one server's detail (a click on a
 * notification about it).
 */
export type RequestedView = 'settings' | 'search' | { server: ServerRef };

export interface PopupShown {
  /** Navigate here; null keeps the current view, so a half-filled form is not lost. */
  view: RequestedView | null;
  /** On opening: the notices as they are now (one found after the page loaded reaches it here). */
  notices?: AppNotice[];
}

/**
 * Everything the popup's first view needs, in one answer (one round trip before the first rows): what
 * the app is, who is signed in, the settings, the view it was asked to open while its page loaded (the
 * tray's Settings…), and the fleet as it is now (empty when nobody is signed in). Later changes arrive
 * as the usual events, which the page subscribes to before it asks.
 */
interface PopupBootstrap extends PopupShown {
  info: AppInfo;
  auth: AuthState;
  settings: Settings;
  fleet: FleetSnapshot;
}

/** "Copy diagnostics": main builds the text and puts it on the clipboard. */
interface DiagnosticsRequest {
  /** Server names, hostnames and IP addresses stay in (default off); the token never does. */
  includeServerNames: boolean;
}

export const APP_CHANNELS = {
  appInfo: 'vps:app:info',
  popupBootstrap: 'vps:popup:bootstrap',
  popupHide: 'vps:popup:hide',
  clipboardWrite: 'vps:clipboard:write',
  diagnosticsCopy: 'vps:diagnostics:copy',
} as const;

export const APP_EVENTS = {
  /** The popup was shown (focus the current view), or asked to show a view (e.g. the tray's Settings…). */
  popupShown: 'vps:event:popup-shown',
} as const;

export interface AppContract {
  [APP_CHANNELS.appInfo]: { request: Empty; response: AppInfo };
  /** The page has subscribed to events: answers everything its first view shows, at once. */
  [APP_CHANNELS.popupBootstrap]: { request: Empty; response: PopupBootstrap };
  [APP_CHANNELS.popupHide]: { request: Empty; response: null };
  [APP_CHANNELS.clipboardWrite]: { request: string; response: null };
  /** Builds the diagnostics text in main and copies it to the clipboard. */
  [APP_CHANNELS.diagnosticsCopy]: { request: DiagnosticsRequest; response: null };
}

export interface AppEventContract {
  [APP_EVENTS.popupShown]: PopupShown;
}

export const APP_METHODS = {
  app: { info: APP_CHANNELS.appInfo },
  popup: { bootstrap: APP_CHANNELS.popupBootstrap, hide: APP_CHANNELS.popupHide },
  clipboard: { write: APP_CHANNELS.clipboardWrite },
  diagnostics: { copy: APP_CHANNELS.diagnosticsCopy },
} as const;

export const APP_BRIDGE_EVENTS = {
  onPopupShown: APP_EVENTS.popupShown,
} as const;
