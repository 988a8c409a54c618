// The changes the user (and the engine's learning) make to the alert settings, as pure functions: the
// alerts feature stores what they return.
import type { AlertsConfigPatch } from '../../common/contract';
import type { AlertPause, AlertSettings, AlertThresholds, Expectation } from '../../common/settings';

/** Expectations learned of servers seen for the first time join the stored ones. */
export const withLearned = (alerts: AlertSettings, learned: Record<string, Expectation>): AlertSettings => ({
  ...alerts,
  expectations: { ...alerts.expectations, ...learned },
});

export const withExpectation = (alerts: AlertSettings, key: string, expectation: Expectation): AlertSettings =>
  withLearned(alerts, { [key]: expectation });

/** `key` null: the whole tray's pause; `pause` null: alerts back on. */
export function withPause(alerts: AlertSettings, key: string | null, pause: AlertPause | null): AlertSettings {
  if (key === null) return { ...alerts, pauseAll: pause };
  const { [key]: _previous, ...others } = alerts.serverPauses;
  return { ...alerts, serverPauses: pause ? { ...others, [key]: pause } : others };
}

/** A server's own thresholds, replacing what it had; {} uses the global ones. */
export function withServerThresholds(
  alerts: AlertSettings,
  key: string,
  thresholds: Partial<AlertThresholds>,
): AlertSettings {
  const { [key]: _previous, ...others } = alerts.serverThresholds;
  const own = Object.keys(thresholds).length > 0;
  return { ...alerts, serverThresholds: own ? { ...others, [key]: thresholds } : others };
}

/** The hold time and the global thresholds; thresholds merge (null switches one off). */
export const withConfig = (alerts: AlertSettings, patch: AlertsConfigPatch): AlertSettings => ({
  ...alerts,
  ...(patch.holdSeconds === undefined ? {} : { holdSeconds: patch.holdSeconds }),
  thresholds: { ...alerts.thresholds, ...patch.thresholds },
});

/** A server deleted from the app takes its expectation, pause and own thresholds with it. */
export function withoutServer(alerts: AlertSettings, key: string): AlertSettings {
  const { [key]: _expectation, ...expectations } = alerts.expectations;
  const { [key]: _pause, ...serverPauses } = alerts.serverPauses;
  const { [key]: _thresholds, ...serverThresholds } = alerts.serverThresholds;
  return { ...alerts, expectations, serverPauses, serverThresholds };
}
