// Expected-state alerts as main holds them: each server's expectation, deviations and pause, and the
// whole tray's pause. Main answers every change with the new snapshot and broadcasts it, so this only
// adopts what comes.
import { signal } from '@preact/signals';
import type { AlertsSnapshot, PauseDuration, ServerAlert } from '../../common/alerts';
import type { VpsBridge } from '../../common/bridge';
import type { AlertsConfigPatch, Result } from '../../common/contract';
import type { ServerRef } from '../../common/servers';
import type { AlertThresholds, Expectation, Settings } from '../../common/settings';
import { readOnly } from './read-only';

export function createAlertsState(bridge: VpsBridge, adoptSettings: (settings: Settings) => void) {
  const snapshot = signal<AlertsSnapshot>({ servers: {}, pauseAll: null, attention: [] });
  const adopt = (next: AlertsSnapshot): void => {
    snapshot.value = next;
  };
  const adopted = <T extends AlertsSnapshot>(result: Result<T>): Result<T> => {
    if (result.ok) adopt(result.value);
    return result;
  };

  return {
    snapshot: readOnly(snapshot),
    adopt,
    /** The server's alert state; undefined until main has seen it. */
    of: (key: string): ServerAlert | undefined => snapshot.value.servers[key],
    /** The server has a hard deviation nobody acknowledged or paused. */
    needsAttention: (key: string): boolean => snapshot.value.attention.includes(key),
    async load(): Promise<void> {
      const result = await bridge.alerts.state();
      if (result.ok) adopt(result.value);
    },
    expect: async (ref: ServerRef, expectation: Expectation) =>
      adopted(await bridge.alerts.expect({ ref, expectation })),
    acknowledge: async (ref: ServerRef) => adopted(await bridge.alerts.acknowledge(ref)),
    /** `ref` null: the whole tray. */
    pause: async (ref: ServerRef | null, duration: PauseDuration) =>
      adopted(await bridge.alerts.pause({ ref, duration })),
    /** The server's own thresholds (replacing what it had); {} uses the global ones. */
    serverThresholds: async (ref: ServerRef, thresholds: Partial<AlertThresholds>) =>
      adopted(await bridge.alerts.serverThresholds({ ref, thresholds })),
    async configure(patch: AlertsConfigPatch): Promise<Result<Settings>> {
      const result = await bridge.alerts.configure(patch);
      if (result.ok) adoptSettings(result.value);
      return result;
    },
  };
}
