// What the tray shows, kept up to date: recomputed from the auth state and the fleet whenever either
// changes (the core's authChanged and fleetChanged events); listeners hear only real changes.
import { EventChannel, type AuthState, type EventContract } from '../../common/contract';
import type { EventBus } from '../event-bus';
import type { FleetState } from '../fleet/state';
import { computeTraySummary, createTraySummaryTracker, type TraySummary } from '../fleet/tray-summary';

export interface TrayFeed {
  getState(): TraySummary;
  /** Fires only when the summary changed. Returns unsubscribe. */
  onChange(listener: (summary: TraySummary) => void): () => void;
}

export interface TrayFeedDeps {
  fleet: Pick<FleetState, 'views' | 'status' | 'accountStatuses'>;
  auth: () => AuthState;
  events: Pick<EventBus<EventContract>, 'subscribe'>;
}

export function createTrayFeed(deps: TrayFeedDeps): TrayFeed {
  const { fleet, auth } = deps;
  const listeners = new Set<(summary: TraySummary) => void>();
  const compute = () => computeTraySummary(auth(), [...fleet.views()], fleet.status(), fleet.accountStatuses());
  const summary = createTraySummaryTracker(compute());
  deps.events.subscribe((channel) => {
    if (channel !== EventChannel.authChanged && channel !== EventChannel.fleetChanged) return;
    const next = summary.update(compute());
    if (next) for (const listener of listeners) listener(next);
  });
  return {
    getState: () => summary.get(),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
