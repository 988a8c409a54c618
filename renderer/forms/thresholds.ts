// The usage thresholds as the global (Settings → Alerts) and per-server (detail view) forms show them:
// the fields in common/settings.ts's order, each with its label, and what a typed value means.
import { THRESHOLD_FIELDS, THRESHOLD_PERCENT, type ThresholdField } from '../../common/settings';

const LABELS: Record<ThresholdField, 'alerts.cpu' | 'alerts.disk' | 'alerts.bandwidth'> = {
  cpuPercent: 'alerts.cpu',
  diskPercent: 'alerts.disk',
  bandwidthPercent: 'alerts.bandwidth',
};

export const THRESHOLD_INPUTS: ReadonlyArray<{ field: ThresholdField; label: (typeof LABELS)[ThresholdField] }> =
  THRESHOLD_FIELDS.map((field) => ({ field, label: LABELS[field] }));

/** A threshold as typed: null when empty; otherwise a whole number within the bounds; undefined: invalid. */
export function readThresholdText(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isInteger(value) && value >= THRESHOLD_PERCENT.min && value <= THRESHOLD_PERCENT.max
    ? value
    : undefined;
}
