// A soak: the real core for 24 simulated hours on vitest's fake clock, with seeded random faults and
// user actions. Driven by a FAKE VpsClient (handed to the core as its client), not the simulator over
// HTTP: 24 h of polls through real sockets is too slow for the suite on a loaded machine. The fake
// fails with the same kinds the real client raises for the simulator's faults (network, timeout after
// the client's timeout, 503, 429 with a normal and an absurd Retry-After, an unreadable 200), and a
// write that times out or loses its connection has still happened (the outcome-unknown case).
// 401 is left out: it ends the session by design (tests/core/fault-matrix.test.ts covers it).
// Everything is COUNTED, nothing timed: polls in flight at once, writes per user action, timers,
// tracked actions, fleet size, and list requests per idle hour against a budget.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../main/core';
import { VpsApiError } from '../../main/api/errors';
import type { VpsClient } from '../../main/api/client';
import type { ServerList, PowerActionResponse } from '../../main/api/schemas';
import { createRandom } from '../../main/simulator/random';
import type { Server } from '../../common/servers';
import type { PowerAction, ServerStatus } from '../../common/statuses';
import { InvokeChannel, type ActionOutcome, type FleetSnapshot } from '../../common/contract';
import { createMemoryPorts, createMemoryVault } from '../../dev/memory-ports';
import { makeServer } from '../support/fixtures';
import { APP_SENDER, APP_URL, okValue, useFakeClock } from './harness';

/**
 * Idle (popup closed, nothing tracked): the default idle poll is 60 s, so at most 60 list requests an
 * hour; failures only slow it down (backoff, Retry-After). One more is allowed for a poll that lands
 * exactly on the hour's boundary.
 */
const IDLE_REQUESTS_PER_HOUR = 60;
/** Timers the idle core may hold: the next poll, the clock check, a client timeout in flight. */
const IDLE_TIMER_CEILING = 3;

const HOUR = 3_600_000;
const MINUTE = 60_000;
const TIMEOUT_MS = 15_000; // the real client's default
const SETTLE_MS = 45_000; // how long a fake server takes to reach its new state
const SERVERS = 8;

type FaultKind =
  'none' | 'network' | 'timeout' | 'server' | 'rate-limited' | 'rate-limited-absurd' | 'invalid-response';
const FAULT_KINDS: readonly FaultKind[] = [
  'network',
  'timeout',
  'server',
  'rate-limited',
  'rate-limited-absurd',
  'invalid-response',
];

const TARGET: Record<PowerAction, { during: ServerStatus; after: ServerStatus }> = {
  start: { during: 'starting', after: 'active' },
  stop: { during: 'stopping', after: 'stopped' },
  reboot: { during: 'rebooting', after: 'active' },
};

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const unused = () => Promise.reject(new Error('not used by the soak'));

/** An in-memory VPS.org whose every call fails as `fault` says. */
function createFakeFleetApi() {
  const servers: Server[] = Array.from({ length: SERVERS }, (_, index) =>
    makeServer(index + 1, { status: index % 3 === 0 ? 'stopped' : 'active' }),
  );
  const settling = new Map<number, { at: number; status: ServerStatus }>();
  const stats = { listCalls: 0, inFlight: 0, maxInFlight: 0, writes: [] as Array<{ id: number; action: PowerAction }> };
  const state = { fault: 'none' as FaultKind };

  const settle = () => {
    for (const [id, next] of settling) {
      if (Date.now() < next.at) continue;
      const server = servers.find((entry) => entry.id === id)!;
      server.status = next.status;
      settling.delete(id);
    }
  };

  /** Fails as the current fault says; `effect` runs when the request reached the server. */
  async function call<T>(write: boolean, effect: () => T): Promise<T> {
    switch (state.fault) {
      case 'none':
        return effect();
      case 'network':
        // Refused before sending: nothing happened.
        throw new VpsApiError('network', 'VPS.org could not be reached: connect ECONNREFUSED.');
      case 'timeout':
        if (write) effect(); // it reached VPS.org; the answer is what never came
        await wait(TIMEOUT_MS);
        throw new VpsApiError('timeout', 'VPS.org did not answer.', { outcomeUnknown: write });
      case 'server':
        throw new VpsApiError('server', 'VPS.org had a problem (503).', { status: 503 });
      case 'rate-limited':
        throw new VpsApiError('rate-limited', 'Throttled.', { status: 429, retryAfterSeconds: 30 });
      case 'rate-limited-absurd':
        throw new VpsApiError('rate-limited', 'Throttled.', { status: 429, retryAfterSeconds: 10 ** 9 });
      case 'invalid-response':
        if (write) {
          effect();
          throw new VpsApiError('invalid-response', 'Not JSON.', { status: 200, outcomeUnknown: true });
        }
        throw new VpsApiError('invalid-response', 'Not JSON.', { status: 200 });
    }
  }

  const power = (action: PowerAction) => (id: number) => {
    stats.writes.push({ id, action });
    return call(true, (): PowerActionResponse => {
      const server = servers.find((entry) => entry.id === id)!;
      server.status = TARGET[action].during;
      settling.set(id, { at: Date.now() + SETTLE_MS, status: TARGET[action].after });
      return { status: 'success', message: `Server is ${TARGET[action].during}`, server: null };
    });
  };

  const api: VpsClient = {
    baseUrl: 'https://fake.invalid/api/v1',
    async listServers() {
      stats.listCalls++;
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      try {
        return await call(false, (): ServerList => {
          settle();
          return { count: servers.length, results: structuredClone(servers), skipped: 0 };
        });
      } finally {
        stats.inFlight--;
      }
    },
    getServer: unused,
    createServer: unused,
    replaceServer: unused,
    updateServer: unused,
    deleteServer: unused,
    powerAction: (id, action) => power(action)(id),
  };
  return { api, stats, state };
}

const CHANNEL: Record<PowerAction, InvokeChannel> = {
  start: InvokeChannel.serversStart,
  stop: InvokeChannel.serversStop,
  reboot: InvokeChannel.serversReboot,
};

let core: Core | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
  vi.useRealTimers();
});

describe('24 hours on a fake clock with random faults and user actions', () => {
  it('never overlaps polls, never repeats a write, keeps timers and state bounded, stays within the request budget', async () => {
    useFakeClock();
    const random = createRandom(20_251_129);
    const fake = createFakeFleetApi();
    const vault = createMemoryVault([
      { account: { id: 'default', label: 'VPS.org', baseUrl: 'https://fake.invalid/api/v1' }, token: 'soak-token' },
    ]);
    const ports = createMemoryPorts({ vault });
    const outcomes: ActionOutcome[] = [];
    core = createCore({
      ...ports,
      createClient: () => fake.api,
      random,
      log: () => undefined,
      isTrustedSender: (sender) => sender.url === APP_URL,
    });
    core.onEvent((channel, payload) => {
      if (channel === 'vps:event:action-finished') outcomes.push(payload as ActionOutcome);
    });
    await core.start();
    await vi.advanceTimersByTimeAsync(0);
    const running = core;
    const snapshot = async () =>
      okValue(await running.router.handle(InvokeChannel.fleetSubscribe, undefined, APP_SENDER)) as FleetSnapshot;

    let actionsAsked = 0;
    /** Writes each user action caused. */
    const writesPerAction: number[] = [];
    const idleHours: Array<{ hour: number; requests: number; timers: number }> = [];

    for (let hour = 0; hour < 24; hour++) {
      // About a third of the hours the user is at work: the popup is open and they click power
      // buttons in the first 40 minutes (so what they started has ended before the hour is over).
      const active = random() < 0.35;
      running.setPopupOpen(active);
      const requestsAtStart = fake.stats.listCalls;
      for (let minute = 0; minute < 60; minute++) {
        // Every 10 minutes the network changes its mood: mostly fine, sometimes one of the faults.
        if (minute % 10 === 0) {
          fake.state.fault = random() < 0.6 ? 'none' : FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)]!;
        }
        if (active && minute < 40 && random() < 0.25) {
          const choices = running.tray.getState().servers.filter((server) => server.actions.length > 0);
          const server = choices[Math.floor(random() * choices.length)];
          if (server) {
            const action = server.actions[Math.floor(random() * server.actions.length)]!;
            const writesBefore = fake.stats.writes.length;
            actionsAsked++;
            const answer = running.router.handle(CHANNEL[action], server.ref, APP_SENDER);
            await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
            await answer;
            writesPerAction.push(fake.stats.writes.length - writesBefore);
          }
        }
        const writesBefore = fake.stats.writes.length;
        await vi.advanceTimersByTimeAsync(MINUTE - (vi.getMockedSystemTime()!.valueOf() % MINUTE));
        // Polling alone never writes.
        expect(fake.stats.writes.length).toBe(writesBefore);
      }
      if (!active) {
        idleHours.push({
          hour,
          requests: fake.stats.listCalls - requestsAtStart,
          timers: vi.getTimerCount(),
        });
      }
    }

    // Single flight: never two list requests at once.
    expect(fake.stats.maxInFlight).toBe(1);
    // Writes: exactly the user's, never more than one per action asked.
    expect(actionsAsked).toBeGreaterThan(10);
    expect(fake.stats.writes.length).toBeLessThanOrEqual(actionsAsked);
    expect(writesPerAction).toHaveLength(actionsAsked);
    expect(Math.max(...writesPerAction)).toBe(1); // one user action, one write at most
    expect(fake.stats.writes.length).toBeGreaterThan(0);
    // Every tracked action ended, and each once.
    expect(outcomes.length).toBeLessThanOrEqual(fake.stats.writes.length);

    // Idle hours: within the request budget, and no timer left behind.
    expect(idleHours.length).toBeGreaterThan(8);
    for (const idle of idleHours) {
      expect(idle.requests, `requests in idle hour ${idle.hour}`).toBeLessThanOrEqual(IDLE_REQUESTS_PER_HOUR + 1);
      expect(idle.timers, `timers after idle hour ${idle.hour}`).toBeLessThanOrEqual(IDLE_TIMER_CEILING);
    }

    // Let the last fault clear: the core recovers, holds exactly the account's servers, nothing pending.
    fake.state.fault = 'none';
    running.setPopupOpen(false);
    await vi.advanceTimersByTimeAsync(HOUR);
    const final = await snapshot();
    expect(final.status.stale).toBeNull();
    expect(final.servers).toHaveLength(SERVERS);
    expect(final.servers.filter((view) => view.pending !== null)).toEqual([]);
    expect(vi.getTimerCount()).toBeLessThanOrEqual(IDLE_TIMER_CEILING);
    // The popup-side view of the fleet (the snapshot) and the tray agree on the size: nothing retained.
    expect(running.tray.getState().servers).toHaveLength(SERVERS);
  });
});
