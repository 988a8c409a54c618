// Routing, auth, validation and the answers of every endpoint, over real HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { call, CONTRACT_WEB_SERVER, field, manualClock, simulators, VALID_CREATE } from './helpers';

const sims = simulators();
afterEach(() => sims.closeAll());

describe('auth', () => {
  it('answers 401 with a clear detail when the token is missing or wrong', async () => {
    const sim = await sims.start({ token: 'right' });
    for (const token of [null, 'wrong', 'right-but-longer']) {
      const answer = await call(sim, '/servers/', { token });
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ detail: 'Invalid or missing API token.' });
      expect(answer.headers.get('www-authenticate')).toContain('Bearer');
    }
    expect((await call(sim, '/servers/')).status).toBe(200);
  });

  it('rejects a non-Bearer scheme', async () => {
    const sim = await sims.start({ token: 'abc' });
    const response = await fetch(`${sim.baseUrl}/servers/`, { headers: { Authorization: 'Token abc' } });
    expect(response.status).toBe(401);
  });

  it('answers 401 for everything once the token is revoked, and changes nothing', async () => {
    const sim = await sims.start();
    sim.revokeToken();
    expect((await call(sim, '/servers/')).status).toBe(401);
    expect((await call(sim, '/servers/12345/')).status).toBe(401);
    expect((await call(sim, '/servers/12345/stop/', { method: 'POST' })).status).toBe(401);
    expect((await call(sim, '/servers/12345/', { method: 'DELETE' })).status).toBe(401);
    expect(field(sim.getServer(12345), 'status')).toBe('active');
  });

  it('generates a random token by default', async () => {
    const a = await sims.start();
    const b = await sims.start();
    expect(a.token).toMatch(/^[0-9a-f]{32,}$/);
    expect(a.token).not.toBe(b.token);
  });

  it('records whether each request was authorized', async () => {
    const sim = await sims.start();
    await call(sim, '/servers/?status=active');
    await call(sim, '/servers/', { token: 'nope' });
    expect(sim.requests.map((r) => [r.method, r.path, r.query, r.authorized])).toEqual([
      ['GET', '/api/v1/servers/', { status: 'active' }, true],
      ['GET', '/api/v1/servers/', {}, false],
    ]);
    sim.clearRequests();
    expect(sim.requests).toEqual([]);
  });
});

describe('routing', () => {
  it('has a base URL without a trailing slash', async () => {
    const sim = await sims.start();
    expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
  });

  it('answers 404 JSON for unknown routes, non-integer ids and paths without the trailing slash', async () => {
    const sim = await sims.start();
    for (const path of ['/nothing/', '/servers/abc/', '/servers/12.5/', '/servers/12345/restart/', '/servers/-1/']) {
      const answer = await call(sim, path);
      expect({ path, status: answer.status, body: answer.json }).toEqual({
        path,
        status: 404,
        body: { detail: 'Not found.' },
      });
    }
    const noSlash = await call(sim, '/servers/12345');
    expect(noSlash.status).toBe(404);
    expect(field(noSlash.json, 'detail')).toContain('end with a slash');
  });

  it('answers 404 "Server not found." for an unknown id on every item route', async () => {
    const sim = await sims.start();
    const attempts = [
      { method: 'GET' },
      { method: 'PUT', body: { name: 'x1', hostname: 'x1.example.com', backups_enabled: true } },
      { method: 'PATCH', body: { name: 'x1' } },
      { method: 'DELETE' },
    ];
    for (const attempt of attempts) {
      const answer = await call(sim, '/servers/999999/', attempt);
      expect({ method: attempt.method, status: answer.status, body: answer.json }).toEqual({
        method: attempt.method,
        status: 404,
        body: { detail: 'Server not found.' },
      });
    }
    for (const action of ['start', 'stop', 'reboot']) {
      const answer = await call(sim, `/servers/999999/${action}/`, { method: 'POST' });
      expect(answer.json).toEqual({ detail: 'Server not found.' });
    }
  });

  it('answers 405 with an Allow header for a wrong method', async () => {
    const sim = await sims.start();
    const cases: Array<[string, string, string]> = [
      ['/servers/', 'DELETE', 'GET, POST'],
      ['/servers/12345/', 'POST', 'GET, PUT, PATCH, DELETE'],
      ['/servers/12345/start/', 'GET', 'POST'],
    ];
    for (const [path, method, allow] of cases) {
      const answer = await call(sim, path, { method });
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe(allow);
      expect(field(answer.json, 'detail')).toBe(`Method "${method}" not allowed.`);
    }
  });
});

describe('detail', () => {
  it('returns the contract example server field for field', async () => {
    const sim = await sims.start();
    const answer = await call(sim, '/servers/12345/');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(answer.json).toMatchObject({
      ...CONTRACT_WEB_SERVER,
      plan: { ...CONTRACT_WEB_SERVER.plan, bandwidth: 2048 },
      ipv6_address: '2001:0db8::1',
      backups_enabled: true,
    });
    expect(Object.keys(field(answer.json, 'resource_usage') as object).toSorted()).toEqual([
      'bandwidth_used',
      'cpu_percent',
      'disk_used',
      'memory_used',
    ]);
  });

  it('getServer gives a copy that does not change the state', async () => {
    const sim = await sims.start();
    const copy = sim.getServer(12345) as { name: string };
    copy.name = 'changed';
    expect(field(sim.getServer(12345), 'name')).toBe('web-server-01');
    expect(sim.getServer(1)).toBeUndefined();
  });
});

describe('create', () => {
  it('answers 201 with a provisioning server and the message, and the server appears in the list', async () => {
    const clock = manualClock();
    const sim = await sims.start({ now: clock.now, servers: 3 });
    const answer = await call(sim, '/servers/', {
      method: 'POST',
      body: { ...VALID_CREATE, hostname: 'new01.example.com', ssh_key_id: 7, backups_enabled: true },
    });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      name: 'new-01',
      hostname: 'new01.example.com',
      status: 'provisioning',
      ip_address: null,
      ipv6_address: null,
      resource_usage: null,
      backups_enabled: true,
      location: 'eu-central',
      plan: { id: 1, name: 'Standard VPS' },
      os: { id: 5, name: 'Ubuntu 22.04 LTS' },
      created_at: '2025-06-01T12:00:00Z',
      updated_at: '2025-06-01T12:00:00Z',
      message: 'Server is being provisioned. This may take 2-5 minutes.',
    });
    const id = field(answer.json, 'id') as number;
    expect(sim.listServerIds()).toEqual([12345, 12346, 12347, id]);
    expect(id).toBeGreaterThan(12347);
    const list = await call(sim, '/servers/');
    expect(field(list.json, 'count')).toBe(4);
  });

  it('defaults hostname to null and backups to false', async () => {
    const sim = await sims.start();
    const answer = await call(sim, '/servers/', { method: 'POST', body: VALID_CREATE });
    expect(answer.json).toMatchObject({ hostname: null, backups_enabled: false });
  });

  it('answers 400 with per-field lists, one field at a time', async () => {
    const sim = await sims.start();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: undefined }, 'name'],
      [{ name: 'bad name!' }, 'name'],
      [{ name: 42 }, 'name'],
      [{ plan_id: '1' }, 'plan_id'],
      [{ plan_id: 1.5 }, 'plan_id'],
      [{ plan_id: 0 }, 'plan_id'],
      [{ plan_id: 99 }, 'plan_id'],
      [{ os_id: undefined }, 'os_id'],
      [{ os_id: 99 }, 'os_id'],
      [{ location: '' }, 'location'],
      [{ location: 'mars-north' }, 'location'],
      [{ hostname: 'not a host' }, 'hostname'],
      [{ ssh_key_id: -3 }, 'ssh_key_id'],
      [{ backups_enabled: 'yes' }, 'backups_enabled'],
    ];
    for (const [change, fieldName] of cases) {
      const answer = await call(sim, '/servers/', { method: 'POST', body: { ...VALID_CREATE, ...change } });
      expect({ change, status: answer.status, fields: Object.keys(answer.json as object) }).toEqual({
        change,
        status: 400,
        fields: [fieldName],
      });
      const messages = field(answer.json, fieldName);
      expect(Array.isArray(messages) && messages.every((m) => typeof m === 'string' && m.length > 0)).toBe(true);
    }
    expect(sim.listServerIds()).toHaveLength(25);
  });

  it('reports several invalid fields at once', async () => {
    const sim = await sims.start();
    const answer = await call(sim, '/servers/', { method: 'POST', body: { name: '-x' } });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.json as object).toSorted()).toEqual(['location', 'name', 'os_id', 'plan_id']);
    expect(field(answer.json, 'plan_id')).toEqual(['This field is required.']);
  });

  it('answers 400 "Malformed JSON" for a body that is not JSON, and non_field_errors for a non-object', async () => {
    const sim = await sims.start();
    const malformed = await call(sim, '/servers/', { method: 'POST', rawBody: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(field(malformed.json, 'detail')).toMatch(/^Malformed JSON: /);
    const array = await call(sim, '/servers/', { method: 'POST', body: [1, 2] });
    expect(array.status).toBe(400);
    expect(Object.keys(array.json as object)).toEqual(['non_field_errors']);
    const empty = await call(sim, '/servers/', { method: 'POST' });
    expect(empty.status).toBe(400);
  });

  it('answers 402 once the credits are used up, and setCredits refills them', async () => {
    const sim = await sims.start({ credits: 1 });
    expect((await call(sim, '/servers/', { method: 'POST', body: VALID_CREATE })).status).toBe(201);
    const refused = await call(sim, '/servers/', { method: 'POST', body: { ...VALID_CREATE, name: 'new-02' } });
    expect(refused.status).toBe(402);
    expect(field(refused.json, 'detail')).toMatch(/^Insufficient credits: /);
    expect(sim.listServerIds()).toHaveLength(26);
    sim.setCredits(1);
    expect((await call(sim, '/servers/', { method: 'POST', body: { ...VALID_CREATE, name: 'new-02' } })).status).toBe(
      201,
    );
  });

  it('validates before it checks credits', async () => {
    const sim = await sims.start({ credits: 0 });
    expect((await call(sim, '/servers/', { method: 'POST', body: { name: 'x' } })).status).toBe(400);
  });
});

describe('update', () => {
  it('PUT replaces the three fields and answers the detail with a new updated_at', async () => {
    const clock = manualClock();
    const sim = await sims.start({ now: clock.now });
    const answer = await call(sim, '/servers/12345/', {
      method: 'PUT',
      body: { name: 'web-renamed', hostname: 'renamed.example.com', backups_enabled: false },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      id: 12345,
      name: 'web-renamed',
      hostname: 'renamed.example.com',
      backups_enabled: false,
      created_at: '2025-01-10T14:30:00Z',
      updated_at: '2025-06-01T12:00:00Z',
      plan: { bandwidth: 2048 },
    });
    expect(field(sim.getServer(12345), 'name')).toBe('web-renamed');
  });

  it('PUT requires all three fields', async () => {
    const sim = await sims.start();
    const answer = await call(sim, '/servers/12345/', { method: 'PUT', body: { name: 'only-name' } });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.json as object).toSorted()).toEqual(['backups_enabled', 'hostname']);
    expect(field(sim.getServer(12345), 'name')).toBe('web-server-01');
  });

  it('PATCH changes only the given fields', async () => {
    const sim = await sims.start();
    const answer = await call(sim, '/servers/12345/', { method: 'PATCH', body: { name: 'new-server-name' } });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      name: 'new-server-name',
      hostname: 'web01.example.com',
      backups_enabled: true,
    });
  });

  it('PATCH answers 400 for no known field, a wrong type or malformed JSON', async () => {
    const sim = await sims.start();
    const none = await call(sim, '/servers/12345/', { method: 'PATCH', body: { colour: 'red' } });
    expect(none.status).toBe(400);
    expect(Object.keys(none.json as object)).toEqual(['non_field_errors']);
    const wrongType = await call(sim, '/servers/12345/', { method: 'PATCH', body: { backups_enabled: 'true' } });
    expect(wrongType.status).toBe(400);
    expect(field(wrongType.json, 'backups_enabled')).toEqual(['Must be true or false.']);
    const badHost = await call(sim, '/servers/12345/', { method: 'PATCH', body: { hostname: 'localhost' } });
    expect(Object.keys(badHost.json as object)).toEqual(['hostname']);
    const malformed = await call(sim, '/servers/12345/', { method: 'PATCH', rawBody: 'name=x' });
    expect(malformed.status).toBe(400);
    expect(field(malformed.json, 'detail')).toMatch(/^Malformed JSON/);
  });
});

describe('delete', () => {
  it('answers 204 with an empty body, then 404', async () => {
    const sim = await sims.start();
    const answer = await call(sim, '/servers/12346/', { method: 'DELETE' });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expect(sim.listServerIds()).not.toContain(12346);
    expect((await call(sim, '/servers/12346/')).status).toBe(404);
    expect((await call(sim, '/servers/12346/', { method: 'DELETE' })).status).toBe(404);
  });

  it('deletes a server in any state, including during provisioning', async () => {
    const sim = await sims.start();
    const created = await call(sim, '/servers/', { method: 'POST', body: VALID_CREATE });
    const id = field(created.json, 'id') as number;
    expect((await call(sim, `/servers/${id}/`, { method: 'DELETE' })).status).toBe(204);
  });
});
