// Faults survived: the real core against the real simulator (tests/core/harness.ts), one row per fault.
// The simulator's own switches (injectFault) make the HTTP faults; what it cannot make is made at the
// socket with a wrapping fetch handed to the real client: "network down" is a real ECONNREFUSED (a port
// nobody listens on), "connection reset" a real RST (a local server that resets every connection), and
// "429 without Retry-After" the simulator's 429 with the header removed.
// For each list fault: the app keeps answering, the last good list stays and is marked stale with the
// fault's kind, polling recovers by itself once the fault clears, and a write made during the fault is
// attempted exactly once (counted at the fetch and in what the simulator recorded).
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EventChannel, InvokeChannel, type FleetSnapshot } from '../../common/contract';
import { MAX_RETRY_AFTER_MS } from '../../main/fleet/poller';
import type { Fault } from '../../main/simulator/faults';
import { fleetSnapshot, type Harness, invoke, LIST_PATH, until, useHarnessPerTest } from './harness';

const startHarness = useHarnessPerTest();

const WEB = { accountId: 'default', id: 12345 }; // active, "web-server-01"
const REBOOT_PATH = '/api/v1/servers/12345/reboot/';
const TIMEOUT_MS = 5000; // the harness's client timeout
/** A year: a Retry-After no client should honour. */
const ABSURD_RETRY_AFTER_SECONDS = 365 * 24 * 3600;

// ---- the socket-level faults ----

let resetServer: TcpServer;
let resetPort = 0;
let closedPort = 0;
const resetSockets = new Set<Socket>();

beforeAll(async () => {
  resetServer = createTcpServer((socket) => {
    resetSockets.add(socket);
    socket.on('close', () => resetSockets.delete(socket));
    socket.on('error', () => undefined);
    // Read the request's first bytes, then answer with a TCP RST.
    socket.once('data', () => socket.resetAndDestroy());
  });
  await new Promise<void>((resolve) => resetServer.listen(0, '127.0.0.1', resolve));
  resetPort = (resetServer.address() as { port: number }).port;
  // A port that was free a moment ago and has nobody listening now: connecting to it is refused.
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  for (const socket of resetSockets) socket.destroy();
  await new Promise<void>((resolve) => resetServer.close(() => resolve()));
});

type SocketMode = 'ok' | 'down' | 'reset' | 'strip-retry-after';

/** The fetch the client uses: counts what it is asked to send, and breaks it as `mode` says. */
function createFaultyFetch() {
  const sent: Array<{ method: string; path: string }> = [];
  const state = { mode: 'ok' as SocketMode };
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    sent.push({ method: request.method, path: url.pathname });
    if (state.mode === 'down' || state.mode === 'reset') {
      url.port = String(state.mode === 'down' ? closedPort : resetPort);
      return globalThis.fetch(url, {
        method: request.method,
        headers: request.headers,
        signal: request.signal,
        ...(request.method === 'GET' ? {} : { body: await request.text() }),
      });
    }
    const response = await globalThis.fetch(request);
    if (state.mode !== 'strip-retry-after') return response;
    const headers = new Headers(response.headers);
    headers.delete('Retry-After');
    return new Response(await response.text(), { status: response.status, headers });
  };
  return {
    fetch,
    state,
    listAttempts: () => sent.filter((entry) => entry.method === 'GET' && entry.path === LIST_PATH).length,
    writeAttempts: () => sent.filter((entry) => entry.method !== 'GET').length,
  };
}

type FaultyFetch = ReturnType<typeof createFaultyFetch>;

interface FaultRow {
  name: string;
  /** Turns the fault on for every list request until `clear`. */
  inject(h: Harness, net: FaultyFetch): void;
  /** What the stale status must say. */
  stale: { kind: string; status?: number; retryAfterSeconds?: number };
  /** The request hangs: the poll ends only when the client's timeout fires. */
  endsByTimeout?: boolean;
}

const listFault = (fault: Fault) => (h: Harness) => h.sim.injectFault(fault, { method: 'GET', path: LIST_PATH });

const ROWS: FaultRow[] = [
  {
    name: 'network down (connection refused)',
    inject: (_h, net) => void (net.state.mode = 'down'),
    stale: { kind: 'network' },
  },
  { name: 'connection reset', inject: (_h, net) => void (net.state.mode = 'reset'), stale: { kind: 'network' } },
  { name: 'a hanging answer', inject: listFault({ type: 'hang' }), stale: { kind: 'timeout' }, endsByTimeout: true },
  {
    name: 'a slow answer beyond the timeout',
    inject: listFault({ type: 'latency', ms: 4 * TIMEOUT_MS }),
    stale: { kind: 'timeout' },
    endsByTimeout: true,
  },
  { name: '500', inject: listFault({ type: 'status', status: 500 }), stale: { kind: 'server', status: 500 } },
  { name: '502', inject: listFault({ type: 'status', status: 502 }), stale: { kind: 'server', status: 502 } },
  { name: '503', inject: listFault({ type: 'status', status: 503 }), stale: { kind: 'server', status: 503 } },
  {
    name: '429 with Retry-After',
    inject: listFault({ type: 'status', status: 429, retryAfterSeconds: 90 }),
    stale: { kind: 'rate-limited', status: 429, retryAfterSeconds: 90 },
  },
  {
    name: '429 without Retry-After',
    inject: (h, net) => {
      net.state.mode = 'strip-retry-after';
      listFault({ type: 'status', status: 429 })(h);
    },
    stale: { kind: 'rate-limited', status: 429 },
  },
  {
    name: '429 with an absurd Retry-After',
    inject: listFault({ type: 'status', status: 429, retryAfterSeconds: ABSURD_RETRY_AFTER_SECONDS }),
    // The popup is told the capped wait, the one the poller really keeps.
    stale: { kind: 'rate-limited', status: 429, retryAfterSeconds: MAX_RETRY_AFTER_MS / 1000 },
  },
  { name: 'HTML with status 200', inject: listFault({ type: 'html' }), stale: { kind: 'invalid-response' } },
  {
    name: 'truncated JSON with status 200',
    inject: listFault({ type: 'malformed-json' }),
    stale: { kind: 'invalid-response' },
  },
];

async function startWithFaultyFetch(): Promise<{ h: Harness; net: FaultyFetch }> {
  const net = createFaultyFetch();
  const h = await startHarness({
    deps: { clientOptions: { retry: { limit: 0 }, timeoutMs: TIMEOUT_MS, fetch: net.fetch } },
  });
  return { h, net };
}

/** Moves the clock to the next poll and lets it end, however it ends. */
async function nextPollEnds(h: Harness, net: FaultyFetch, row: FaultRow): Promise<void> {
  const before = net.listAttempts();
  await vi.advanceTimersByTimeAsync(60_000);
  await until(() => net.listAttempts() > before, 'the next poll');
  if (row.endsByTimeout) await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
  await h.settle();
}

const namesOf = (snapshot: FleetSnapshot) => snapshot.servers.map((entry) => `${entry.server.id}:${entry.server.name}`);

describe('faults survived (real core, real simulator)', () => {
  it.each(ROWS)('$name: keeps the last list marked stale, recovers by itself, sends a write once', async (row) => {
    const { h, net } = await startWithFaultyFetch();
    const good = await fleetSnapshot(h);
    expect(good.servers).toHaveLength(10);
    expect(good.status.stale).toBeNull();

    row.inject(h, net);
    await nextPollEnds(h, net, row);

    // The app keeps running: it answers the popup, and the list it shows is the last good one.
    const stale = await fleetSnapshot(h);
    expect(stale.servers).toEqual(good.servers);
    expect(stale.status.lastSuccessAt).toBe(good.status.lastSuccessAt);
    expect(stale.status.stale).toMatchObject({ ...row.stale, since: expect.any(Number) });
    expect(stale.status.stale?.retryAfterSeconds).toBe(row.stale.retryAfterSeconds);
    expect(stale.status.refreshing).toBe(false);
    expect(h.core.tray.getState()).toMatchObject({ stale: true });

    // A write during the fault: one attempt, never repeated by the failing polls that follow.
    const reboot = invoke(h, InvokeChannel.serversReboot, WEB);
    if (row.endsByTimeout) {
      // Only the list hangs; the POST is answered.
      await until(() => h.postsTo(REBOOT_PATH) === 1, 'the reboot POST');
    }
    await reboot;

    // The fault clears: polling recovers without anyone asking. The clock moves a request's timeout at a
    // time, so a request started on the way is answered (real sockets) before its timeout could fire.
    net.state.mode = 'ok';
    h.sim.clearFaults();
    for (let step = 0; step < 144 && (await fleetSnapshot(h)).status.stale !== null; step++) {
      await h.advance(TIMEOUT_MS);
    }
    const recovered = await fleetSnapshot(h);
    expect(recovered.status.stale).toBeNull();
    expect(recovered.status.lastSuccessAt).toBeGreaterThan(good.status.lastSuccessAt ?? 0);
    expect(namesOf(recovered)).toEqual(namesOf(good));
    expect(h.core.tray.getState()).toMatchObject({ stale: false });

    // Let the tracked reboot end; the write was still attempted once and received at most once.
    for (let step = 0; step < 120 && h.eventsOf(EventChannel.actionFinished).length === 0; step++) {
      await h.advance(TIMEOUT_MS);
    }
    expect(net.writeAttempts()).toBe(1);
    expect(h.postsTo(REBOOT_PATH)).toBeLessThanOrEqual(1);
    expect(h.sim.requests.filter((request) => request.method !== 'GET')).toHaveLength(h.postsTo(REBOOT_PATH));
    expect(h.eventsOf(EventChannel.actionFinished)).toHaveLength(1);
  });
});

describe('faults around a session and its writes', () => {
  it('a Retry-After shorter than the idle interval does not make the poller ask sooner than every 60 s', async () => {
    const { h, net } = await startWithFaultyFetch();
    h.sim.injectFault({ type: 'status', status: 429, retryAfterSeconds: 30 }, { method: 'GET', path: LIST_PATH });
    await h.advance(60_000);
    const polls = net.listAttempts();
    await h.advance(59_000);
    expect(net.listAttempts()).toBe(polls);
    await h.advance(1_000);
    expect(net.listAttempts()).toBe(polls + 1);
  });

  it('an absurd Retry-After is capped: the next poll comes within MAX_RETRY_AFTER_MS, not in a year', async () => {
    const { h, net } = await startWithFaultyFetch();
    h.sim.injectFault(
      { type: 'status', status: 429, retryAfterSeconds: ABSURD_RETRY_AFTER_SECONDS },
      { method: 'GET', path: LIST_PATH, times: 1 },
    );
    await h.advance(60_000);
    expect((await fleetSnapshot(h)).status.stale).toMatchObject({ kind: 'rate-limited' });
    const polls = net.listAttempts();
    await h.advance(MAX_RETRY_AFTER_MS - 1_000);
    expect(net.listAttempts()).toBe(polls);
    await h.advance(1_000);
    expect(net.listAttempts()).toBe(polls + 1);
    expect((await fleetSnapshot(h)).status.stale).toBeNull();
  });

  it('the token revoked mid-session: the app keeps running, stops polling and asks for a token; nothing is written', async () => {
    const { h, net } = await startWithFaultyFetch();
    h.sim.revokeToken();
    await h.advance(60_000);
    // By design a rejected token clears the list (it may belong to someone else now) instead of marking it stale.
    expect(h.core.authState()).toMatchObject({ mode: 'none' });
    expect(h.core.tray.getState().icon).toBe('no-token');
    const polls = net.listAttempts();
    await h.advance(3_600_000);
    expect(net.listAttempts()).toBe(polls);
    // Still answering the popup, and a write is refused without a request.
    const snapshot = await fleetSnapshot(h);
    expect(snapshot.servers).toEqual([]);
    const reboot = await invoke(h, InvokeChannel.serversReboot, WEB);
    expect(reboot.ok).toBe(false);
    expect(net.writeAttempts()).toBe(0);
  });

  it('a server deleted elsewhere while its reboot is tracked: the action ends as removed, the POST was sent once', async () => {
    const { h, net } = await startWithFaultyFetch();
    // The list lags, so the tracker is still waiting for the reboot when the server disappears.
    h.sim.setFaultFlags({ statusLagMs: 10 * 60_000 });
    expect(await invoke(h, InvokeChannel.serversReboot, WEB)).toMatchObject({ ok: true });
    await h.advance(1_000);
    // "Elsewhere": another client of the same account, straight to the API.
    const deleted = await fetch(`${h.sim.baseUrl}/servers/12345/`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${h.sim.token}` },
    });
    expect(deleted.status).toBeLessThan(300);
    for (let step = 0; step < 20 && h.eventsOf(EventChannel.actionFinished).length === 0; step++) {
      await h.advance(3_000);
    }
    expect(h.eventsOf(EventChannel.actionFinished)).toEqual([
      expect.objectContaining({ outcome: 'removed', action: 'reboot', finalStatus: null }),
    ]);
    const after = await fleetSnapshot(h);
    expect(after.servers.map((entry) => entry.server.id)).not.toContain(12345);
    expect(after.status.stale).toBeNull();
    expect(net.writeAttempts()).toBe(1);
    expect(h.postsTo(REBOOT_PATH)).toBe(1);
  });

  it('a write whose answer never comes: outcome unknown, never re-sent, polling goes on', async () => {
    const { h, net } = await startWithFaultyFetch();
    h.sim.injectFault({ type: 'hang' }, { method: 'POST', path: REBOOT_PATH });
    const pending = invoke(h, InvokeChannel.serversReboot, WEB);
    await until(() => h.postsTo(REBOOT_PATH) === 1, 'the reboot POST');
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'timeout', outcomeUnknown: true } });
    await h.settle();
    const polls = net.listAttempts();
    for (let step = 0; step < 40 && h.eventsOf(EventChannel.actionFinished).length === 0; step++)
      await h.advance(3_000);
    expect(h.eventsOf(EventChannel.actionFinished)).toEqual([expect.objectContaining({ outcome: 'unknown' })]);
    expect(net.listAttempts()).toBeGreaterThan(polls);
    // A second reboot is a new user decision, not a retry: the first one was attempted once.
    expect(net.writeAttempts()).toBe(1);
    expect(h.postsTo(REBOOT_PATH)).toBe(1);
    expect((await fleetSnapshot(h)).status.stale).toBeNull();
  });
});
