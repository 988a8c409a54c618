// A `window.vps` for component tests: the real createBridge() over a scripted in-memory transport.
// Each invoke channel answers from a handler (defaults below, replace with `handle`); every call is
// recorded; events are pushed with `emit`. Plain TypeScript, reusable by other harnesses.
import { createBridge, type BridgeTransport, type VpsBridge } from '../../common/bridge';
import {
  InvokeChannel,
  type AppInfo,
  type AuthState,
  type EventChannel,
  type EventPayload,
  type FleetSnapshot,
  type FleetStatus,
  type InvokeRequest,
  type InvokeResponse,
  type IpcError,
  type RequestedView,
  type Result,
  type ServerView,
  type UpdateState,
} from '../../common/contract';
import { defaultSettings } from '../../main/settings/schema';
import type { AlertsSnapshot } from '../../common/alerts';
import { makeDetail, makeServer } from '../support/fixtures';

import type { ServerHistory } from '../../common/history';
import type { Server, ServerRef } from '../../common/servers';
import type { ServerStatus } from '../../common/statuses';
import type { Settings } from '../../common/settings';

type Handler<C extends InvokeChannel> = (
  request: InvokeRequest<C>,
) => Result<InvokeResponse<C>> | Promise<Result<InvokeResponse<C>>>;
type Handlers = { [C in InvokeChannel]?: Handler<C> };

interface RecordedCall {
  channel: InvokeChannel;
  request: unknown;
}

const ACCOUNT_ID = 'acct';

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(error: IpcError): Result<never> {
  return { ok: false, error };
}

export function makeView(server: Server, pending: ServerView['pending'] = null): ServerView {
  return { key: `${ACCOUNT_ID}:${server.id}`, accountId: ACCOUNT_ID, server, pending };
}

/** Views of servers with these names and statuses, ids 1, 2, … in the order given. */
export function viewsByName(statuses: Record<string, ServerStatus>): ServerView[] {
  return Object.entries(statuses).map(([name, status], index) => makeView(makeServer(index + 1, { name, status })));
}

/** VPS.org's 400 with per-field messages, as main passes it on. */
export function invalidParameters(fieldErrors: Record<string, string[]>): Result<never> {
  return fail({ kind: 'bad-request', status: 400, message: 'Invalid parameters.', fieldErrors });
}

export function loadedStatus(overrides: Partial<FleetStatus> = {}): FleetStatus {
  return {
    lastSuccessAt: Date.UTC(2025, 0, 15, 10, 20, 30),
    stale: null,
    refreshing: false,
    loaded: true,
    ...overrides,
  };
}

/**
 * The account's one server in the view tests: a Performance VPS (plan 2) on Debian 12 (OS 3) in
 * us-west, so the create form's choices come from it.
 */
export const WEB_01: ServerView = makeView(
  makeServer(1, {
    name: 'web-01',
    location: 'us-west',
    plan: { id: 2, name: 'Performance VPS', vcpus: 4, memory: 8192, storage: 160, bandwidth: null },
    os: { id: 3, name: 'Debian 12' },
  }),
);

export const TOKEN_AUTH: AuthState = {
  mode: 'token',
  account: { id: ACCOUNT_ID, label: 'VPS.org', baseUrl: 'https://admin.vps.org/api/v1' },
  storage: { backend: 'gnome_libsecret', persisted: true },
};

export const DEMO_AUTH: AuthState = {
  mode: 'demo',
  account: { id: 'demo', label: 'Demo', baseUrl: 'http://127.0.0.1:1/api/v1' },
};

export interface FakeBridgeInit {
  servers?: ServerView[];
  status?: FleetStatus;
  /** Each account's own status (several accounts). */
  accountStatuses?: Record<string, FleetStatus>;
  auth?: AuthState;
  settings?: Settings;
  appInfo?: Partial<AppInfo>;
  /** What the ready handshake answers: a view asked for (the tray's Settings…) before the page loaded. */
  requestedView?: RequestedView;
  updates?: UpdateState;
  /** What main knows of expected-state alerts (default: nothing). */
  alerts?: AlertsSnapshot;
}

export interface FakeBridge {
  bridge: VpsBridge;
  calls: RecordedCall[];
  callsTo<C extends InvokeChannel>(channel: C): InvokeRequest<C>[];
  handle<C extends InvokeChannel>(channel: C, handler: Handler<C>): void;
  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void;
  listenerCount(channel: EventChannel): number;
}

export function createFakeBridge(init: FakeBridgeInit = {}): FakeBridge {
  const calls: RecordedCall[] = [];
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const snapshot = (): FleetSnapshot => ({
    servers: init.servers ?? [],
    status: init.status ?? loadedStatus(),
    ...(init.accountStatuses ? { accounts: init.accountStatuses } : {}),
  });
  const settings = init.settings ?? defaultSettings();
  const handlers: Handlers = {
    [InvokeChannel.appInfo]: () =>
      ok({ version: '0.1.0', platform: 'linux', systemLocale: 'en-US', notices: [], ...init.appInfo }),
    [InvokeChannel.authState]: () => ok(init.auth ?? TOKEN_AUTH),
    [InvokeChannel.settingsGet]: () => ok(settings),
    [InvokeChannel.settingsSet]: (patch) =>
      ok({
        ...settings,
        ...patch,
        pollIntervals: { ...settings.pollIntervals, ...patch.pollIntervals },
        confirmations: { ...settings.confirmations, ...patch.confirmations },
      }),
    [InvokeChannel.fleetSubscribe]: () => ok(snapshot()),
    [InvokeChannel.fleetRefresh]: () => ok(snapshot().status),
    [InvokeChannel.serversList]: () =>
      ok((init.servers ?? []).map((view) => ({ accountId: view.accountId, id: view.server.id }))),
    [InvokeChannel.serversGet]: (ref) => {
      const found = (init.servers ?? []).find((view) => view.server.id === ref.id);
      return found ? ok(makeDetail(found.server)) : fail({ kind: 'not-found', message: 'Not found.', status: 404 });
    },
    [InvokeChannel.serversStart]: () => ok({ message: 'Server is starting' }),
    [InvokeChannel.serversStop]: () => ok({ message: 'Server is stopping' }),
    [InvokeChannel.serversReboot]: () => ok({ message: 'Server is rebooting' }),
    [InvokeChannel.clipboardWrite]: () => ok(null),
    // Made of the other handlers' answers, as main makes it of the same sources.
    [InvokeChannel.popupBootstrap]: async () => {
      const [info, auth, current, fleet] = await Promise.all([
        answer(InvokeChannel.appInfo),
        answer(InvokeChannel.authState),
        answer(InvokeChannel.settingsGet),
        answer(InvokeChannel.fleetSubscribe),
      ]);
      if (!info.ok) return info;
      if (!auth.ok) return auth;
      if (!current.ok) return current;
      if (!fleet.ok) return fleet;
      return ok({
        info: info.value,
        auth: auth.value,
        settings: current.value,
        view: init.requestedView ?? null,
        fleet: fleet.value,
      });
    },
    [InvokeChannel.popupHide]: () => ok(null),
    [InvokeChannel.diagnosticsCopy]: () => ok(null),
    [InvokeChannel.updatesState]: () =>
      ok(init.updates ?? { unavailable: null, phase: 'up-to-date', version: null, checkedAt: null }),
    [InvokeChannel.alertsState]: () => ok(init.alerts ?? { servers: {}, pauseAll: null, attention: [] }),
    // Nothing happened while the popup was closed, and no server has a history yet.
    [InvokeChannel.historyDigest]: () => ok(null),
    [InvokeChannel.historyDismissDigest]: () => ok(null),
    [InvokeChannel.historyServer]: (ref) => ok(emptyHistory(ref)),
    [InvokeChannel.historyExport]: () => ok({ outcome: 'cancelled' }),
    [InvokeChannel.historyClear]: () => ok(null),
  };

  /** A handler's answer, not recorded as a call (the bootstrap's parts). */
  async function answer<C extends InvokeChannel>(channel: C): Promise<Result<InvokeResponse<C>>> {
    const handler = handlers[channel] as Handler<C> | undefined;
    if (!handler) return fail({ kind: 'internal', message: `no fake handler for ${channel}` });
    return handler(undefined as InvokeRequest<C>);
  }

  const transport: BridgeTransport = {
    invoke(channel, request) {
      calls.push({ channel, request });
      // One handler per channel; the map cannot express the per-key correlation, hence the cast.
      const handler = handlers[channel] as Handler<typeof channel> | undefined;
      if (!handler) return Promise.resolve(fail({ kind: 'internal', message: `no fake handler for ${channel}` }));
      return Promise.resolve(handler(request));
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(channel, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };

  return {
    bridge: createBridge(transport),
    calls,
    callsTo: <C extends InvokeChannel>(channel: C) =>
      calls.filter((call) => call.channel === channel).map((call) => call.request as InvokeRequest<C>),
    handle: <C extends InvokeChannel>(channel: C, handler: Handler<C>) => {
      (handlers as Record<InvokeChannel, unknown>)[channel] = handler;
    },
    emit: <C extends EventChannel>(channel: C, payload: EventPayload<C>) => {
      for (const listener of listeners.get(channel) ?? []) (listener as (payload: EventPayload<C>) => void)(payload);
    },
    listenerCount: (channel) => listeners.get(channel)?.size ?? 0,
  };
}

/** A server's history with nothing recorded: no entries, nothing observed. */
export function emptyHistory(ref: ServerRef): ServerHistory {
  const nothing = { upMs: 0, downMs: 0, unknownMs: 0 };
  return {
    ref,
    name: null,
    entries: [],
    strip: { day: [], week: [] },
    uptime: { day: nothing, week: nothing, month: nothing },
    off: false,
  };
}

/** A promise whose settlement the test controls (for "while the request is pending"). */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
