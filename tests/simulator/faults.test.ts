// Fault injection: programmatic (injectFault) and probabilistic (flags, as the CLI sets them).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Simulator } from '../../main/simulator/simulator';
import { call, field, manualClock, simulators } from './helpers';

const sims = simulators();
afterEach(() => sims.closeAll());

describe('injected faults', () => {
  it('status: answers the status before auth and without touching the state, then clears after `times`', async () => {
    const sim = await sims.start();
    sim.injectFault({ type: 'status', status: 503 }, { method: 'POST', path: '/api/v1/servers/12345/stop/', times: 1 });
    const failed = await call(sim, '/servers/12345/stop/', { method: 'POST', token: 'wrong' });
    expect(failed.status).toBe(503);
    expect(field(failed.json, 'detail')).toBe('Service temporarily unavailable.');
    expect(field(sim.getServer(12345), 'status')).toBe('active');
    expect((await call(sim, '/servers/12345/stop/', { method: 'POST' })).status).toBe(200);
  });

  it('status 429 carries Retry-After (default 2, or the given value)', async () => {
    const sim = await sims.start();
    sim.injectFault({ type: 'status', status: 429 }, { times: 1 });
    const first = await call(sim, '/servers/');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('2');
    sim.injectFault({ type: 'status', status: 429, retryAfterSeconds: 7 }, { times: 1 });
    expect((await call(sim, '/servers/')).headers.get('retry-after')).toBe('7');
    expect((await call(sim, '/servers/')).status).toBe(200);
  });

  it('status with a custom body sends it as is', async () => {
    const sim = await sims.start();
    sim.injectFault({ type: 'status', status: 502, body: '<html>Bad gateway</html>' }, { times: 1 });
    const answer = await call(sim, '/servers/');
    expect(answer.status).toBe(502);
    expect(answer.text).toBe('<html>Bad gateway</html>');
    expect(answer.headers.get('content-type')).toContain('text/html');
  });

  it('matches by method, by exact path and by RegExp; lasts until cleared without `times`', async () => {
    const sim = await sims.start();
    sim.injectFault({ type: 'status', status: 500 }, { method: 'get', path: /\/servers\/\d+\/$/ });
    expect((await call(sim, '/servers/12345/')).status).toBe(500);
    expect((await call(sim, '/servers/12346/')).status).toBe(500);
    expect((await call(sim, '/servers/')).status).toBe(200);
    expect((await call(sim, '/servers/12345/', { method: 'PATCH', body: { name: 'x1' } })).status).toBe(200);
    sim.clearFaults();
    expect((await call(sim, '/servers/12345/')).status).toBe(200);
  });

  it('queued faults apply in order', async () => {
    const sim = await sims.start();
    sim.injectFault({ type: 'status', status: 500 }, { times: 1 });
    sim.injectFault({ type: 'status', status: 503 }, { times: 1 });
    expect((await call(sim, '/servers/')).status).toBe(500);
    expect((await call(sim, '/servers/')).status).toBe(503);
    expect((await call(sim, '/servers/')).status).toBe(200);
  });

  it('malformed-json: 200 with a truncated body, and the request did happen', async () => {
    const sim = await sims.start();
    sim.injectFault({ type: 'malformed-json' }, { times: 1 });
    const answer = await call(sim, '/servers/12345/reboot/', { method: 'POST' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(() => JSON.parse(answer.text)).toThrow(SyntaxError);
    expect(answer.text.startsWith('{"status":"success"')).toBe(true);
    expect(field(sim.getServer(12345), 'status')).toBe('rebooting');
  });

  it('html: 200 text/html', async () => {
    const sim = await sims.start();
    sim.injectFault({ type: 'html' }, { times: 1 });
    const answer = await call(sim, '/servers/');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(answer.text.startsWith('<html>')).toBe(true);
  });

  it('wrong-shape: 200 JSON of the wrong shape', async () => {
    const sim = await sims.start();
    sim.injectFault({ type: 'wrong-shape' }, { times: 1 });
    const answer = await call(sim, '/servers/');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ servers: 'nope' });
  });

  it('body faults leave an error answer alone', async () => {
    const sim = await sims.start();
    sim.injectFault({ type: 'html' }, { times: 1 });
    const answer = await call(sim, '/servers/', { token: 'wrong' });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ detail: 'Invalid or missing API token.' });
  });

  it('hang: never answers until close(), which ends it', async () => {
    const sim = await sims.start();
    sim.injectFault({ type: 'hang' }, { times: 1 });
    const hanging = fetch(`${sim.baseUrl}/servers/`, { headers: { Authorization: `Bearer ${sim.token}` } }).then(
      (response) => `answered ${response.status}`,
      () => 'connection ended',
    );
    const quick = await call(sim, '/servers/12345/');
    expect(quick.status).toBe(200);
    expect(sim.requests.map((r) => r.path)).toEqual(['/api/v1/servers/', '/api/v1/servers/12345/']);
    await sim.close();
    expect(await hanging).toBe('connection ended');
  });

  it('hang: a client timeout gives up while the server holds the request', async () => {
    const sim = await sims.start();
    sim.injectFault({ type: 'hang' }, { path: '/api/v1/servers/' });
    const outcome = await fetch(`${sim.baseUrl}/servers/`, { signal: AbortSignal.timeout(200) }).then(
      () => 'answered',
      (error: unknown) => (error instanceof Error ? error.name : 'other'),
    );
    expect(outcome).toBe('TimeoutError');
  });

  it('latency: holds the answer while later requests are answered, then answers normally', async () => {
    const sim = await sims.start();
    sim.injectFault({ type: 'latency', ms: 800 }, { path: '/api/v1/servers/12345/', times: 1 });
    const order: string[] = [];
    const delayed = call(sim, '/servers/12345/').then((answer) => order.push(`delayed ${answer.status}`));
    await call(sim, '/servers/12346/').then((answer) => order.push(`prompt ${answer.status}`));
    await delayed;
    expect(order).toEqual(['prompt 200', 'delayed 200']);
  });
});

async function twentyStatuses(seed: number): Promise<number[]> {
  const sim = await sims.start({ seed, faults: { errorRate: 0.5 } });
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) statuses.push((await call(sim, '/servers/12345/')).status);
  return statuses;
}

describe('fault flags', () => {
  it('errorRate 1 answers every request 503; setFaultFlags({}) turns it off', async () => {
    const sim = await sims.start({ faults: { errorRate: 1 } });
    expect((await call(sim, '/servers/')).status).toBe(503);
    expect((await call(sim, '/servers/12345/')).status).toBe(503);
    sim.setFaultFlags({});
    expect((await call(sim, '/servers/')).status).toBe(200);
  });

  it('rateLimitRate 1 answers 429 with the configured Retry-After', async () => {
    const sim = await sims.start({ faults: { rateLimitRate: 1, retryAfterSeconds: 5 } });
    const answer = await call(sim, '/servers/');
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(field(answer.json, 'detail')).toContain('5 seconds');
  });

  it('malformedRate 1 truncates successful bodies', async () => {
    const sim = await sims.start({ faults: { malformedRate: 1 } });
    const answer = await call(sim, '/servers/');
    expect(answer.status).toBe(200);
    expect(answer.json).toBeUndefined();
    expect(answer.text.length).toBeGreaterThan(0);
  });

  it('hangRate 1 holds every request', async () => {
    const sim = await sims.start();
    sim.setFaultFlags({ hangRate: 1 });
    const outcome = await fetch(`${sim.baseUrl}/servers/`, { signal: AbortSignal.timeout(150) }).then(
      () => 'answered',
      () => 'timed out',
    );
    expect(outcome).toBe('timed out');
  });

  it('latencyMs delays every answer received while it is set', async () => {
    const sim = await sims.start({ faults: { latencyMs: 800 } });
    const order: string[] = [];
    const delayed = call(sim, '/servers/12345/').then(() => order.push('delayed'));
    await vi.waitFor(() => expect(sim.requests).toHaveLength(1)); // the first request arrived under the flag
    sim.setFaultFlags({});
    await call(sim, '/servers/12346/').then(() => order.push('prompt'));
    await delayed;
    expect(order).toEqual(['prompt', 'delayed']);
  });

  it('a rate between 0 and 1 fails some requests, the same ones for the same seed', async () => {
    const first = await twentyStatuses(3);
    expect(new Set(first)).toEqual(new Set([200, 503]));
    expect(await twentyStatuses(3)).toEqual(first);
  });

  it('queued faults apply before the flags', async () => {
    const sim = await sims.start({ faults: { errorRate: 1 } });
    sim.injectFault({ type: 'status', status: 418 }, { times: 1 });
    expect((await call(sim, '/servers/')).status).toBe(418);
    expect((await call(sim, '/servers/')).status).toBe(503);
  });
});

describe('close', () => {
  it('is idempotent and frees the port', async () => {
    const sim = await sims.start();
    await call(sim, '/servers/');
    await Promise.all([sim.close(), sim.close()]);
    await expect(fetch(`${sim.baseUrl}/servers/`)).rejects.toThrow(TypeError);
  });

  it('ends a request that is waiting out a latency', async () => {
    const sim = await sims.start();
    sim.injectFault({ type: 'latency', ms: 60_000 });
    const pending = fetch(`${sim.baseUrl}/servers/`).then(
      () => 'answered',
      () => 'connection ended',
    );
    await vi.waitFor(() => expect(sim.requests).toHaveLength(1));
    await sim.close();
    expect(await pending).toBe('connection ended');
  });
});

/** A server as the list shows it. */
async function listed(sim: Simulator, id: number): Promise<unknown> {
  const answer = await call(sim, '/servers/');
  const results = field(answer.json, 'results');
  if (!Array.isArray(results)) throw new Error('no results');
  return results.find((entry) => field(entry, 'id') === id) as unknown;
}

describe('status lag (an eventually consistent list)', () => {
  it('the list shows the status and updated_at from before a power action until the lag is over', async () => {
    const clock = manualClock();
    const sim = await sims.start({ now: clock.now, speed: 60, faults: { statusLagMs: 20_000 } });
    const before = await listed(sim, 12345);
    const count = async (status: string) => field((await call(sim, `/servers/?status=${status}`)).json, 'count');
    const [active, stopped] = [await count('active'), await count('stopped')];
    expect((await call(sim, '/servers/12345/stop/', { method: 'POST' })).status).toBe(200);
    // The action's answer and the detail are current; the list lags.
    expect(field(sim.getServer(12345), 'status')).toBe('stopping');
    expect(await listed(sim, 12345)).toEqual(before);
    expect(await count('active')).toBe(active);
    clock.advance(19_999);
    expect(await listed(sim, 12345)).toMatchObject({ status: 'active', updated_at: field(before, 'updated_at') });
    clock.advance(1);
    expect(await listed(sim, 12345)).toMatchObject({ status: 'stopped', updated_at: '2025-06-01T12:00:00Z' });
    expect(await count('stopped')).toBe(Number(stopped) + 1);
  });

  it('is off by default and can be switched on at run time', async () => {
    const clock = manualClock();
    const sim = await sims.start({ now: clock.now, servers: 2 });
    await call(sim, '/servers/12345/reboot/', { method: 'POST' });
    expect(await listed(sim, 12345)).toMatchObject({ status: 'rebooting' });
    sim.setFaultFlags({ statusLagMs: 5_000 });
    await call(sim, '/servers/12346/stop/', { method: 'POST' });
    expect(await listed(sim, 12346)).toMatchObject({ status: 'active' });
    clock.advance(5_000);
    expect(await listed(sim, 12346)).toMatchObject({ status: 'stopping' });
  });
});

describe('token revocation after a delay', () => {
  it('answers 401 once revokeAfterMs has passed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const sim = await sims.start({ revokeAfterMs: 5_000 });
      expect((await call(sim, '/servers/')).status).toBe(200);
      vi.advanceTimersByTime(4_999);
      expect((await call(sim, '/servers/')).status).toBe(200);
      vi.advanceTimersByTime(1);
      const revoked = await call(sim, '/servers/');
      expect(revoked.status).toBe(401);
      expect(field(revoked.json, 'detail')).toBe('Invalid or missing API token.');
    } finally {
      vi.useRealTimers();
    }
  });
});
