// The app's own updating: whether this copy can update itself, and where checking, downloading and
// installing stand. `window.vps.updates.*`, `onUpdatesChange`.
import type { Empty } from './calls';

/**
 * Why this copy of the app cannot update itself: development (not packaged), package-manager (a deb or
 * rpm install: the system's package manager updates it), platform (neither an AppImage, a Windows
 * installer nor a macOS app, e.g. an unpacked folder or a snap).
 */
export type UpdateUnavailableReason = 'development' | 'package-manager' | 'platform';

/** Where the app's own updating stands. */
export interface UpdateState {
  /** null: the app can update itself. */
  unavailable: UpdateUnavailableReason | null;
  /**
   * idle: not checked yet; checking / downloading: in progress; ready: `version` is downloaded and
   * installs on restart; up-to-date: the last check found nothing newer; failed: the last check failed
   * and is retried later (never shown as an error).
   */
  phase: 'idle' | 'checking' | 'downloading' | 'ready' | 'up-to-date' | 'failed';
  /** downloading / ready: the version offered. */
  version: string | null;
  /** ms since epoch of the last check that got an answer. */
  checkedAt: number | null;
}

export const UPDATES_CHANNELS = {
  updatesState: 'vps:updates:state',
} as const;

export const UPDATES_EVENTS = {
  updatesChanged: 'vps:event:updates-changed',
} as const;

export interface UpdatesContract {
  [UPDATES_CHANNELS.updatesState]: { request: Empty; response: UpdateState };
}

export interface UpdatesEventContract {
  [UPDATES_EVENTS.updatesChanged]: UpdateState;
}

export const UPDATES_METHODS = {
  updates: { state: UPDATES_CHANNELS.updatesState },
} as const;

export const UPDATES_BRIDGE_EVENTS = {
  onUpdatesChange: UPDATES_EVENTS.updatesChanged,
} as const;
