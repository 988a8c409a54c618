// The server list against a scripted HTTP server: pages followed, read again only when changed, filters,
// and the next links this app refuses to follow.
import { describe, expect, it } from 'vitest';
import { rawResponse } from '../../main/api/call';
import { createServerList } from '../../main/api/server-list';
import type { Transport } from '../../main/api/transport';
import { apiFailure } from './api-failure';
import { page, useStubClient } from './stub-client';
import { listServer, startStubServer } from './stub-server';

const TOKEN = 'tok_live_5ecret-Abc123';
const s = useStubClient(TOKEN);
const { client } = s;

/** Two pages of one server each; the second server's status is `status`, changed between lists. */
function twoPages(): { status: string } {
  const secondPage = { status: 'active' };
  s.stub.setHandler((req, origin) =>
    req.url.includes('page=2')
      ? { status: 200, json: page([listServer(2, { status: secondPage.status })]) }
      : { status: 200, json: page([listServer(1)], `${origin}/api/v1/servers/?page=2`) },
  );
  return secondPage;
}

describe('listServers', () => {
  it('follows next pages, concatenates results and reports the first page count', async () => {
    s.stub.setHandler((req, origin) => {
      if (req.url.includes('page=3')) return { status: 200, json: page([listServer(5)], null, 99) };
      if (req.url.includes('page=2'))
        return { status: 200, json: page([listServer(3), listServer(4)], `${origin}/api/v1/servers/?page=3`, 99) };
      return { status: 200, json: page([listServer(1), listServer(2)], `${origin}/api/v1/servers/?page=2`, 5) };
    });
    const list = await client().listServers();
    expect(list.count).toBe(5);
    expect(list.results.map((server) => server.id)).toEqual([1, 2, 3, 4, 5]);
    expect(s.stub.requests.map((req) => req.url)).toEqual([
      '/api/v1/servers/',
      '/api/v1/servers/?page=2',
      '/api/v1/servers/?page=3',
    ]);
  });

  it('reads a page again only when its bytes changed since the last unfiltered list', async () => {
    const secondPage = twoPages();
    const c = client();
    const first = await c.listServers();
    const same = await c.listServers();
    // Every page is still asked for; an unchanged one gives back the servers already read.
    expect(s.stub.requests).toHaveLength(4);
    expect(same.results[0]).toBe(first.results[0]);
    expect(same.results[1]).toBe(first.results[1]);
    secondPage.status = 'stopped';
    const changed = await c.listServers();
    expect(changed.results[0]).toBe(first.results[0]);
    expect(changed.results[1]).toMatchObject({ id: 2, status: 'stopped' });
    // A filtered list is read afresh and leaves the remembered pages alone.
    const filtered = await c.listServers({ status: 'stopped' });
    expect(filtered.results[0]).not.toBe(changed.results[0]);
    expect((await c.listServers()).results[1]).toBe(changed.results[1]);
  });

  it('an unfiltered list whose every page is unchanged is the very same list, so callers skip it by identity', async () => {
    const secondPage = twoPages();
    const c = client();
    const first = await c.listServers();
    expect(await c.listServers()).toBe(first);
    secondPage.status = 'stopped';
    const changed = await c.listServers();
    expect(changed).not.toBe(first);
    expect(changed.results.map((server) => server.status)).toEqual(['active', 'stopped']);
    // Filtered lists are never remembered: each is its own.
    const filtered = await c.listServers({ status: 'active' });
    expect(await c.listServers({ status: 'active' })).not.toBe(filtered);
    expect(await c.listServers()).toBe(changed);
  });

  it('lists a server that moved to the next page while the list was read once, and says the list changed', async () => {
    // Pages of two. Server 1 is read on page 1; then a new server 0 lands in front, pushing 2 onto page 2.
    s.stub.setHandler((req, origin) => {
      if (req.url.includes('page=3')) return { status: 200, json: page([listServer(4)], null, 5) };
      if (req.url.includes('page=2'))
        return { status: 200, json: page([listServer(2), listServer(3)], `${origin}/api/v1/servers/?page=3`, 5) };
      return { status: 200, json: page([listServer(1), listServer(2)], `${origin}/api/v1/servers/?page=2`, 4) };
    });
    const list = await client().listServers();
    expect(list.results.map((server) => server.id)).toEqual([1, 2, 3, 4]);
    expect(list.unsettled).toBe(true);
  });

  it('keeps the later reading of a server met twice (the page read last is the newer one)', async () => {
    s.stub.setHandler((req, origin) =>
      req.url.includes('page=2')
        ? { status: 200, json: page([listServer(2, { status: 'stopped' }), listServer(3)], null, 3) }
        : { status: 200, json: page([listServer(1), listServer(2)], `${origin}/api/v1/servers/?page=2`, 3) },
    );
    const list = await client().listServers();
    expect(list.results.map((server) => [server.id, server.status])).toEqual([
      [1, 'active'],
      [2, 'stopped'],
      [3, 'active'],
    ]);
    expect(list.unsettled).toBe(true);
  });

  it('says the list changed while it was read when a server vanished between pages (one may be missing)', async () => {
    // Pages of two, 5 servers. After page 1, server 1 is deleted: 3 slides onto page 1 (already read).
    s.stub.setHandler((req, origin) =>
      req.url.includes('page=2')
        ? { status: 200, json: page([listServer(4), listServer(5)], null, 4) }
        : { status: 200, json: page([listServer(1), listServer(2)], `${origin}/api/v1/servers/?page=2`, 5) },
    );
    const list = await client().listServers();
    expect(list.results.map((server) => server.id)).toEqual([1, 2, 4, 5]);
    expect(list.unsettled).toBe(true);
  });

  it('a list that held still while it was read is settled', async () => {
    s.stub.setHandler((req, origin) =>
      req.url.includes('page=2')
        ? { status: 200, json: page([listServer(3)], null, 3) }
        : { status: 200, json: page([listServer(1), listServer(2)], `${origin}/api/v1/servers/?page=2`, 3) },
    );
    const list = await client().listServers();
    expect(list.results.map((server) => server.id)).toEqual([1, 2, 3]);
    expect(list.unsettled).toBeUndefined();
  });

  it('resolves a relative next link against the page it came from', async () => {
    s.stub.setHandler((req) =>
      req.url.includes('page=2')
        ? { status: 200, json: page([listServer(2)]) }
        : { status: 200, json: page([listServer(1)], '?page=2') },
    );
    const list = await client().listServers();
    expect(list.results.map((server) => server.id)).toEqual([1, 2]);
    expect(s.stub.requests[1]?.url).toBe('/api/v1/servers/?page=2');
  });

  it('puts status and location filters in the query string and omits empty ones', async () => {
    s.stub.setHandler(() => ({ status: 200, json: page([]) }));
    await client().listServers({ status: 'active', location: 'us-west' });
    await client().listServers({ status: '', location: '  ' });
    await client().listServers({ location: 'eu central' });
    expect(s.stub.requests.map((req) => req.url)).toEqual([
      '/api/v1/servers/?status=active&location=us-west',
      '/api/v1/servers/',
      '/api/v1/servers/?location=eu+central',
    ]);
  });

  it('refuses a next page on another origin and never sends the token there', async () => {
    const foreign = await startStubServer(() => ({ status: 200, json: page([]) }));
    try {
      s.stub.setHandler(() => ({
        status: 200,
        json: page([listServer(1)], `${foreign.origin}/api/v1/servers/?page=2`),
      }));
      const error = await apiFailure(client().listServers());
      expect(error.kind).toBe('invalid-response');
      expect(error.message).toContain('another site');
      expect(foreign.requests).toHaveLength(0);
      expect(s.stub.requests).toHaveLength(1);
    } finally {
      await foreign.close();
    }
  });

  it('stops after maxPages pages with invalid-response', async () => {
    let n = 0;
    s.stub.setHandler((_req, origin) => {
      n += 1;
      return { status: 200, json: page([listServer(n)], `${origin}/api/v1/servers/?page=${n + 1}`) };
    });
    const error = await apiFailure(client({ maxPages: 3 }).listServers());
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('more than 3 pages');
    expect(s.stub.requests).toHaveLength(3);
  });

  it('detects a next link that loops back to a page already read', async () => {
    s.stub.setHandler((req, origin) =>
      req.url.includes('page=2')
        ? { status: 200, json: page([listServer(2)], `${origin}/api/v1/servers/`) }
        : { status: 200, json: page([listServer(1)], `${origin}/api/v1/servers/?page=2`) },
    );
    const error = await apiFailure(client().listServers());
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('loop');
    expect(s.stub.requests).toHaveLength(2);
  });
});

describe('listServers of a large account', () => {
  const BASE = 'https://admin.vps.org/api/v1';
  const PAGE = 500;
  const SERVERS = 5000;

  /** A transport whose pages of 500 servers answer at once (no I/O between them). */
  function instantTransport(): Transport {
    const pages = Array.from({ length: SERVERS / PAGE }, (_, index) => {
      const results = Array.from({ length: PAGE }, (_unused, at) => listServer(index * PAGE + at + 1));
      const next = index + 1 < SERVERS / PAGE ? `${BASE}/servers/?page=${index + 2}` : null;
      return new TextEncoder().encode(JSON.stringify(page(results, next, SERVERS)));
    });
    return {
      baseUrl: BASE,
      base: new URL(`${BASE}/`),
      send: async (call) => rawResponse(200, new Headers(), pages[Number(call.url.searchParams.get('page') ?? 1) - 1]!),
      clean: (text) => text,
      serversUrl: () => new URL(`${BASE}/servers/`),
      serverUrl: (id) => new URL(`${BASE}/servers/${id}/`),
    };
  }

  it('reading 5 000 servers lets the event loop run between chunks: a timer fires during the read', async () => {
    const listServers = createServerList(instantTransport());
    let done = false;
    const firedDuringRead: boolean[] = [];
    const tick = () => {
      firedDuringRead.push(!done);
      if (!done) timer = setTimeout(tick, 0);
    };
    let timer = setTimeout(tick, 0);
    const list = await listServers();
    done = true;
    clearTimeout(timer);
    expect(list.results).toHaveLength(SERVERS);
    expect(list.results.map((server) => server.id)).toEqual(Array.from({ length: SERVERS }, (_, index) => index + 1));
    // Fired again and again while the pages were read, not once after.
    expect(firedDuringRead.filter(Boolean).length).toBeGreaterThan(1);
  });

  it('pages that did not change are not read again, and still yield between pages', async () => {
    const listServers = createServerList(instantTransport());
    const first = await listServers();
    let turns = 0;
    let reading = true;
    const count = () => {
      if (!reading) return;
      turns++;
      setImmediate(count);
    };
    setImmediate(count);
    const again = await listServers();
    reading = false;
    expect(again.results[4999]).toBe(first.results[4999]);
    expect(turns).toBeGreaterThan(1);
  });
});
