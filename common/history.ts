// "What happened while you were away" as both sides see it: what the popup shows of a server's or the
// whole fleet's history, already in the popup's terms. Main keeps the events (main/history/) and answers
// these; the renderer only words and draws them. Names are looked up by main when it answers (the stored
// events hold ids only); a server no longer in the list has `name: null` and is shown as `#<id>`.
import type { DeviationKind } from './alerts';
import type { ServerRef } from './servers';
import type { PowerAction, ServerStatus } from './statuses';

// How long the history keeps events: defined with the settings (which may not import this file: alerts.ts,
// imported here, imports them), offered here too.
export { DEFAULT_HISTORY_KEEP_DAYS, HISTORY_KEEP_DAYS, type HistoryKeepDays } from './settings';

/** Where a power action was started. */
export const ACTION_SOURCES = ['popup', 'tray', 'notification', 'keyboard'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];

/** Why an account's list could not be read: no network, token refused (401), rate limited (429), 5xx. */
export const ACCOUNT_FAILURES = ['offline', 'unauthorized', 'rate-limited', 'server-error'] as const;
export type AccountFailure = (typeof ACCOUNT_FAILURES)[number];

/** Why the app was not watching: not running, the machine asleep, the account's list unreadable. */
export const GAP_REASONS = ['not-running', 'asleep', 'account-failing'] as const;
export type GapReason = (typeof GAP_REASONS)[number];

interface ServerNamed {
  ref: ServerRef;
  /** The server's name now; null when it is no longer in the list. */
  name: string | null;
}

/** A status the server was seen in from `at`, until `until` (null: still in it, or not seen since). */
export interface StatusEntry extends ServerNamed {
  kind: 'status';
  at: number;
  from: ServerStatus | null;
  to: ServerStatus;
  until: number | null;
}

/** A power action the app sent, where it was started, and how it ended (`tookMs`: until it settled). */
export interface ActionEntry extends ServerNamed {
  kind: 'action';
  at: number;
  action: PowerAction;
  source: ActionSource;
  outcome: 'sent' | 'succeeded' | 'failed';
  tookMs: number | null;
}

/** An alert deviation raised (`until` null: still on) or ended. */
export interface AlertEntry extends ServerNamed {
  kind: 'alert';
  at: number;
  alert: DeviationKind;
  /** hard: it held for the hold time; soft: it ended before. */
  severity: 'hard' | 'soft';
  acknowledged: boolean;
  /** The server's or the whole tray's alerts were paused when it was raised. */
  paused: boolean;
  until: number | null;
}

/** An account whose list could not be read from `at` until `until` (null: still failing). */
export interface AccountEntry {
  kind: 'account';
  at: number;
  accountId: string;
  /** The account's label now; null when it was removed. */
  label: string | null;
  failure: AccountFailure;
  until: number | null;
}

/** A span the app did not watch: nothing is known of it (never counted as up). */
export interface GapEntry {
  kind: 'gap';
  at: number;
  until: number;
  reason: GapReason;
  /** The account it concerns; absent when the whole app was not watching. */
  accountId?: string;
}

export type HistoryEntry = StatusEntry | ActionEntry | AlertEntry | AccountEntry | GapEntry;

/** "Since you last looked": what happened since the popup was last closed, newest first. */
export interface HistoryDigest {
  /** When the popup was last closed (ms since the epoch). */
  since: number;
  entries: HistoryEntry[];
}

export type UptimeState = 'up' | 'down' | 'unknown';

/** One stretch of a strip: `state` from `from` until `until` (ms since the epoch). */
export interface StripSpan {
  from: number;
  until: number;
  state: UptimeState;
}

/**
 * Time seen up (active), down (any other status) and unknown (the app not watching, or before the
 * first observation) over a window. The share up is `upMs / (upMs + downMs)`, shown with the unknown
 * share beside it; no observed time at all is shown as unknown, never as 100 %.
 */
export interface Uptime {
  upMs: number;
  downMs: number;
  unknownMs: number;
}

export interface ServerHistory extends ServerNamed {
  /** The last 7 days, newest first (the popup groups them by its local day). */
  entries: HistoryEntry[];
  /** Oldest first, covering the last 24 hours and the last 7 days. */
  strip: { day: StripSpan[]; week: StripSpan[] };
  uptime: { day: Uptime; week: Uptime; month: Uptime };
  /** The history is off (Settings → History): nothing was recorded. */
  off: boolean;
}

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
