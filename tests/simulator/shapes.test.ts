// The simulator's answer shapes beyond the documented ones (main/simulator/shapes.ts), over real HTTP:
// each switch changes exactly the answers it names, and the default stays as documented.
import { afterEach, describe, expect, it } from 'vitest';
import { ODD_KINDS, oddKindOf, type OddKind } from '../../main/simulator/shapes';
import { call, field, isRecord, simulators, VALID_CREATE } from './helpers';

const sims = simulators();
afterEach(() => sims.closeAll());

const ids = (entries: unknown[]) => entries.filter(isRecord).map((entry) => Number(entry.id));

describe('list envelopes', () => {
  it('paginated by default: {count, next, previous, results}', async () => {
    const sim = await sims.start({ servers: 5, pageSize: 2 });
    const body = (await call(sim, '/servers/')).json;
    expect(Object.keys(body as object).toSorted()).toEqual(['count', 'next', 'previous', 'results']);
    expect(field(body, 'count')).toBe(5);
  });

  it('count-less: the same pages without "count"', async () => {
    const sim = await sims.start({ servers: 5, pageSize: 2, shapes: { listEnvelope: 'count-less' } });
    const first = (await call(sim, '/servers/')).json;
    expect(Object.keys(first as object).toSorted()).toEqual(['next', 'previous', 'results']);
    expect(field(first, 'results')).toHaveLength(2);
    const second = (await call(sim, field(first, 'next') as string)).json;
    expect(field(second, 'results')).toHaveLength(2);
  });

  it('bare-array: every matching server in one JSON array, filters still applied', async () => {
    const sim = await sims.start({ servers: 7, pageSize: 2, shapes: { listEnvelope: 'bare-array' } });
    const all = (await call(sim, '/servers/')).json;
    expect(Array.isArray(all)).toBe(true);
    expect(ids(all as unknown[]).toSorted()).toEqual(sim.listServerIds().toSorted());
    const stopped = (await call(sim, '/servers/?status=stopped')).json as unknown[];
    expect(stopped.every((entry) => field(entry, 'status') === 'stopped')).toBe(true);
  });

  it('unreadable entries come on the first page only, after the servers', async () => {
    const sim = await sims.start({ servers: 3, pageSize: 2, shapes: { unreadableEntries: 4 } });
    const first = (await call(sim, '/servers/')).json;
    const results = field(first, 'results') as unknown[];
    expect(results).toHaveLength(6);
    expect(results.slice(2)).toEqual([
      { name: 'no-id', status: 'active' },
      { id: 'not-a-number', name: 'bad-id', status: 'active' },
      { id: 999_901, name: 'no-status' },
      'not a server',
    ]);
    expect(field(first, 'count')).toBe(3);
    expect(field((await call(sim, field(first, 'next') as string)).json, 'results')).toHaveLength(1);
  });
});

type Body = Record<string, unknown>;
/** What tells each odd kind apart, in the list entry and the detail of one server. */
const LOOKS: Record<OddKind, (entry: Body, detail: Body) => unknown> = {
  'as-documented': (entry) => typeof field(entry.plan, 'id'),
  'plan-null': (entry, detail) => [entry.plan, detail.plan],
  'os-null': (entry, detail) => [entry.os, detail.os],
  'no-hostname': (entry, detail) => ['hostname' in entry, 'hostname' in detail],
  'no-addresses': (entry, detail) => ['ip_address' in entry, 'ip_address' in detail, 'ipv6_address' in detail],
  'no-dates': (entry, detail) => ['created_at' in entry, 'updated_at' in entry, 'updated_at' in detail],
  'numbers-as-strings': (entry, detail) => [
    typeof entry.id,
    typeof field(entry.plan, 'memory'),
    typeof field(detail.plan, 'bandwidth'),
  ],
  'extra-fields': (entry) => [entry.location, entry.tags, field(entry.project, 'id')],
};
const EXPECTED_LOOKS: Record<OddKind, unknown> = {
  'as-documented': 'number',
  'plan-null': [null, null],
  'os-null': [null, null],
  'no-hostname': [false, false],
  'no-addresses': [false, false, false],
  'no-dates': [false, false, false],
  'numbers-as-strings': ['string', 'string', 'string'],
  'extra-fields': [null, ['odd', 'simulated'], 7],
};

describe('odd servers', () => {
  it('every odd kind occurs in a seeded account, the same in the list and in the detail', async () => {
    const sim = await sims.start({ servers: 25, shapes: { oddServers: true } });
    const listed = field((await call(sim, '/servers/')).json, 'results') as Array<Record<string, unknown>>;
    const seen = new Set<OddKind>();
    for (const entry of listed) {
      const id = Number(entry.id);
      const kind = oddKindOf(id);
      seen.add(kind);
      const detail = (await call(sim, `/servers/${id}/`)).json as Record<string, unknown>;
      for (const key of ['id', 'name', 'hostname', 'ip_address', 'location', 'os', 'created_at'])
        expect({ id, key, value: detail[key] }).toEqual({ id, key, value: entry[key] });
      expect({ id, kind, looks: LOOKS[kind](entry, detail) }).toEqual({ id, kind, looks: EXPECTED_LOOKS[kind] });
    }
    expect([...seen].toSorted()).toEqual([...ODD_KINDS].toSorted());
  });

  it('switch off at run time: documented again', async () => {
    const sim = await sims.start({ servers: 25, shapes: { oddServers: true } });
    sim.setAnswerShapes({});
    const listed = field((await call(sim, '/servers/')).json, 'results') as Array<Record<string, unknown>>;
    expect(listed.every((entry) => typeof entry.id === 'number' && isRecord(entry.plan) && isRecord(entry.os))).toBe(
      true,
    );
  });
});

describe('write answers', () => {
  const ACTIVE = 12345;
  const writes = async (sim: Awaited<ReturnType<typeof sims.start>>) => {
    const stopped = sim
      .listServerIds()
      .find((id) => field(sim.getServer(id), 'status') === 'stopped' && id !== ACTIVE)!;
    return {
      create: await call(sim, '/servers/', { method: 'POST', body: VALID_CREATE }),
      put: await call(sim, `/servers/${ACTIVE}/`, {
        method: 'PUT',
        body: { name: 'renamed', hostname: 'renamed.example.com', backups_enabled: true },
      }),
      patch: await call(sim, `/servers/${ACTIVE}/`, { method: 'PATCH', body: { name: 'patched' } }),
      reboot: await call(sim, `/servers/${ACTIVE}/reboot/`, { method: 'POST' }),
      start: await call(sim, `/servers/${stopped}/start/`, { method: 'POST' }),
      delete: await call(sim, `/servers/${stopped}/`, { method: 'DELETE' }),
    };
  };

  it('terse: the shortest sensible bodies, and the writes happen', async () => {
    const sim = await sims.start({ shapes: { writeAnswers: 'terse' } });
    const answers = await writes(sim);
    expect(answers.create.status).toBe(201);
    expect(Object.keys(answers.create.json as object).toSorted()).toEqual(['id', 'name', 'status']);
    expect(answers.put.json).toMatchObject({ id: ACTIVE, name: 'renamed', status: 'active' });
    for (const key of ['ipv6_address', 'backups_enabled', 'resource_usage'])
      expect(key in (answers.put.json as object)).toBe(false);
    expect(field(field(answers.patch.json, 'plan'), 'bandwidth')).toBeUndefined();
    expect([answers.reboot.json, answers.start.json]).toEqual([{ status: 'success' }, { status: 'success' }]);
    expect([answers.delete.status, answers.delete.json]).toEqual([200, {}]);
    expect(field(sim.getServer(ACTIVE), 'status')).toBe('rebooting');
    expect(field(sim.getServer(ACTIVE), 'name')).toBe('patched');
  });

  it('message-only: {"message"} to every write, the created server unnamed', async () => {
    const sim = await sims.start({ shapes: { writeAnswers: 'message-only' } });
    const before = sim.listServerIds().length;
    const answers = await writes(sim);
    for (const answer of Object.values(answers)) expect(Object.keys(answer.json as object)).toEqual(['message']);
    expect(answers.create.status).toBe(201);
    expect(answers.reboot.json).toEqual({ message: 'Server is rebooting' });
    expect(sim.listServerIds()).toHaveLength(before); // one created, one deleted
  });

  it('empty: 202 or 204 without a body', async () => {
    const sim = await sims.start({ shapes: { writeAnswers: 'empty' } });
    const answers = await writes(sim);
    expect(Object.fromEntries(Object.entries(answers).map(([name, answer]) => [name, answer.status]))).toEqual({
      create: 202,
      put: 204,
      patch: 204,
      reboot: 202,
      start: 202,
      delete: 204,
    });
    for (const answer of Object.values(answers)) expect(answer.text).toBe('');
    expect(field(sim.getServer(ACTIVE), 'status')).toBe('rebooting');
  });

  it('errors keep their documented shape whatever the write answers', async () => {
    const sim = await sims.start({ shapes: { writeAnswers: 'empty' } });
    const refused = await call(sim, '/servers/999999/reboot/', { method: 'POST' });
    expect([refused.status, refused.json]).toEqual([404, { detail: 'Server not found.' }]);
  });
});
