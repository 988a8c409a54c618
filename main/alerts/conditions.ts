// What the engine keeps per server between observations, and what evaluating one server takes: the
// shared vocabulary of the status and threshold evaluations (status.ts, thresholds.ts) and the engine.
import type { Deviation, DeviationKind } from '../../common/alerts';
import type { AlertSettings } from '../../common/settings';
import { isTransitional, type ServerStatus } from '../../common/statuses';
import type { UsagePercents } from './usage';

export interface ObservedServer {
  /** `serverKey(accountId, id)`, when the caller has it at hand. */
  key?: string;
  accountId: string;
  id: number;
  name: string;
  status: ServerStatus;
  /** A power action (or another change) is being carried out on it. */
  pending: boolean;
}

export interface AlertEvent {
  type: 'deviation' | 'recovered';
  key: string;
  name: string;
  kind: DeviationKind;
}

export type Metric = keyof UsagePercents;

export interface Condition extends Deviation {
  /** Its deviation was told, so its end is told too. */
  notified: boolean;
}

export interface WatchedServer {
  accountId: string;
  name: string;
  /** The last raw status (`gone` when absent); a change ends acknowledgements. */
  lastStatus: string;
  status: Condition | null;
  metrics: Partial<Record<Metric, Condition>>;
  usage: UsagePercents | null;
  /** Last seen busy (an action in progress): a delete ends with the server gone, which is no deviation. */
  wasBusy: boolean;
}

/** One server at one evaluation. */
export interface ServerEvaluation {
  key: string;
  entry: WatchedServer;
  /** null: missing from its account's current list. */
  observed: ObservedServer | null;
  settings: AlertSettings;
  /** Paused: what changes is kept, not told. */
  quiet: boolean;
  now: number;
  /** Where the deviations and recoveries to tell go. */
  events: AlertEvent[];
}

export const condition = (kind: DeviationKind, now: number, percent?: number): Condition => ({
  kind,
  since: now,
  hardSince: null,
  acknowledged: false,
  notified: false,
  ...(percent === undefined ? {} : { percent }),
});

/** The server's conditions: the status one first, then the thresholds' in the order they began. */
export const conditionsOf = (entry: WatchedServer): Condition[] =>
  [entry.status, ...Object.values(entry.metrics)].filter(
    (cond): cond is Condition => cond !== null && cond !== undefined,
  );

/** A power action or a transitional status: nothing it shows starts a deviation. */
export const isBusy = (observed: ObservedServer): boolean => observed.pending || isTransitional(observed.status);

/** Ends a condition: told as recovered when its deviation was told and the server is not paused. */
export function endCondition(at: ServerEvaluation, cond: Condition): void {
  if (cond.notified && !at.quiet)
    at.events.push({ type: 'recovered', key: at.key, name: at.entry.name, kind: cond.kind });
}
