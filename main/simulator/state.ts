// The simulated VPS.org account: its servers and their power state machine. No timers: every read first
// "settles" the servers against the clock, so a transition ends exactly when the clock says so, and a
// fake clock (or `vi.setSystemTime`) drives the whole account. The catalogue is catalog.ts, the seeded
// servers seed.ts, the views views.ts.
import { catalogEntries } from './catalog';
import { unitHash } from './random';
import {
  statusOf,
  type ServerRecord,
  type SimulatedPowerAction,
  type SimulatedStatus,
  type StableStatus,
  type TransitionStatus,
} from './records';
import { ipv4ForIndex, ipv6ForIndex, seedServers } from './seed';
import { detailView, listView, type DetailView, type ListView } from './views';

/** Durations at speed 1, in seconds: [min, max]. Each server gets a deterministic value in between. */
const TRANSITION_SECONDS: Record<TransitionStatus, readonly [number, number]> = {
  provisioning: [120, 300],
  starting: [20, 40],
  stopping: [15, 30],
  rebooting: [30, 60],
};

/** A create's documented fields (CreateServerRequest), once the body conforms. */
export interface CreateRequest {
  name: string;
  plan_id: number;
  os_id: number;
  location: string;
  hostname?: string;
  ssh_key_id?: number;
  backups_enabled?: boolean;
}

/** PUT's and PATCH's documented fields (ReplaceServerRequest, UpdateServerRequest), once the body conforms. */
export interface UpdateRequest {
  name?: string;
  hostname?: string;
  backups_enabled?: boolean;
}

type PowerResult =
  | { ok: true; message: string; server: { id: number; name: string; status: SimulatedStatus } }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'conflict'; detail: string };

type CreateResult =
  | { ok: true; server: DetailView }
  | { ok: false; reason: 'invalid'; fieldErrors: Record<string, string[]> }
  | { ok: false; reason: 'insufficient-credits'; detail: string };

export interface AccountOptions {
  seed: number;
  servers: number;
  speed: number;
  credits: number;
  now: () => number;
  /**
   * For this long after a power action the list keeps showing the server's status (and updated_at) from
   * before it, as an eventually consistent API may. Read at each action. Default none.
   */
  statusLagMs?: () => number;
}

interface ServerQuery {
  status?: string;
  location?: string;
}

export interface Account {
  /** The servers matching `query`: how many, and the views of those in [offset, offset + limit). */
  list(query: ServerQuery, offset: number, limit: number): { count: number; results: ListView[] };
  get(id: number): DetailView | undefined;
  ids(): number[];
  create(input: CreateRequest): CreateResult;
  /** PUT and PATCH: both answer the detail view, or undefined for an unknown id. */
  update(id: number, changes: UpdateRequest): DetailView | undefined;
  remove(id: number): boolean;
  power(id: number, action: SimulatedPowerAction): PowerResult;
  credits(): number;
  setCredits(n: number): void;
}

const ACTIONS: Record<
  SimulatedPowerAction,
  { from: StableStatus; via: TransitionStatus; to: StableStatus; message: string }
> = {
  start: { from: 'stopped', via: 'starting', to: 'active', message: 'Server is starting' },
  stop: { from: 'active', via: 'stopping', to: 'stopped', message: 'Server is stopping' },
  reboot: { from: 'active', via: 'rebooting', to: 'active', message: 'Server is rebooting' },
};

/** Why a (settled) server refuses a power action, or null when it takes it. */
function powerRefusal(server: ServerRecord, action: SimulatedPowerAction): string | null {
  if (server.transition) return `Server is busy (${server.transition.status}). Try again when it has finished.`;
  if (server.status === 'suspended') return 'Server is suspended. Contact support.';
  if (server.status === ACTIONS[action].from) return null;
  return action === 'start' ? 'Server is already running.' : 'Server is not running.';
}

/** Applies a finished transition; the change is dated when it happened, not when it was seen. */
function settle(server: ServerRecord, at: number): ServerRecord {
  const transition = server.transition;
  if (transition && at >= transition.endsAt) {
    if (transition.status === 'provisioning') {
      server.ipv4 = server.plannedIpv4;
      server.ipv6 = server.plannedIpv6;
    }
    server.status = transition.settlesTo;
    server.transition = null;
    server.updatedAt = transition.endsAt;
  }
  return server;
}

/** The list's view of a server: what it was before a power action while the lag lasts. */
function listedAs(server: ServerRecord, at: number): { status: SimulatedStatus; updatedAt: number } {
  const before = server.listedBefore;
  if (before && at < before.until) return before;
  delete server.listedBefore;
  return { status: statusOf(server), updatedAt: server.updatedAt };
}

export function createAccount(options: AccountOptions): Account {
  const { seed, speed, now } = options;
  const servers = new Map<number, ServerRecord>();
  for (const server of seedServers(seed, options.servers)) servers.set(server.id, server);
  let nextId = 12345 + Math.max(options.servers, 2);
  let nextAddressIndex = Math.max(options.servers, 2);
  let credits = options.credits;

  function durationMs(server: ServerRecord, status: TransitionStatus): number {
    const [min, max] = TRANSITION_SECONDS[status];
    const seconds = min + unitHash(seed, server.id, server.transitionCount) * (max - min);
    return Math.round((seconds * 1000) / speed);
  }

  function begin(server: ServerRecord, status: TransitionStatus, settlesTo: StableStatus, at: number) {
    server.transition = { status, endsAt: at + durationMs(server, status), settlesTo };
    server.transitionCount += 1;
    server.updatedAt = at;
  }

  function find(id: number, at: number): ServerRecord | undefined {
    const server = servers.get(id);
    return server ? settle(server, at) : undefined;
  }

  return {
    list(query, offset, limit) {
      const at = now();
      const matching: ServerRecord[] = [];
      for (const server of servers.values()) {
        settle(server, at);
        if (query.status !== undefined && listedAs(server, at).status !== query.status) continue;
        if (query.location !== undefined && server.location !== query.location) continue;
        matching.push(server);
      }
      // Views only for the page asked for: a page of 50 out of thousands stays cheap.
      const page = matching.slice(offset, offset + limit);
      return { count: matching.length, results: page.map((server) => listView(server, listedAs(server, at))) };
    },
    get(id) {
      const at = now();
      const server = find(id, at);
      return server ? detailView(seed, server, at) : undefined;
    },
    ids: () => [...servers.keys()],
    create(input) {
      const catalogued = catalogEntries(input);
      if (!catalogued.ok) return { ok: false, reason: 'invalid', fieldErrors: catalogued.fieldErrors };
      if (credits <= 0) {
        return {
          ok: false,
          reason: 'insufficient-credits',
          detail: 'Insufficient credits: add credit to your account to deploy another server.',
        };
      }
      credits -= 1;
      const at = now();
      const addressIndex = nextAddressIndex++;
      const server: ServerRecord = {
        id: nextId++,
        name: input.name,
        hostname: input.hostname ?? null,
        location: input.location,
        plan: catalogued.plan,
        os: catalogued.os,
        backupsEnabled: input.backups_enabled ?? false,
        createdAt: at,
        updatedAt: at,
        status: 'active',
        transition: null,
        ipv4: null,
        ipv6: null,
        plannedIpv4: ipv4ForIndex(addressIndex),
        plannedIpv6: ipv6ForIndex(addressIndex),
        transitionCount: 0,
      };
      begin(server, 'provisioning', 'active', at);
      servers.set(server.id, server);
      return { ok: true, server: detailView(seed, server, at) };
    },
    update(id, changes) {
      const at = now();
      const server = find(id, at);
      if (!server) return undefined;
      if (changes.name !== undefined) server.name = changes.name;
      if (changes.hostname !== undefined) server.hostname = changes.hostname;
      if (changes.backups_enabled !== undefined) server.backupsEnabled = changes.backups_enabled;
      server.updatedAt = at;
      return detailView(seed, server, at);
    },
    remove: (id) => servers.delete(id),
    power(id, action) {
      const at = now();
      const server = find(id, at);
      if (!server) return { ok: false, reason: 'not-found' };
      const refusal = powerRefusal(server, action);
      if (refusal !== null) return { ok: false, reason: 'conflict', detail: refusal };
      const rule = ACTIONS[action];
      const lagMs = options.statusLagMs?.() ?? 0;
      if (lagMs > 0) server.listedBefore = { status: server.status, updatedAt: server.updatedAt, until: at + lagMs };
      begin(server, rule.via, rule.to, at);
      return { ok: true, message: rule.message, server: { id: server.id, name: server.name, status: rule.via } };
    },
    credits: () => credits,
    setCredits(n) {
      credits = n;
    },
  };
}
