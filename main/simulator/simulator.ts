// A real HTTP server that behaves like VPS.org (../../shared contract, openapi/vps-org.openapi.json):
// routing, Bearer auth, validation with the client's own rules, pagination and fault injection.
// Used by demo mode (in-process), every test, the end-to-end harness and the benchmarks.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  describeViolations,
  validateCreateServerInput,
  validateReplaceServerInput,
  validateUpdateServerPatch,
} from '../../common/rules';
import { createAccount, createRandom, type Account, type SimulatedPowerAction } from './state';
import { listShapeOf, oddServer, unreadableEntries, type AnswerShapes } from './shapes';

export interface SimulatorOptions {
  host?: string;
  port?: number;
  /** Default: random. The CLI's default is 'demo-token'. */
  token?: string;
  /** Time scale of transitions: 60 => one simulated minute per second. */
  speed?: number;
  /** Size of the seeded account. */
  servers?: number;
  /** Same seed => same account. */
  seed?: number;
  /** Page size of the list; pagination starts once results exceed it. */
  pageSize?: number;
  /** How many more servers the account can create before 402. */
  credits?: number;
  /** Clock in ms. State is derived from it on every request, so fake clocks drive transitions. */
  now?: () => number;
  faults?: FaultFlags;
  /** Oldest recorded requests are dropped beyond this many (demo mode runs for hours). Default 10000. */
  maxRecordedRequests?: number;
  /** Revokes the token this many ms after start, as if it were withdrawn mid-session. Default never. */
  revokeAfterMs?: number;
  /** Answers in shapes beyond the documented ones (main/simulator/shapes.ts). Default: as documented. */
  shapes?: AnswerShapes;
}

export interface FaultFlags {
  latencyMs?: number;
  /** 0..1: share of requests answered 503. */
  errorRate?: number;
  /** 0..1: share of requests answered 429 with Retry-After. */
  rateLimitRate?: number;
  /** Retry-After of 429 answers; default 2. */
  retryAfterSeconds?: number;
  /** 0..1: share of successful answers whose JSON body is cut in half. */
  malformedRate?: number;
  /** 0..1: share of requests never answered (until close()). */
  hangRate?: number;
  /**
   * After a power action the list keeps reporting the status (and updated_at) from before it for this
   * many ms, as an eventually consistent API may. The action's own answer and the detail are current.
   */
  statusLagMs?: number;
}

export type Fault =
  | { type: 'status'; status: number; retryAfterSeconds?: number; body?: string }
  | { type: 'malformed-json' }
  | { type: 'html' }
  | { type: 'wrong-shape' }
  | { type: 'hang' }
  | { type: 'latency'; ms: number };

export interface FaultMatch {
  method?: string;
  /** Matched against the pathname, e.g. '/api/v1/servers/'. */
  path?: string | RegExp;
  /** Default: until cleared. */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON; the raw text when it was not JSON; undefined when empty. */
  body: unknown;
  at: number;
  authorized: boolean;
}

export interface Simulator {
  readonly baseUrl: string;
  readonly token: string;
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  injectFault(fault: Fault, match?: FaultMatch): void;
  clearFaults(): void;
  setFaultFlags(flags: FaultFlags): void;
  /** Replaces the answer shapes (all documented when empty). */
  setAnswerShapes(shapes: AnswerShapes): void;
  revokeToken(): void;
  setCredits(n: number): void;
  /** A deep copy of the detail view of a server, or undefined. */
  getServer(id: number): unknown;
  listServerIds(): number[];
  /**
   * Renames a server WITHOUT the API's name rule: the hostile data a compromised or buggy API could
   * send (e.g. markup in a name), for tests of the client. Returns false for an unknown id.
   */
  renameServerUnchecked(id: number, name: string): boolean;
  close(): Promise<void>;
}

export const API_PREFIX = '/api/v1';
const MAX_BODY_BYTES = 1024 * 1024;

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Route =
  { kind: 'collection' } | { kind: 'item'; id: number } | { kind: 'action'; id: number; action: SimulatedPowerAction };

const ALLOWED: Record<Route['kind'], readonly string[]> = {
  collection: ['GET', 'POST'],
  item: ['GET', 'PUT', 'PATCH', 'DELETE'],
  action: ['POST'],
};

const SERVER_PATH = /^\/api\/v1\/servers\/(?:(\d{1,16})\/(?:(start|stop|reboot)\/)?)?$/;

function matchRoute(pathname: string): Route | null {
  const match = SERVER_PATH.exec(pathname);
  if (!match) return null;
  const [, idText, action] = match;
  if (idText === undefined) return { kind: 'collection' };
  const id = Number(idText);
  if (!Number.isSafeInteger(id)) return null;
  if (action === undefined) return { kind: 'item', id };
  return { kind: 'action', id, action: action as SimulatedPowerAction };
}

type ParsedBody =
  { kind: 'empty' } | { kind: 'json'; value: unknown } | { kind: 'malformed'; text: string; error: string };

function parseBody(text: string): ParsedBody {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'malformed', text, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Cuts a JSON text so that it can no longer be parsed, as a dropped connection would. */
function truncateJson(json: string): string {
  const cut = json.slice(0, Math.max(1, Math.floor(json.length / 2)));
  try {
    JSON.parse(cut);
    return `${cut}{`;
  } catch {
    return cut;
  }
}

const NOT_FOUND = { detail: 'Not found.' };
const STATUS_TEXT: Record<number, string> = {
  429: 'Request was throttled.',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service temporarily unavailable.',
  504: 'Gateway timeout.',
};

function malformedReply(body: ParsedBody & { kind: 'malformed' }): Reply {
  return { status: 400, body: { detail: `Malformed JSON: ${body.error}` } };
}

const bodyValue = (body: ParsedBody): unknown => (body.kind === 'json' ? body.value : undefined);

function send(res: ServerResponse, status: number, headers: Record<string, string>, text: string | undefined) {
  if (res.destroyed || res.headersSent) return;
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (text === undefined) {
    res.end();
    return;
  }
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

function readText(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const isPositive = (rate: number | undefined): rate is number => rate !== undefined && rate > 0;

interface QueuedFault {
  fault: Fault;
  match: FaultMatch;
  remaining: number;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('hex');
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 50));
  const now = options.now ?? (() => Date.now());
  const maxRecorded = options.maxRecordedRequests ?? 10_000;
  const speed = options.speed ?? 1;
  if (!(speed > 0)) throw new RangeError('speed must be a positive number');
  const seed = options.seed ?? 1;
  const account: Account = createAccount({
    seed,
    servers: Math.max(0, Math.floor(options.servers ?? 25)),
    speed,
    credits: options.credits ?? 10,
    now,
    statusLagMs: () => flags.statusLagMs ?? 0,
  });
  const expectedAuth = Buffer.from(`Bearer ${token}`);
  const faultRandom = createRandom(seed ^ 0x5eed);
  let flags: FaultFlags = { ...options.faults };
  let shapes: AnswerShapes = { ...options.shapes };
  let queued: QueuedFault[] = [];
  let requests: RecordedRequest[] = [];
  let revoked = false;
  let baseUrl = '';
  const held = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();

  function isAuthorized(header: string | undefined): boolean {
    if (revoked || header === undefined) return false;
    const given = Buffer.from(header);
    return given.length === expectedAuth.length && timingSafeEqual(given, expectedAuth);
  }

  function record(entry: RecordedRequest) {
    requests.push(entry);
    if (requests.length > maxRecorded) requests.splice(0, requests.length - maxRecorded);
  }

  function takeQueuedFault(method: string, pathname: string): Fault | undefined {
    const entry = queued.find(({ match }) => {
      if (match.method !== undefined && match.method.toUpperCase() !== method) return false;
      if (match.path === undefined) return true;
      return typeof match.path === 'string' ? match.path === pathname : match.path.test(pathname);
    });
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) queued = queued.filter((candidate) => candidate !== entry);
    return entry.fault;
  }

  const roll = (rate: number | undefined) => isPositive(rate) && faultRandom() < rate;

  /** Probabilistic faults from the flags, in a fixed order so a seed reproduces a run. */
  function rollFlagFault(): Fault | undefined {
    if (roll(flags.hangRate)) return { type: 'hang' };
    if (roll(flags.errorRate)) return { type: 'status', status: 503 };
    if (roll(flags.rateLimitRate)) return { type: 'status', status: 429 };
    if (roll(flags.malformedRate)) return { type: 'malformed-json' };
    return undefined;
  }

  function delay(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve(true);
      }, ms);
      timers.add(timer);
    });
  }

  function statusFaultReply(fault: Extract<Fault, { type: 'status' }>): {
    status: number;
    headers: Record<string, string>;
    text: string;
  } {
    const headers: Record<string, string> = {};
    const retryAfter = fault.retryAfterSeconds ?? (fault.status === 429 ? (flags.retryAfterSeconds ?? 2) : undefined);
    if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
    if (fault.body !== undefined) {
      const trimmed = fault.body.trimStart();
      headers['Content-Type'] =
        parseBody(fault.body).kind === 'json'
          ? 'application/json'
          : trimmed.startsWith('<')
            ? 'text/html; charset=utf-8'
            : 'text/plain; charset=utf-8';
      return { status: fault.status, headers, text: fault.body };
    }
    headers['Content-Type'] = 'application/json';
    const base = STATUS_TEXT[fault.status] ?? `HTTP ${fault.status}.`;
    const detail =
      fault.status === 429 && retryAfter !== undefined ? `${base} Expected available in ${retryAfter} seconds.` : base;
    return { status: fault.status, headers, text: JSON.stringify({ detail }) };
  }

  /** A server's body (list or detail view) as the current shapes describe it. */
  const described = (server: { id: number }): unknown => (shapes.oddServers ? oddServer(server) : server);

  function listReply(url: URL): Reply {
    const status = url.searchParams.get('status') || undefined;
    const location = url.searchParams.get('location') || undefined;
    const junk = unreadableEntries(shapes.unreadableEntries ?? 0);
    if (shapes.listEnvelope === 'bare-array') {
      const all = account.list({ status, location }, 0, Number.MAX_SAFE_INTEGER).results;
      return { status: 200, body: [...all.map(described), ...junk] };
    }
    const pageText = url.searchParams.get('page');
    const page = pageText === null ? 1 : /^\d{1,9}$/.test(pageText) ? Number(pageText) : 0;
    const { count, results } = account.list({ status, location }, (Math.max(page, 1) - 1) * pageSize, pageSize);
    const lastPage = Math.max(1, Math.ceil(count / pageSize));
    if (page < 1 || page > lastPage) return { status: 404, body: { detail: 'Invalid page.' } };
    // Links keep every other query parameter; the first page drops `page`, as Django REST framework does.
    const link = (target: number) => {
      const next = new URL(`${baseUrl}/servers/`);
      for (const [key, value] of url.searchParams) if (key !== 'page') next.searchParams.append(key, value);
      if (target > 1) next.searchParams.set('page', String(target));
      return next.toString();
    };
    const links = { next: page < lastPage ? link(page + 1) : null, previous: page > 1 ? link(page - 1) : null };
    const entries = [...results.map(described), ...(page === 1 ? junk : [])];
    return {
      status: 200,
      body:
        shapes.listEnvelope === 'count-less' ? { ...links, results: entries } : { count, ...links, results: entries },
    };
  }

  /**
   * A successful write's answer in the current write shape. `server` is the detail after the write
   * (undefined for DELETE); `message` the human text a message-only answer carries.
   */
  function writeReply(
    kind: 'create' | 'update' | 'delete' | 'power',
    documented: Reply,
    server: Parameters<typeof listShapeOf>[0] | undefined,
    message: string,
  ): Reply {
    switch (shapes.writeAnswers ?? 'documented') {
      case 'documented':
        return documented;
      case 'terse':
        if (kind === 'power') return { status: 200, body: { status: 'success' } };
        if (kind === 'delete' || !server) return { status: 200, body: {} };
        if (kind === 'create')
          return { status: documented.status, body: { id: server.id, name: server.name, status: server.status } };
        return { status: 200, body: described(listShapeOf(server)) };
      case 'message-only':
        // A 204 has no body: a message comes with 200.
        return { status: documented.status === 204 ? 200 : documented.status, body: { message } };
      case 'empty':
        return { status: kind === 'update' || kind === 'delete' ? 204 : 202 };
    }
  }

  function route(method: string, url: URL, target: Route, body: ParsedBody): Reply {
    const serverNotFound: Reply = { status: 404, body: { detail: 'Server not found.' } };
    if (target.kind === 'collection') {
      if (method === 'GET') return listReply(url);
      if (body.kind === 'malformed') return malformedReply(body);
      const input = validateCreateServerInput(bodyValue(body));
      if (!input.ok) return { status: 400, body: describeViolations(input.violations) };
      const created = account.create(input.value);
      if (created.ok) {
        const message = 'Server is being provisioned. This may take 2-5 minutes.';
        const documented = { status: 201, body: { ...(described(created.server) as object), message } };
        return writeReply('create', documented, created.server, message);
      }
      if (created.reason === 'invalid') return { status: 400, body: created.fieldErrors };
      return { status: 402, body: { detail: created.detail } };
    }
    if (target.kind === 'action') {
      const result = account.power(target.id, target.action);
      if (result.ok) {
        const documented = { status: 200, body: { status: 'success', message: result.message, server: result.server } };
        return writeReply('power', documented, undefined, result.message);
      }
      if (result.reason === 'not-found') return serverNotFound;
      return { status: 400, body: { detail: result.detail } };
    }
    const existing = account.get(target.id);
    if (!existing) return serverNotFound;
    if (method === 'GET') return { status: 200, body: described(existing) };
    if (method === 'DELETE') {
      account.remove(target.id);
      return writeReply('delete', { status: 204 }, undefined, 'Server deleted.');
    }
    if (body.kind === 'malformed') return malformedReply(body);
    const checked =
      method === 'PUT' ? validateReplaceServerInput(bodyValue(body)) : validateUpdateServerPatch(bodyValue(body));
    if (!checked.ok) return { status: 400, body: describeViolations(checked.violations) };
    const updated = account.update(target.id, checked.value)!;
    return writeReply('update', { status: 200, body: described(updated) }, updated, 'Server updated.');
  }

  function respond(method: string, url: URL, authorized: boolean, body: ParsedBody): Reply {
    const target = matchRoute(url.pathname);
    if (!target) {
      // A missing trailing slash is a common client bug: say so instead of redirecting.
      if (!url.pathname.endsWith('/') && matchRoute(`${url.pathname}/`)) {
        return { status: 404, body: { detail: `Not found. API paths end with a slash: ${url.pathname}/` } };
      }
      return { status: 404, body: NOT_FOUND };
    }
    if (!authorized) {
      return {
        status: 401,
        body: { detail: 'Invalid or missing API token.' },
        headers: { 'WWW-Authenticate': 'Bearer realm="api"' },
      };
    }
    const allowed = ALLOWED[target.kind];
    if (!allowed.includes(method)) {
      return {
        status: 405,
        body: { detail: `Method "${method}" not allowed.` },
        headers: { Allow: allowed.join(', ') },
      };
    }
    return route(method, url, target, body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const text = await readText(req);
    if (text === null) {
      send(res, 413, { 'Content-Type': 'application/json' }, JSON.stringify({ detail: 'Request body too large.' }));
      return;
    }
    const body = parseBody(text);
    const authorized = isAuthorized(req.headers.authorization);
    record({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: body.kind === 'json' ? body.value : body.kind === 'malformed' ? body.text : undefined,
      at: now(),
      authorized,
    });

    // Faults act like the infrastructure in front of the API: before auth, before any state change.
    let bodyFault: Fault | undefined;
    const faults = [takeQueuedFault(method, url.pathname), rollFlagFault()];
    if (flags.latencyMs !== undefined && flags.latencyMs > 0) faults.unshift({ type: 'latency', ms: flags.latencyMs });
    for (const fault of faults) {
      if (!fault) continue;
      if (fault.type === 'hang') {
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      }
      if (fault.type === 'status') {
        const reply = statusFaultReply(fault);
        send(res, reply.status, reply.headers, reply.text);
        return;
      }
      if (fault.type === 'latency') {
        await delay(fault.ms);
        if (res.destroyed) return;
        continue;
      }
      bodyFault ??= fault;
    }

    const reply = respond(method, url, authorized, body);
    const headers: Record<string, string> = { ...reply.headers };
    const json = reply.body === undefined ? undefined : JSON.stringify(reply.body);
    if (bodyFault && reply.status >= 200 && reply.status < 300) {
      // The request did happen; only the answer is damaged.
      if (bodyFault.type === 'html') {
        send(
          res,
          200,
          { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
          '<html><head><title>Maintenance</title></head><body><h1>We will be back soon.</h1></body></html>',
        );
      } else if (bodyFault.type === 'wrong-shape') {
        send(res, 200, { ...headers, 'Content-Type': 'application/json' }, JSON.stringify({ servers: 'nope' }));
      } else {
        send(res, 200, { ...headers, 'Content-Type': 'application/json' }, truncateJson(json ?? '{"detail": "ok"}'));
      }
      return;
    }
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    send(res, reply.status, headers, json);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, { 'Content-Type': 'application/json' }, JSON.stringify({ detail: 'Internal server error.' }));
      console.error('simulator: request failed', error);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (options.revokeAfterMs !== undefined) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      revoked = true;
    }, options.revokeAfterMs);
    timers.add(timer);
  }
  const address = server.address() as AddressInfo;
  const publicHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  baseUrl = `http://${publicHost}:${address.port}${API_PREFIX}`;

  let closing: Promise<void> | undefined;
  return {
    get baseUrl() {
      return baseUrl;
    },
    token,
    get requests() {
      return requests;
    },
    clearRequests() {
      requests = [];
    },
    injectFault(fault, match = {}) {
      queued.push({ fault, match, remaining: match.times ?? Number.POSITIVE_INFINITY });
    },
    clearFaults() {
      queued = [];
    },
    setFaultFlags(next) {
      flags = { ...next };
    },
    setAnswerShapes(next) {
      shapes = { ...next };
    },
    revokeToken() {
      revoked = true;
    },
    setCredits(n) {
      account.setCredits(n);
    },
    getServer(id) {
      const detail = account.get(id);
      return detail === undefined ? undefined : structuredClone(detail);
    },
    listServerIds: () => account.ids(),
    renameServerUnchecked: (id, name) => account.update(id, { name }) !== undefined,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const res of held) res.destroy();
        held.clear();
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
