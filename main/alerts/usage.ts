// A server's usage as percentages the thresholds compare against: CPU as sent, disk against the plan's
// storage, this month's traffic against the plan's bandwidth. Only the detail endpoint sends usage.
import type { AlertSettings, AlertThresholds } from '../../common/settings';
import type { ServerDetail } from '../../common/servers';

/** Usage of a running server in percent (of the plan's storage and bandwidth for disk and bandwidth). */
export interface UsagePercents {
  cpu: number | null;
  disk: number | null;
  bandwidth: number | null;
}

const share = (used: number | null | undefined, total: number | null | undefined): number | null =>
  typeof used === 'number' && typeof total === 'number' && total > 0 ? Math.round((used / total) * 1000) / 10 : null;

export function usagePercents(detail: ServerDetail): UsagePercents {
  const usage = detail.resource_usage;
  return {
    cpu: usage?.cpu_percent ?? null,
    disk: share(usage?.disk_used, detail.plan?.storage),
    bandwidth: share(usage?.bandwidth_used, detail.plan?.bandwidth),
  };
}

/** The thresholds that apply to a server: its own where it has one, the global ones otherwise. */
function thresholdsFor(alerts: AlertSettings, key: string): AlertThresholds {
  return { ...alerts.thresholds, ...alerts.serverThresholds[key] };
}

/** Whether any threshold applies to the server (only then is its usage worth a detail request). */
export function watchesUsage(alerts: AlertSettings, key: string): boolean {
  return Object.values(thresholdsFor(alerts, key)).some((threshold) => threshold !== null);
}

const applies = (thresholds: Partial<AlertThresholds>) =>
  Object.values(thresholds).some((threshold) => threshold !== null);

/** Whether any threshold applies to any server: without one, no server's usage is worth a look. */
export function watchesAnyUsage(alerts: AlertSettings): boolean {
  return applies(alerts.thresholds) || Object.values(alerts.serverThresholds).some(applies);
}
