// The events of "What happened while you were away": plain records, one per line of the history file
// (store.ts). Each names its account, its server when it has one (by id, never by name or address: a
// name is looked up when the history is shown), and when it happened (`at`, ms since the epoch).
// `readHistoryEvent` is the one reader of a stored record: a record this version does not know (a kind
// or field of a newer version, or a damaged line) is skipped, never an error.
import type { DeviationKind } from '../../common/alerts';
import { ACCOUNT_FAILURES, ACTION_SOURCES, type AccountFailure, type ActionSource } from '../../common/history';
import type { PowerAction, ServerStatus } from '../../common/statuses';
import type { Exact } from '../../common/type-checks';

/** The account id of an event about the whole app (it was not running, the machine was asleep). */
export const APP_WIDE = '*';

interface EventBase {
  /** When it happened, ms since the epoch. */
  at: number;
  accountId: string;
  /** The server's id in its account (`ServerRef.id`), absent for an account-wide event. */
  serverId?: number;
}

/** A server's status changed between two polls (`from` null: first seen). */
interface StatusEvent extends EventBase {
  kind: 'status';
  serverId: number;
  from: ServerStatus | null;
  to: ServerStatus;
}

const ACTION_OUTCOMES = ['sent', 'succeeded', 'failed'] as const;
/** A power action the app sent (`sent`, with where it was started), and how it ended (with the time it took). */
interface ActionEvent extends EventBase {
  kind: 'action';
  serverId: number;
  action: PowerAction;
  outcome: (typeof ACTION_OUTCOMES)[number];
  /** Absent in records written before it was kept. */
  source?: ActionSource;
  /** The outcome's: from the request until the server settled. */
  tookMs?: number;
}

const ALERT_KINDS = ['stopped', 'suspended', 'gone', 'unknown-status', 'cpu', 'disk', 'bandwidth'] as const;
const alertKindsMatch: Exact<(typeof ALERT_KINDS)[number], DeviationKind> = true;
void alertKindsMatch;
/** raised (soft), hard (it held for the hold time), acknowledged by the user, ended. */
const ALERT_STATES = ['raised', 'hard', 'acknowledged', 'ended'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
/** An alert was raised, turned hard, was acknowledged or ended, for a server or (without `serverId`) the account. */
interface AlertEvent extends EventBase {
  kind: 'alert';
  alert: DeviationKind;
  state: AlertState;
  /** The server's or the whole tray's alerts were paused (kept on `raised`). */
  paused?: boolean;
}

/** failed (with why) and recovered: the account's list could not be read, then could again. */
const ACCOUNT_CHANGES = ['added', 'signed-in', 'signed-out', 'token-refused', 'failed', 'recovered'] as const;
/** Something happened to the account itself. */
interface AccountEvent extends EventBase {
  kind: 'account';
  change: (typeof ACCOUNT_CHANGES)[number];
  /** On `failed`. */
  failure?: AccountFailure;
}

/** closed: the app was not running; suspended: the machine was asleep; offline: the account failed. */
const GAP_REASONS = ['closed', 'suspended', 'offline'] as const;
/** From `at` until `until` the app was not watching, so the history may miss something there. */
interface GapEvent extends EventBase {
  kind: 'gap';
  until: number;
  reason: (typeof GAP_REASONS)[number];
}

export type HistoryEvent = StatusEvent | ActionEvent | AlertEvent | AccountEvent | GapEvent;

type Fields = Record<string, unknown>;

const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    (values as readonly unknown[]).includes(value);

/** The fields of each kind beyond the base, read from a record whose base is already checked. */
const READERS: Record<HistoryEvent['kind'], (record: Fields, base: EventBase) => HistoryEvent | null> = {
  status: ({ from, to }, base) =>
    base.serverId !== undefined && (from === null || isText(from)) && isText(to)
      ? { ...base, serverId: base.serverId, kind: 'status', from, to }
      : null,
  action: ({ action, outcome, source, tookMs }, base) =>
    base.serverId !== undefined &&
    oneOf(['start', 'stop', 'reboot'] as const)(action) &&
    oneOf(ACTION_OUTCOMES)(outcome)
      ? {
          ...base,
          serverId: base.serverId,
          kind: 'action',
          action,
          outcome,
          ...(oneOf(ACTION_SOURCES)(source) && { source }),
          ...(isTime(tookMs) && { tookMs }),
        }
      : null,
  alert: ({ alert, state, paused }, base) =>
    oneOf(ALERT_KINDS)(alert) && oneOf(ALERT_STATES)(state)
      ? { ...base, kind: 'alert', alert, state, ...(typeof paused === 'boolean' && { paused }) }
      : null,
  account: ({ change, failure }, base) =>
    oneOf(ACCOUNT_CHANGES)(change)
      ? { ...base, kind: 'account', change, ...(oneOf(ACCOUNT_FAILURES)(failure) && { failure }) }
      : null,
  gap: ({ until, reason }, base) =>
    isTime(until) && until >= base.at && oneOf(GAP_REASONS)(reason) ? { ...base, kind: 'gap', until, reason } : null,
};

const isKind = (kind: unknown): kind is HistoryEvent['kind'] =>
  typeof kind === 'string' && Object.hasOwn(READERS, kind);

/**
 * The event a stored record holds, or null when it is not one this version knows. Only the known fields
 * are kept, so a record can never carry anything else (a name, an address) back out.
 */
export function readHistoryEvent(value: unknown): HistoryEvent | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Fields;
  const { at, accountId, serverId, kind } = record;
  if (!isTime(at) || !isText(accountId) || !isKind(kind)) return null;
  if (serverId !== undefined && !isId(serverId)) return null;
  const base: EventBase = serverId === undefined ? { at, accountId } : { at, accountId, serverId };
  return READERS[kind](record, base);
}
