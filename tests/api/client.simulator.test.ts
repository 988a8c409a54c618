// The API client against the VPS.org simulator over real HTTP: every endpoint, every documented
// status code, the retry rules counted at the server, damaged answers, and no token in any error.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVpsClient, type VpsClient, type VpsClientOptions } from '../../main/api/client';
import { apiFailure } from './api-failure';
import { startSimulator, type Simulator } from '../../main/simulator/simulator';

const TOKEN = 'sim-token-7f3a9c1e5b';

let sim: Simulator;
let sleeps: number[];

beforeEach(async () => {
  sim = await startSimulator({ port: 0, token: TOKEN, servers: 7, pageSize: 3, credits: 2, seed: 42 });
  sleeps = [];
});
afterEach(async () => {
  await sim.close();
});

function client(overrides: Partial<VpsClientOptions> = {}): VpsClient {
  return createVpsClient({
    baseUrl: sim.baseUrl,
    token: TOKEN,
    timeoutMs: 2_000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
}

/** The rejection of `promise`: a VpsApiError without the token anywhere in it. */
const failure = (promise: Promise<unknown>) => apiFailure(promise, TOKEN);

async function serverWithStatus(c: VpsClient, status: string): Promise<number> {
  const { results } = await c.listServers({ status });
  const id = results[0]?.id;
  if (id === undefined) throw new Error(`the seeded account has no ${status} server`);
  sim.clearRequests();
  return id;
}

describe('endpoints over real HTTP', () => {
  it('lists every page of the account with the token', async () => {
    const list = await client().listServers();
    expect(list.count).toBe(7);
    expect(new Set(list.results.map((server) => server.id)).size).toBe(7);
    expect(list.results.map((server) => server.id).toSorted()).toEqual(sim.listServerIds().toSorted());
    expect(sim.requests.map((req) => req.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(sim.requests.every((req) => req.authorized && req.method === 'GET')).toBe(true);
  });

  it('filters by status and location', async () => {
    const c = client();
    const active = await c.listServers({ status: 'active' });
    expect(active.results.length).toBeGreaterThan(0);
    expect(active.results.every((server) => server.status === 'active')).toBe(true);
    expect(active.count).toBe(active.results.length);
    const location = active.results[0]!.location!;
    const here = await c.listServers({ status: 'active', location });
    expect(here.results.every((server) => server.location === location && server.status === 'active')).toBe(true);
    expect(sim.requests.at(-1)?.query).toMatchObject({ status: 'active', location });
  });

  it('gets a server detail, and 404 for one that does not exist', async () => {
    const c = client();
    const [id] = sim.listServerIds();
    const detail = await c.getServer(id!);
    expect(detail.id).toBe(id);
    expect(typeof detail.backups_enabled).toBe('boolean');
    const error = await failure(c.getServer(999_999_999));
    expect(error.kind).toBe('not-found');
    expect(error.status).toBe(404);
    expect(error.message).toContain('Server 999999999 does not exist');
  });

  it('creates a server (201), then 402 once credits run out', async () => {
    const c = client();
    const created = await c.createServer({
      name: 'new-web',
      plan_id: 1,
      os_id: 5,
      location: 'us-west',
      backups_enabled: true,
    });
    if (created === null) throw new Error('the simulator names the server it created');
    expect(created.status).toBe('provisioning');
    expect(created.ip_address).toBeNull();
    expect(created.message).toMatch(/provisioned/);
    expect(sim.getServer(created.id)).toBeDefined();
    sim.setCredits(0);
    const error = await failure(c.createServer({ name: 'one-too-many', plan_id: 1, os_id: 5, location: 'us-west' }));
    expect(error.kind).toBe('payment-required');
    expect(error.status).toBe(402);
    expect(error.message).toContain('Insufficient credits');
  });

  it('passes the server 400 field errors through on create', async () => {
    const error = await failure(
      client().createServer({ name: 'web-x', plan_id: 999, os_id: 999, location: 'us-west' }),
    );
    expect(error.kind).toBe('bad-request');
    expect(error.status).toBe(400);
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(expect.arrayContaining(['plan_id']));
    expect(sim.requests).toHaveLength(1);
  });

  it('replaces (PUT) and patches (PATCH) a server, answering its detail', async () => {
    const c = client();
    const [id] = sim.listServerIds();
    const replaced = await c.replaceServer(id!, {
      name: 'renamed',
      hostname: 'renamed.example.com',
      backups_enabled: false,
    });
    expect(replaced).toMatchObject({ id, name: 'renamed', hostname: 'renamed.example.com', backups_enabled: false });
    const patched = await c.updateServer(id!, { backups_enabled: true });
    expect(patched).toMatchObject({ name: 'renamed', backups_enabled: true });
    expect(sim.requests.map((req) => req.method)).toEqual(['PUT', 'PATCH']);
    const missing = await failure(c.updateServer(999_999_999, { name: 'x' }));
    expect(missing.kind).toBe('not-found');
  });

  it('deletes a server (204), then 404', async () => {
    const c = client();
    const [id] = sim.listServerIds();
    await expect(c.deleteServer(id!)).resolves.toBeUndefined();
    expect(sim.getServer(id!)).toBeUndefined();
    const error = await failure(c.deleteServer(id!));
    expect(error.kind).toBe('not-found');
  });

  it('stops and reboots an active server; starting it is a 400', async () => {
    const c = client();
    const active = await serverWithStatus(c, 'active');
    const already = await failure(c.powerAction(active, 'start'));
    expect(already.kind).toBe('bad-request');
    expect(already.message).toContain('Server is already running.');
    const reboot = await c.powerAction(active, 'reboot');
    expect(reboot).toMatchObject({ status: 'success', server: { id: active, status: 'rebooting' } });
    const busy = await failure(c.powerAction(active, 'stop'));
    expect(busy.kind).toBe('bad-request');
    expect(sim.requests.map((req) => `${req.method} ${req.path}`)).toEqual([
      `POST /api/v1/servers/${active}/start/`,
      `POST /api/v1/servers/${active}/reboot/`,
      `POST /api/v1/servers/${active}/stop/`,
    ]);
  });

  it('starts a stopped server; rebooting a stopped one is a 400', async () => {
    const c = client();
    const stopped = await serverWithStatus(c, 'stopped');
    const notRunning = await failure(c.powerAction(stopped, 'reboot'));
    expect(notRunning.kind).toBe('bad-request');
    expect(notRunning.message).toContain('Server is not running.');
    const start = await c.powerAction(stopped, 'start');
    expect(start.server?.status).toBe('starting');
    const stop = await c.powerAction(await serverWithStatus(c, 'active'), 'stop');
    expect(stop.server?.status).toBe('stopping');
  });

  it('404 for start, reboot and PUT of a server that does not exist, sent once each', async () => {
    const c = client();
    const missing = 999_999_999;
    const errors = [
      await failure(c.powerAction(missing, 'start')),
      await failure(c.powerAction(missing, 'reboot')),
      await failure(c.replaceServer(missing, { name: 'gone', hostname: 'gone.example.com', backups_enabled: false })),
    ];
    for (const error of errors) {
      expect(error.kind).toBe('not-found');
      expect(error.status).toBe(404);
      expect(error.message).toContain(`Server ${missing} does not exist on VPS.org (404)`);
      expect(error.outcomeUnknown).toBeFalsy();
    }
    expect(sim.requests.map((req) => `${req.method} ${req.path}`)).toEqual([
      `POST /api/v1/servers/${missing}/start/`,
      `POST /api/v1/servers/${missing}/reboot/`,
      `PUT /api/v1/servers/${missing}/`,
    ]);
    expect(sleeps).toEqual([]);
  });

  it('401 for a wrong token and for a revoked one', async () => {
    const wrong = await failure(client({ token: 'not-the-token' }).listServers());
    expect(wrong.kind).toBe('unauthorized');
    expect(wrong.message).toContain('VPS.org rejected the API token (401). Check the token in Settings.');
    sim.revokeToken();
    const revoked = await failure(client().getServer(1));
    expect(revoked.kind).toBe('unauthorized');
    // 401 is not retried: a bad token does not get better.
    expect(sim.requests).toHaveLength(2);
  });
});

describe('faults', () => {
  it('sends a POST exactly once under 503', async () => {
    const [id] = sim.listServerIds();
    sim.injectFault({ type: 'status', status: 503 });
    const error = await failure(client().powerAction(id!, 'reboot'));
    expect(error.kind).toBe('server');
    expect(sim.requests).toHaveLength(1);
  });

  it('sends a POST exactly once under 429', async () => {
    sim.injectFault({ type: 'status', status: 429, retryAfterSeconds: 1 });
    const error = await failure(client().createServer({ name: 'web-9', plan_id: 1, os_id: 5, location: 'us-west' }));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBe(1);
    expect(sim.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('sends a POST exactly once when it times out, and says the outcome is unknown', async () => {
    const [id] = sim.listServerIds();
    sim.injectFault({ type: 'hang' });
    const error = await failure(client({ timeoutMs: 150 }).powerAction(id!, 'stop'));
    expect(error.kind).toBe('timeout');
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toContain('The stop request timed out; VPS.org may or may not have carried it out.');
    expect(sim.requests).toHaveLength(1);
  });

  it('retries a GET after a 503 and succeeds', async () => {
    sim.injectFault({ type: 'status', status: 503 }, { method: 'GET', times: 1 });
    const list = await client().listServers();
    expect(list.results).toHaveLength(7);
    expect(sim.requests.map((req) => req.query.page ?? '1')).toEqual(['1', '1', '2', '3']);
    expect(sleeps).toHaveLength(1);
  });

  it('gives up a GET after two retries of a 500', async () => {
    sim.injectFault({ type: 'status', status: 500 });
    const error = await failure(client().getServer(1));
    expect(error.kind).toBe('server');
    expect(error.status).toBe(500);
    expect(sim.requests).toHaveLength(3);
  });

  it('retries a GET after 429, waiting exactly the Retry-After of 1 s before the second request', async () => {
    sim.injectFault({ type: 'status', status: 429, retryAfterSeconds: 1 }, { times: 1 });
    // The sleep is injected: it records the wait and how many requests the server had seen by then.
    const waits: Array<{ ms: number; requestsBefore: number }> = [];
    const c = client({
      sleep: async (ms) => void waits.push({ ms, requestsBefore: sim.requests.length }),
      random: () => 0.5,
    });
    const [id] = sim.listServerIds();
    const detail = await c.getServer(id!);
    expect(detail.id).toBe(id);
    expect(waits).toEqual([{ ms: 1000, requestsBefore: 1 }]);
    expect(sim.requests).toHaveLength(2);
  });

  it('a 503 without Retry-After backs off with jitter; a 429 with one waits it in full', async () => {
    sim.injectFault({ type: 'status', status: 503, body: '{"detail": "Maintenance."}' }, { method: 'GET', times: 1 });
    sim.injectFault({ type: 'status', status: 429, retryAfterSeconds: 3 }, { method: 'GET', times: 1 });
    const c = client({ random: () => 0 });
    const [id] = sim.listServerIds();
    await c.getServer(id!);
    // 503 without Retry-After: backoff (random 0 -> no wait); 429 with 3 s: the full 3 s.
    expect(sleeps).toEqual([0, 3000]);
    expect(sim.requests).toHaveLength(3);
  });

  it.each(['html', 'wrong-shape', 'malformed-json'] as const)(
    'reports invalid-response for a %s answer',
    async (type) => {
      sim.injectFault({ type });
      const error = await failure(client().listServers());
      expect(error.kind).toBe('invalid-response');
      expect(error.message).toMatch(/not JSON|not what this app expects/);
    },
  );

  it('names what was wrong with a wrong-shape answer', async () => {
    sim.injectFault({ type: 'wrong-shape' });
    const error = await failure(client().getServer(sim.listServerIds()[0]!));
    expect(error.message).toContain('"id" is missing');
  });

  // Issue 8: the reboot was carried out (2xx), so a damaged answer is an acceptance, not an error.
  it('a damaged answer to a POST is not retried', async () => {
    const id = await serverWithStatus(client(), 'active');
    sim.injectFault({ type: 'html' });
    const accepted = await client().powerAction(id, 'reboot');
    expect(accepted).toEqual({ status: null, message: null, server: null });
    expect(sim.requests).toHaveLength(1);
  });

  it.each([401, 402, 404, 429, 500, 502, 503, 504])(
    'no token in the error of a %i whose body echoes it',
    async (status) => {
      sim.injectFault({
        type: 'status',
        status,
        body: JSON.stringify({ detail: `You sent Bearer ${TOKEN}`, name: [TOKEN] }),
      });
      const error = await failure(client({ retry: { limit: 0 } }).listServers());
      expect(error.status).toBe(status);
      expect(error.message).toContain('[redacted]');
    },
  );
});
