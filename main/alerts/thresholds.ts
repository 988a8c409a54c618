// Usage against the thresholds: a reading at or over a threshold starts a deviation, which ends only
// below threshold − HYSTERESIS_POINTS, so a value hovering at the line does not flap.
import { condition, endCondition, isBusy, type Metric, type ServerEvaluation } from './conditions';
import type { AlertThresholds } from '../../common/settings';

/** A usage threshold clears only below threshold − this. */
const HYSTERESIS_POINTS = 5;

const METRICS: readonly Metric[] = ['cpu', 'disk', 'bandwidth'];
const THRESHOLD_OF: Record<Metric, keyof AlertThresholds> = {
  cpu: 'cpuPercent',
  disk: 'diskPercent',
  bandwidth: 'bandwidthPercent',
};

export function evaluateThresholds(at: ServerEvaluation): void {
  const { entry, observed } = at;
  const own = at.settings.serverThresholds[at.key] ?? {};
  const running = observed !== null && observed.status === 'active';
  const busy = observed !== null && isBusy(observed);
  for (const metric of METRICS) {
    const field = THRESHOLD_OF[metric];
    const threshold = own[field] !== undefined ? own[field] : at.settings.thresholds[field];
    const current = entry.metrics[metric];
    if (threshold === null || threshold === undefined) {
      delete entry.metrics[metric];
      continue;
    }
    if (busy) {
      // A reboot's CPU spike is no deviation; a hard one waits for the server to settle.
      if (current && current.hardSince === null) delete entry.metrics[metric];
      continue;
    }
    // CPU means something only while running; disk and bandwidth keep their last reading.
    if (metric === 'cpu' && !running) {
      delete entry.metrics[metric];
      continue;
    }
    const value = entry.usage?.[metric];
    if (value === null || value === undefined) continue;
    if (current) {
      if (value < threshold - HYSTERESIS_POINTS) {
        endCondition(at, current);
        delete entry.metrics[metric];
      } else current.percent = value;
    } else if (value >= threshold) {
      entry.metrics[metric] = condition(metric, at.now, value);
    }
  }
}
