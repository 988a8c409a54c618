// Fault injection: what the infrastructure in front of an API does to requests. Faults queued by tests
// (`injectFault`), and faults rolled from the flags (shares of requests), in a fixed order so a seed
// reproduces a run. They act before authentication and before any state change; a damaged body only
// damages the answer of a request that did happen.
import { parseBody } from './wire';
import { createRandom } from './random';

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

/** A fault that damages a successful answer's body. */
export type BodyFault = Extract<Fault, { type: 'malformed-json' | 'html' | 'wrong-shape' }>;

/** An answer as text, ready to send. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

interface QueuedFault {
  fault: Fault;
  match: FaultMatch;
  remaining: number;
}

const STATUS_TEXT: Record<number, string> = {
  429: 'Request was throttled.',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service temporarily unavailable.',
  504: 'Gateway timeout.',
};

const isPositive = (rate: number | undefined): rate is number => rate !== undefined && rate > 0;

export interface FaultInjector {
  inject(fault: Fault, match: FaultMatch): void;
  clear(): void;
  flags(): FaultFlags;
  setFlags(flags: FaultFlags): void;
  /** The faults for one request, in the order they act: latency, the queued one, the rolled one. */
  faultsFor(method: string, pathname: string): Fault[];
  /** The answer of a status fault. */
  statusAnswer(fault: Extract<Fault, { type: 'status' }>): RawAnswer;
}

export function createFaultInjector(seed: number, initial: FaultFlags = {}): FaultInjector {
  const random = createRandom(seed ^ 0x5eed);
  let flags: FaultFlags = { ...initial };
  let queued: QueuedFault[] = [];

  function takeQueued(method: string, pathname: string): Fault | undefined {
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

  const roll = (rate: number | undefined) => isPositive(rate) && random() < rate;

  /** Probabilistic faults from the flags, in a fixed order so a seed reproduces a run. */
  function rolled(): Fault | undefined {
    if (roll(flags.hangRate)) return { type: 'hang' };
    if (roll(flags.errorRate)) return { type: 'status', status: 503 };
    if (roll(flags.rateLimitRate)) return { type: 'status', status: 429 };
    if (roll(flags.malformedRate)) return { type: 'malformed-json' };
    return undefined;
  }

  return {
    inject(fault, match) {
      queued.push({ fault, match, remaining: match.times ?? Number.POSITIVE_INFINITY });
    },
    clear() {
      queued = [];
    },
    flags: () => flags,
    setFlags(next) {
      flags = { ...next };
    },
    faultsFor(method, pathname) {
      const faults = [takeQueued(method, pathname), rolled()].filter((fault) => fault !== undefined);
      if (isPositive(flags.latencyMs)) faults.unshift({ type: 'latency', ms: flags.latencyMs });
      return faults;
    },
    statusAnswer(fault) {
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
        fault.status === 429 && retryAfter !== undefined
          ? `${base} Expected available in ${retryAfter} seconds.`
          : base;
      return { status: fault.status, headers, text: JSON.stringify({ detail }) };
    },
  };
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

/** A successful answer's body as the fault damages it (the request did happen). */
export function damagedAnswer(fault: BodyFault, headers: Record<string, string>, json: string | undefined): RawAnswer {
  if (fault.type === 'html') {
    return {
      status: 200,
      headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
      text: '<html><head><title>Maintenance</title></head><body><h1>We will be back soon.</h1></body></html>',
    };
  }
  const text =
    fault.type === 'wrong-shape' ? JSON.stringify({ servers: 'nope' }) : truncateJson(json ?? '{"detail": "ok"}');
  return { status: 200, headers: { ...headers, 'Content-Type': 'application/json' }, text };
}
