// The transport under every endpoint, against a scripted HTTP server: error mapping, retries with
// Retry-After, timeouts and cancellation, each counted at the server.
import { describe, expect, it } from 'vitest';
import type { VpsClient } from '../../main/api/client';
import { VpsApiError } from '../../main/api/errors';
import { apiFailure, expectNoToken } from './api-failure';
import { page, useStubClient } from './stub-client';
import { detailServer, startStubServer } from './stub-server';

const TOKEN = 'tok_live_5ecret-Abc123';
const s = useStubClient(TOKEN);
const { client } = s;

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
    s.stub.setHandler(() => ({ status, json: { detail: 'Server says hi.' } }));
    const error = await apiFailure(client({ retry: { limit: 0 } }).getServer(7));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toContain(text);
    expect(error.message).toContain('VPS.org said: "Server says hi."');
  });

  it('maps 400 with detail, per-field lists and non_field_errors', async () => {
    s.stub.setHandler(() => ({
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
    s.stub.setHandler(() => ({ status: 400, json: { hostname: ['Not a FQDN.'] } }));
    const error = await apiFailure(
      client().replaceServer(3, { name: 'a', hostname: 'a.example.com', backups_enabled: false }),
    );
    expect(error.message).toContain('hostname: Not a FQDN.');
    expect(error.fieldErrors).toEqual({ hostname: ['Not a FQDN.'] });
  });

  it('says the start request was refused when the server is already running', async () => {
    s.stub.setHandler(() => ({ status: 400, json: { detail: 'Server is already running.' } }));
    const error = await apiFailure(client().powerAction(3, 'start'));
    expect(error.kind).toBe('bad-request');
    expect(error.message).toBe('VPS.org rejected the request to start server 3 (400): Server is already running.');
  });

  it('maps a 404 on the list to a hint about the API address', async () => {
    s.stub.setHandler(() => ({ status: 404, text: 'Not Found' }));
    const error = await apiFailure(client().listServers());
    expect(error.kind).toBe('not-found');
    expect(error.message).toContain('Check the API address in Settings');
  });

  it('reads Retry-After as seconds on a 429', async () => {
    s.stub.setHandler(() => ({ status: 429, json: { detail: 'Slow down.' }, headers: { 'retry-after': '30' } }));
    const error = await apiFailure(client().powerAction(3, 'start'));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.message).toContain('Try again in 30 s.');
  });

  it('reads Retry-After as an HTTP date on a 429', async () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    s.stub.setHandler(() => ({ status: 429, text: '', headers: { 'retry-after': 'Sun, 01 Jun 2025 12:00:45 GMT' } }));
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
    expect(s.sleeps).toHaveLength(2);
  });

  it('does not follow redirects, so the token never leaves the configured API', async () => {
    const foreign = await startStubServer(() => ({ status: 200, json: page([]) }));
    try {
      s.stub.setHandler(() => ({ status: 302, text: '', headers: { location: `${foreign.origin}/api/v1/servers/` } }));
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
      s.stub.setHandler((req) => {
        const echoed = String(req.headers.authorization);
        return {
          status,
          json: { detail: `Bad header: ${echoed}`, name: [`got ${echoed}`], non_field_errors: [`raw ${TOKEN}`] },
        };
      });
      const error = await apiFailure(client({ retry: { limit: 0 } }).updateServer(3, { name: 'web-3' }));
      expect(s.stub.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expectNoToken(error, TOKEN);
      expect(error.message).toContain('Bearer [redacted]');
    },
  );

  describe('apiText: the server’s own words, for the popup to quote', () => {
    it('is the detail of a 400', async () => {
      s.stub.setHandler(() => ({ status: 400, json: { detail: 'Server is already running.' } }));
      const error = await apiFailure(client().powerAction(3, 'start'));
      expect(error.apiText).toBe('Server is already running.');
    });

    it('is the non_field_errors of a 400 (after the detail when both came), not the per-field texts', async () => {
      s.stub.setHandler(() => ({
        status: 400,
        json: { non_field_errors: ['Location is full.', 'Try  another\n one.'], name: ['Name is taken.'] },
      }));
      const create = client().createServer({ name: 'web-1', plan_id: 1, os_id: 2, location: 'us-west' });
      const error = await apiFailure(create);
      expect(error.apiText).toBe('Location is full. Try another one.');
      expect(error.fieldErrors).toEqual({ name: ['Name is taken.'] });

      s.stub.setHandler(() => ({ status: 400, json: { detail: 'Invalid parameters.', non_field_errors: ['Full.'] } }));
      const both = await apiFailure(
        client().createServer({ name: 'web-1', plan_id: 1, os_id: 2, location: 'us-west' }),
      );
      expect(both.apiText).toBe('Invalid parameters. Full.');
    });

    it('summarizes the per-field texts of a 400 that said nothing else', async () => {
      s.stub.setHandler(() => ({ status: 400, json: { hostname: ['Not a FQDN.'] } }));
      const error = await apiFailure(client().updateServer(3, { name: 'web-3' }));
      expect(error.apiText).toBe('hostname: Not a FQDN.');
    });

    it('is the detail of a 404', async () => {
      s.stub.setHandler(() => ({ status: 404, json: { detail: 'No Server matches the given query.' } }));
      const error = await apiFailure(client().getServer(7));
      expect(error.kind).toBe('not-found');
      expect(error.apiText).toBe('No Server matches the given query.');
    });

    it('is a short plain-text body, e.g. a proxy’s 503', async () => {
      s.stub.setHandler(() => ({ status: 503, text: '  Down for maintenance\nuntil 14:00 UTC ' }));
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
        s.stub.setHandler(() => reply);
        const error = await apiFailure(client({ retry: { limit: 0 } }).listServers());
        expect({ reply, apiText: error.apiText }).toEqual({ reply, apiText: undefined });
      }
    });

    it.each([400, 401, 404, 429, 503])(
      'never contains the token, even when the server echoes Authorization (%i)',
      async (status) => {
        s.stub.setHandler((req) => {
          const echoed = String(req.headers.authorization);
          return {
            status,
            json: { detail: `Bad header: ${echoed}`, non_field_errors: [`raw ${TOKEN}`], [`f_${TOKEN}`]: ['x'] },
          };
        });
        const error = await apiFailure(client({ retry: { limit: 0 } }).getServer(3));
        expect(s.stub.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
        expect(error.apiText).toBe('Bad header: Bearer [redacted] raw [redacted]');
        expect(Object.keys(error.fieldErrors ?? {})).toEqual(['f_[redacted]']);
        expectNoToken(error, TOKEN);
      },
    );

    it('never contains the token echoed in a plain-text body', async () => {
      s.stub.setHandler((req) => ({ status: 503, text: `Rejected: ${String(req.headers.authorization)}` }));
      const error = await apiFailure(client({ retry: { limit: 0 } }).powerAction(3, 'reboot'));
      expect(error.apiText).toBe('Rejected: Bearer [redacted]');
      expectNoToken(error, TOKEN);
    });
  });

  it('never puts the token in an invalid-response message built from the body', async () => {
    s.stub.setHandler(() => ({ status: 200, json: { [TOKEN]: 1, id: TOKEN, status: TOKEN } }));
    const error = await apiFailure(client().getServer(3));
    expect(error.kind).toBe('invalid-response');
    expectNoToken(error, TOKEN);
  });
});

describe('retries', () => {
  it('retries a GET after 503 with full-jitter backoff, then succeeds', async () => {
    let n = 0;
    s.stub.setHandler(() => (++n <= 2 ? { status: 503, text: 'busy' } : { status: 200, json: detailServer(7) }));
    const server = await client({ retry: { backoffBaseMs: 100 } }).getServer(7);
    expect(server.id).toBe(7);
    expect(s.stub.requests).toHaveLength(3);
    // random() = 0.5: half of 100 * 2^0, then half of 100 * 2^1.
    expect(s.sleeps).toEqual([50, 100]);
  });

  it('gives up a GET after the retry limit', async () => {
    s.stub.setHandler(() => ({ status: 502, text: '' }));
    const error = await apiFailure(client({ retry: { limit: 2 } }).getServer(7));
    expect(error.kind).toBe('server');
    expect(error.status).toBe(502);
    expect(s.stub.requests).toHaveLength(3);
  });

  it('retries a GET after 429, waiting exactly the Retry-After', async () => {
    let n = 0;
    s.stub.setHandler(() =>
      ++n === 1 ? { status: 429, text: '', headers: { 'retry-after': '7' } } : { status: 200, json: page([]) },
    );
    await client().listServers();
    expect(s.stub.requests).toHaveLength(2);
    expect(s.sleeps).toEqual([7_000]);
  });

  it('honours an HTTP-date Retry-After on a GET', async () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    let n = 0;
    s.stub.setHandler(() =>
      ++n === 1
        ? { status: 429, text: '', headers: { 'retry-after': 'Sun, 01 Jun 2025 12:00:03 GMT' } }
        : { status: 200, json: page([]) },
    );
    await client({ now: () => now }).listServers();
    expect(s.sleeps).toEqual([3_000]);
  });

  it('fails at once with rate-limited when Retry-After exceeds the cap', async () => {
    s.stub.setHandler(() => ({ status: 429, text: '', headers: { 'retry-after': '120' } }));
    const error = await apiFailure(client({ retry: { maxRetryAfterMs: 60_000 } }).listServers());
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBe(120);
    expect(s.stub.requests).toHaveLength(1);
    expect(s.sleeps).toEqual([]);
  });

  it('retries a GET after a dropped connection', async () => {
    let n = 0;
    s.stub.setHandler(() => (++n === 1 ? { destroy: true } : { status: 200, json: detailServer(7) }));
    await client().getServer(7);
    expect(s.stub.requests).toHaveLength(2);
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
    s.stub.setHandler(() => ({ status: 503, text: '', headers: { 'retry-after': '1' } }));
    const error = await apiFailure(call(client()));
    expect(error.kind).toBe('server');
    expect(error.outcomeUnknown).toBe(false);
    expect(s.stub.requests).toHaveLength(1);
  });

  it.each(writes)('never retries %s after 429', async (_name, call) => {
    s.stub.setHandler(() => ({ status: 429, text: '', headers: { 'retry-after': '1' } }));
    const error = await apiFailure(call(client()));
    expect(error.kind).toBe('rate-limited');
    expect(s.stub.requests).toHaveLength(1);
  });

  it.each(writes)('never retries %s after a dropped connection; the outcome is unknown', async (_name, call) => {
    s.stub.setHandler(() => ({ destroy: true }));
    const error = await apiFailure(call(client()));
    expect(error.kind).toBe('network');
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toContain('may or may not have been carried out');
    expect(s.stub.requests).toHaveLength(1);
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
      s.stub.setHandler((req) =>
        req.method === 'GET' ? { status: 200, json: detailServer(3) } : { status: 200, text: '{"status": "succ' },
      );
      expect(await call(client())).toEqual(expected);
      expect(s.stub.requests.filter((req) => req.method !== 'GET')).toHaveLength(1);
      expect(s.stub.requests.filter((req) => req.method === 'GET')).toHaveLength(readBacks);
    },
  );

  it.each(writesWithBody.filter(([name]) => /^P(UT|ATCH)$/.test(name)))(
    'a 2xx to %s whose body cannot be read, and whose read-back fails too: accepted, so the outcome is unknown',
    async (_name, call) => {
      s.stub.setHandler(() => ({ status: 200, text: '{"status": "succ' }));
      const error = await apiFailure(call(client()));
      expect(error.kind).toBe('invalid-response');
      expect(error.outcomeUnknown).toBe(true);
      expect(error.message).toContain('VPS.org accepted the');
      expect(s.stub.requests.filter((req) => req.method !== 'GET')).toHaveLength(1);
    },
  );

  it('an unreadable 2xx to a GET changes nothing: its outcome is not in doubt', async () => {
    s.stub.setHandler(() => ({ status: 200, text: '{"count": 1, "res' }));
    const error = await apiFailure(client().getServer(3));
    expect(error.kind).toBe('invalid-response');
    expect(error.outcomeUnknown).toBe(false);
  });

  it('marks a write answered by a 504 as outcome unknown', async () => {
    s.stub.setHandler(() => ({ status: 504, text: 'Gateway Timeout' }));
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
    expect(s.sleeps).toEqual([]);
  });
});

describe('timeouts and cancellation', () => {
  it('times out a GET that gets no answer, without retrying it', async () => {
    s.stub.setHandler(() => ({ hang: true }));
    const error = await apiFailure(client({ timeoutMs: 150 }).getServer(7));
    expect(error.kind).toBe('timeout');
    expect(error.outcomeUnknown).toBe(false);
    expect(error.message).toBe('VPS.org did not answer within 0.2 s (load server 7).');
    expect(s.stub.requests).toHaveLength(1);
  });

  it('times out a body that never finishes', async () => {
    s.stub.setHandler(() => ({ hangBody: true, status: 200 }));
    const error = await apiFailure(client({ timeoutMs: 150 }).listServers());
    expect(error.kind).toBe('timeout');
  });

  it('a timed-out reboot is sent once and its outcome is unknown', async () => {
    s.stub.setHandler(() => ({ hang: true }));
    const error = await apiFailure(client({ timeoutMs: 150 }).powerAction(3, 'reboot'));
    expect(error.kind).toBe('timeout');
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toBe(
      "The reboot request timed out; VPS.org may or may not have carried it out. Refresh to see the server's state.",
    );
    expect(s.stub.requests).toHaveLength(1);
  });

  it('rethrows the AbortError as is when the caller cancels', async () => {
    s.stub.setHandler(() => ({ hang: true }));
    const controller = new AbortController();
    const pending = client().listServers({}, { signal: controller.signal });
    await expect.poll(() => s.stub.requests.length).toBe(1);
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
    s.stub.setHandler(() => ({ status: 503, text: '' }));
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
    expect(s.stub.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    s.stub.setHandler(() => ({ status: 200, json: page([]) }));
    const error = await client()
      .listServers({}, { signal: AbortSignal.abort() })
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect((error as DOMException).name).toBe('AbortError');
    expect(s.stub.requests).toHaveLength(0);
  });
});
