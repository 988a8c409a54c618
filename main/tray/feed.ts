// What the tray shows, kept up to date: recomputed from the auth state and the fleet whenever either
// changes (the core's authChanged and fleetChanged events), in one pass over the fleet that keeps only
// what the menu shows; listeners hear only real changes. The recompute runs in a turn of its own after
// the changes that called for it (a changed poll's fleetChanged and alertsChanged make one, and the
// poll's own work is not held up by it); `getState` recomputes first when a change is waiting.
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
  /** Runs a task in a later turn of the event loop. Default: setImmediate. */
  defer?: (task: () => void) => void;
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
  const defer = deps.defer ?? ((task) => void setImmediate(task));
  let waiting = false;
  const recompute = () => {
    if (!waiting) return;
    waiting = false;
    const next = summary.update(compute());
    if (next) for (const listener of listeners) listener(next);
  };
  const changed = () => {
    if (waiting) return;
    waiting = true;
    defer(recompute);
  };
  deps.events.subscribe((channel) => {
    if (followed.has(channel)) changed();
  });
  deps.uptime?.onChange(changed);
  return {
    getState() {
      recompute();
      return summary.get();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
