// The fleet: every account's servers as the popup shows them, kept current by deltas, and the end of
// each tracked action. `window.vps.fleet.*`, `onFleetChange`, `onActionFinished`.
import type { ErrorKind } from '../errors';
import type { Server, ServerRef } from '../servers';
import type { ServerStatus } from '../statuses';
import type { Empty, PendingAction } from './calls';

/** One server as the popup shows it. */
export interface ServerView {
  /** `${accountId}:${id}` — stable key for lists. */
  key: string;
  accountId: string;
  server: Server;
  pending: PendingAction | null;
}

export interface FleetStatus {
  /** ms since epoch of the last successful poll, null before the first. */
  lastSuccessAt: number | null;
  /**
   * Set while the list shown is not fresh (last poll failed); the list itself is kept. `status` (the
   * HTTP status of a server error) and `retryAfterSeconds` (rate-limited) let the popup word the headline.
   */
  stale: { kind: ErrorKind; message: string; since: number; status?: number; retryAfterSeconds?: number } | null;
  /** A poll is in flight. */
  refreshing: boolean;
  /** The first poll has completed (so an empty list means an empty account). */
  loaded: boolean;
  /**
   * Entries of the last list VPS.org sent that could not be read (no usable id or status): left out of
   * the list, and counted so the user knows the list is not complete. Absent means none.
   */
  skipped?: number;
}

/**
 * Full state, sent once when the renderer subscribes. `status` sums up every account (refreshing while
 * any is; stale only when every account is); `accounts` holds each account's own status by account id.
 */
export interface FleetSnapshot {
  servers: ServerView[];
  status: FleetStatus;
  /** Always sent by main; optional so a one-account fixture can leave it out. */
  accounts?: Record<string, FleetStatus>;
}

/** What changed since the previous event: only these servers, plus the statuses. */
export interface FleetDelta {
  upserted: ServerView[];
  /** keys */
  removed: string[];
  status: FleetStatus;
  /** Every account's own status (all of them, not only those that changed). */
  accounts?: Record<string, FleetStatus>;
}

/** The end of a tracked action. */
export interface ActionOutcome {
  ref: ServerRef;
  serverName: string;
  action: PendingAction['action'];
  /**
   * done: the server settled as expected. failed: the API refused, or the server settled elsewhere.
   * timed-out: it had not settled after 10 min. removed: the server is gone (404).
   * unknown: the request's fate is unknown (timed out, connection lost, unreadable answer) and the
   * server never showed the change, so it may or may not have happened.
   */
  outcome: 'done' | 'failed' | 'timed-out' | 'removed' | 'unknown';
  /** English, for logs; the popup and notifications word the outcome from the fields. */
  message: string;
  elapsedMs: number;
  /** The server's status when the action ended (null when it is gone). */
  finalStatus: ServerStatus | null;
  /** failed / unknown because of an API error: what kind, with the API's own words. */
  error?: { kind: ErrorKind; status?: number; apiText?: string };
}

export const FLEET_CHANNELS = {
  fleetSubscribe: 'vps:fleet:subscribe',
  fleetRefresh: 'vps:fleet:refresh',
} as const;

export const FLEET_EVENTS = {
  fleetChanged: 'vps:event:fleet-changed',
  actionFinished: 'vps:event:action-finished',
} as const;

export interface FleetContract {
  [FLEET_CHANNELS.fleetSubscribe]: { request: Empty; response: FleetSnapshot };
  [FLEET_CHANNELS.fleetRefresh]: { request: Empty; response: FleetStatus };
}

export interface FleetEventContract {
  [FLEET_EVENTS.fleetChanged]: FleetDelta;
  [FLEET_EVENTS.actionFinished]: ActionOutcome;
}

export const FLEET_METHODS = {
  fleet: { subscribe: FLEET_CHANNELS.fleetSubscribe, refresh: FLEET_CHANNELS.fleetRefresh },
} as const;

export const FLEET_BRIDGE_EVENTS = {
  onFleetChange: FLEET_EVENTS.fleetChanged,
  onActionFinished: FLEET_EVENTS.actionFinished,
} as const;
