// Expected-state alerts: what each server should be doing, acknowledging and muting its deviations, and
// the thresholds (global and per server). `window.vps.alerts.*`, `onAlertsChange`.
import type { AlertsSnapshot, PauseDuration } from '../alerts';
import type { ServerRef } from '../servers';
import type { AlertThresholds, Expectation, Settings } from '../settings';
import type { Empty } from './calls';

interface ExpectationRequest {
  ref: ServerRef;
  expectation: Expectation;
}

interface PauseRequest {
  /** null: the whole tray. */
  ref: ServerRef | null;
  duration: PauseDuration;
}

/** A server's own thresholds: each given one replaces the global one (null: not watched); {} uses the global ones. */
interface ServerThresholdsRequest {
  ref: ServerRef;
  thresholds: Partial<AlertThresholds>;
}

/** The global alert settings the popup changes; thresholds merge (null switches one off). */
export interface AlertsConfigPatch {
  holdSeconds?: number;
  thresholds?: Partial<AlertThresholds>;
}

export const ALERTS_CHANNELS = {
  alertsState: 'vps:alerts:state',
  alertsExpect: 'vps:alerts:expect',
  alertsAcknowledge: 'vps:alerts:acknowledge',
  alertsPause: 'vps:alerts:pause',
  alertsConfigure: 'vps:alerts:configure',
  alertsServerThresholds: 'vps:alerts:server-thresholds',
} as const;

export const ALERTS_EVENTS = {
  /** A server's deviation, expectation or pause changed (or the whole tray's pause). */
  alertsChanged: 'vps:event:alerts-changed',
} as const;

export interface AlertsContract {
  [ALERTS_CHANNELS.alertsState]: { request: Empty; response: AlertsSnapshot };
  [ALERTS_CHANNELS.alertsExpect]: { request: ExpectationRequest; response: AlertsSnapshot };
  /** Calms the server's hard deviations until its state changes. */
  [ALERTS_CHANNELS.alertsAcknowledge]: { request: ServerRef; response: AlertsSnapshot };
  [ALERTS_CHANNELS.alertsPause]: { request: PauseRequest; response: AlertsSnapshot };
  [ALERTS_CHANNELS.alertsConfigure]: { request: AlertsConfigPatch; response: Settings };
  [ALERTS_CHANNELS.alertsServerThresholds]: { request: ServerThresholdsRequest; response: AlertsSnapshot };
}

export interface AlertsEventContract {
  [ALERTS_EVENTS.alertsChanged]: AlertsSnapshot;
}

export const ALERTS_METHODS = {
  alerts: {
    state: ALERTS_CHANNELS.alertsState,
    expect: ALERTS_CHANNELS.alertsExpect,
    acknowledge: ALERTS_CHANNELS.alertsAcknowledge,
    pause: ALERTS_CHANNELS.alertsPause,
    configure: ALERTS_CHANNELS.alertsConfigure,
    serverThresholds: ALERTS_CHANNELS.alertsServerThresholds,
  },
} as const;

export const ALERTS_BRIDGE_EVENTS = {
  onAlertsChange: ALERTS_EVENTS.alertsChanged,
} as const;
