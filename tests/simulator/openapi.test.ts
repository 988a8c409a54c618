// The simulator's real answers, for every operation and status code the OpenAPI description
// declares, validated against openapi/vps-org.openapi.json with ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses).
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../main/simulator/simulator';
import { call, isRecord, simulators, VALID_CREATE, type Answer } from './helpers';

const doc: unknown = JSON.parse(readFileSync(new URL('../../openapi/vps-org.openapi.json', import.meta.url), 'utf8'));
if (!isRecord(doc) || !isRecord(doc.paths)) throw new Error('openapi/vps-org.openapi.json has no paths');
const paths = doc.paths;

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat('ipv4', (value: string) => isIP(value) === 4);
ajv.addFormat('ipv6', (value: string) => isIP(value) === 6);
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addSchema(doc, 'vps');

const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

function resolve(value: unknown): { node: Record<string, unknown>; at: string } | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value.$ref !== 'string') return undefined;
  let node: unknown = doc;
  for (const part of value.$ref.slice(2).split('/'))
    node = isRecord(node) ? node[part.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
  return isRecord(node) ? { node, at: value.$ref.slice(1) } : undefined;
}

/** Every (path, method, status) the description declares. */
function declared(): string[] {
  const all: string[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isRecord(operation) || !isRecord(operation.responses)) continue;
      for (const status of Object.keys(operation.responses)) all.push(`${method.toUpperCase()} ${path} ${status}`);
    }
  }
  return all.toSorted();
}

const covered = new Set<string>();

/**
 * Checks one real answer against the declared response of its operation; returns what is wrong
 * (empty when it conforms) and records the (method, path, status) as covered.
 */
function problemsOf(path: string, method: string, answer: Answer): string[] {
  const label = `${method} ${path} ${answer.status}`;
  const operation = isRecord(paths[path]) ? paths[path][method.toLowerCase()] : undefined;
  const responses = isRecord(operation) && isRecord(operation.responses) ? operation.responses : {};
  const declaredResponse = responses[String(answer.status)];
  if (!isRecord(declaredResponse)) return [`${label} is not declared`];
  covered.add(label);
  const target = resolve(declaredResponse) ?? {
    node: declaredResponse,
    at: `/${pointer('paths', path, method.toLowerCase(), 'responses', String(answer.status))}`,
  };
  const problems: string[] = [];
  for (const [name, header] of Object.entries(isRecord(target.node.headers) ? target.node.headers : {})) {
    if (isRecord(header) && header.required === true && answer.headers.get(name) === null)
      problems.push(`${label}: no ${name} header`);
  }
  if (!isRecord(target.node.content)) {
    if (answer.text !== '') problems.push(`${label}: body should be empty`);
    return problems;
  }
  if (!answer.headers.get('content-type')?.includes('application/json'))
    problems.push(`${label}: not application/json`);
  const validate = ajv.getSchema(`vps#${target.at}/${pointer('content', 'application/json', 'schema')}`);
  if (!validate) return [...problems, `${label}: no schema`];
  if (!validate(answer.json))
    problems.push(`${label}: ${ajv.errorsText(validate.errors)} in ${answer.text.slice(0, 300)}`);
  return problems;
}

/** Collects the problems of every answer of a test; the test expects none. */
function conformance() {
  const problems: string[] = [];
  return {
    problems,
    check(path: string, method: string, answer: Answer) {
      problems.push(...problemsOf(path, method, answer));
    },
  };
}

const sims = simulators();
let sim: Simulator;
beforeAll(async () => {
  sim = await sims.start({ servers: 60, pageSize: 20, credits: 1 });
});
afterAll(() => sims.closeAll());

const LIST = '/servers/';
const ITEM = '/servers/{server_id}/';
const action = (name: string) => `/servers/{server_id}/${name}/`;
const STOPPED = 12349;
const post = (path: string, body?: unknown) => call(sim, path, { method: 'POST', body });

describe('simulator answers conform to openapi/vps-org.openapi.json', () => {
  it('list: 200 (plain, paginated, filtered) and 404 invalid page', async () => {
    const { problems, check: conforms } = conformance();
    const first = await call(sim, '/servers/');
    conforms(LIST, 'GET', first);
    const next = (first.json as { next: string }).next;
    conforms(LIST, 'GET', await call(sim, next));
    conforms(LIST, 'GET', await call(sim, '/servers/?status=stopped&location=us-west'));
    conforms(LIST, 'GET', await call(sim, '/servers/?page=99'));
    expect(problems).toEqual([]);
  });

  it('detail, PUT, PATCH: 200, 400 and 404', async () => {
    const { problems, check: conforms } = conformance();
    conforms(ITEM, 'GET', await call(sim, '/servers/12345/'));
    conforms(ITEM, 'GET', await call(sim, `/servers/${STOPPED}/`));
    conforms(ITEM, 'GET', await call(sim, '/servers/999999/'));
    const replacement = { name: 'web-server-01', hostname: 'web01.example.com', backups_enabled: true };
    conforms(ITEM, 'PUT', await call(sim, '/servers/12345/', { method: 'PUT', body: replacement }));
    conforms(ITEM, 'PUT', await call(sim, '/servers/12345/', { method: 'PUT', body: { name: 'x' } }));
    conforms(ITEM, 'PUT', await call(sim, '/servers/12345/', { method: 'PUT', rawBody: '{' }));
    conforms(ITEM, 'PUT', await call(sim, '/servers/999999/', { method: 'PUT', body: replacement }));
    conforms(ITEM, 'PATCH', await call(sim, '/servers/12346/', { method: 'PATCH', body: { backups_enabled: true } }));
    conforms(ITEM, 'PATCH', await call(sim, '/servers/12346/', { method: 'PATCH', body: {} }));
    conforms(ITEM, 'PATCH', await call(sim, '/servers/999999/', { method: 'PATCH', body: { name: 'x1' } }));
    expect(problems).toEqual([]);
  });

  it('create: 201, 400 (fields and malformed JSON) and 402; the new server in provisioning', async () => {
    const { problems, check: conforms } = conformance();
    const created = await post('/servers/', { ...VALID_CREATE, hostname: 'new01.example.com' });
    conforms(LIST, 'POST', created);
    conforms(ITEM, 'GET', await call(sim, `/servers/${(created.json as { id: number }).id}/`));
    conforms(LIST, 'GET', await call(sim, '/servers/?status=provisioning'));
    conforms(LIST, 'POST', await post('/servers/', { ...VALID_CREATE, plan_id: 'one', os_id: 999 }));
    conforms(LIST, 'POST', await call(sim, '/servers/', { method: 'POST', rawBody: '{"name":' }));
    conforms(LIST, 'POST', await post('/servers/', { ...VALID_CREATE, name: 'new-02' }));
    expect(covered.has(`POST ${LIST} 402`)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('power actions: 200, 400 and 404; transitional servers in detail and list', async () => {
    const { problems, check: conforms } = conformance();
    conforms(action('start'), 'POST', await post('/servers/12345/start/'));
    conforms(action('stop'), 'POST', await post(`/servers/${STOPPED}/stop/`));
    conforms(action('reboot'), 'POST', await post(`/servers/${STOPPED}/reboot/`));
    conforms(action('start'), 'POST', await post(`/servers/${STOPPED}/start/`));
    conforms(action('stop'), 'POST', await post('/servers/12346/stop/'));
    conforms(action('reboot'), 'POST', await post('/servers/12345/reboot/'));
    conforms(ITEM, 'GET', await call(sim, '/servers/12345/'));
    conforms(LIST, 'GET', await call(sim, '/servers/?status=rebooting'));
    for (const name of ['start', 'stop', 'reboot'])
      conforms(action(name), 'POST', await post(`/servers/999999/${name}/`));
    expect(problems).toEqual([]);
  });

  it('delete: 204 and 404', async () => {
    const { problems, check: conforms } = conformance();
    conforms(ITEM, 'DELETE', await call(sim, '/servers/12350/', { method: 'DELETE' }));
    conforms(ITEM, 'DELETE', await call(sim, '/servers/12350/', { method: 'DELETE' }));
    expect(problems).toEqual([]);
  });

  const operations: Array<[string, string, string, unknown?]> = [
    [LIST, 'GET', '/servers/'],
    [LIST, 'POST', '/servers/', VALID_CREATE],
    [ITEM, 'GET', '/servers/12345/'],
    [ITEM, 'PUT', '/servers/12345/', { name: 'a1', hostname: 'a1.example.com', backups_enabled: false }],
    [ITEM, 'PATCH', '/servers/12345/', { name: 'a1' }],
    [ITEM, 'DELETE', '/servers/12345/'],
    [action('start'), 'POST', '/servers/12345/start/'],
    [action('stop'), 'POST', '/servers/12345/stop/'],
    [action('reboot'), 'POST', '/servers/12345/reboot/'],
  ];

  it('every operation: 401 without a valid token, 429 and 503 from the infrastructure', async () => {
    const { problems, check: conforms } = conformance();
    for (const [path, method, url, body] of operations) {
      conforms(path, method, await call(sim, url, { method, body, token: 'wrong' }));
      sim.injectFault({ type: 'status', status: 429 }, { times: 1 });
      conforms(path, method, await call(sim, url, { method, body }));
      sim.injectFault({ type: 'status', status: 503 }, { times: 1 });
      conforms(path, method, await call(sim, url, { method, body }));
    }
    expect(problems).toEqual([]);
  });

  it('the validator rejects what the schema forbids (so it can fail)', () => {
    const listSchema = ajv.getSchema(
      `vps#/${pointer('paths', LIST, 'get', 'responses', '200', 'content', 'application/json', 'schema')}`,
    )!;
    expect(listSchema({ servers: 'nope' })).toBe(false);
    expect(listSchema({ count: 1, next: null, previous: null, results: [{ id: 1 }] })).toBe(false);
    const detail = ajv.getSchema('vps#/components/schemas/ServerDetail')!;
    const good = sim.getServer(12346);
    expect(detail(good)).toBe(true);
    expect(detail({ ...(good as object), updated_at: 'yesterday' })).toBe(false);
    expect(detail({ ...(good as object), ip_address: '999.1.1.1' })).toBe(false);
  });

  it('covered every declared operation and status code', () => {
    expect([...covered].toSorted()).toEqual(declared());
  });
});
