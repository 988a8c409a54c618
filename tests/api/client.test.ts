// The API client against a scripted HTTP server: pagination, validation, error mapping, retries,
// timeouts, cancellation, input checks and headers, each counted at the server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVpsClient, type VpsClient, type VpsClientOptions } from '../../main/api/client';
import { VpsApiError } from '../../main/api/errors';
import { apiFailure, expectNoToken } from './api-failure';
import { detailServer, listServer, powerReply, startStubServer, type StubServer } from './stub-server';

const TOKEN = 'tok_live_5ecret-Abc123';

let stub: StubServer;
let sleeps: number[];

beforeEach(async () => {
  stub = await startStubServer();
  sleeps = [];
});
afterEach(async () => {
  await stub.close();
});

function client(overrides: Partial<VpsClientOptions> = {}): VpsClient {
  return createVpsClient({
    baseUrl: stub.baseUrl,
    token: TOKEN,
    timeoutMs: 2_000,
    // Recorded, not waited: retries are proven by counting requests, not by the clock.
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
}

const page = (results: unknown[], next: string | null = null, count = results.length) => ({
  count,
  next,
  previous: null,
  results,
});

describe('listServers', () => {
  it('follows next pages, concatenates results and reports the first page count', async () => {
    stub.setHandler((req, origin) => {
      if (req.url.includes('page=3')) return { status: 200, json: page([listServer(5)], null, 99) };
      if (req.url.includes('page=2'))
        return { status: 200, json: page([listServer(3), listServer(4)], `${origin}/api/v1/servers/?page=3`, 99) };
      return { status: 200, json: page([listServer(1), listServer(2)], `${origin}/api/v1/servers/?page=2`, 5) };
    });
    const list = await client().listServers();
    expect(list.count).toBe(5);
    expect(list.results.map((server) => server.id)).toEqual([1, 2, 3, 4, 5]);
    expect(stub.requests.map((req) => req.url)).toEqual([
      '/api/v1/servers/',
      '/api/v1/servers/?page=2',
      '/api/v1/servers/?page=3',
    ]);
  });

  it('reads a page again only when its bytes changed since the last unfiltered list', async () => {
    let secondPageStatus = 'active';
    stub.setHandler((req, origin) =>
      req.url.includes('page=2')
        ? { status: 200, json: page([listServer(2, { status: secondPageStatus })]) }
        : { status: 200, json: page([listServer(1)], `${origin}/api/v1/servers/?page=2`) },
    );
    const c = client();
    const first = await c.listServers();
    const same = await c.listServers();
    // Every page is still asked for; an unchanged one gives back the servers already read.
    expect(stub.requests).toHaveLength(4);
    expect(same.results[0]).toBe(first.results[0]);
    expect(same.results[1]).toBe(first.results[1]);
    secondPageStatus = 'stopped';
    const changed = await c.listServers();
    expect(changed.results[0]).toBe(first.results[0]);
    expect(changed.results[1]).toMatchObject({ id: 2, status: 'stopped' });
    // A filtered list is read afresh and leaves the remembered pages alone.
    const filtered = await c.listServers({ status: 'stopped' });
    expect(filtered.results[0]).not.toBe(changed.results[0]);
    expect((await c.listServers()).results[1]).toBe(changed.results[1]);
  });

  it('resolves a relative next link against the page it came from', async () => {
    stub.setHandler((req) =>
      req.url.includes('page=2')
        ? { status: 200, json: page([listServer(2)]) }
        : { status: 200, json: page([listServer(1)], '?page=2') },
    );
    const list = await client().listServers();
    expect(list.results.map((server) => server.id)).toEqual([1, 2]);
    expect(stub.requests[1]?.url).toBe('/api/v1/servers/?page=2');
  });

  it('puts status and location filters in the query string and omits empty ones', async () => {
    stub.setHandler(() => ({ status: 200, json: page([]) }));
    await client().listServers({ status: 'active', location: 'us-west' });
    await client().listServers({ status: '', location: '  ' });
    await client().listServers({ location: 'eu central' });
    expect(stub.requests.map((req) => req.url)).toEqual([
      '/api/v1/servers/?status=active&location=us-west',
      '/api/v1/servers/',
      '/api/v1/servers/?location=eu+central',
    ]);
  });

  it('refuses a next page on another origin and never sends the token there', async () => {
    const foreign = await startStubServer(() => ({ status: 200, json: page([]) }));
    try {
      stub.setHandler(() => ({ status: 200, json: page([listServer(1)], `${foreign.origin}/api/v1/servers/?page=2`) }));
      const error = await apiFailure(client().listServers());
      expect(error.kind).toBe('invalid-response');
      expect(error.message).toContain('another site');
      expect(foreign.requests).toHaveLength(0);
      expect(stub.requests).toHaveLength(1);
    } finally {
      await foreign.close();
    }
  });

  it('stops after maxPages pages with invalid-response', async () => {
    let n = 0;
    stub.setHandler((_req, origin) => {
      n += 1;
      return { status: 200, json: page([listServer(n)], `${origin}/api/v1/servers/?page=${n + 1}`) };
    });
    const error = await apiFailure(client({ maxPages: 3 }).listServers());
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('more than 3 pages');
    expect(stub.requests).toHaveLength(3);
  });

  it('detects a next link that loops back to a page already read', async () => {
    stub.setHandler((req, origin) =>
      req.url.includes('page=2')
        ? { status: 200, json: page([listServer(2)], `${origin}/api/v1/servers/`) }
        : { status: 200, json: page([listServer(1)], `${origin}/api/v1/servers/?page=2`) },
    );
    const error = await apiFailure(client().listServers());
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('loop');
    expect(stub.requests).toHaveLength(2);
  });
});

describe('response validation', () => {
  it('tolerates extra fields and keeps a status it has never seen', async () => {
    stub.setHandler(() => ({
      status: 200,
      json: { ...page([listServer(1, { status: 'migrating', shiny: true })]), extra: 1 },
    }));
    const list = await client().listServers();
    expect(list.results[0]?.status).toBe('migrating');
  });

  it('rejects a body that is not JSON, saying it looks like a web page', async () => {
    stub.setHandler(() => ({ status: 200, text: '<!doctype html><html><body>Welcome</body></html>' }));
    const error = await apiFailure(client().getServer(7));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('not JSON');
    expect(error.message).toContain('web page');
  });

  // Issue 8: only id and status are required now (a missing plan reads as unknown, see
  // client.tolerant.test.ts); a detail without its status is still refused, and says so.
  it('rejects a body missing required fields and names what was missing', async () => {
    const broken = detailServer(7);
    delete broken.status;
    stub.setHandler(() => ({ status: 200, json: broken }));
    const error = await apiFailure(client().getServer(7));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('"status" is missing');
  });

  it('rejects a field of the wrong type', async () => {
    stub.setHandler(() => ({ status: 200, json: detailServer(7, { id: 'seven' }) }));
    const error = await apiFailure(client().getServer(7));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('"id" has the wrong type');
  });

  // Issue 8: a write's empty 2xx is an acceptance now; a GET still needs a document.
  it('rejects an empty 200 body where a document is required', async () => {
    stub.setHandler(() => ({ status: 200, text: '' }));
    const error = await apiFailure(client().getServer(7));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('empty answer');
  });
});

describe('error mapping', () => {
  it.each([
    [401, 'unauthorized', 'VPS.org rejected the API token (401). Check the token in Settings.'],
    [402, 'payment-required', 'insufficient credits (402)'],
    [404, 'not-found', 'Server 7 does not exist on VPS.org (404)'],
    [403, 'bad-request', 'VPS.org refused to load server 7 (403).'],
    [409, 'bad-request', '(409)'],
    [500, 'server', 'VPS.org had a problem on its side (500)'],
    [503, 'server', '(503)'],
  ] as const)('maps %i to %s', async (status, kind, text) => {
    stub.setHandler(() => ({ status, json: { detail: 'Server says hi.' } }));
    const error = await apiFailure(client({ retry: { limit: 0 } }).getServer(7));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toContain(text);
    expect(error.message).toContain('VPS.org said: "Server says hi."');
  });

  it('maps 400 with detail, per-field lists and non_field_errors', async () => {
    stub.setHandler(() => ({
      status: 400,
      json: {
        detail: 'Invalid parameters.',
        name: ['Name is taken.'],
        plan_id: 'Unknown plan.',
        non_field_errors: ['Location is full.'],
      },
    }));
    const error = await apiFailure(client().createServer({ name: 'web-1', plan_id: 1, os_id: 2, location: 'us-west' }));
    expect(error.kind).toBe('bad-request');
    expect(error.status).toBe(400);
    expect(error.message).toBe(
      'VPS.org rejected the request to create the server (400): Invalid parameters. Location is full.',
    );
    expect(error.fieldErrors).toEqual({ name: ['Name is taken.'], plan_id: ['Unknown plan.'] });
  });

  it('summarizes field errors in the message when a 400 has no detail', async () => {
    stub.setHandler(() => ({ status: 400, json: { hostname: ['Not a FQDN.'] } }));
    const error = await apiFailure(
      client().replaceServer(3, { name: 'a', hostname: 'a.example.com', backups_enabled: false }),
    );
    expect(error.message).toContain('hostname: Not a FQDN.');
    expect(error.fieldErrors).toEqual({ hostname: ['Not a FQDN.'] });
  });

  it('says the start request was refused when the server is already running', async () => {
    stub.setHandler(() => ({ status: 400, json: { detail: 'Server is already running.' } }));
    const error = await apiFailure(client().powerAction(3, 'start'));
    expect(error.kind).toBe('bad-request');
    expect(error.message).toBe('VPS.org rejected the request to start server 3 (400): Server is already running.');
  });

  it('maps a 404 on the list to a hint about the API address', async () => {
    stub.setHandler(() => ({ status: 404, text: 'Not Found' }));
    const error = await apiFailure(client().listServers());
    expect(error.kind).toBe('not-found');
    expect(error.message).toContain('Check the API address in Settings');
  });

  it('reads Retry-After as seconds on a 429', async () => {
    stub.setHandler(() => ({ status: 429, json: { detail: 'Slow down.' }, headers: { 'retry-after': '30' } }));
    const error = await apiFailure(client().powerAction(3, 'start'));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.message).toContain('Try again in 30 s.');
  });

  it('reads Retry-After as an HTTP date on a 429', async () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    stub.setHandler(() => ({ status: 429, text: '', headers: { 'retry-after': 'Sun, 01 Jun 2025 12:00:45 GMT' } }));
    const error = await apiFailure(client({ now: () => now }).powerAction(3, 'stop'));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBe(45);
  });

  it('maps a refused connection to network, with the system reason', async () => {
    const closed = await startStubServer();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const error = await apiFailure(client({ baseUrl }).listServers());
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/^VPS\.org could not be reached: connect ECONNREFUSED 127\.0\.0\.1:\d+/);
    // Every attempt failed the same way: the GET was retried.
    expect(sleeps).toHaveLength(2);
  });

  it('does not follow redirects, so the token never leaves the configured API', async () => {
    const foreign = await startStubServer(() => ({ status: 200, json: page([]) }));
    try {
      stub.setHandler(() => ({ status: 302, text: '', headers: { location: `${foreign.origin}/api/v1/servers/` } }));
      const error = await apiFailure(client().listServers());
      expect(error.kind).toBe('invalid-response');
      expect(error.message).toContain('redirect');
      expect(foreign.requests).toHaveLength(0);
    } finally {
      await foreign.close();
    }
  });

  it.each([400, 401, 403, 429, 500])(
    'never puts the token in the error text, even when the server echoes it (%i)',
    async (status) => {
      stub.setHandler((req) => {
        const echoed = String(req.headers.authorization);
        return {
          status,
          json: { detail: `Bad header: ${echoed}`, name: [`got ${echoed}`], non_field_errors: [`raw ${TOKEN}`] },
        };
      });
      const error = await apiFailure(client({ retry: { limit: 0 } }).updateServer(3, { name: 'web-3' }));
      expect(stub.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expectNoToken(error, TOKEN);
      expect(error.message).toContain('Bearer [redacted]');
    },
  );

  describe('apiText: the server’s own words, for the popup to quote', () => {
    it('is the detail of a 400', async () => {
      stub.setHandler(() => ({ status: 400, json: { detail: 'Server is already running.' } }));
      const error = await apiFailure(client().powerAction(3, 'start'));
      expect(error.apiText).toBe('Server is already running.');
    });

    it('is the non_field_errors of a 400 (after the detail when both came), not the per-field texts', async () => {
      stub.setHandler(() => ({
        status: 400,
        json: { non_field_errors: ['Location is full.', 'Try  another\n one.'], name: ['Name is taken.'] },
      }));
      const create = client().createServer({ name: 'web-1', plan_id: 1, os_id: 2, location: 'us-west' });
      const error = await apiFailure(create);
      expect(error.apiText).toBe('Location is full. Try another one.');
      expect(error.fieldErrors).toEqual({ name: ['Name is taken.'] });

      stub.setHandler(() => ({ status: 400, json: { detail: 'Invalid parameters.', non_field_errors: ['Full.'] } }));
      const both = await apiFailure(
        client().createServer({ name: 'web-1', plan_id: 1, os_id: 2, location: 'us-west' }),
      );
      expect(both.apiText).toBe('Invalid parameters. Full.');
    });

    it('summarizes the per-field texts of a 400 that said nothing else', async () => {
      stub.setHandler(() => ({ status: 400, json: { hostname: ['Not a FQDN.'] } }));
      const error = await apiFailure(client().updateServer(3, { name: 'web-3' }));
      expect(error.apiText).toBe('hostname: Not a FQDN.');
    });

    it('is the detail of a 404', async () => {
      stub.setHandler(() => ({ status: 404, json: { detail: 'No Server matches the given query.' } }));
      const error = await apiFailure(client().getServer(7));
      expect(error.kind).toBe('not-found');
      expect(error.apiText).toBe('No Server matches the given query.');
    });

    it('is a short plain-text body, e.g. a proxy’s 503', async () => {
      stub.setHandler(() => ({ status: 503, text: '  Down for maintenance\nuntil 14:00 UTC ' }));
      const error = await apiFailure(client({ retry: { limit: 0 } }).listServers());
      expect(error.kind).toBe('server');
      expect(error.apiText).toBe('Down for maintenance until 14:00 UTC');
      expect(error.message).toContain('VPS.org said: "Down for maintenance until 14:00 UTC"');
    });

    it('is absent for a web page, a long dump, an empty body or JSON without words', async () => {
      const replies = [
        { status: 502, text: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
        { status: 502, text: 'Bad Gateway', headers: { 'content-type': 'text/html' } },
        { status: 500, text: `Traceback (most recent call last):\n${'  File "x.py", line 1\n'.repeat(40)}` },
        { status: 500, text: '' },
        { status: 500, json: { code: 17 } },
        { status: 500, json: ['oops'] },
      ];
      for (const reply of replies) {
        stub.setHandler(() => reply);
        const error = await apiFailure(client({ retry: { limit: 0 } }).listServers());
        expect({ reply, apiText: error.apiText }).toEqual({ reply, apiText: undefined });
      }
    });

    it.each([400, 401, 404, 429, 503])(
      'never contains the token, even when the server echoes Authorization (%i)',
      async (status) => {
        stub.setHandler((req) => {
          const echoed = String(req.headers.authorization);
          return {
            status,
            json: { detail: `Bad header: ${echoed}`, non_field_errors: [`raw ${TOKEN}`], [`f_${TOKEN}`]: ['x'] },
          };
        });
        const error = await apiFailure(client({ retry: { limit: 0 } }).getServer(3));
        expect(stub.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
        expect(error.apiText).toBe('Bad header: Bearer [redacted] raw [redacted]');
        expect(Object.keys(error.fieldErrors ?? {})).toEqual(['f_[redacted]']);
        expectNoToken(error, TOKEN);
      },
    );

    it('never contains the token echoed in a plain-text body', async () => {
      stub.setHandler((req) => ({ status: 503, text: `Rejected: ${String(req.headers.authorization)}` }));
      const error = await apiFailure(client({ retry: { limit: 0 } }).powerAction(3, 'reboot'));
      expect(error.apiText).toBe('Rejected: Bearer [redacted]');
      expectNoToken(error, TOKEN);
    });
  });

  it('never puts the token in an invalid-response message built from the body', async () => {
    stub.setHandler(() => ({ status: 200, json: { [TOKEN]: 1, id: TOKEN, status: TOKEN } }));
    const error = await apiFailure(client().getServer(3));
    expect(error.kind).toBe('invalid-response');
    expectNoToken(error, TOKEN);
  });
});

describe('retries', () => {
  it('retries a GET after 503 with full-jitter backoff, then succeeds', async () => {
    let n = 0;
    stub.setHandler(() => (++n <= 2 ? { status: 503, text: 'busy' } : { status: 200, json: detailServer(7) }));
    const server = await client({ retry: { backoffBaseMs: 100 } }).getServer(7);
    expect(server.id).toBe(7);
    expect(stub.requests).toHaveLength(3);
    // random() = 0.5: half of 100 * 2^0, then half of 100 * 2^1.
    expect(sleeps).toEqual([50, 100]);
  });

  it('gives up a GET after the retry limit', async () => {
    stub.setHandler(() => ({ status: 502, text: '' }));
    const error = await apiFailure(client({ retry: { limit: 2 } }).getServer(7));
    expect(error.kind).toBe('server');
    expect(error.status).toBe(502);
    expect(stub.requests).toHaveLength(3);
  });

  it('retries a GET after 429, waiting exactly the Retry-After', async () => {
    let n = 0;
    stub.setHandler(() =>
      ++n === 1 ? { status: 429, text: '', headers: { 'retry-after': '7' } } : { status: 200, json: page([]) },
    );
    await client().listServers();
    expect(stub.requests).toHaveLength(2);
    expect(sleeps).toEqual([7_000]);
  });

  it('honours an HTTP-date Retry-After on a GET', async () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    let n = 0;
    stub.setHandler(() =>
      ++n === 1
        ? { status: 429, text: '', headers: { 'retry-after': 'Sun, 01 Jun 2025 12:00:03 GMT' } }
        : { status: 200, json: page([]) },
    );
    await client({ now: () => now }).listServers();
    expect(sleeps).toEqual([3_000]);
  });

  it('fails at once with rate-limited when Retry-After exceeds the cap', async () => {
    stub.setHandler(() => ({ status: 429, text: '', headers: { 'retry-after': '120' } }));
    const error = await apiFailure(client({ retry: { maxRetryAfterMs: 60_000 } }).listServers());
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBe(120);
    expect(stub.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('retries a GET after a dropped connection', async () => {
    let n = 0;
    stub.setHandler(() => (++n === 1 ? { destroy: true } : { status: 200, json: detailServer(7) }));
    await client().getServer(7);
    expect(stub.requests).toHaveLength(2);
  });

  const writes: Array<[string, (c: VpsClient) => Promise<unknown>]> = [
    ['POST create', (c) => c.createServer({ name: 'web-1', plan_id: 1, os_id: 2, location: 'us-west' })],
    ['POST start', (c) => c.powerAction(3, 'start')],
    ['POST stop', (c) => c.powerAction(3, 'stop')],
    ['POST reboot', (c) => c.powerAction(3, 'reboot')],
    ['PUT', (c) => c.replaceServer(3, { name: 'web-3', hostname: 'web3.example.com', backups_enabled: true })],
    ['PATCH', (c) => c.updateServer(3, { backups_enabled: false })],
    ['DELETE', (c) => c.deleteServer(3)],
  ];

  it.each(writes)('never retries %s after 503', async (_name, call) => {
    stub.setHandler(() => ({ status: 503, text: '', headers: { 'retry-after': '1' } }));
    const error = await apiFailure(call(client()));
    expect(error.kind).toBe('server');
    expect(error.outcomeUnknown).toBe(false);
    expect(stub.requests).toHaveLength(1);
  });

  it.each(writes)('never retries %s after 429', async (_name, call) => {
    stub.setHandler(() => ({ status: 429, text: '', headers: { 'retry-after': '1' } }));
    const error = await apiFailure(call(client()));
    expect(error.kind).toBe('rate-limited');
    expect(stub.requests).toHaveLength(1);
  });

  it.each(writes)('never retries %s after a dropped connection; the outcome is unknown', async (_name, call) => {
    stub.setHandler(() => ({ destroy: true }));
    const error = await apiFailure(call(client()));
    expect(error.kind).toBe('network');
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toContain('may or may not have been carried out');
    expect(stub.requests).toHaveLength(1);
  });

  // DELETE reads no body: its 2xx is a success whatever it says.
  const writesWithBody = writes.filter(([name]) => name !== 'DELETE');

  // Issue 8: a 2xx to a write is an acceptance whatever its body, so it resolves (it used to reject with
  // outcomeUnknown) with what could be read. PUT/PATCH read the server back with one GET; the write itself
  // is never sent again.
  const unreadableWrites: Array<[string, (c: VpsClient) => Promise<unknown>, unknown, number]> = [
    // A create that names no server: null, and the next poll shows it.
    ['POST create', writes[0]![1], null, 0],
    ...writes
      .slice(1, 4)
      .map(([name, call]): [string, (c: VpsClient) => Promise<unknown>, unknown, number] => [
        name,
        call,
        { status: null, message: null, server: null },
        0,
      ]),
    ['PUT', writes[4]![1], expect.objectContaining({ id: 3, status: 'active' }), 1],
    ['PATCH', writes[5]![1], expect.objectContaining({ id: 3, status: 'active' }), 1],
  ];

  it.each(unreadableWrites)(
    'a 2xx to %s whose body cannot be read: accepted, sent once',
    async (_name, call, expected, readBacks) => {
      stub.setHandler((req) =>
        req.method === 'GET' ? { status: 200, json: detailServer(3) } : { status: 200, text: '{"status": "succ' },
      );
      expect(await call(client())).toEqual(expected);
      expect(stub.requests.filter((req) => req.method !== 'GET')).toHaveLength(1);
      expect(stub.requests.filter((req) => req.method === 'GET')).toHaveLength(readBacks);
    },
  );

  it.each(writesWithBody.filter(([name]) => /^P(UT|ATCH)$/.test(name)))(
    'a 2xx to %s whose body cannot be read, and whose read-back fails too: accepted, so the outcome is unknown',
    async (_name, call) => {
      stub.setHandler(() => ({ status: 200, text: '{"status": "succ' }));
      const error = await apiFailure(call(client()));
      expect(error.kind).toBe('invalid-response');
      expect(error.outcomeUnknown).toBe(true);
      expect(error.message).toContain('VPS.org accepted the');
      expect(stub.requests.filter((req) => req.method !== 'GET')).toHaveLength(1);
    },
  );

  it('an unreadable 2xx to a GET changes nothing: its outcome is not in doubt', async () => {
    stub.setHandler(() => ({ status: 200, text: '{"count": 1, "res' }));
    const error = await apiFailure(client().getServer(3));
    expect(error.kind).toBe('invalid-response');
    expect(error.outcomeUnknown).toBe(false);
  });

  it('marks a write answered by a 504 as outcome unknown', async () => {
    stub.setHandler(() => ({ status: 504, text: 'Gateway Timeout' }));
    const error = await apiFailure(client().powerAction(3, 'reboot'));
    expect(error.kind).toBe('server');
    expect(error.outcomeUnknown).toBe(true);
  });

  it('a refused connection to a write is certain not to have happened', async () => {
    const closed = await startStubServer();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const error = await apiFailure(client({ baseUrl }).powerAction(3, 'reboot'));
    expect(error.kind).toBe('network');
    expect(error.outcomeUnknown).toBe(false);
    expect(sleeps).toEqual([]);
  });
});

describe('timeouts and cancellation', () => {
  it('times out a GET that gets no answer, without retrying it', async () => {
    stub.setHandler(() => ({ hang: true }));
    const error = await apiFailure(client({ timeoutMs: 150 }).getServer(7));
    expect(error.kind).toBe('timeout');
    expect(error.outcomeUnknown).toBe(false);
    expect(error.message).toBe('VPS.org did not answer within 0.2 s (load server 7).');
    expect(stub.requests).toHaveLength(1);
  });

  it('times out a body that never finishes', async () => {
    stub.setHandler(() => ({ hangBody: true, status: 200 }));
    const error = await apiFailure(client({ timeoutMs: 150 }).listServers());
    expect(error.kind).toBe('timeout');
  });

  it('a timed-out reboot is sent once and its outcome is unknown', async () => {
    stub.setHandler(() => ({ hang: true }));
    const error = await apiFailure(client({ timeoutMs: 150 }).powerAction(3, 'reboot'));
    expect(error.kind).toBe('timeout');
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toBe(
      "The reboot request timed out; VPS.org may or may not have carried it out. Refresh to see the server's state.",
    );
    expect(stub.requests).toHaveLength(1);
  });

  it('rethrows the AbortError as is when the caller cancels', async () => {
    stub.setHandler(() => ({ hang: true }));
    const controller = new AbortController();
    const pending = client().listServers({}, { signal: controller.signal });
    await expect.poll(() => stub.requests.length).toBe(1);
    controller.abort();
    const error = await pending.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).not.toBeInstanceOf(VpsApiError);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
  });

  it('a cancel during the wait between retries stops further requests', async () => {
    stub.setHandler(() => ({ status: 503, text: '' }));
    const controller = new AbortController();
    const c = client({
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          controller.abort();
          reject(signal?.reason);
        }),
    });
    const error = await c.getServer(7, { signal: controller.signal }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect((error as DOMException).name).toBe('AbortError');
    expect(stub.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    stub.setHandler(() => ({ status: 200, json: page([]) }));
    const error = await client()
      .listServers({}, { signal: AbortSignal.abort() })
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect((error as DOMException).name).toBe('AbortError');
    expect(stub.requests).toHaveLength(0);
  });
});

describe('input checks before sending', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, '5', '../admin'])(
    'refuses server id %s without a request',
    async (id) => {
      const c = client();
      for (const call of [
        () => c.getServer(id as number),
        () => c.deleteServer(id as number),
        () => c.powerAction(id as number, 'reboot'),
        () => c.updateServer(id as number, { name: 'ok' }),
      ]) {
        const error = await apiFailure(call());
        expect(error.kind).toBe('bad-request');
        expect(error.fieldErrors).toEqual({ id: ['Must be a positive whole number.'] });
      }
      expect(stub.requests).toHaveLength(0);
    },
  );

  it('refuses an invalid create body with English field errors and no request', async () => {
    const error = await apiFailure(client().createServer({ name: '-bad name', plan_id: 0, os_id: 1.5, location: '' }));
    expect(error.kind).toBe('bad-request');
    expect(error.fieldErrors).toEqual({
      name: ['Use letters, digits and hyphens only (not starting with a hyphen, at most 63 characters).'],
      plan_id: ['Must be a positive number.'],
      os_id: ['Must be a whole number.'],
      location: ['Must not be empty.'],
    });
    expect(error.message).toContain('Cannot create the server: name:');
    expect(stub.requests).toHaveLength(0);
  });

  it('refuses a PUT without all fields and an empty PATCH', async () => {
    const put = await apiFailure(client().replaceServer(3, { name: 'web-3' } as never));
    expect(put.fieldErrors).toEqual({
      hostname: ['This field is required.'],
      backups_enabled: ['This field is required.'],
    });
    const patch = await apiFailure(client().updateServer(3, {}));
    expect(patch.fieldErrors).toEqual({ non_field_errors: ['Give at least one of name, hostname, backups_enabled.'] });
    expect(stub.requests).toHaveLength(0);
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => createVpsClient({ baseUrl: 'file:///etc', token: TOKEN })).toThrow(VpsApiError);
    expect(() => createVpsClient({ baseUrl: 'not a url', token: TOKEN })).toThrow(/not a valid web address/);
  });
});

describe('endpoints and headers', () => {
  it('sends Authorization, Accept, User-Agent and a JSON Content-Type on bodies', async () => {
    stub.setHandler((req) => ({
      status: 201,
      json: {
        ...listServer(9, { status: 'provisioning', ip_address: null }),
        backups_enabled: false,
        message: 'Server is being provisioned.',
      },
      headers: { 'x-echo': req.method },
    }));
    const created = await client({ appVersion: '0.1.0' }).createServer({
      name: 'web-9',
      plan_id: 1,
      os_id: 5,
      location: ' us-west ',
      hostname: 'web9.example.com',
    });
    if (created === null) throw new Error('the answer names the created server');
    expect(created.status).toBe('provisioning');
    expect(created.message).toBe('Server is being provisioned.');
    const req = stub.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/api/v1/servers/');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers['content-type']).toMatch(/^application\/json/);
    expect(req.headers['user-agent']).toBe('VPS.org-Tray/0.1.0 (+https://www.vps.org/)');
    expect(JSON.parse(req.body)).toEqual({
      name: 'web-9',
      plan_id: 1,
      os_id: 5,
      location: 'us-west',
      hostname: 'web9.example.com',
    });
  });

  it('gets a server detail', async () => {
    stub.setHandler(() => ({ status: 200, json: detailServer(12345) }));
    const detail = await client().getServer(12345);
    expect(detail.resource_usage?.cpu_percent).toBe(23.5);
    expect(stub.requests[0]).toMatchObject({ method: 'GET', url: '/api/v1/servers/12345/' });
    expect(stub.requests[0]?.headers['content-type']).toBeUndefined();
  });

  it('PUT answers the updated detail', async () => {
    stub.setHandler(() => ({ status: 200, json: detailServer(3, { name: 'renamed' }) }));
    const detail = await client().replaceServer(3, {
      name: 'renamed',
      hostname: 'web3.example.com',
      backups_enabled: false,
    });
    expect(detail.name).toBe('renamed');
    expect(stub.requests.map((req) => `${req.method} ${req.url}`)).toEqual(['PUT /api/v1/servers/3/']);
    expect(JSON.parse(stub.requests[0]!.body)).toEqual({
      name: 'renamed',
      hostname: 'web3.example.com',
      backups_enabled: false,
    });
  });

  it('PATCH with an empty 200 falls back to one GET of the detail', async () => {
    stub.setHandler((req) =>
      req.method === 'PATCH' ? { status: 200, text: '' } : { status: 200, json: detailServer(3, { name: 'patched' }) },
    );
    const detail = await client().updateServer(3, { name: 'patched' });
    expect(detail.name).toBe('patched');
    expect(stub.requests.map((req) => `${req.method} ${req.url}`)).toEqual([
      'PATCH /api/v1/servers/3/',
      'GET /api/v1/servers/3/',
    ]);
    expect(JSON.parse(stub.requests[0]!.body)).toEqual({ name: 'patched' });
  });

  it('DELETE 204 resolves to nothing', async () => {
    stub.setHandler(() => ({ status: 204 }));
    await expect(client().deleteServer(3)).resolves.toBeUndefined();
    expect(stub.requests.map((req) => `${req.method} ${req.url}`)).toEqual(['DELETE /api/v1/servers/3/']);
  });

  it('start, stop and reboot POST to their own paths, once each', async () => {
    stub.setHandler((req) => {
      const action = /\/(start|stop|reboot)\/$/.exec(req.url)?.[1] ?? '';
      const status = { start: 'starting', stop: 'stopping', reboot: 'rebooting' }[action] ?? 'unknown';
      return { status: 200, json: powerReply(3, status) };
    });
    const c = client();
    expect((await c.powerAction(3, 'start')).server?.status).toBe('starting');
    expect((await c.powerAction(3, 'stop')).server?.status).toBe('stopping');
    expect((await c.powerAction(3, 'reboot')).message).toBe('Server is rebooting');
    expect(stub.requests.map((req) => `${req.method} ${req.url}`)).toEqual([
      'POST /api/v1/servers/3/start/',
      'POST /api/v1/servers/3/stop/',
      'POST /api/v1/servers/3/reboot/',
    ]);
  });

  it('exposes the base URL without a trailing slash, defaulting to VPS.org', () => {
    expect(createVpsClient({ token: TOKEN }).baseUrl).toBe('https://admin.vps.org/api/v1');
    expect(createVpsClient({ token: TOKEN, baseUrl: `${stub.baseUrl}/` }).baseUrl).toBe(stub.baseUrl);
  });

  it('fits the VpsClient the core codes against', async () => {
    stub.setHandler(() => ({ status: 200, json: page([listServer(1)]) }));
    const api: VpsClient = client();
    expect((await api.listServers()).results).toHaveLength(1);
  });
});
