// The list endpoint: envelope, pagination links, filters, and the seeded account's determinism.
import { afterEach, describe, expect, it } from 'vitest';
import { call, CONTRACT_WEB_SERVER, field, simulators } from './helpers';

const sims = simulators();
afterEach(() => sims.closeAll());

interface Page {
  count: number;
  next: string | null;
  previous: string | null;
  results: Array<{
    id: number;
    status: string;
    location: string;
    name: string;
    hostname: string | null;
    plan: Record<string, unknown>;
  }>;
}
const page = async (sim: Parameters<typeof call>[0], path: string) => {
  const answer = await call(sim, path);
  expect({ path, status: answer.status }).toEqual({ path, status: 200 });
  return answer.json as Page;
};

describe('list', () => {
  it('starts with the two contract servers, in list shape (no bandwidth, no usage)', async () => {
    const sim = await sims.start({ servers: 2 });
    const body = await page(sim, '/servers/');
    expect(body).toEqual({
      count: 2,
      next: null,
      previous: null,
      results: [
        CONTRACT_WEB_SERVER,
        {
          id: 12346,
          name: 'db-server-01',
          hostname: 'db01.example.com',
          status: 'active',
          ip_address: '203.0.113.11',
          location: 'us-east',
          plan: { id: 2, name: 'Performance VPS', vcpus: 4, memory: 8192, storage: 160 },
          os: { id: 3, name: 'Debian 12' },
          created_at: '2025-01-12T09:15:00Z',
          updated_at: '2025-01-16T08:45:00Z',
        },
      ],
    });
  });

  it('an empty account lists nothing', async () => {
    const sim = await sims.start({ servers: 0 });
    expect(await page(sim, '/servers/')).toEqual({ count: 0, next: null, previous: null, results: [] });
    expect((await call(sim, '/servers/?page=1')).status).toBe(200);
  });

  it('paginates only beyond the page size, with absolute next/previous links', async () => {
    const sim = await sims.start({ servers: 120, pageSize: 50 });
    const first = await page(sim, '/servers/');
    expect(first.count).toBe(120);
    expect(first.results).toHaveLength(50);
    expect(first.previous).toBeNull();
    expect(first.next).toBe(`${sim.baseUrl}/servers/?page=2`);
    const second = await page(sim, first.next!);
    expect(second.previous).toBe(`${sim.baseUrl}/servers/`);
    expect(second.next).toBe(`${sim.baseUrl}/servers/?page=3`);
    const third = await page(sim, second.next!);
    expect(third.results).toHaveLength(20);
    expect(third.next).toBeNull();
    const ids = [...first.results, ...second.results, ...third.results].map((s) => s.id);
    expect(ids).toEqual(sim.listServerIds());
    const exact = await sims.start({ servers: 50, pageSize: 50 });
    expect((await page(exact, '/servers/')).next).toBeNull();
  });

  it('answers 404 "Invalid page." for pages out of range or not a number', async () => {
    const sim = await sims.start({ servers: 60, pageSize: 50 });
    for (const bad of ['0', '3', 'abc', '-1', '1.5', '']) {
      const answer = await call(sim, `/servers/?page=${bad}`);
      expect({ bad, status: answer.status, body: answer.json }).toEqual({
        bad,
        status: 404,
        body: { detail: 'Invalid page.' },
      });
    }
  });

  it('filters by status and location (exact match) and keeps filters in the links', async () => {
    const sim = await sims.start({ servers: 300, pageSize: 10 });
    const all = (await page(sim, '/servers/?page=1')).count;
    const active = await page(sim, '/servers/?status=active');
    expect(active.count).toBeGreaterThan(10);
    expect(active.count).toBeLessThan(all);
    const next = new URL(active.next!);
    expect(Object.fromEntries(next.searchParams)).toEqual({ status: 'active', page: '2' });
    const collected: Page['results'] = [];
    for (let url: string | null = `${sim.baseUrl}/servers/?status=active&location=eu-west`; url;) {
      const body = await page(sim, url);
      collected.push(...body.results);
      url = body.next;
    }
    expect(collected.length).toBeGreaterThan(0);
    expect(collected.every((s) => s.status === 'active' && s.location === 'eu-west')).toBe(true);
    const secondPage = await page(sim, '/servers/?status=active&page=2');
    expect(new URL(secondPage.previous!).searchParams.get('status')).toBe('active');
  });

  it('an unknown status or location gives an empty list, not an error', async () => {
    const sim = await sims.start();
    expect((await page(sim, '/servers/?status=exploded')).count).toBe(0);
    expect((await page(sim, '/servers/?location=US-WEST')).count).toBe(0);
    expect((await page(sim, '/servers/?status=')).count).toBe(25);
  });

  it('a status filter sees transitions', async () => {
    const sim = await sims.start();
    await call(sim, '/servers/12345/reboot/', { method: 'POST' });
    const rebooting = await page(sim, '/servers/?status=rebooting');
    expect(rebooting.results.map((s) => s.id)).toEqual([12345]);
  });
});

describe('seeded account', () => {
  it('is the same for the same seed and different for another', async () => {
    const a = await sims.start({ seed: 7, servers: 40 });
    const b = await sims.start({ seed: 7, servers: 40 });
    const c = await sims.start({ seed: 8, servers: 40 });
    const [pa, pb, pc] = await Promise.all([page(a, '/servers/'), page(b, '/servers/'), page(c, '/servers/')]);
    expect(pa.results).toEqual(pb.results);
    expect(pa.results).not.toEqual(pc.results);
    expect(pc.results.slice(0, 2)).toEqual(pa.results.slice(0, 2));
  });

  it('is realistic: several locations, plans, OSes; unique names; example.com hostnames', async () => {
    const sim = await sims.start({ servers: 200, pageSize: 500 });
    const { results } = await page(sim, '/servers/');
    expect(new Set(results.map((s) => s.location)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(results.map((s) => s.plan.id)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(results.map((s) => s.name)).size).toBe(200);
    expect(results.every((s) => /^[a-z]+(-[a-z]+)*-\d{2,}$/.test(s.name))).toBe(true);
    expect(results.every((s) => s.hostname === null || s.hostname.endsWith('.example.com'))).toBe(true);
    const statuses = new Set(results.map((s) => s.status));
    expect([...statuses].toSorted()).toEqual(['active', 'stopped', 'suspended']);
  });

  it('serves thousands of servers', async () => {
    const sim = await sims.start({ servers: 3000, pageSize: 5000 });
    const body = await page(sim, '/servers/');
    expect(body.count).toBe(3000);
    expect(new Set(body.results.map((s) => field(s, 'ip_address'))).size).toBe(3000);
  });
});
