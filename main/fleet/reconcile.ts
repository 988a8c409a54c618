// What the polls and the clock say about the actions in flight. A poll's list is overlaid with the
// optimistic statuses until the API has caught up with an action; then a settled status ends it (done,
// failed, or unknown for a request whose fate nobody could tell), a server gone from the list ends it as
// removed, and an action that has not settled within the timeout ends as timed out.
import { isTransitional, type ServerStatus } from '../../common/statuses';
import { elapsedText, statusLabel } from '../../common/i18n/sentences';
import { ENGLISH, englishOutcome } from './action-words';
import type { ActionTracking, PendingEntry } from './action-tracking';
import type { FleetState } from './state';
import type { Server } from '../../common/servers';
import { serverKey } from '../../common/servers';

export interface ReconcileDeps {
  accountId: string;
  fleet: FleetState;
  now: () => number;
  tracking: ActionTracking;
  timeoutMs: number;
  graceMs: number;
}

export interface Reconciler {
  /**
   * A poll result (from a poll that started at `pollStartedAt`) with pending servers overlaid; finishes settled
   * actions. `unsettled`: the list changed while it was read, so a pending server missing from it is not gone.
   */
  reconcile(servers: readonly Server[], pollStartedAt: number, options?: { unsettled?: boolean }): Server[];
  /**
   * A pending server read on its own (a read that started at `readStartedAt`), as the fleet should show
   * it; settles its action when it tells, as a list would.
   */
  reconcileRead(server: Server, readStartedAt: number): Server;
  /** A pending server read on its own is not found: its action ends as removed. */
  readGone(key: string): void;
  /** Ends actions older than the timeout (also while polls fail). */
  checkTimeouts(): void;
}

/**
 * The API dated a change of the server at or after `at`. `updated_at` has whole seconds, so a change in
 * the same second counts: a lagging list shows the date from before the action instead.
 */
function changedSince(server: Server, at: number): boolean {
  // Without a date the list proves nothing: the other signs (a transition, a new status) or the grace decide.
  if (server.updated_at === null) return false;
  return Date.parse(server.updated_at) >= Math.floor(at / 1000) * 1000;
}

/** Whether the API dated `a` before `b` (undated proves nothing). */
function olderThan(a: Server, b: Server): boolean {
  if (a.updated_at === null || b.updated_at === null) return false;
  return Date.parse(a.updated_at) < Date.parse(b.updated_at);
}

export function createReconciler(deps: ReconcileDeps): Reconciler {
  const { accountId, fleet, now, tracking, timeoutMs, graceMs } = deps;
  const { entries, finish } = tracking;
  /**
   * Servers whose action a read of their own settled, by key, with when: for the grace period a lagging
   * list that still shows them older (by `updated_at`) does not undo what the read showed.
   */
  const settledByRead = new Map<string, { server: Server; at: number }>();

  /** The list's entry, or the read that settled it when the list is older and the read recent. */
  const fresher = (key: string, listed: Server): Server => {
    const read = settledByRead.get(key);
    if (!read) return listed;
    if (now() - read.at < graceMs && olderThan(listed, read.server)) return read.server;
    settledByRead.delete(key);
    return listed;
  };

  const settle = (entry: PendingEntry, server: Server) => {
    const elapsed = elapsedText(ENGLISH, now() - entry.startedAt);
    if (entry.uncertain && !entry.caughtUp) {
      // The grace period is over and the server never showed the change: nobody can tell what happened.
      finish(entry, 'unknown', englishOutcome(entry, 'unknown', now()), server.status, entry.uncertain);
    } else if (server.status === entry.expected) {
      finish(entry, 'done', englishOutcome(entry, 'done', now()), server.status);
    } else {
      const word = statusLabel(ENGLISH, server.status);
      finish(
        entry,
        'failed',
        `The ${ENGLISH.t(`actionName.${entry.action}`)} of ${entry.name} failed: it is now ${word} (after ${elapsed}).`,
        server.status,
      );
    }
  };

  const graceOver = (entry: PendingEntry, pollStartedAt: number) =>
    entry.acceptedAt !== null && pollStartedAt - entry.acceptedAt >= graceMs;

  /**
   * Whether this list entry tells how the action went: it must come from a poll started after the API
   * accepted the action, and the API must have caught up with it (shown the transition, or dated a
   * change since the request), or the grace period after the acceptance must be over.
   */
  const tellsOutcome = (entry: PendingEntry, server: Server, pollStartedAt: number): boolean => {
    if (entry.acceptedAt === null || pollStartedAt < entry.acceptedAt) return false;
    // A created server listed at all is the API caught up: it did not exist before.
    if (entry.action === 'create') entry.caughtUp = true;
    // The API dates its change somewhere between sending and acceptance: compare with the sending.
    if (isTransitional(server.status) || changedSince(server, entry.startedAt)) entry.caughtUp = true;
    // A settled status other than the one before the action: the list has moved on.
    if (entry.before !== null && server.status !== entry.before) entry.caughtUp = true;
    return entry.caughtUp || graceOver(entry, pollStartedAt);
  };

  /** The list entry of a pending server, as the fleet should show it; settles the action when it tells. */
  const overlay = (entry: PendingEntry, server: Server, pollStartedAt: number): Server => {
    entry.raw = server;
    entry.name = server.name;
    if (entry.expected === null || !tellsOutcome(entry, server, pollStartedAt)) {
      // The poll predates the request, or the API has not caught up yet: keep the optimistic status.
      const status: ServerStatus =
        isTransitional(server.status) || entry.optimisticStatus === null ? server.status : entry.optimisticStatus;
      return status === server.status ? server : { ...server, status };
    }
    if (!isTransitional(server.status)) settle(entry, server);
    return server;
  };

  return {
    reconcile(servers, pollStartedAt, options = {}) {
      if (settledByRead.size > 0) {
        servers = servers.map((server) => fresher(serverKey(accountId, server.id), server));
      }
      if (entries.size === 0) return servers as Server[];
      tracking.holdOutcomes();
      const result: Server[] = [];
      const seen = new Set<string>();
      for (const server of servers) {
        const key = serverKey(accountId, server.id);
        const entry = entries.get(key);
        if (!entry) {
          result.push(server);
          continue;
        }
        seen.add(key);
        result.push(overlay(entry, server, pollStartedAt));
        // The list read it too: its next read on its own waits from now.
        tracking.readDone(entry, now());
      }
      for (const entry of entries.values()) {
        if (seen.has(entry.key)) continue;
        const accepted = entry.acceptedAt !== null && pollStartedAt >= entry.acceptedAt;
        // A new server may be missing from a lagging list for a while; an existing one in it was deleted.
        const lagging = entry.action === 'create' && !entry.caughtUp && !graceOver(entry, pollStartedAt);
        if (accepted && !lagging && !options.unsettled) {
          finish(entry, 'removed', englishOutcome(entry, 'removed', now()), null);
        } else {
          const view = fleet.get(entry.key);
          if (view) result.push(view.server);
        }
      }
      return result;
    },

    reconcileRead(server, readStartedAt) {
      const key = serverKey(accountId, server.id);
      const entry = entries.get(key);
      if (!entry) return server;
      const shown = overlay(entry, server, readStartedAt);
      if (entries.get(key) !== entry) settledByRead.set(key, { server, at: now() });
      return shown;
    },

    readGone(key) {
      const entry = entries.get(key);
      if (entry) finish(entry, 'removed', englishOutcome(entry, 'removed', now()), null);
    },

    checkTimeouts() {
      const at = now();
      for (const entry of entries.values()) {
        if (entry.expected === null || at - entry.startedAt < timeoutMs) continue;
        const finalStatus = tracking.showLastKnown(entry);
        if (entry.uncertain && !entry.caughtUp) {
          finish(entry, 'unknown', englishOutcome(entry, 'unknown', at), finalStatus, entry.uncertain);
          continue;
        }
        finish(
          entry,
          'timed-out',
          `${entry.name} did not finish (${entry.action}) within ${elapsedText(ENGLISH, timeoutMs)}.`,
          finalStatus,
        );
      }
    },
  };
}
