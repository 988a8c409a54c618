// Tolerant reading (issue 8): the client against answers that differ from VPS.org's examples in ways a
// real API plausibly does, from a scripted stub and from the simulator's answer shapes. A server needs
// only its id and status; one unreadable entry is skipped and counted, never hiding the others; a 2xx to
// a write is an acceptance whatever its body; only an answer about another server is flagged.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVpsClient, type VpsClient, type VpsClientOptions } from '../../main/api/client';
import { apiFailure } from './api-failure';
import type { LogLevel } from '../../main/app-log';
import { startSimulator, type Simulator } from '../../main/simulator/simulator';
import type { AnswerShapes } from '../../main/simulator/shapes';
import { oddKindOf, type OddKind } from '../../main/simulator/shapes';
import { detailServer, listServer, powerReply, startStubServer, type StubServer } from './stub-server';

const TOKEN = 'tok_live_tolerant-9f8e7d';

let stub: StubServer;
let logged: Array<[LogLevel, string]>;

beforeEach(async () => {
  stub = await startStubServer();
  logged = [];
});
afterEach(async () => {
  await stub.close();
});

function client(overrides: Partial<VpsClientOptions> = {}, baseUrl = stub.baseUrl): VpsClient {
  return createVpsClient({
    baseUrl,
    token: TOKEN,
    timeoutMs: 2_000,
    sleep: async () => undefined,
    log: (level, message) => logged.push([level, message]),
    ...overrides,
  });
}

/** The rejection of `promise`: a VpsApiError without the token anywhere in it. */
const failure = (promise: Promise<unknown>) => apiFailure(promise, TOKEN);

const page = (results: unknown[], extra: Record<string, unknown> = {}) => ({
  count: results.length,
  next: null,
  previous: null,
  results,
  ...extra,
});

/** The entries of issue 8, each odd in one way, and what the app reads from each. */
function without(key: string, source = listServer(0)): Record<string, unknown> {
  const copy = { ...source };
  delete copy[key];
  return copy;
}
const ODD_ENTRIES: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
  ['"plan": null', listServer(1, { plan: null }), { plan: null }],
  ['"os": null', listServer(2, { os: null }), { os: null }],
  ['no hostname', { ...without('hostname'), id: 3 }, { hostname: null }],
  ['no ip_address (provisioning)', { ...without('ip_address'), id: 4, status: 'provisioning' }, { ip_address: null }],
  ['no created_at', { ...without('created_at'), id: 5 }, { created_at: null, updated_at: '2025-01-15T10:20:00Z' }],
  [
    'memory as a string',
    listServer(6, { plan: { id: 1, name: 'Standard VPS', vcpus: '2', memory: '4096', storage: 80 } }),
    { plan: { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80, bandwidth: null } },
  ],
  ['an unknown status', listServer(7, { status: 'migrating' }), { status: 'migrating' }],
  ['unknown extra fields', listServer(8, { tags: ['a'], project: { id: 1 } }), { tags: ['a'], project: { id: 1 } }],
  ['the id as a string', listServer(9, { id: '9' }), { id: 9 }],
  [
    'nonsense where values were expected',
    listServer(10, { location: 42, hostname: '', updated_at: 'yesterday', os: 'Debian', plan: [1] }),
    { location: null, hostname: null, updated_at: null, os: null, plan: null },
  ],
  ['no name', { ...without('name'), id: 11 }, { name: '#11' }],
];

describe('a list with odd entries', () => {
  it.each(ODD_ENTRIES)('reads an entry with %s, next to an ordinary one', async (_what, entry, read) => {
    stub.setHandler(() => ({ status: 200, json: page([listServer(100), entry]) }));
    const list = await client().listServers();
    expect(list.skipped).toBe(0);
    expect(list.results.map((server) => server.id)).toEqual([100, Number(entry.id)]);
    expect(list.results[1]).toMatchObject(read);
    expect(list.results[0]).toEqual(listServer(100));
  });

  it('reads all of them at once, skips the one without a usable id, counts it and logs it once', async () => {
    const entries = [...ODD_ENTRIES.map(([, entry]) => entry), { ...without('id'), name: 'ghost' }];
    stub.setHandler(() => ({ status: 200, json: page(entries) }));
    const c = client();
    const list = await c.listServers();
    expect(list.results.map((server) => server.id)).toEqual(ODD_ENTRIES.map(([, entry]) => Number(entry.id)));
    expect(list.skipped).toBe(1);
    expect(list.count).toBe(entries.length);
    // The same odd entry with every poll: logged once, not once a poll.
    await c.listServers();
    expect(logged).toEqual([
      [
        'warn',
        `Skipped an entry of VPS.org's server list that cannot be read: "results[${entries.length - 1}].id" is missing.`,
      ],
    ]);
  });

  it.each([
    ['no id', { name: 'x', status: 'active' }, '"results[1].id" is missing'],
    ['an id of zero', listServer(0), '"results[1].id" has the wrong type'],
    ['a fractional id', listServer(1.5), '"results[1].id" has the wrong type'],
    [
      'no status',
      without('status', listServer(5)),
      'the entry of server 5 of VPS.org\'s server list that cannot be read: "results[1].status" is missing',
    ],
    ['an empty status', listServer(5, { status: ' ' }), '"results[1].status" is empty'],
    ['a numeric status', listServer(5, { status: 3 }), '"results[1].status" has the wrong type'],
    ['a string entry', 'server', '"results[1]" is not an object'],
    ['a null entry', null, '"results[1]" is not an object'],
  ])('skips an entry with %s and counts it, the others shown', async (_what, entry, problem) => {
    stub.setHandler(() => ({ status: 200, json: page([listServer(1), entry, listServer(2)]) }));
    const list = await client().listServers();
    expect(list.results.map((server) => server.id)).toEqual([1, 2]);
    expect(list.skipped).toBe(1);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.[1]).toContain(problem);
  });

  it('counts skipped entries across pages and never logs the token', async () => {
    stub.setHandler((req, origin) =>
      req.url.includes('page=2')
        ? { status: 200, json: page([{ id: TOKEN, status: TOKEN }, listServer(3)]) }
        : { status: 200, json: page([listServer(1), { [TOKEN]: 1 }], { next: `${origin}/api/v1/servers/?page=2` }) },
    );
    const list = await client().listServers();
    expect(list.results.map((server) => server.id)).toEqual([1, 3]);
    expect(list.skipped).toBe(2);
    expect(logged).toHaveLength(2);
    expect(logged[1]?.[1]).toContain('(page 2)');
    expect(JSON.stringify(logged)).not.toContain(TOKEN);
  });

  it('keeps an unknown field named __proto__ out of the prototype', async () => {
    stub.setHandler(() => ({
      status: 200,
      text: `{"count":1,"results":[${JSON.stringify(listServer(1)).slice(0, -1)},"__proto__":{"polluted":true}}]}`,
    }));
    const list = await client().listServers();
    expect(Object.getPrototypeOf(list.results[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('list envelopes', () => {
  it.each([
    ['a bare array', [listServer(1), listServer(2)], 2],
    ['{results} without count', { results: [listServer(1), listServer(2)] }, 2],
    ['{count: null, results}', { count: null, results: [listServer(1), listServer(2)] }, 2],
    ['a count as a string', { count: '40', next: null, results: [listServer(1), listServer(2)] }, 40],
  ])('reads %s', async (_what, body, count) => {
    stub.setHandler(() => ({ status: 200, json: body }));
    const list = await client().listServers();
    expect(list).toEqual({ count, results: [listServer(1), listServer(2)], skipped: 0 });
  });

  it('follows next without count, and counts what it saw', async () => {
    stub.setHandler((req, origin) =>
      req.url.includes('page=2')
        ? { status: 200, json: { next: null, results: [listServer(2), 'junk'] } }
        : { status: 200, json: { next: `${origin}/api/v1/servers/?page=2`, results: [listServer(1)] } },
    );
    expect(await client().listServers()).toMatchObject({ count: 3, skipped: 1 });
  });

  it.each([
    ['an object without results', { servers: [] }, '"results" is missing'],
    ['results that are not a list', { count: 1, results: { id: 1 } }, '"results" has the wrong type'],
    ['a string', 'servers', 'neither a list of servers nor an object'],
  ])('refuses %s, naming what is wrong', async (_what, body, problem) => {
    stub.setHandler(() => ({ status: 200, json: body }));
    const error = await failure(client().listServers());
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain(problem);
  });
});

describe('the detail', () => {
  it('reads the list shape of a server as its detail, the detail-only fields unknown', async () => {
    stub.setHandler(() => ({ status: 200, json: listServer(7, { plan: null }) }));
    expect(await client().getServer(7)).toEqual({
      ...listServer(7, { plan: null }),
      ipv6_address: null,
      backups_enabled: null,
      resource_usage: null,
    });
  });

  it('reads usage numbers sent as strings and drops nonsense ones', async () => {
    const usage = { cpu_percent: '12.5', memory_used: 'lots', disk_used: -3, bandwidth_used: 7 };
    stub.setHandler(() => ({ status: 200, json: detailServer(7, { resource_usage: usage }) }));
    expect((await client().getServer(7)).resource_usage).toEqual({
      cpu_percent: 12.5,
      memory_used: null,
      disk_used: null,
      bandwidth_used: 7,
    });
  });

  it('refuses a detail of another server than the one asked for', async () => {
    stub.setHandler(() => ({ status: 200, json: detailServer(8) }));
    const error = await failure(client().getServer(7));
    expect(error.kind).toBe('invalid-response');
    expect(error.outcomeUnknown).toBe(false);
    expect(error.message).toContain('describes server 8, not server 7');
  });
});

describe('terse answers to writes are acceptances', () => {
  it.each([
    [
      '{"status": "success"}',
      { status: 200, json: { status: 'success' } },
      { status: 'success', message: null, server: null },
    ],
    ['{}', { status: 200, json: {} }, { status: null, message: null, server: null }],
    ['202 without a body', { status: 202 }, { status: null, message: null, server: null }],
    [
      'a bare message',
      { status: 200, json: { message: 'Rebooting.' } },
      { status: null, message: 'Rebooting.', server: null },
    ],
    ['the example', { status: 200, json: powerReply(3, 'rebooting') }, powerReply(3, 'rebooting')],
  ])('a reboot answered with %s', async (_what, reply, read) => {
    stub.setHandler(() => reply);
    expect(await client().powerAction(3, 'reboot')).toEqual(read);
    expect(stub.requests.map((req) => req.method)).toEqual(['POST']);
  });

  it.each([
    ['the list’s shape of the server', { status: 200, json: listServer(3, { name: 'renamed' }) }],
    ['only a message', { status: 200, json: { message: 'Server updated.' } }],
    ['204 without a body', { status: 204 }],
  ])('a PUT answered with %s reads the server back once', async (_what, reply) => {
    stub.setHandler((req) =>
      req.method === 'GET' ? { status: 200, json: detailServer(3, { name: 'renamed' }) } : reply,
    );
    const detail = await client().replaceServer(3, {
      name: 'renamed',
      hostname: 'web3.example.com',
      backups_enabled: true,
    });
    expect(detail).toEqual(detailServer(3, { name: 'renamed' }));
    expect(stub.requests.map((req) => `${req.method} ${req.url}`)).toEqual([
      'PUT /api/v1/servers/3/',
      'GET /api/v1/servers/3/',
    ]);
  });

  it('a PATCH answered with the list’s shape keeps it when the read-back fails', async () => {
    stub.setHandler((req) =>
      req.method === 'GET' ? { status: 503, text: 'busy' } : { status: 200, json: listServer(3, { name: 'patched' }) },
    );
    const detail = await client({ retry: { limit: 0 } }).updateServer(3, { name: 'patched' });
    expect(detail).toMatchObject({ id: 3, name: 'patched', backups_enabled: null, resource_usage: null });
    expect(stub.requests.filter((req) => req.method === 'PATCH')).toHaveLength(1);
  });

  it('a PATCH whose server is gone by the read-back is not-found (the fleet removes it)', async () => {
    stub.setHandler((req) =>
      req.method === 'GET' ? { status: 404, json: { detail: 'Not found.' } } : { status: 204 },
    );
    const error = await failure(client().updateServer(3, { name: 'patched' }));
    expect(error.kind).toBe('not-found');
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toContain('VPS.org accepted the update request');
  });

  it.each([
    [
      'the id and status only',
      { status: 201, json: { id: 9, status: 'provisioning' } },
      expect.objectContaining({ id: 9, name: '#9', message: null }),
      0,
    ],
    [
      'the id and a message',
      { status: 201, json: { id: 9, message: 'On its way.' } },
      expect.objectContaining({ id: 9, name: 'web-9', message: 'On its way.' }),
      1,
    ],
    ['only a message', { status: 201, json: { message: 'On its way.' } }, null, 0],
    ['202 without a body', { status: 202 }, null, 0],
  ])('a create answered with %s', async (_what, reply, read, readBacks) => {
    stub.setHandler((req) =>
      req.method === 'GET' ? { status: 200, json: detailServer(9, { name: 'web-9' }) } : reply,
    );
    const created = await client().createServer({ name: 'web-9', plan_id: 1, os_id: 5, location: 'us-west' });
    expect(created).toEqual(read);
    expect(stub.requests.filter((req) => req.method === 'POST')).toHaveLength(1);
    expect(stub.requests.filter((req) => req.method === 'GET')).toHaveLength(readBacks);
  });

  it('a create whose read-back fails still resolves (a failure would invite a second create)', async () => {
    stub.setHandler((req) => (req.method === 'GET' ? { destroy: true } : { status: 201, json: { id: 9 } }));
    expect(
      await client({ retry: { limit: 0 } }).createServer({ name: 'web-9', plan_id: 1, os_id: 5, location: 'us-west' }),
    ).toBeNull();
    expect(stub.requests.filter((req) => req.method === 'POST')).toHaveLength(1);
  });

  it('a DELETE answered with 200 and anything resolves', async () => {
    stub.setHandler(() => ({ status: 200, text: '<html>Deleted</html>' }));
    await expect(client().deleteServer(3)).resolves.toBeUndefined();
  });
});

describe('answers that contradict the request are flagged', () => {
  const writes: Array<[string, (c: VpsClient) => Promise<unknown>, unknown]> = [
    ['a reboot answered about server 4', (c) => c.powerAction(3, 'reboot'), powerReply(4, 'rebooting')],
    ['a stop answered with id 4', (c) => c.powerAction(3, 'stop'), { id: 4, status: 'stopping' }],
    [
      'a PUT answered with the detail of server 4',
      (c) => c.replaceServer(3, { name: 'a1', hostname: 'a1.example.com', backups_enabled: false }),
      detailServer(4),
    ],
    ['a PATCH answered with server 4', (c) => c.updateServer(3, { name: 'a1' }), listServer(4)],
    ['a DELETE answered with id 4', (c) => c.deleteServer(3), { id: 4 }],
  ];

  it.each(writes)('%s: invalid-response, outcome unknown, sent once', async (_what, call, body) => {
    stub.setHandler(() => ({ status: 200, json: body }));
    const error = await failure(call(client()));
    expect(error.kind).toBe('invalid-response');
    expect(error.outcomeUnknown).toBe(true);
    // No HTTP status: the 2xx does not show that server 3's request was accepted.
    expect(error.status).toBeUndefined();
    expect(error.message).toContain('for server 3 with an answer about server 4');
    expect(stub.requests).toHaveLength(1);
  });
});

/** What the app reads from a server of each odd kind. */
const READ_AS: Record<OddKind, Record<string, unknown>> = {
  'as-documented': { plan: expect.objectContaining({ id: expect.any(Number) }) },
  'plan-null': { plan: null },
  'os-null': { os: null },
  'no-hostname': { hostname: null },
  'no-addresses': { ip_address: null },
  'no-dates': { created_at: null, updated_at: null },
  'numbers-as-strings': { plan: expect.objectContaining({ memory: expect.any(Number), vcpus: expect.any(Number) }) },
  'extra-fields': { location: null, tags: ['odd', 'simulated'] },
};

describe('against the simulator’s answer shapes', () => {
  let sim: Simulator;
  const start = async (shapes: AnswerShapes) => {
    sim = await startSimulator({ port: 0, token: TOKEN, servers: 25, pageSize: 10, seed: 42, shapes });
    return createVpsClient({
      baseUrl: sim.baseUrl,
      token: TOKEN,
      timeoutMs: 2_000,
      log: (level, message) => logged.push([level, message]),
    });
  };
  afterEach(async () => {
    await sim?.close();
  });

  it.each(['paginated', 'count-less', 'bare-array'] as const)(
    'lists every server of odd shapes in a %s list, skipping and counting the unreadable entries',
    async (listEnvelope) => {
      const c = await start({ listEnvelope, oddServers: true, unreadableEntries: 3 });
      const list = await c.listServers();
      expect(list.results.map((server) => server.id).toSorted()).toEqual(sim.listServerIds().toSorted());
      expect(list.skipped).toBe(3);
      expect(list.count).toBe(listEnvelope === 'paginated' ? 25 : 28);
      expect(logged).toHaveLength(3);
      for (const server of list.results) expect(server).toMatchObject(READ_AS[oddKindOf(server.id)]);
    },
  );

  it('reads the detail of every odd server', async () => {
    const c = await start({ oddServers: true });
    for (const id of sim.listServerIds()) {
      const detail = await c.getServer(id);
      expect(detail).toMatchObject({ id, ...READ_AS[oddKindOf(id)] });
      // Usage numbers sent as strings are numbers again (null only while provisioning).
      expect([null, 'number']).toContain(detail.resource_usage && typeof detail.resource_usage.memory_used);
    }
  });

  it.each(['documented', 'terse', 'message-only', 'empty'] as const)(
    'every write answered %s is accepted and sent once',
    async (writeAnswers) => {
      const c = await start({ writeAnswers });
      const active = (await c.listServers({ status: 'active' })).results.map((server) => server.id);
      const stopped = (await c.listServers({ status: 'stopped' })).results[0]!.id;
      sim.clearRequests();
      const created = await c.createServer({ name: 'new-1', plan_id: 1, os_id: 5, location: 'us-west' });
      const replaced = await c.replaceServer(active[0]!, {
        name: 'put-1',
        hostname: 'put1.example.com',
        backups_enabled: true,
      });
      const updated = await c.updateServer(active[0]!, { name: 'patch-1' });
      await c.powerAction(active[0]!, 'reboot');
      await c.powerAction(active[1]!, 'stop');
      await c.powerAction(stopped, 'start');
      await c.deleteServer(active[2]!);
      expect(created === null).toBe(writeAnswers === 'message-only' || writeAnswers === 'empty');
      expect(replaced).toMatchObject({ id: active[0], name: 'put-1', backups_enabled: true });
      expect(updated).toMatchObject({ id: active[0], name: 'patch-1' });
      const writes = sim.requests.filter((req) => req.method !== 'GET').map((req) => `${req.method} ${req.path}`);
      expect(writes).toHaveLength(7);
      expect(new Set(writes).size).toBe(7);
      expect(sim.getServer(active[0]!)).toMatchObject({ name: 'patch-1', status: 'rebooting' });
      expect(sim.getServer(active[2]!)).toBeUndefined();
    },
  );
});

describe('openapi/vps-org.openapi.json', () => {
  it('says that the app relies only on a server’s id and status', () => {
    const doc = JSON.parse(readFileSync(new URL('../../openapi/vps-org.openapi.json', import.meta.url), 'utf8')) as {
      info: { description: string };
    };
    expect(doc.info.description).toContain('What the app relies on');
    expect(doc.info.description).toMatch(/only `id`.*and `status`/);
    expect(doc.info.description).toContain('optional to the app');
  });
});
