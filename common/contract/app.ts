// The app and its popup window: what the app is and what happened at its start, the popup being shown
// (or asked to show a view) and hidden, the clipboard, and "Copy diagnostics". `window.vps.app.*`,
// `popup.*`, `clipboard.*`, `diagnostics.*`, `onPopupShown`.
import type { ServerRef } from '../servers';
import type { Empty } from './calls';

/** Something the user must know about that happened at start-up (shown once in the popup). */
export interface AppNotice {
  /** settings-reset / vault-reset: the file was unreadable; it was moved aside to `backupPath` and defaults used. */
  code: 'settings-reset' | 'vault-reset';
  backupPath: string;
}

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
}

/** "Copy diagnostics": main builds the text and puts it on the clipboard. */
interface DiagnosticsRequest {
  /** Server names, hostnames and IP addresses stay in (default off); the token never does. */
  includeServerNames: boolean;
}

export const APP_CHANNELS = {
  appInfo: 'vps:app:info',
  popupReady: 'vps:popup:ready',
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
  /** The page has subscribed to events and is ready: answers the view it was asked to open, if any. */
  [APP_CHANNELS.popupReady]: { request: Empty; response: PopupShown };
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
  popup: { ready: APP_CHANNELS.popupReady, hide: APP_CHANNELS.popupHide },
  clipboard: { write: APP_CHANNELS.clipboardWrite },
  diagnostics: { copy: APP_CHANNELS.diagnosticsCopy },
} as const;

export const APP_BRIDGE_EVENTS = {
  onPopupShown: APP_EVENTS.popupShown,
} as const;
