// The events of "What happened while you were away": plain records, one per line of the history file
// (store.ts). Each names its account, its server when it has one (by id, never by name or address: a
// name is looked up when the history is shown), and when it happened (`at`, ms since the epoch).
// `readHistoryEvent` is the one reader of a stored record: a record this version does not know (a kind
// or field of a newer version, or a damaged line) is skipped, never an error.
import type { DeviationKind } from '../../common/alerts';
import type { PowerAction, ServerStatus } from '../../common/statuses';
import type { Exact } from '../../common/type-checks';

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
/** A power action the app sent, and how it ended. */
interface ActionEvent extends EventBase {
  kind: 'action';
  serverId: number;
  action: PowerAction;
  outcome: (typeof ACTION_OUTCOMES)[number];
}

const ALERT_KINDS = ['stopped', 'suspended', 'gone', 'unknown-status', 'cpu', 'disk', 'bandwidth'] as const;
const alertKindsMatch: Exact<(typeof ALERT_KINDS)[number], DeviationKind> = true;
void alertKindsMatch;
const ALERT_STATES = ['raised', 'ended'] as const;
/** An alert was raised or ended, for a server or (without `serverId`) the account. */
interface AlertEvent extends EventBase {
  kind: 'alert';
  alert: DeviationKind;
  state: (typeof ALERT_STATES)[number];
}

const ACCOUNT_CHANGES = ['added', 'signed-in', 'signed-out', 'token-refused'] as const;
/** Something happened to the account itself. */
interface AccountEvent extends EventBase {
  kind: 'account';
  change: (typeof ACCOUNT_CHANGES)[number];
}

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
  action: ({ action, outcome }, base) =>
    base.serverId !== undefined &&
    oneOf(['start', 'stop', 'reboot'] as const)(action) &&
    oneOf(ACTION_OUTCOMES)(outcome)
      ? { ...base, serverId: base.serverId, kind: 'action', action, outcome }
      : null,
  alert: ({ alert, state }, base) =>
    oneOf(ALERT_KINDS)(alert) && oneOf(ALERT_STATES)(state) ? { ...base, kind: 'alert', alert, state } : null,
  account: ({ change }, base) => (oneOf(ACCOUNT_CHANGES)(change) ? { ...base, kind: 'account', change } : null),
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
