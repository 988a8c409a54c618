// Property-based tests of response reading (issue 8): whatever VPS.org answers, with whatever status,
// every call of the client ends in a well-typed value or a typed VpsApiError, and nothing else is
// thrown. The answers are arbitrary JSON, arbitrary text, and near-misses of the documented shapes
// (right keys, any values), served by an in-memory fetch so thousands of exchanges stay fast.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createVpsClient, type VpsClient } from '../../main/api/client';
import { VpsApiError } from '../../main/api/errors';
import {
  idsNamedBy,
  readCreatedServer,
  readListPage,
  readPowerActionResponse,
  readServer,
  readServerDetail,
} from '../../main/api/schemas';
import { API_ERROR_KINDS } from '../../common/errors';

const TOKEN = 'tok_prop_3c1d5e7f9a';
const BASE = 'https://vps.example.test/api/v1';

// ---- what a well-typed value is: the types of common/servers.ts and main/api/schemas.ts, strictly ----

const nonBlank = z.string().refine((value) => value.trim() !== '', 'blank');
const amount = z.number().finite().nonnegative();
const catalogId = z.number().int().nonnegative().safe();
const serverId = z.number().int().positive().safe();
const date = nonBlank.refine((value) => !Number.isNaN(Date.parse(value)), 'not a date');
/** A plain object: what arrives over the bridge must not have a borrowed prototype. */
const plain = <T extends z.ZodType>(schema: T) =>
  z.custom<z.infer<T>>((value) => Object.getPrototypeOf(value) === Object.prototype && schema.safeParse(value).success);

const planOut = plain(
  z
    .object({
      id: catalogId.nullable(),
      name: nonBlank.nullable(),
      vcpus: amount.nullable(),
      memory: amount.nullable(),
      storage: amount.nullable(),
      bandwidth: amount.nullable(),
    })
    .catchall(z.unknown()),
).nullable();
const osOut = plain(z.object({ id: catalogId.nullable(), name: nonBlank.nullable() }).catchall(z.unknown())).nullable();
const serverShape = z
  .object({
    id: serverId,
    name: nonBlank,
    hostname: nonBlank.nullable(),
    status: nonBlank,
    ip_address: nonBlank.nullable(),
    location: nonBlank.nullable(),
    plan: planOut,
    os: osOut,
    created_at: date.nullable(),
    updated_at: date.nullable(),
  })
  .catchall(z.unknown());
const serverOut = plain(serverShape);
const usageOut = plain(
  z
    .object({
      cpu_percent: amount.nullable(),
      memory_used: amount.nullable(),
      disk_used: amount.nullable(),
      bandwidth_used: amount.nullable(),
    })
    .catchall(z.unknown()),
).nullable();
const detailOut = plain(
  serverShape.extend({
    ipv6_address: nonBlank.nullable(),
    backups_enabled: z.boolean().nullable(),
    resource_usage: usageOut,
  }),
);
const createdOut = plain(
  serverShape.extend({
    ipv6_address: nonBlank.nullable(),
    backups_enabled: z.boolean().nullable(),
    message: nonBlank.nullable(),
  }),
).nullable();
const listOut = z
  .object({
    count: z.number().int().nonnegative(),
    results: z.array(serverOut),
    skipped: z.number().int().nonnegative(),
  })
  .strict();
const powerOut = plain(
  z
    .object({
      status: nonBlank.nullable(),
      message: nonBlank.nullable(),
      server: plain(
        z
          .object({ id: serverId.nullable(), name: nonBlank.nullable(), status: nonBlank.nullable() })
          .catchall(z.unknown()),
      ).nullable(),
    })
    .catchall(z.unknown()),
);

// ---- arbitrary answers ----

/** Values a field might plausibly hold, right or wrong: numbers, numeric strings, dates, nulls, junk. */
const fieldValue = fc.oneof(
  fc.integer({ min: -3, max: 100_000 }),
  fc.double(),
  fc.integer({ min: 0, max: 99_999 }).map(String),
  fc.constantFrom('', ' ', 'active', 'stopped', 'migrating', '2025-01-15T10:20:00Z', 'yesterday', '1e3', '-0', 'NaN'),
  fc.constant(null),
  fc.boolean(),
  fc.string({ maxLength: 12 }),
  fc.jsonValue({ maxDepth: 2 }),
);
/** A well-typed server's own fields (the keys of serverShape above). */
const SERVER_FIELDS = Object.keys(serverShape.shape);
/** The keys a near-miss server carries with any value; plan, os and resource_usage have generators of their own. */
const SERVER_KEYS = [
  ...SERVER_FIELDS.filter((key) => key !== 'plan' && key !== 'os'),
  'ipv6_address',
  'backups_enabled',
  'message',
  '__proto__',
  'constructor',
];
const planLike = fc.record(
  {
    id: fieldValue,
    name: fieldValue,
    vcpus: fieldValue,
    memory: fieldValue,
    storage: fieldValue,
    bandwidth: fieldValue,
  },
  { requiredKeys: [] },
);
const usageLike = fc.record(
  { cpu_percent: fieldValue, memory_used: fieldValue, disk_used: fieldValue, bandwidth_used: fieldValue },
  { requiredKeys: [] },
);
/** A server's keys with any of the values above, some keys missing: the near-misses. */
const serverLike = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...SERVER_KEYS), fieldValue, { maxKeys: SERVER_KEYS.length }),
    fc.option(fc.oneof(planLike, fieldValue), { nil: undefined }),
    fc.option(fc.oneof(fc.record({ id: fieldValue, name: fieldValue }, { requiredKeys: [] }), fieldValue), {
      nil: undefined,
    }),
    fc.option(fc.oneof(usageLike, fieldValue), { nil: undefined }),
  )
  .map(([fields, plan, os, usage]) => ({
    ...fields,
    ...(plan === undefined ? {} : { plan }),
    ...(os === undefined ? {} : { os }),
    ...(usage === undefined ? {} : { resource_usage: usage }),
  }));
/** Mostly readable servers, so the properties also reach deep into what gets through. */
const readableServer = fc
  .tuple(serverLike, fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom('active', 'stopped', 'odd'))
  .map(([server, id, status]) => ({ ...server, id, status }));
const entry = fc.oneof(readableServer, serverLike, fieldValue);
const listLike = fc.oneof(
  fc.array(entry, { maxLength: 6 }),
  fc.record(
    {
      count: fieldValue,
      next: fc.oneof(
        fc.constant(null),
        fc.constantFrom('?page=2', '/api/v1/servers/?page=3', 'http://elsewhere.test/x', '::'),
      ),
      previous: fieldValue,
      results: fc.oneof(fc.array(entry, { maxLength: 6 }), fieldValue),
    },
    { requiredKeys: [] },
  ),
);
const powerLike = fc.record(
  { status: fieldValue, message: fieldValue, server: fc.oneof(serverLike, readableServer, fieldValue) },
  { requiredKeys: [] },
);

/** A body: arbitrary JSON text, arbitrary text, or a near-miss of a documented shape. */
const body = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', '<!doctype html><p>Maintenance</p>', '{"count": 1, "res', 'null', '[]', '{}'),
  fc.oneof(listLike, serverLike, readableServer, powerLike).map((value) => JSON.stringify(value)),
);

const STATUSES = [200, 201, 202, 204, 301, 400, 401, 402, 404, 409, 429, 500, 502, 503] as const;
const answer = fc.record({
  status: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(200, 201, 202) },
    { weight: 2, arbitrary: fc.constantFrom(...STATUSES) },
  ),
  body,
  retryAfter: fc.option(fc.oneof(fc.nat(120).map(String), fc.string({ maxLength: 8 })), { nil: undefined }),
});
type Answer = typeof answer extends fc.Arbitrary<infer A> ? A : never;

// ---- an in-memory VPS.org that always gives the same answer ----

function clientAnswering(reply: Answer): { client: VpsClient; methods: string[] } {
  const methods: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    methods.push(request.method);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (reply.retryAfter !== undefined) headers['retry-after'] = reply.retryAfter;
    const empty = reply.status === 204;
    return new Response(empty ? null : reply.body, { status: reply.status, headers });
  };
  const client = createVpsClient({
    baseUrl: BASE,
    token: TOKEN,
    fetch,
    timeoutMs: 5_000,
    maxPages: 3,
    sleep: async () => undefined,
    random: () => 0,
  });
  return { client, methods };
}

type Endpoint = [name: string, call: (c: VpsClient) => Promise<unknown>, out: z.ZodType, write: string | null];
const ENDPOINTS: Endpoint[] = [
  ['listServers', (c) => c.listServers(), listOut, null],
  ['getServer', (c) => c.getServer(7), detailOut, null],
  [
    'createServer',
    (c) => c.createServer({ name: 'web-7', plan_id: 1, os_id: 5, location: 'us-west' }),
    createdOut,
    'POST',
  ],
  [
    'replaceServer',
    (c) => c.replaceServer(7, { name: 'web-7', hostname: 'web7.example.com', backups_enabled: true }),
    detailOut,
    'PUT',
  ],
  ['updateServer', (c) => c.updateServer(7, { name: 'web-7' }), detailOut, 'PATCH'],
  ['deleteServer', (c) => c.deleteServer(7), z.undefined(), 'DELETE'],
  ['startServer', (c) => c.powerAction(7, 'start'), powerOut, 'POST'],
  ['stopServer', (c) => c.powerAction(7, 'stop'), powerOut, 'POST'],
  ['rebootServer', (c) => c.powerAction(7, 'reboot'), powerOut, 'POST'],
];

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * What a write's outcome tells the user: 'accepted' (a value, or an error saying VPS.org accepted it but
 * the server could not be read back), 'flagged' (an answer about another server), else 'failed'.
 */
function verdictOf(outcome: Awaited<ReturnType<typeof settle>>): 'accepted' | 'flagged' | 'failed' {
  if (outcome.ok) return 'accepted';
  const { error } = outcome;
  if (!(error instanceof VpsApiError) || !error.outcomeUnknown) return 'failed';
  if (error.message.startsWith('VPS.org accepted the')) return 'accepted';
  if (
    error.kind === 'invalid-response' &&
    error.status === undefined &&
    error.message.includes('with an answer about server')
  )
    return 'flagged';
  return 'failed';
}

/** How a call ended: its value, or the error it threw. */
async function settle(
  promise: Promise<unknown>,
): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Why an outcome is not acceptable, or null: a well-typed value or a typed VpsApiError, nothing else. */
function wrongOutcome(outcome: Awaited<ReturnType<typeof settle>>, out: z.ZodType): string | null {
  if (outcome.ok) {
    const checked = out.safeParse(outcome.value);
    return checked.success ? null : `ill-typed value ${JSON.stringify(outcome.value)}: ${checked.error.message}`;
  }
  const { error } = outcome;
  if (!(error instanceof VpsApiError)) return `threw something else: ${String(error)}`;
  if (!API_ERROR_KINDS.includes(error.kind)) return `unknown kind ${String(error.kind)}`;
  if (error.message.trim() === '') return 'an empty message';
  if ([error.message, error.apiText ?? '', JSON.stringify(error)].join('\n').includes(TOKEN)) return 'the token';
  return null;
}

describe('every answer ends in a well-typed value or a typed VpsApiError', () => {
  it.each(ENDPOINTS)('%s', async (_name, call, out, write) => {
    await fc.assert(
      fc.asyncProperty(answer, async (reply) => {
        const { client, methods } = clientAnswering(reply);
        const problem = wrongOutcome(await settle(call(client)), out);
        expect(problem).toBeNull();
        // Whatever came back, a write was sent exactly once (a read sends no write).
        expect(methods.filter((method) => method === write)).toHaveLength(write === null ? 0 : 1);
      }),
      { numRuns: 250 },
    );
  });

  it('a 2xx to a write is never reported as failed; only an answer about another server is flagged', async () => {
    const writes = ENDPOINTS.filter(([name, , , write]) => write !== null && name !== 'createServer');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writes),
        fc.constantFrom(200, 201, 202, 204),
        fc.oneof(body, fc.constantFrom('{"id": 8}', '{"server": {"id": "9"}}', '{"id": 7, "status": "active"}')),
        async ([name, call], status, text) => {
          // The read-back GET of PUT/PATCH gets the same answer, so it may fail: still accepted.
          const { client } = clientAnswering({ status, body: text, retryAfter: undefined });
          const outcome = await settle(call(client));
          const contradicts = status !== 204 && idsNamedBy(parseOrUndefined(text)).some((id) => id !== 7);
          expect({ name, verdict: verdictOf(outcome) }).toEqual({
            name,
            verdict: contradicts ? 'flagged' : 'accepted',
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('nothing in a single-page list is lost silently: read plus skipped is every entry', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 8 }), fc.boolean(), async (entries, bare) => {
        const text = JSON.stringify(bare ? entries : { results: entries });
        const { client } = clientAnswering({ status: 200, body: text, retryAfter: undefined });
        const list = await client.listServers();
        // A server listed twice is one row (never two rows with one key), and the list says it was unsettled.
        const ids = list.results.map((server) => server.id);
        expect(new Set(ids).size).toBe(ids.length);
        const repeats = entries.length - list.skipped - list.results.length;
        expect(repeats).toBeGreaterThanOrEqual(0);
        expect(list.unsettled).toBe(repeats > 0 ? true : undefined);
        expect(list.count).toBe(entries.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the readers never throw, whatever they are given', () => {
  const readers: Array<[string, (value: unknown) => unknown]> = [
    ['readServer', (value) => readServer(value)],
    ['readServerDetail', (value) => readServerDetail(value)],
    ['readCreatedServer', (value) => readCreatedServer(value)],
    ['readListPage', (value) => readListPage(value)],
    ['readPowerActionResponse', (value) => readPowerActionResponse(value)],
    ['idsNamedBy', (value) => idsNamedBy(value)],
  ];

  it.each(readers)('%s', (_name, read) => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), serverLike, readableServer, listLike, powerLike), (value) => {
        expect(() => read(value)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('what readServer accepts is a well-typed server, and it keeps every unknown field', () => {
    fc.assert(
      fc.property(
        fc.oneof(readableServer, serverLike),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 1 })),
        (server, extra) => {
          const read = readServer({ ...extra, ...server });
          const value: unknown = read.ok ? read.value : undefined;
          expect(read.ok ? serverOut.safeParse(value).success : 'unread').toBe(read.ok ? true : 'unread');
          const kept = Object.keys(extra).filter(
            (key) => !(key in server) && !SERVER_FIELDS.includes(key) && key !== '__proto__',
          );
          const keptValues = (from: unknown) => kept.map((key) => (from as Record<string, unknown>)[key]);
          expect(read.ok ? keptValues(value) : 'unread').toEqual(read.ok ? keptValues(extra) : 'unread');
        },
      ),
      { numRuns: 500 },
    );
  });
});
