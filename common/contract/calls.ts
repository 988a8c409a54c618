// What every call across the bridge shares: its Result, the failure the popup learns (with why a change
// was refused), the action being carried out on a server such a refusal names, and the empty request.
import type { ErrorKind } from '../errors';
import type { RuleViolation } from '../rules';
import type { PowerAction, ServerStatus } from '../statuses';

/** A request without a payload. */
export type Empty = undefined;

/** What the renderer learns of a failure. Never contains the token. */
export interface IpcError {
  kind: ErrorKind;
  /** Written for a person; includes the API's own text when it sent one. */
  message: string;
  status?: number;
  /** Per-field messages (English, or the API's own text). */
  fieldErrors?: Record<string, string[]>;
  /** Per-field rule codes when the input failed the app's own checks (main/api/rules.ts); the popup words them. */
  fieldViolations?: Record<string, RuleViolation[]>;
  retryAfterSeconds?: number;
  /** The API's own words (its detail or a short plain-text body), for the popup to quote as is. */
  apiText?: string;
  /** A change that timed out or failed half-way: it may or may not have been carried out. */
  outcomeUnknown?: boolean;
  /** Why a `conflict` was refused without a request, for the popup to word in the user's language. */
  conflict?: ConflictInfo;
}

export interface ConflictInfo {
  /**
   * in-flight: another action on this server is still being carried out; already-running / not-running:
   * the action does not fit the status; transitional: the server is in a transition; suspended: no power actions;
   * other-status: a status the action cannot start from (e.g. one the app does not know);
   * name-mismatch: a delete confirmed with a name that is not the server's current one (`serverName` is).
   */
  reason:
    'in-flight' | 'already-running' | 'not-running' | 'transitional' | 'suspended' | 'other-status' | 'name-mismatch';
  serverName: string;
  status: ServerStatus;
  /** in-flight: the action being carried out. */
  pendingAction?: PendingAction['action'];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** An action being carried out on a server, tracked until the server settles. */
export interface PendingAction {
  action: PowerAction | 'create' | 'replace' | 'update' | 'delete';
  /** ms since epoch */
  startedAt: number;
}
