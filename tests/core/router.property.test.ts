// Property-based tests of the IPC router through the real core (issue 8): every invoke channel gets
// arbitrary payloads and near-misses of its request shape. Whatever arrives, the router answers a typed
// Result (never throws), whose error kind is one of ErrorKind; a payload the contract does not allow is
// refused before any feature runs; and the VPS.org client (recorded) is only ever called with input the
// API allows, for the server the payload named. What the API allows is read from its description
// (openapi/vps-org.openapi.json, by the simulator's own reader main/simulator/requests.ts), never from the
// app's rules (common/rules.ts), so a wrong rule fails here instead of agreeing with itself.
import { isIP } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVpsClient, type VpsClient, type VpsClientOptions } from '../../main/api/client';
import { settingsPatchSchema } from '../../main/settings/schema';
import { InvokeChannel, type Result } from '../../common/contract';
import type { ErrorKind } from '../../common/errors';
import { checkRequestBody, requestFields, type WriteOperation } from '../../main/simulator/requests';
import apiDocument from '../../openapi/vps-org.openapi.json';
import { fleetSnapshot, type Harness, setApiBaseUrl, useHarnessPerTest, APP_SENDER } from './harness';

const startHarness = useHarnessPerTest();

/** Every ErrorKind, checked both ways by the compiler (a kind added to the union must be added here). */
const ERROR_KINDS: Record<ErrorKind, true> = {
  unauthorized: true,
  'payment-required': true,
  'not-found': true,
  'bad-request': true,
  'rate-limited': true,
  server: true,
  network: true,
  timeout: true,
  'invalid-response': true,
  'invalid-payload': true,
  forbidden: true,
  conflict: true,
  'no-token': true,
  storage: true,
  internal: true,
};

interface ClientCall {
  method: string;
  args: unknown[];
}

/** The real client to the simulator, with every call recorded before it is sent. */
function recordingClient(calls: ClientCall[]) {
  return (options: VpsClientOptions): VpsClient => {
    const real = createVpsClient(options);
    return new Proxy(real, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push({ method: String(property), args });
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  };
}

/** An object as structured clone delivers it over IPC: a plain record (prototype Object or none). */
const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

const onlyKeys = (value: Record<string, unknown>, allowed: readonly string[]) =>
  Object.keys(value).every((key) => allowed.includes(key));

const isServerId = (id: unknown): id is number => typeof id === 'number' && Number.isSafeInteger(id) && id > 0;

/** The contract's ServerRef, written out independently of the router's own check. */
const isRef = (value: unknown): value is { accountId: string; id: number } =>
  isPlainObject(value) &&
  onlyKeys(value, ['accountId', 'id']) &&
  typeof value.accountId === 'string' &&
  value.accountId.length >= 1 &&
  value.accountId.length <= 200 &&
  isServerId(value.id);

/** A power request: a ServerRef, and how the popup started it. */
const isPowerRequest = (value: unknown): boolean => {
  if (!isPlainObject(value)) return false;
  const { source, ...ref } = value;
  return isRef(ref) && (source === undefined || source === 'popup' || source === 'keyboard');
};

const isObjectLike = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The body the client should send for a payload's server fields, written from the API's description: its
 * documented fields (others dropped), except that over IPC an optional field of a create left empty ('' or
 * null) counts as absent, and the location is trimmed. undefined when the payload is no object.
 */
function expectedBody(operation: WriteOperation, payload: unknown): Record<string, unknown> | undefined {
  if (!isObjectLike(payload)) return undefined;
  const { properties, required } = requestFields(operation);
  const body: Record<string, unknown> = {};
  for (const name of properties) {
    const value = payload[name];
    if (value === undefined) continue;
    if (operation === 'createServer' && !required.includes(name) && (value === null || value === '')) continue;
    body[name] = name === 'location' && typeof value === 'string' ? value.trim() : value;
  }
  return body;
}

/** Does a payload's server fields make a body the API's description allows? */
function conforms(operation: WriteOperation, payload: unknown): boolean {
  const body = expectedBody(operation, payload);
  return body !== undefined && checkRequestBody(operation, body) === null;
}

/** Did the client send exactly the documented body the payload makes, one the API allows? */
function sentAsDocumented(operation: WriteOperation, payload: unknown, sent: unknown): boolean {
  const expected = expectedBody(operation, payload);
  return expected !== undefined && checkRequestBody(operation, sent) === null && isDeepStrictEqual(sent, expected);
}

const noPayload = (payload: unknown) => payload === undefined || payload === null;

/**
 * What the contract allows on each channel: true (must not be refused as a bad payload), false (must be
 * refused before any feature runs), or undefined (rules too fine to restate: only the other properties hold).
 */
const ALLOWED: Record<InvokeChannel, (payload: unknown) => boolean | undefined> = {
  [InvokeChannel.appInfo]: noPayload,
  [InvokeChannel.authState]: noPayload,
  [InvokeChannel.tokenSet]: (payload) =>
    isPlainObject(payload) && onlyKeys(payload, ['token', 'label']) && typeof payload.token === 'string'
      ? undefined
      : false,
  [InvokeChannel.tokenClear]: noPayload,
  [InvokeChannel.demoStart]: noPayload,
  [InvokeChannel.demoStop]: noPayload,
  [InvokeChannel.accountAdd]: (payload) =>
    isPlainObject(payload) &&
    onlyKeys(payload, ['label', 'token']) &&
    typeof payload.label === 'string' &&
    typeof payload.token === 'string'
      ? undefined
      : false,
  [InvokeChannel.accountRename]: (payload) =>
    isPlainObject(payload) &&
    onlyKeys(payload, ['id', 'label']) &&
    typeof payload.id === 'string' &&
    payload.id.length >= 1 &&
    payload.id.length <= 100 &&
    typeof payload.label === 'string'
      ? undefined
      : false,
  [InvokeChannel.accountRemove]: (payload) =>
    isPlainObject(payload) &&
    onlyKeys(payload, ['id']) &&
    typeof payload.id === 'string' &&
    payload.id.length >= 1 &&
    payload.id.length <= 100,
  [InvokeChannel.fleetSubscribe]: noPayload,
  [InvokeChannel.fleetRefresh]: noPayload,
  [InvokeChannel.serversList]: (payload) =>
    noPayload(payload) ||
    (isPlainObject(payload) &&
      onlyKeys(payload, ['status', 'location']) &&
      Object.values(payload).every((value) => typeof value === 'string' && value.length >= 1 && value.length <= 64)),
  [InvokeChannel.serversGet]: isRef,
  [InvokeChannel.serversCreate]: (payload) => conforms('createServer', payload),
  [InvokeChannel.serversReplace]: (payload) =>
    isPlainObject(payload) &&
    onlyKeys(payload, ['ref', 'input']) &&
    isRef(payload.ref) &&
    conforms('replaceServer', payload.input),
  [InvokeChannel.serversUpdate]: (payload) =>
    isPlainObject(payload) &&
    onlyKeys(payload, ['ref', 'patch']) &&
    isRef(payload.ref) &&
    conforms('updateServer', payload.patch),
  [InvokeChannel.serversDelete]: (payload) =>
    isPlainObject(payload) &&
    onlyKeys(payload, ['ref', 'confirmName']) &&
    isRef(payload.ref) &&
    typeof payload.confirmName === 'string' &&
    payload.confirmName.length >= 1 &&
    payload.confirmName.length <= 1000,
  [InvokeChannel.serversStart]: isPowerRequest,
  [InvokeChannel.serversStop]: isPowerRequest,
  [InvokeChannel.serversReboot]: isPowerRequest,
  [InvokeChannel.settingsGet]: noPayload,
  [InvokeChannel.settingsSet]: (payload) => settingsPatchSchema.safeParse(payload).success,
  // An address, or the ssh command to one (main/features/app.ts).
  [InvokeChannel.clipboardWrite]: (payload) =>
    typeof payload === 'string' &&
    new TextEncoder().encode(payload).length <= 4096 &&
    isIP(payload.startsWith('ssh root@') ? payload.slice('ssh root@'.length) : payload) !== 0,
  [InvokeChannel.popupBootstrap]: noPayload,
  [InvokeChannel.popupHide]: noPayload,
  [InvokeChannel.shortcutStatus]: noPayload,
  [InvokeChannel.updatesState]: noPayload,
  [InvokeChannel.diagnosticsCopy]: (payload) =>
    isPlainObject(payload) &&
    onlyKeys(payload, ['includeServerNames']) &&
    typeof payload.includeServerNames === 'boolean',
  [InvokeChannel.alertsState]: noPayload,
  [InvokeChannel.alertsExpect]: (payload) =>
    isPlainObject(payload) &&
    onlyKeys(payload, ['ref', 'expectation']) &&
    isRef(payload.ref) &&
    (payload.expectation === 'should-run' || payload.expectation === 'may-stop'),
  [InvokeChannel.alertsAcknowledge]: isRef,
  [InvokeChannel.alertsPause]: (payload) =>
    isPlainObject(payload) &&
    onlyKeys(payload, ['ref', 'duration']) &&
    (payload.ref === null || isRef(payload.ref)) &&
    ['1h', 'tomorrow', 'indefinite', 'off'].includes(payload.duration as string),
  [InvokeChannel.alertsServerThresholds]: (payload) =>
    isPlainObject(payload) &&
    onlyKeys(payload, ['ref', 'thresholds']) &&
    isRef(payload.ref) &&
    isPlainObject(payload.thresholds)
      ? undefined
      : false,
  [InvokeChannel.alertsConfigure]: (payload) =>
    isPlainObject(payload) && onlyKeys(payload, ['holdSeconds', 'thresholds']) ? undefined : false,
  [InvokeChannel.historyDigest]: noPayload,
  [InvokeChannel.historyDismissDigest]: noPayload,
  [InvokeChannel.historyServer]: isRef,
  [InvokeChannel.historyExport]: (payload) =>
    isPlainObject(payload) &&
    onlyKeys(payload, ['accountId', 'serverId', 'format']) &&
    typeof payload.accountId === 'string' &&
    payload.accountId.length >= 1 &&
    payload.accountId.length <= 200 &&
    (payload.serverId === undefined || isServerId(payload.serverId)) &&
    (payload.format === 'csv' || payload.format === 'json'),
  [InvokeChannel.historyClear]: noPayload,
};

/** The server ids a payload names (a client call about any other server is a mix-up). */
function namedIds(payload: unknown): number[] {
  if (!isPlainObject(payload)) return [];
  if (isRef(payload)) return [payload.id];
  return isRef(payload.ref) ? [payload.ref.id] : [];
}

/** Is a client call one the API allows, about a server the payload named? */
function callProblem(call: ClientCall, payload: unknown): string | null {
  const [first, second] = call.args;
  const idOk = (id: unknown) => isServerId(id) && namedIds(payload).includes(id);
  switch (call.method) {
    case 'listServers':
      return first === undefined || (isPlainObject(first) && onlyKeys(first, ['status', 'location']))
        ? null
        : 'list filter';
    case 'createServer':
      return sentAsDocumented('createServer', payload, first) ? null : 'create input';
    case 'replaceServer':
      return idOk(first) && isPlainObject(payload) && sentAsDocumented('replaceServer', payload.input, second)
        ? null
        : 'replace input';
    case 'updateServer':
      return idOk(first) && isPlainObject(payload) && sentAsDocumented('updateServer', payload.patch, second)
        ? null
        : 'update patch';
    case 'getServer':
    case 'deleteServer':
      return idOk(first) ? null : `${call.method} id`;
    case 'powerAction':
      if (!idOk(first)) return `${call.method} id`;
      return second === 'start' || second === 'stop' || second === 'reboot' ? null : 'power action';
    default:
      return null;
  }
}

/** A Result as the contract types it: ok with a value that survives IPC, or an error of a known kind. */
function resultProblem(result: unknown): string | null {
  if (!isPlainObject(result) || typeof result.ok !== 'boolean') return 'not a Result';
  if (result.ok) {
    if (!('value' in result) || result.value === undefined) return 'ok without a value';
    try {
      structuredClone(result.value);
    } catch {
      return 'a value IPC cannot carry';
    }
    return null;
  }
  const error = result.error;
  if (!isPlainObject(error)) return 'an error that is not an object';
  if (typeof error.kind !== 'string' || !Object.hasOwn(ERROR_KINDS, error.kind))
    return `error kind ${String(error.kind)}`;
  if (typeof error.message !== 'string' || error.message === '') return 'an error without a message';
  return null;
}

/** What is wrong with the router's answer to `payload` on `channel`, given the client calls it made; null when nothing. */
function answerProblem(
  channel: InvokeChannel,
  payload: unknown,
  result: Result<unknown>,
  made: readonly ClientCall[],
): string | null {
  const typed = resultProblem(result);
  if (typed) return typed;
  const allowed = ALLOWED[channel](payload);
  if (allowed === false) {
    if (result.ok) return 'accepted a payload the contract does not allow';
    if (result.error.kind !== 'invalid-payload' && result.error.kind !== 'bad-request')
      return `refused a bad payload as ${result.error.kind}, after a feature ran`;
    if (made.length > 0) return `called the client (${made.map((call) => call.method).join(', ')}) for a bad payload`;
  }
  // An allowed payload may fail at the API (a 400 for an unknown plan, say), never by the app's own checks.
  if (allowed === true && !result.ok) {
    const { kind, message, fieldViolations } = result.error;
    const refusedUnsent = made.length === 0 && kind === 'bad-request' && fieldViolations !== undefined;
    if (kind === 'invalid-payload' || refusedUnsent)
      return `refused an allowed payload: ${message} ${JSON.stringify(fieldViolations ?? {})}`;
  }
  for (const call of made) {
    const problem = callProblem(call, payload);
    if (problem) return `called ${call.method} with an invalid ${problem}: ${JSON.stringify(call.args)}`;
  }
  return null;
}

/** Adds (sometimes) a stray key to an object payload: the contract's objects are exact. */
function maybeWithStrayKey(arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(arbitrary, fc.option(fc.tuple(fc.string({ maxLength: 6 }), fc.anything()), { freq: 3 }))
    .map(([value, stray]) =>
      stray && isPlainObject(value) && !(stray[0] in value) ? { ...value, [stray[0]]: stray[1] } : value,
    );
}

const createSchema = apiDocument.components.schemas.CreateServerRequest;
const NAME_MAX = createSchema.properties.name.maxLength;
/** Names and hostnames at the limits the API's description sets: the longest allowed, one more. */
const BOUNDARY_NAMES = ['a'.repeat(NAME_MAX), `w${'-'.repeat(NAME_MAX - 2)}1`, 'a'.repeat(NAME_MAX + 1), '1-', '-1'];
const label = (length: number) => 'h'.repeat(length);
const BOUNDARY_HOSTNAMES = [
  `${label(63)}.example.com`,
  `${label(64)}.example.com`,
  // 253 characters, with and without a final dot; then 254.
  `${label(63)}.${label(63)}.${label(63)}.${label(61)}`,
  `${label(63)}.${label(63)}.${label(63)}.${label(61)}.`,
  `${label(63)}.${label(63)}.${label(63)}.${label(62)}`,
  'web.example.123',
  'web-.example.com',
];

/**
 * Payloads at those limits, always tried first on the channels that carry server fields (valid but for the
 * one field at its limit), so a rule that is off by one cannot slip through the random ones.
 */
function boundaryPayloads(channel: InvokeChannel, fleet: { ids: number[] }): unknown[] {
  const ref = { accountId: 'default', id: fleet.ids[0] };
  const create = { name: 'new-01', plan_id: 1, os_id: 5, location: 'us-east' };
  const replace = { name: 'new-01', hostname: 'web.example.com', backups_enabled: true };
  const names = BOUNDARY_NAMES.map((name) => ({ name }));
  const hostnames = BOUNDARY_HOSTNAMES.map((hostname) => ({ hostname }));
  switch (channel) {
    case InvokeChannel.serversCreate:
      return [...names, ...hostnames].map((change) => ({ ...create, ...change }));
    case InvokeChannel.serversReplace:
      return [...names, ...hostnames].map((change) => ({ ref, input: { ...replace, ...change } }));
    case InvokeChannel.serversUpdate:
      return [...names, ...hostnames].map((patch) => ({ ref, patch }));
    default:
      return [];
  }
}

/** Near-misses of each request shape, around the ids and names the fleet really has. */
function payloads(channel: InvokeChannel, fleet: { ids: number[]; names: string[] }): fc.Arbitrary<unknown> {
  const id = fc.oneof(
    fc.constantFrom(...fleet.ids),
    fc.constantFrom(0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2, Infinity),
    fc.constantFrom(...fleet.ids).map(String),
    fc.integer(),
    fc.anything(),
  );
  const accountId = fc.oneof(fc.constant('default'), fc.string({ maxLength: 210 }), fc.anything());
  const ref = maybeWithStrayKey(
    fc.oneof(
      { weight: 3, arbitrary: fc.record({ accountId, id }) },
      { weight: 1, arbitrary: fc.record({ accountId, id }, { requiredKeys: [] }) },
    ),
  );
  const name = fc.oneof(
    fc.constantFrom(...fleet.names),
    fc.constantFrom(...BOUNDARY_NAMES),
    fc.string({ maxLength: 70 }),
    fc.anything(),
  );
  const text = fc.oneof(fc.string({ maxLength: 70 }), fc.anything());
  const positive = fc.oneof(fc.constantFrom(1, 2, 5, 0, -1, 1.5, '1'), fc.anything());
  const fields = {
    name,
    hostname: fc.oneof(fc.constantFrom('web.example.com', 'a', '-bad-', '', ...BOUNDARY_HOSTNAMES), text),
    backups_enabled: fc.oneof(fc.boolean(), fc.anything()),
    plan_id: positive,
    os_id: positive,
    ssh_key_id: positive,
    plan: fc.oneof(fc.constantFrom('basic', 'standard', 'vps-1'), text),
    os: fc.oneof(fc.constantFrom('ubuntu-22.04', 'debian-12'), text),
    location: fc.oneof(fc.constantFrom('prague', 'us-east'), text),
  };
  const input = maybeWithStrayKey(fc.record(fields, { requiredKeys: [] }));
  const shaped: Partial<Record<InvokeChannel, fc.Arbitrary<unknown>>> = {
    [InvokeChannel.serversGet]: ref,
    [InvokeChannel.serversStart]: ref,
    [InvokeChannel.serversStop]: ref,
    [InvokeChannel.serversReboot]: ref,
    [InvokeChannel.serversDelete]: maybeWithStrayKey(fc.record({ ref, confirmName: name }, { requiredKeys: [] })),
    [InvokeChannel.serversReplace]: maybeWithStrayKey(fc.record({ ref, input }, { requiredKeys: [] })),
    [InvokeChannel.serversUpdate]: maybeWithStrayKey(fc.record({ ref, patch: input }, { requiredKeys: [] })),
    [InvokeChannel.serversCreate]: input,
    [InvokeChannel.serversList]: maybeWithStrayKey(fc.record({ status: text, location: text }, { requiredKeys: [] })),
    [InvokeChannel.tokenSet]: maybeWithStrayKey(
      fc.record(
        { token: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.anything()), label: text },
        { requiredKeys: [] },
      ),
    ),
    [InvokeChannel.settingsSet]: maybeWithStrayKey(
      fc.record(
        {
          notifications: fc.oneof(fc.boolean(), fc.anything()),
          language: fc.oneof(fc.constantFrom('auto', 'en', 'cs', 'de'), fc.anything()),
          pollIntervals: fc.oneof(fc.record({ idleSeconds: fc.integer({ min: -5, max: 5000 }) }), fc.anything()),
          apiBaseUrl: fc.constantFrom('https://attacker.example/api/v1', 'http://127.0.0.1:1/api/v1'),
        },
        { requiredKeys: [] },
      ),
    ),
    [InvokeChannel.clipboardWrite]: fc.oneof(
      fc.string({ maxLength: 100 }),
      fc.ipV4().chain((ip) => fc.constantFrom(ip, `ssh root@${ip}`, `ssh root@${ip}\nid`, `${ip} `)),
      fc.ipV6(),
      fc.string({ minLength: 4000, maxLength: 4200 }),
    ),
  };
  const near = shaped[channel];
  return near ? fc.oneof({ weight: 1, arbitrary: fc.anything() }, { weight: 3, arbitrary: near }) : fc.anything();
}

async function fuzzedHarness(): Promise<{ h: Harness; calls: ClientCall[] }> {
  const calls: ClientCall[] = [];
  const h = await startHarness({ servers: 6, deps: { createClient: recordingClient(calls) } });
  // A token set while fuzzing is checked against the simulator, never against the real VPS.org.
  setApiBaseUrl(h, h.sim.baseUrl);
  return { h, calls };
}

const CHANNELS = Object.values(InvokeChannel);
// Channels that (re)start sessions or servers cost more per run; they get fewer.
const RUNS: Partial<Record<InvokeChannel, number>> = {
  [InvokeChannel.demoStart]: 25,
  [InvokeChannel.tokenSet]: 40,
  [InvokeChannel.serversCreate]: 60,
};

describe('the IPC router under arbitrary payloads, through the real core', () => {
  it.each(CHANNELS)(
    '%s: a typed Result, bad payloads refused unsent, the client only called with valid input',
    async (channel) => {
      const { h, calls } = await fuzzedHarness();
      const snapshot = await fleetSnapshot(h);
      const fleet = {
        ids: snapshot.servers.map((view) => view.server.id),
        names: snapshot.servers.map((view) => view.server.name),
      };
      // First the payloads at the document's limits, one by one (no shrinking needed to read a failure).
      for (const payload of boundaryPayloads(channel, fleet)) {
        const from = calls.length;
        const result = await h.core.router.handle(channel, payload, APP_SENDER);
        const problem = answerProblem(channel, payload, result, calls.slice(from));
        expect({ payload, problem }).toEqual({ payload, problem: null });
      }
      await fc.assert(
        fc.asyncProperty(payloads(channel, fleet), async (payload) => {
          const from = calls.length;
          let result: Result<unknown>;
          try {
            result = await h.core.router.handle(channel, payload, APP_SENDER);
          } catch (error) {
            throw new Error(`the router threw: ${String(error)}`, { cause: error });
          }
          expect(answerProblem(channel, payload, result, calls.slice(from))).toBeNull();
        }),
        { numRuns: RUNS[channel] ?? 120, seed: 8 },
      );
    },
  );

  it('an unknown channel or a foreign page gets a typed refusal whatever the payload', async () => {
    const { h, calls } = await fuzzedHarness();
    const before = calls.length;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom(...CHANNELS)),
        fc.anything(),
        fc.oneof(fc.webUrl(), fc.string()).filter((url) => url !== APP_SENDER.url),
        async (channel, payload, url) => {
          const viaForeign = await h.core.router.handle(channel, payload, { url });
          // A channel the contract does not have is refused even from the app's own page.
          const viaApp = (CHANNELS as readonly string[]).includes(channel)
            ? ({ ok: false, error: { kind: 'invalid-payload', message: 'Unknown channel.' } } as const)
            : await h.core.router.handle(channel, payload, APP_SENDER);
          expect({ foreign: resultProblem(viaForeign), app: resultProblem(viaApp) }).toEqual({
            foreign: null,
            app: null,
          });
          expect({ viaForeign, viaApp }).toMatchObject({
            viaForeign: { ok: false, error: { kind: 'forbidden' } },
            viaApp: { ok: false, error: { kind: 'invalid-payload' } },
          });
        },
      ),
      { numRuns: 200, seed: 8 },
    );
    expect(calls.slice(before)).toEqual([]);
  });
});
