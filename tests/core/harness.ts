// A core wired to a real simulator on 127.0.0.1 with in-memory ports, under fake timers (setTimeout and
// Date only: sockets and setImmediate stay real, so HTTP works while the test owns the clock).
import { afterEach, beforeEach, vi } from 'vitest';
import { createVpsClient } from '../../main/api/client';
import { createCore, type Core, type CoreDeps } from '../../main/core';
import { startSimulator, type Simulator } from '../../main/simulator/simulator';
import {
  InvokeChannel,
  type EventChannel,
  type EventPayload,
  type FleetSnapshot,
  type IpcError,
  type Result,
} from '../../common/contract';
import { createMemoryPorts, createMemoryVault } from '../../dev/memory-ports';
import type { StoredSettingsPatch } from '../../main/settings/schema';
import type { ServerFilter } from '../../common/servers';
import { messagesFor } from '../../main/i18n';
import type { TrayIntentDeps } from '../../main/tray/intents';

export const LIST_PATH = '/api/v1/servers/';
export const APP_URL = 'file:///app/dist/renderer/index.html';
export const APP_SENDER = { url: APP_URL };

export function useFakeClock(start = Date.parse('2025-06-02T09:00:00Z')) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(start);
}

/**
 * For a test file: each test runs on a fake clock and the harness it starts (with the returned function)
 * is closed after it.
 */
export function useHarnessPerTest(): (options?: HarnessOptions) => Promise<Harness> {
  let current: Harness | null = null;
  beforeEach(() => useFakeClock());
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  return async (options) => (current = await createHarness(options));
}

/** Waits (in real time, without moving the fake clock) until `predicate` holds. */
export async function until(predicate: () => boolean, what = 'condition'): Promise<void> {
  const deadline = performance.now() + 5000;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

interface RecordedEvent {
  channel: EventChannel;
  payload: unknown;
}

export interface Harness {
  sim: Simulator;
  core: Core;
  ports: ReturnType<typeof createMemoryPorts>;
  events: RecordedEvent[];
  logs: string[];
  eventsOf<C extends EventChannel>(channel: C): Array<EventPayload<C>>;
  listRequests(): number;
  postsTo(path: string): number;
  /** Advances the fake clock, then waits until the poll (if one started) has finished. */
  advance(ms: number): Promise<void>;
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  servers?: number;
  speed?: number;
  settings?: StoredSettingsPatch;
  /** Store the simulator's token in the vault before start (default true). */
  withToken?: boolean;
  start?: boolean;
  random?: () => number;
  deps?: Partial<CoreDeps>;
}

async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sim = await startSimulator({
    host: '127.0.0.1',
    port: 0,
    servers: options.servers ?? 10,
    speed: options.speed ?? 60,
    seed: 7,
    now: () => Date.now(),
  });
  const vault = createMemoryVault(
    options.withToken === false
      ? []
      : [{ account: { id: 'default', label: 'VPS.org', baseUrl: sim.baseUrl }, token: sim.token }],
  );
  const ports = createMemoryPorts({ vault, settings: options.settings ?? {} });
  const events: RecordedEvent[] = [];
  const logs: string[] = [];
  // A poll that changed nothing sends no event: the reads in flight (lists, and the details the alerts'
  // usage thresholds read) tell when the core has finished its work.
  let readsInFlight = 0;
  const counted = async <T>(read: () => Promise<T>): Promise<T> => {
    readsInFlight++;
    try {
      return await read();
    } finally {
      readsInFlight--;
    }
  };
  const createClient = options.deps?.createClient ?? createVpsClient;
  const core = createCore({
    ...ports,
    clientOptions: { retry: { limit: 0 }, timeoutMs: 5000 },
    random: options.random ?? (() => 1),
    log: (level, message) => void logs.push(`${level}: ${message}`),
    isTrustedSender: (sender) => sender.url === APP_URL,
    ...options.deps,
    createClient: (clientOptions) => {
      const client = createClient(clientOptions);
      return {
        ...client,
        listServers: (filter?: ServerFilter, request?: { signal?: AbortSignal }) =>
          counted(() => client.listServers(filter, request)),
        getServer: (id: number) => counted(() => client.getServer(id)),
      };
    },
  });
  core.onEvent((channel, payload) => void events.push({ channel, payload }));
  const isIdle = () => {
    const status = lastStatus();
    return readsInFlight === 0 && (status === null || !status.refreshing);
  };
  const lastStatus = () => {
    for (let index = events.length - 1; index >= 0; index--) {
      const event = events[index]!;
      if (event.channel === 'vps:event:fleet-changed')
        return (event.payload as EventPayload<'vps:event:fleet-changed'>).status;
    }
    return null;
  };
  const harness: Harness = {
    sim,
    core,
    ports,
    events,
    logs,
    eventsOf: <C extends EventChannel>(channel: C) =>
      events.filter((event) => event.channel === channel).map((event) => event.payload as EventPayload<C>),
    listRequests: () => sim.requests.filter((request) => request.method === 'GET' && request.path === LIST_PATH).length,
    postsTo: (path) => sim.requests.filter((request) => request.method === 'POST' && request.path === path).length,
    async advance(ms) {
      await vi.advanceTimersByTimeAsync(ms);
      await harness.settle();
    },
    async settle() {
      // Let sockets and promise chains run; then wait for a poll in flight to finish.
      for (let index = 0; index < 5; index++) await new Promise<void>((resolve) => setImmediate(resolve));
      await until(isIdle, 'the poll in flight');
      for (let index = 0; index < 5; index++) await new Promise<void>((resolve) => setImmediate(resolve));
    },
    async close() {
      await core.stop();
      await sim.close();
      vi.useRealTimers();
    },
  };
  if (options.start !== false) {
    await core.start();
    if (options.withToken !== false)
      await until(() => core.tray.getState().servers.length > 0 || harness.listRequests() > 0, 'first poll');
    await harness.settle();
  }
  return harness;
}

/** Invokes a channel as the popup would. */
export function invoke(harness: Harness, channel: string, payload?: unknown) {
  return harness.core.router.handle(channel, payload, APP_SENDER);
}

/** The fleet as the popup gets it when it subscribes; throws (failing the test) on an error. */
export async function fleetSnapshot(harness: Harness): Promise<FleetSnapshot> {
  return okValue(await invoke(harness, InvokeChannel.fleetSubscribe)) as FleetSnapshot;
}

/** The value of an ok Result; throws (failing the test) otherwise. */
export function okValue(result: Result<unknown>): unknown {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

/** The error of a failed Result; throws (failing the test) otherwise. */
export function errorOf(result: Result<unknown>): IpcError {
  if (result.ok) throw new Error('Expected an error result');
  return result.error;
}

/** Points the app at another API address, as a developer would in the settings file (the popup cannot). */
export function setApiBaseUrl(harness: Harness, apiBaseUrl: string): void {
  harness.ports.settings.set({ ...harness.ports.settings.get(), apiBaseUrl });
}

/**
 * The tray's intent deps over the harness's core, wired as main/desktop/tray-setup.ts does: power through
 * the core, notices through the core's notifier; `confirm` answers the native confirmation.
 */
export function trayDepsOverCore(harness: Harness, confirm: TrayIntentDeps['confirm']): TrayIntentDeps {
  return {
    openPopup: () => {},
    openSettings: () => {},
    refreshNow: () => harness.core.refreshNow(),
    quit: () => {},
    openLogFolder: async () => {},
    writeClipboard: () => {},
    getMessages: () => messagesFor('en'),
    confirm,
    powerAction: (ref, action, source) => harness.core.powerAction(ref, action, source),
    notify: (title, body) => harness.ports.notifier.notify(title, body),
  };
}
