// Expected-state alerts as both sides see them: what deviates on a server and since when. The engine
// (main/alerts/engine.ts) computes them; the tray and the popup show them.
import type { AlertPause, AlertThresholds, Expectation } from './settings';

/**
 * stopped / suspended / gone (left the list) / unknown-status: a server that should run does not.
 * cpu / disk / bandwidth: a usage threshold crossed.
 */
export type DeviationKind = 'stopped' | 'suspended' | 'gone' | 'unknown-status' | 'cpu' | 'disk' | 'bandwidth';

export interface Deviation {
  kind: DeviationKind;
  /** ms since epoch: when it was first seen (soft from then on). */
  since: number;
  /** ms since epoch: when it had held for the hold time (hard); null while soft. */
  hardSince: number | null;
  /** The user acknowledged it: it no longer calls for attention until the server's state changes. */
  acknowledged: boolean;
  /** cpu / disk / bandwidth: the last percentage seen. */
  percent?: number;
}

/** One server's alert state. */
export interface ServerAlert {
  /** `serverKey(accountId, id)` */
  key: string;
  name: string;
  expectation: Expectation;
  deviations: Deviation[];
  pause: AlertPause | null;
  /** Its own thresholds (each replaces the global one); empty: the global ones apply. */
  thresholds: Partial<AlertThresholds>;
}

export interface AlertsSnapshot {
  /** Servers with an expectation or a deviation the engine tracks, by key. */
  servers: Record<string, ServerAlert>;
  pauseAll: AlertPause | null;
  /** Keys of servers with a hard, unacknowledged deviation while neither they nor the tray are paused. */
  attention: string[];
}

/** The pauses offered to start one, in the order the tray menu and the popup list them. */
export const PAUSE_CHOICES = ['1h', 'tomorrow', 'indefinite'] as const;
/** How long a pause the user picks lasts; 'off' ends one. */
export const PAUSE_DURATIONS = [...PAUSE_CHOICES, 'off'] as const;
export type PauseDuration = (typeof PAUSE_DURATIONS)[number];

/** Calls for attention: hard, not acknowledged. */
export function callsForAttention(deviation: Deviation): boolean {
  return deviation.hardSince !== null && !deviation.acknowledged;
}
