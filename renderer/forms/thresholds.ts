// The usage thresholds a user can set, global (Settings → Alerts) or per server (detail view), in the
// order both forms list them, with their labels.
import type { AlertThresholds } from '../../common/settings';

export const THRESHOLD_FIELDS: ReadonlyArray<{
  field: keyof AlertThresholds;
  label: 'alerts.cpu' | 'alerts.disk' | 'alerts.bandwidth';
}> = [
  { field: 'cpuPercent', label: 'alerts.cpu' },
  { field: 'diskPercent', label: 'alerts.disk' },
  { field: 'bandwidthPercent', label: 'alerts.bandwidth' },
];
