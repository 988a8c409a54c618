// Small helpers for talking to a running simulator over real HTTP.
import { startSimulator, type Simulator, type SimulatorOptions } from '../../main/simulator/simulator';

/** The contract's example server (web-server-01) as the list endpoint shows it, field for field. */
export const CONTRACT_WEB_SERVER = {
  id: 12345,
  name: 'web-server-01',
  hostname: 'web01.example.com',
  status: 'active',
  ip_address: '203.0.113.10',
  location: 'us-west',
  plan: { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80 },
  os: { id: 5, name: 'Ubuntu 22.04 LTS' },
  created_at: '2025-01-10T14:30:00Z',
  updated_at: '2025-01-15T10:20:00Z',
} as const;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body, or undefined when the body is empty or not JSON. */
  json: unknown;
}

export interface Call {
  method?: string;
  body?: unknown;
  /** Sent as-is instead of JSON.stringify(body). */
  rawBody?: string;
  /** Default: the simulator's token. null: no Authorization header. */
  token?: string | null;
}

/** `path` is relative to the base URL ('/servers/') or an absolute URL (a `next` link). */
export async function call(sim: Simulator, path: string, options: Call = {}): Promise<Answer> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = options.token === undefined ? sim.token : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const url = path.startsWith('http') ? path : `${sim.baseUrl}${path}`;
  const response = await fetch(url, { method: options.method ?? 'GET', headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse('2025-06-01T12:00:00Z')) {
  let current = start;
  return {
    now: () => current,
    advance(ms: number) {
      current += ms;
    },
  };
}

/** Starts simulators and closes every one of them after each test. */
export function simulators() {
  const open: Simulator[] = [];
  return {
    async start(options: SimulatorOptions = {}) {
      const sim = await startSimulator(options);
      open.push(sim);
      return sim;
    },
    async closeAll() {
      await Promise.all(open.splice(0).map((sim) => sim.close()));
    },
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a field of a JSON object the test expects to be there. */
export function field(value: unknown, name: string): unknown {
  if (!isRecord(value)) throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  return value[name];
}

export const VALID_CREATE = { name: 'new-01', plan_id: 1, os_id: 5, location: 'eu-central' };
