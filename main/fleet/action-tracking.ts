// The actions in flight of one account, by server: at most one per server, shown in the fleet with its
// pending mark while it runs, and ended exactly once with an outcome (or released without one, for the
// edits that end with their response). Outcomes found while a poll result is being read are held until
// that result is applied.
import { isVpsApiError, type VpsApiError } from '../api/errors';
import type { ActionOutcome, PendingAction, ServerView } from '../../common/contract';
import { AccountNotActive, ServerNotListed } from '../errors';
import { elapsedText } from '../../common/i18n/sentences';
import { conflictFailure } from './refusal';
import { ENGLISH, englishOutcome, outcomeError } from './action-words';
import type { FleetState } from './state';
import type { ServerStatus } from '../../common/statuses';
import type { Server } from '../../common/servers';
import { type ServerRef, serverKey } from '../../common/servers';

type PendingKind = PendingAction['action'];

/**
 * The waits between reads of one settling server (GET /servers/{id}/), from the API's acceptance: short
 * at first, for the actions that end quickly, then the last one over and over. Settled news is seen
 * within that last wait, and a minute's reboot costs fewer requests than a naive list every 5 s.
 */
export const SETTLE_READ_WAITS_MS: readonly number[] = [2000, 3000, 5000, 6000];

export interface PendingEntry {
  key: string;
  id: number;
  name: string;
  action: PendingKind;
  startedAt: number;
  /** Set when the API accepted the request; polls that started earlier cannot tell the outcome. */
  acceptedAt: number | null;
  /** What the server shows until the API reports a transitional or settled status. */
  optimisticStatus: ServerStatus | null;
  /** The settled status that means success; null for actions that finish with their response. */
  expected: ServerStatus | null;
  /** The server as the API last described it: what a failed action reverts to. */
  raw: Server | null;
  /** A list since the acceptance showed a transitional status or the server itself: it has caught up. */
  caughtUp: boolean;
  /** The status before the action: a settled list status other than it shows the API has caught up. */
  before: ServerStatus | null;
  /**
   * The request's fate is unknown (no readable answer): `acceptedAt` is when that became clear. Only a list
   * that shows the change settles it; without one, the grace period ends it as 'unknown'.
   */
  uncertain: VpsApiError | null;
  /** The server's own reads since the acceptance (see SETTLE_READ_WAITS_MS). */
  reads: number;
  /** When the server is next read on its own; null: not read on its own (not accepted yet, or an edit). */
  nextReadAt: number | null;
}

export interface ActionTrackingDeps {
  accountId: string;
  fleet: FleetState;
  now: () => number;
  onOutcome: (outcome: ActionOutcome) => void;
}

export interface ActionTracking {
  /** The actions in flight, by server key. */
  readonly entries: ReadonlyMap<string, PendingEntry>;
  /** A new entry for a listed server of this account with no action in flight; not pending yet. */
  begin(ref: ServerRef, action: PendingKind): { entry: PendingEntry; view: ServerView };
  /** Tracks the entry: the fleet shows `optimistic` (or the server as it is) with the pending mark. */
  track(entry: PendingEntry, optimistic: Server | null): void;
  /** The API accepted the request (now): the server is read on its own until it settles. */
  accept(entry: PendingEntry): void;
  /** The server was read on its own (a read that started at `at`): the next read comes after a longer wait. */
  readDone(entry: PendingEntry, at: number): void;
  /** Ends tracking with an outcome; `finalStatus` is where the server is now (null when it is gone). */
  finish(
    entry: PendingEntry,
    outcome: ActionOutcome['outcome'],
    message: string,
    finalStatus: ServerStatus | null,
    error?: VpsApiError,
  ): void;
  /** Back to what the API last said, without the pending mark; returns that status. */
  showLastKnown(entry: PendingEntry): ServerStatus | null;
  /** The request failed: the server shows what the API last said, without the pending mark. */
  revert(entry: PendingEntry, error: unknown): void;
  /**
   * A power request without a readable answer: it may have been carried out, so it stays pending (
   * no second action) and the list decides. A 2xx with an unreadable body was accepted: pending as such.
   */
  keepUncertain(entry: PendingEntry, error: VpsApiError): void;
  /** Actions that end with their response (replace/update/delete): no outcome event, the caller gets the result. */
  release(entry: PendingEntry): void;
  /** Outcomes are held from now until `flushOutcomes`. */
  holdOutcomes(): void;
  flushOutcomes(): void;
  pendingFor(key: string): PendingAction | null;
  onTrackingChanged(listener: () => void): () => void;
  /** The session ended: forget pending actions without outcomes. */
  dispose(): void;
}

/** An accepted action that settles later is read on its own, first after the first wait. */
function scheduleReads(entry: PendingEntry): void {
  if (entry.expected === null || entry.acceptedAt === null) return;
  entry.reads = 0;
  entry.nextReadAt = entry.acceptedAt + (SETTLE_READ_WAITS_MS[0] ?? 0);
}

/** Read (at `at`): the next read after the next, longer wait (the last one over and over). */
function nextRead(entry: PendingEntry, at: number): void {
  if (entry.nextReadAt === null) return;
  entry.reads++;
  const waits = SETTLE_READ_WAITS_MS;
  entry.nextReadAt = at + (waits[Math.min(entry.reads, waits.length - 1)] ?? 0);
}

export function createActionTracking(deps: ActionTrackingDeps): ActionTracking {
  const { accountId, fleet, now } = deps;
  const pendingByKey = new Map<string, PendingEntry>();
  let disposed = false;
  let held: ActionOutcome[] | null = null;
  const trackingListeners = new Set<() => void>();
  const trackingChanged = () => {
    for (const listener of trackingListeners) listener();
  };
  const pendingOf = (entry: PendingEntry): PendingAction => ({ action: entry.action, startedAt: entry.startedAt });

  const finish: ActionTracking['finish'] = (entry, outcome, message, finalStatus, error) => {
    if (pendingByKey.get(entry.key) !== entry) return;
    pendingByKey.delete(entry.key);
    trackingChanged();
    if (disposed) return;
    const result: ActionOutcome = {
      ref: { accountId, id: entry.id },
      serverName: entry.name,
      action: entry.action,
      outcome,
      message,
      elapsedMs: now() - entry.startedAt,
      finalStatus,
    };
    if (error) result.error = outcomeError(error);
    if (held) held.push(result);
    else deps.onOutcome(result);
  };

  const begin: ActionTracking['begin'] = (ref, action) => {
    if (ref.accountId !== accountId) throw new AccountNotActive();
    const key = serverKey(accountId, ref.id);
    const view = fleet.get(key);
    if (!view) throw new ServerNotListed(ref.id);
    const inProgress = pendingByKey.get(key);
    if (inProgress) {
      const { name, status } = view.server;
      throw conflictFailure({ reason: 'in-flight', serverName: name, status, pendingAction: inProgress.action });
    }
    const entry: PendingEntry = {
      key,
      id: ref.id,
      name: view.server.name,
      action,
      startedAt: now(),
      acceptedAt: null,
      optimisticStatus: null,
      expected: null,
      raw: view.server,
      caughtUp: false,
      before: view.server.status,
      uncertain: null,
      reads: 0,
      nextReadAt: null,
    };
    return { entry, view };
  };

  const showLastKnown = (entry: PendingEntry): ServerStatus | null => {
    if (entry.raw) fleet.upsert(accountId, entry.raw, null);
    else fleet.setPending(entry.key, null);
    return fleet.get(entry.key)?.server.status ?? null;
  };

  const revert = (entry: PendingEntry, error: unknown) => {
    if (pendingByKey.get(entry.key) !== entry) return;
    const apiError = isVpsApiError(error) ? error : undefined;
    if (apiError?.kind === 'not-found') {
      fleet.remove(entry.key);
      finish(entry, 'removed', englishOutcome(entry, 'removed', now()), null, apiError);
      return;
    }
    const finalStatus = showLastKnown(entry);
    const elapsed = elapsedText(ENGLISH, now() - entry.startedAt);
    if (apiError?.outcomeUnknown) {
      // An edit whose answer was lost: not a failure, and the next poll shows what the server is now.
      finish(entry, 'unknown', englishOutcome(entry, 'unknown', now()), finalStatus, apiError);
      return;
    }
    const reason = apiError ? apiError.message : 'Unexpected error.';
    finish(
      entry,
      'failed',
      `The ${ENGLISH.t(`actionName.${entry.action}`)} of ${entry.name} failed after ${elapsed}: ${reason}`,
      finalStatus,
      apiError,
    );
  };

  return {
    entries: pendingByKey,
    begin,
    track(entry, optimistic) {
      pendingByKey.set(entry.key, entry);
      scheduleReads(entry);
      if (optimistic) fleet.upsert(accountId, optimistic, pendingOf(entry));
      else fleet.setPending(entry.key, pendingOf(entry));
      trackingChanged();
    },
    accept(entry) {
      if (pendingByKey.get(entry.key) !== entry) return;
      entry.acceptedAt = now();
      scheduleReads(entry);
      trackingChanged();
    },
    readDone(entry, at) {
      if (pendingByKey.get(entry.key) === entry) nextRead(entry, at);
    },
    finish,
    showLastKnown,
    revert,
    keepUncertain(entry, error) {
      if (pendingByKey.get(entry.key) !== entry) return;
      entry.acceptedAt = now();
      const accepted = error.status !== undefined && error.status >= 200 && error.status < 300;
      if (!accepted) entry.uncertain = error;
      scheduleReads(entry);
      trackingChanged();
    },
    release(entry) {
      if (pendingByKey.get(entry.key) !== entry) return;
      pendingByKey.delete(entry.key);
      trackingChanged();
    },
    holdOutcomes() {
      held ??= [];
    },
    flushOutcomes() {
      const outcomes = held ?? [];
      held = null;
      for (const outcome of outcomes) deps.onOutcome(outcome);
    },
    pendingFor(key) {
      const entry = pendingByKey.get(key);
      return entry ? pendingOf(entry) : null;
    },
    onTrackingChanged(listener) {
      trackingListeners.add(listener);
      return () => trackingListeners.delete(listener);
    },
    dispose() {
      disposed = true;
      pendingByKey.clear();
    },
  };
}
