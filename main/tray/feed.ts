// What the tray shows, kept up to date: recomputed from the auth state and the fleet whenever either
// changes (the core's authChanged and fleetChanged events), in one pass over the fleet that keeps only
// what the menu shows; listeners hear only real changes.
import { EventChannel, type AuthState, type EventContract } from '../../common/contract';
import type { AlertsSnapshot } from '../../common/alerts';
import type { EventBus } from '../event-bus';
import type { FleetState } from '../fleet/state';
import { computeTraySummary, createTraySummaryTracker, type TraySummary, type TrayUptime } from './summary';

export interface TrayFeed {
  getState(): TraySummary;
  /** Fires only when the summary changed. Returns unsubscribe. */
  onChange(listener: (summary: TraySummary) => void): () => void;
}

export interface TrayFeedDeps {
  fleet: Pick<FleetState, 'views' | 'status' | 'accountStatuses'>;
  auth: () => AuthState;
  events: Pick<EventBus<EventContract>, 'subscribe'>;
  /** Expected-state alerts (deviations turn the icon to attention); none when absent. */
  alerts?: { snapshot(): AlertsSnapshot };
  /** The fleet's uptime line (null: the setting is off), and when it may have changed (new history, the setting). */
  uptime?: { get(): TrayUptime | null; onChange(listener: () => void): void };
}

export function createTrayFeed(deps: TrayFeedDeps): TrayFeed {
  const { fleet, auth } = deps;
  const listeners = new Set<(summary: TraySummary) => void>();
  const compute = () => {
    const computed = computeTraySummary(
      auth(),
      fleet.views(),
      fleet.status(),
      fleet.accountStatuses(),
      deps.alerts?.snapshot(),
    );
    const uptime = deps.uptime?.get() ?? null;
    return uptime === null ? computed : { ...computed, uptime };
  };
  const summary = createTraySummaryTracker(compute());
  const followed = new Set<string>([EventChannel.authChanged, EventChannel.fleetChanged, EventChannel.alertsChanged]);
  const recompute = () => {
    const next = summary.update(compute());
    if (next) for (const listener of listeners) listener(next);
  };
  deps.events.subscribe((channel) => {
    if (followed.has(channel)) recompute();
  });
  deps.uptime?.onChange(recompute);
  return {
    getState: () => summary.get(),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
