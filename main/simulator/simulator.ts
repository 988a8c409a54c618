// A real HTTP server that behaves like VPS.org as openapi/vps-org.openapi.json describes it: routing,
// Bearer auth, request bodies checked by its own reading of that document (requests.ts), pagination and
// fault injection. Used by demo mode (in-process, loaded only then), every test, the end-to-end harness
// and the benchmarks. The one way in: `startSimulator` here.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  createFaultInjector,
  damagedAnswer,
  type BodyFault,
  type Fault,
  type FaultFlags,
  type FaultMatch,
} from './faults';
import { createRoutes } from './routes';
import type { AnswerShapes } from './shapes';
import { createAccount } from './state';
import { parseBody, readText, send } from './wire';

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

/** Timers, held answers and sockets of a running simulator: all ended by close(). */
function createLifetime() {
  const held = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  return {
    hold(res: ServerResponse) {
      held.add(res);
      res.on('close', () => held.delete(res));
    },
    track(socket: Socket) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    },
    after(ms: number, run: () => void) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        run();
      }, ms);
      timers.add(timer);
    },
    delay(ms: number): Promise<void> {
      return new Promise((resolve) => this.after(ms, resolve));
    },
    end(server: ReturnType<typeof createServer>): Promise<void> {
      return new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const res of held) res.destroy();
        held.clear();
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('hex');
  const now = options.now ?? (() => Date.now());
  const maxRecorded = options.maxRecordedRequests ?? 10_000;
  const speed = options.speed ?? 1;
  if (!(speed > 0)) throw new RangeError('speed must be a positive number');
  const seed = options.seed ?? 1;
  const faults = createFaultInjector(seed, options.faults);
  const account = createAccount({
    seed,
    servers: Math.max(0, Math.floor(options.servers ?? 25)),
    speed,
    credits: options.credits ?? 10,
    now,
    statusLagMs: () => faults.flags().statusLagMs ?? 0,
  });
  const expectedAuth = Buffer.from(`Bearer ${token}`);
  let shapes: AnswerShapes = { ...options.shapes };
  let requests: RecordedRequest[] = [];
  let revoked = false;
  let baseUrl = '';
  const lifetime = createLifetime();
  const respond = createRoutes({
    account,
    pageSize: Math.max(1, Math.floor(options.pageSize ?? 50)),
    shapes: () => shapes,
    baseUrl: () => baseUrl,
  });

  function isAuthorized(header: string | undefined): boolean {
    if (revoked || header === undefined) return false;
    const given = Buffer.from(header);
    return given.length === expectedAuth.length && timingSafeEqual(given, expectedAuth);
  }

  function record(entry: RecordedRequest) {
    requests.push(entry);
    if (requests.length > maxRecorded) requests.splice(0, requests.length - maxRecorded);
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
    const recorded = body.kind === 'json' ? body.value : body.kind === 'malformed' ? body.text : undefined;
    record({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: recorded,
      at: now(),
      authorized,
    });

    // Faults act like the infrastructure in front of the API: before auth, before any state change.
    let bodyFault: BodyFault | undefined;
    for (const fault of faults.faultsFor(method, url.pathname)) {
      if (fault.type === 'hang') return lifetime.hold(res);
      if (fault.type === 'status') {
        const answer = faults.statusAnswer(fault);
        return send(res, answer.status, answer.headers, answer.text);
      }
      if (fault.type === 'latency') {
        await lifetime.delay(fault.ms);
        if (res.destroyed) return;
        continue;
      }
      bodyFault ??= fault;
    }

    const reply = respond(method, url, authorized, body);
    const headers: Record<string, string> = { ...reply.headers };
    const json = reply.body === undefined ? undefined : JSON.stringify(reply.body);
    if (bodyFault && reply.status >= 200 && reply.status < 300) {
      const damaged = damagedAnswer(bodyFault, headers, json);
      return send(res, damaged.status, damaged.headers, damaged.text);
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
  server.on('connection', (socket) => lifetime.track(socket));
  await listen(server, options.port ?? 0, host);
  if (options.revokeAfterMs !== undefined) lifetime.after(options.revokeAfterMs, () => (revoked = true));
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
    injectFault: (fault, match = {}) => faults.inject(fault, match),
    clearFaults: () => faults.clear(),
    setFaultFlags: (next) => faults.setFlags(next),
    setAnswerShapes(next) {
      shapes = { ...next };
    },
    revokeToken() {
      revoked = true;
    },
    setCredits: (n) => account.setCredits(n),
    getServer(id) {
      const detail = account.get(id);
      return detail === undefined ? undefined : structuredClone(detail);
    },
    listServerIds: () => account.ids(),
    renameServerUnchecked: (id, name) => account.update(id, { name }) !== undefined,
    close: () => (closing ??= lifetime.end(server)),
  };
}
