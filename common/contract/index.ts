// THE IPC contract between the main process and the popup: channel names, request, response and event
// types, one file per feature (app, auth, fleet, servers, settings, updates, alerts, history; calls.ts: what they
// all share), assembled here. Every other file refers to channels through this one; the compile-time
// checks at the bottom fail the build when a channel has no entry. Types only at run time: the router
// validates payloads.
//
// A feature's file holds its types, its channels (`*_CHANNELS`, `*_EVENTS`), their contract (`*Contract`,
// `*EventContract`) and their place on `window.vps` (`*_METHODS`, `*_BRIDGE_EVENTS`); a new feature's
// file is added to each map below.
import type { Exact } from '../type-checks';
import { ALERTS_BRIDGE_EVENTS, ALERTS_CHANNELS, ALERTS_EVENTS, ALERTS_METHODS } from './alerts';
import type { AlertsContract, AlertsEventContract } from './alerts';
import { APP_BRIDGE_EVENTS, APP_CHANNELS, APP_EVENTS, APP_METHODS } from './app';
import type { AppContract, AppEventContract } from './app';
import { AUTH_BRIDGE_EVENTS, AUTH_CHANNELS, AUTH_EVENTS, AUTH_METHODS } from './auth';
import type { AuthContract, AuthEventContract } from './auth';
import { FLEET_BRIDGE_EVENTS, FLEET_CHANNELS, FLEET_EVENTS, FLEET_METHODS } from './fleet';
import type { FleetContract, FleetEventContract } from './fleet';
import { HISTORY_BRIDGE_EVENTS, HISTORY_CHANNELS, HISTORY_EVENTS, HISTORY_METHODS } from './history';
import type { HistoryContract, HistoryEventContract } from './history';
import { SERVERS_CHANNELS, SERVERS_METHODS } from './servers';
import type { ServersContract } from './servers';
import { SETTINGS_BRIDGE_EVENTS, SETTINGS_CHANNELS, SETTINGS_EVENTS, SETTINGS_METHODS } from './settings';
import type { SettingsContract, SettingsEventContract } from './settings';
import { UPDATES_BRIDGE_EVENTS, UPDATES_CHANNELS, UPDATES_EVENTS, UPDATES_METHODS } from './updates';
import type { UpdatesContract, UpdatesEventContract } from './updates';

export type { ConflictInfo, IpcError, PendingAction, Result } from './calls';
export type { AccountInfo, AccountState, AuthNotice, AuthState } from './auth';
export type { TokenStorageInfo } from './auth';
export type { ActionOutcome, FleetDelta, FleetSnapshot, FleetStatus, ServerView } from './fleet';
export type { AcceptedAction, PowerSource } from './servers';
export type { AppInfo, AppNotice, PopupShown, RequestedView } from './app';
export type { ShortcutStatus } from './settings';
export type { UpdateState, UpdateUnavailableReason } from './updates';
export type { AlertsConfigPatch } from './alerts';
export type { ExportRequest, ExportResult } from './history';

export const InvokeChannel = {
  ...APP_CHANNELS,
  ...AUTH_CHANNELS,
  ...FLEET_CHANNELS,
  ...SERVERS_CHANNELS,
  ...SETTINGS_CHANNELS,
  ...UPDATES_CHANNELS,
  ...ALERTS_CHANNELS,
  ...HISTORY_CHANNELS,
} as const;
export type InvokeChannel = (typeof InvokeChannel)[keyof typeof InvokeChannel];

export const EventChannel = {
  ...APP_EVENTS,
  ...AUTH_EVENTS,
  ...FLEET_EVENTS,
  ...SETTINGS_EVENTS,
  ...UPDATES_EVENTS,
  ...ALERTS_EVENTS,
  ...HISTORY_EVENTS,
} as const;
export type EventChannel = (typeof EventChannel)[keyof typeof EventChannel];

/** Request and response of every invoke channel. Responses travel as `Result<response>`. */
interface InvokeContract
  extends
    AppContract,
    AuthContract,
    FleetContract,
    ServersContract,
    SettingsContract,
    UpdatesContract,
    AlertsContract,
    HistoryContract {}

/** Payload of every event channel (main -> renderer). */
export interface EventContract
  extends
    AppEventContract,
    AuthEventContract,
    FleetEventContract,
    SettingsEventContract,
    UpdatesEventContract,
    AlertsEventContract,
    HistoryEventContract {}

export type InvokeRequest<C extends InvokeChannel> = InvokeContract[C]['request'];
export type InvokeResponse<C extends InvokeChannel> = InvokeContract[C]['response'];
export type EventPayload<C extends EventChannel> = EventContract[C];

/**
 * Where each channel appears on the popup's `window.vps` (common/bridge.ts builds it from this map):
 * `vps.servers.reboot(ref)`, `vps.onFleetChange(listener)`.
 */
export const BRIDGE_METHODS = {
  ...APP_METHODS,
  ...AUTH_METHODS,
  ...FLEET_METHODS,
  ...SERVERS_METHODS,
  ...SETTINGS_METHODS,
  ...UPDATES_METHODS,
  ...ALERTS_METHODS,
  ...HISTORY_METHODS,
} as const;

export const BRIDGE_EVENTS = {
  ...APP_BRIDGE_EVENTS,
  ...AUTH_BRIDGE_EVENTS,
  ...FLEET_BRIDGE_EVENTS,
  ...SETTINGS_BRIDGE_EVENTS,
  ...UPDATES_BRIDGE_EVENTS,
  ...ALERTS_BRIDGE_EVENTS,
  ...HISTORY_BRIDGE_EVENTS,
} as const;

type BridgeMethods = typeof BRIDGE_METHODS;
type ChannelsOnBridge = { [G in keyof BridgeMethods]: BridgeMethods[G][keyof BridgeMethods[G]] }[keyof BridgeMethods];

// Compile-time checks: every channel constant has a contract entry and a place on the bridge, and no
// entry lacks a constant. Adding a channel without the others fails the typecheck here. Exported for no
// importer: the constant exists for its type.
/** @public */
export const CONTRACT_IS_COMPLETE: Exact<InvokeChannel, keyof InvokeContract> &
  Exact<EventChannel, keyof EventContract> &
  Exact<InvokeChannel, ChannelsOnBridge> &
  Exact<EventChannel, (typeof BRIDGE_EVENTS)[keyof typeof BRIDGE_EVENTS]> = true;
