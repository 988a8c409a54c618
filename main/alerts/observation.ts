// The fleet as the engine observes it: each account's list and whether it is current, the servers
// being deleted (forgotten once gone, never "gone"), and which servers' usage a threshold watches.
import type { FleetStatus, ServerView } from '../../common/contract';
import type { AlertSettings } from '../../common/settings';
import type { AlertObservation } from './engine';
import { watchesAnyUsage, watchesUsage } from './usage';

/**
 * An account's list is complete and current: loaded, its last poll did not fail, and no entry of it was
 * unreadable (a server whose entry could not be read is missing from it, not gone).
 */
const isFresh = (status: FleetStatus | undefined): boolean =>
  status !== undefined && status.loaded && status.stale === null && (status.skipped ?? 0) === 0;

/** Each account's own freshness: one failing account's servers never count as gone while the others are fresh. */
export function observationOf(
  views: readonly ServerView[],
  accountIds: readonly string[],
  statuses: Record<string, FleetStatus>,
): AlertObservation {
  return {
    accounts: accountIds.map((accountId) => ({ accountId, fresh: isFresh(statuses[accountId]) })),
    servers: views.map((view) => ({
      key: view.key,
      accountId: view.accountId,
      id: view.server.id,
      name: view.server.name,
      status: view.server.status,
      pending: view.pending !== null,
    })),
  };
}

/** Remembers the servers being deleted; `gone` names those of them no longer listed (to forget). */
export function createDeleteWatch(): { gone(views: readonly ServerView[]): string[] } {
  let deleting = new Set<string>();
  return {
    gone(views) {
      const present = new Set(views.map((view) => view.key));
      const gone = [...deleting].filter((key) => !present.has(key));
      deleting = new Set(views.filter((view) => view.pending?.action === 'delete').map((view) => view.key));
      return gone;
    },
  };
}

/** Ids of the account's running, settled servers a threshold watches; none while its list is not current. */
export function usageWatched(
  views: Iterable<ServerView>,
  accountId: string,
  status: FleetStatus | undefined,
  alerts: AlertSettings,
): number[] {
  if (!isFresh(status) || !watchesAnyUsage(alerts)) return [];
  const ids: number[] = [];
  for (const view of views) {
    if (view.accountId !== accountId || view.server.status !== 'active' || view.pending !== null) continue;
    if (watchesUsage(alerts, view.key)) ids.push(view.server.id);
  }
  return ids;
}
