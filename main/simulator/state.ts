// The simulated VPS.org account: catalogue, seeded servers and the power state machine. No timers:
// every read first "settles" the servers against the clock, so a transition ends exactly when the
// clock says so, and a fake clock (or `vi.setSystemTime`) drives the whole account.
import type { CreateServerInput, ReplaceServerInput, UpdateServerPatch } from '../../common/rules';

export interface CatalogPlan {
  id: number;
  name: string;
  vcpus: number;
  /** MB */
  memory: number;
  /** GB */
  storage: number;
  /** GB per month */
  bandwidth: number;
}
export interface CatalogOs {
  id: number;
  name: string;
}
export interface CatalogLocation {
  code: string;
  name: string;
}

// Ids 1/Standard and 2/Performance, 5/Ubuntu 22.04 and 3/Debian 12 come from the contract's examples.
export const PLANS: readonly CatalogPlan[] = [
  { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80, bandwidth: 2048 },
  { id: 2, name: 'Performance VPS', vcpus: 4, memory: 8192, storage: 160, bandwidth: 4096 },
  { id: 3, name: 'Starter VPS', vcpus: 1, memory: 1024, storage: 25, bandwidth: 1024 },
  { id: 4, name: 'Memory VPS', vcpus: 4, memory: 16384, storage: 160, bandwidth: 4096 },
  { id: 5, name: 'Dedicated CPU VPS', vcpus: 8, memory: 32768, storage: 320, bandwidth: 8192 },
];
export const OPERATING_SYSTEMS: readonly CatalogOs[] = [
  { id: 1, name: 'Ubuntu 20.04 LTS' },
  { id: 2, name: 'Debian 11' },
  { id: 3, name: 'Debian 12' },
  { id: 4, name: 'Rocky Linux 9' },
  { id: 5, name: 'Ubuntu 22.04 LTS' },
  { id: 6, name: 'Ubuntu 24.04 LTS' },
  { id: 7, name: 'AlmaLinux 9' },
  { id: 8, name: 'Fedora 40' },
];
export const LOCATIONS: readonly CatalogLocation[] = [
  { code: 'us-west', name: 'Los Angeles, US' },
  { code: 'us-east', name: 'New York, US' },
  { code: 'eu-central', name: 'Frankfurt, DE' },
  { code: 'eu-west', name: 'Amsterdam, NL' },
  { code: 'ap-southeast', name: 'Singapore, SG' },
  { code: 'ap-northeast', name: 'Tokyo, JP' },
];

export type StableStatus = 'active' | 'stopped' | 'suspended';
export type TransitionStatus = 'provisioning' | 'starting' | 'stopping' | 'rebooting';
export type SimulatedStatus = StableStatus | TransitionStatus;
export type SimulatedPowerAction = 'start' | 'stop' | 'reboot';

/** Durations at speed 1, in seconds: [min, max]. Each server gets a deterministic value in between. */
export const TRANSITION_SECONDS: Record<TransitionStatus, readonly [number, number]> = {
  provisioning: [120, 300],
  starting: [20, 40],
  stopping: [15, 30],
  rebooting: [30, 60],
};

interface Transition {
  status: TransitionStatus;
  endsAt: number;
  settlesTo: StableStatus;
}

interface ServerRecord {
  id: number;
  name: string;
  hostname: string | null;
  location: string;
  plan: CatalogPlan;
  os: CatalogOs;
  backupsEnabled: boolean;
  createdAt: number;
  updatedAt: number;
  status: StableStatus;
  transition: Transition | null;
  /** Shown once provisioning has finished. */
  ipv4: string | null;
  ipv6: string | null;
  /** Reserved at creation, so the addresses do not depend on the order provisioning ends in. */
  plannedIpv4: string;
  plannedIpv6: string;
  /** Counts transitions, so each one gets its own deterministic duration. */
  transitionCount: number;
  /** What a lagging list still shows after a power action, until `until`. */
  listedBefore?: { status: SimulatedStatus; updatedAt: number; until: number };
}

export interface ListView {
  id: number;
  name: string;
  hostname: string | null;
  status: SimulatedStatus;
  ip_address: string | null;
  location: string;
  plan: { id: number; name: string; vcpus: number; memory: number; storage: number };
  os: { id: number; name: string };
  created_at: string;
  updated_at: string;
}
export interface ResourceUsageView {
  cpu_percent: number;
  memory_used: number;
  disk_used: number;
  bandwidth_used: number;
}
export interface DetailView extends Omit<ListView, 'plan'> {
  ipv6_address: string | null;
  backups_enabled: boolean;
  plan: CatalogPlan;
  resource_usage: ResourceUsageView | null;
}

export type PowerResult =
  | { ok: true; message: string; server: { id: number; name: string; status: SimulatedStatus } }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'conflict'; detail: string };

export type CreateResult =
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

export interface ServerQuery {
  status?: string;
  location?: string;
}

export interface Account {
  /** The servers matching `query`: how many, and the views of those in [offset, offset + limit). */
  list(query: ServerQuery, offset: number, limit: number): { count: number; results: ListView[] };
  get(id: number): DetailView | undefined;
  ids(): number[];
  create(input: CreateServerInput): CreateResult;
  /** PUT and PATCH: both answer the detail view, or undefined for an unknown id. */
  update(id: number, changes: ReplaceServerInput | UpdateServerPatch): DetailView | undefined;
  remove(id: number): boolean;
  power(id: number, action: SimulatedPowerAction): PowerResult;
  credits(): number;
  setCredits(n: number): void;
}

// --- deterministic randomness -------------------------------------------------------------------

/** mulberry32: a tiny, well-distributed PRNG; the same seed gives the same sequence. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stateless hash of integers to [0, 1): per-server values that do not depend on call order. */
function unitHash(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (Math.floor(part) >>> 0), 0x01000193);
    h ^= Math.floor(part / 4294967296) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

// --- addresses ----------------------------------------------------------------------------------

/** Addresses from the documentation ranges (RFC 5737), then the benchmarking range (RFC 2544). */
export function ipv4ForIndex(index: number): string {
  let k = index;
  if (k < 245) return `203.0.113.${10 + k}`;
  k -= 245;
  if (k < 254) return `198.51.100.${1 + k}`;
  k -= 254;
  if (k < 254) return `192.0.2.${1 + k}`;
  k -= 254;
  const n = k + 1;
  return `198.${18 + ((n >>> 16) & 1)}.${(n >>> 8) & 255}.${n & 255}`;
}

/** IPv6 from the documentation prefix 2001:db8::/32 (RFC 3849). */
export function ipv6ForIndex(index: number): string {
  return `2001:db8::${(index + 1).toString(16)}`;
}

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// --- seeded account -----------------------------------------------------------------------------

const planById = (id: number) => PLANS.find((plan) => plan.id === id);
const osById = (id: number) => OPERATING_SYSTEMS.find((os) => os.id === id);

const ROLES = [
  'web',
  'api',
  'db',
  'cache',
  'worker',
  'queue',
  'mail',
  'cdn',
  'lb',
  'build',
  'monitor',
  'search',
  'auth',
  'vpn',
  'git',
  'backup',
];
const ROLE_PLANS: Record<string, number[]> = {
  db: [2, 4, 5],
  cache: [4, 2],
  search: [4, 5],
  build: [5, 2],
  lb: [3, 1],
  vpn: [3],
  monitor: [1, 3],
};
const FIRST_SEED_DAY = Date.parse('2024-03-01T00:00:00Z');
const SEED_SPAN_MS = 480 * 86_400_000;

/** The fields a server record is described by; the rest follow from its addresses. */
type RecordFields = Omit<
  ServerRecord,
  'transition' | 'ipv4' | 'ipv6' | 'plannedIpv4' | 'plannedIpv6' | 'transitionCount' | 'listedBefore'
>;

/** A server that has finished provisioning at these addresses and has not changed status since. */
function settledRecord(fields: RecordFields, ipv4: string, ipv6: string): ServerRecord {
  return { ...fields, transition: null, ipv4, ipv6, plannedIpv4: ipv4, plannedIpv6: ipv6, transitionCount: 0 };
}

function contractServers(): ServerRecord[] {
  // The two servers of the contract's examples, field for field.
  return [
    settledRecord(
      {
        id: 12345,
        name: 'web-server-01',
        hostname: 'web01.example.com',
        location: 'us-west',
        plan: planById(1)!,
        os: osById(5)!,
        backupsEnabled: true,
        createdAt: Date.parse('2025-01-10T14:30:00Z'),
        updatedAt: Date.parse('2025-01-15T10:20:00Z'),
        status: 'active',
      },
      '203.0.113.10',
      '2001:0db8::1',
    ),
    settledRecord(
      {
        id: 12346,
        name: 'db-server-01',
        hostname: 'db01.example.com',
        location: 'us-east',
        plan: planById(2)!,
        os: osById(3)!,
        backupsEnabled: false,
        createdAt: Date.parse('2025-01-12T09:15:00Z'),
        updatedAt: Date.parse('2025-01-16T08:45:00Z'),
        status: 'active',
      },
      '203.0.113.11',
      ipv6ForIndex(1),
    ),
  ];
}

function seedServers(seed: number, count: number): ServerRecord[] {
  const servers = contractServers().slice(0, Math.max(0, count));
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const nameCounters = new Map<string, number>([
    ['web-server', 1],
    ['db-server', 1],
  ]);
  for (let index = servers.length; index < count; index++) {
    const role = pick(ROLES);
    const location = pick(LOCATIONS).code;
    const region = location.split('-')[0]!;
    const base = random() < 0.6 ? role : `${role}-${region}`;
    const number = (nameCounters.get(base) ?? 0) + 1;
    nameCounters.set(base, number);
    const name = `${base}-${String(number).padStart(2, '0')}`;
    // Fixed positions guarantee a stopped and a suspended server among the first ten.
    const roll = random();
    const status: StableStatus =
      index === 4
        ? 'stopped'
        : index === 7
          ? 'suspended'
          : roll < 0.8
            ? 'active'
            : roll < 0.94
              ? 'stopped'
              : 'suspended';
    const createdAt = FIRST_SEED_DAY + Math.floor((random() * SEED_SPAN_MS) / 1000) * 1000;
    const updatedAt = createdAt + Math.floor(random() * 60 * 86_400) * 1000;
    const hostnameRoll = random();
    const fields: RecordFields = {
      id: 12345 + index,
      name,
      hostname: hostnameRoll < 0.05 ? null : `${name}.example.com`,
      location,
      plan: planById(pick(ROLE_PLANS[role] ?? [1, 1, 2, 3]))!,
      os: pick(OPERATING_SYSTEMS),
      backupsEnabled: random() < 0.5,
      createdAt,
      updatedAt,
      status,
    };
    servers.push(settledRecord(fields, ipv4ForIndex(index), ipv6ForIndex(index)));
  }
  return servers;
}

// --- the account --------------------------------------------------------------------------------

const ACTIONS: Record<
  SimulatedPowerAction,
  { from: StableStatus; via: TransitionStatus; to: StableStatus; message: string }
> = {
  start: { from: 'stopped', via: 'starting', to: 'active', message: 'Server is starting' },
  stop: { from: 'active', via: 'stopping', to: 'stopped', message: 'Server is stopping' },
  reboot: { from: 'active', via: 'rebooting', to: 'active', message: 'Server is rebooting' },
};

const round1 = (value: number) => Math.round(value * 10) / 10;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

function monthFraction(now: number): number {
  const date = new Date(now);
  const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const end = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  return (now - start) / (end - start);
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

  const statusOf = (server: ServerRecord): SimulatedStatus => server.transition?.status ?? server.status;

  /** The list's view of a server: what it was before a power action while the lag lasts. */
  function listedAs(server: ServerRecord, at: number): { status: SimulatedStatus; updatedAt: number } {
    const before = server.listedBefore;
    if (before && at < before.until) return before;
    delete server.listedBefore;
    return { status: statusOf(server), updatedAt: server.updatedAt };
  }

  function usage(server: ServerRecord, at: number): ResourceUsageView | null {
    const status = statusOf(server);
    if (status === 'provisioning') return null;
    const disk = Math.round(server.plan.storage * (0.08 + 0.6 * unitHash(seed, server.id, 3)));
    const bandwidth = Math.round(server.plan.bandwidth * 0.6 * unitHash(seed, server.id, 4) * monthFraction(at));
    if (status === 'stopped' || status === 'suspended') {
      return { cpu_percent: 0, memory_used: 0, disk_used: disk, bandwidth_used: bandwidth };
    }
    const profile = unitHash(seed, server.id, 1);
    const wave = Math.sin(at / 90_000 + profile * 2 * Math.PI);
    const jitter = unitHash(seed, server.id, Math.floor(at / 5000)) - 0.5;
    const booting = status === 'starting' || status === 'rebooting';
    const cpu = clamp(round1((booting ? 60 : 4 + profile * 45) + 12 * wave + 10 * jitter), 0, 100);
    const memoryShare = clamp(0.2 + 0.5 * unitHash(seed, server.id, 2) + 0.05 * wave, 0.05, 0.95);
    return {
      cpu_percent: cpu,
      memory_used: Math.round(server.plan.memory * memoryShare),
      disk_used: disk,
      bandwidth_used: bandwidth,
    };
  }

  function listView(server: ServerRecord, listed?: { status: SimulatedStatus; updatedAt: number }): ListView {
    const { id, name, vcpus, memory, storage } = server.plan;
    return {
      id: server.id,
      name: server.name,
      hostname: server.hostname,
      status: listed?.status ?? statusOf(server),
      ip_address: server.ipv4,
      location: server.location,
      plan: { id, name, vcpus, memory, storage },
      os: { id: server.os.id, name: server.os.name },
      created_at: isoSeconds(server.createdAt),
      updated_at: isoSeconds(listed?.updatedAt ?? server.updatedAt),
    };
  }

  function detailView(server: ServerRecord, at: number): DetailView {
    return {
      ...listView(server),
      ipv6_address: server.ipv6,
      backups_enabled: server.backupsEnabled,
      plan: { ...server.plan },
      resource_usage: usage(server, at),
    };
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
      return server ? detailView(server, at) : undefined;
    },
    ids: () => [...servers.keys()],
    create(input) {
      const fieldErrors: Record<string, string[]> = {};
      const plan = planById(input.plan_id);
      const os = osById(input.os_id);
      if (!plan)
        fieldErrors.plan_id = [`Unknown plan id ${input.plan_id}. Known plans: ${PLANS.map((p) => p.id).join(', ')}.`];
      if (!os) fieldErrors.os_id = [`Unknown operating system id ${input.os_id}.`];
      if (!LOCATIONS.some((location) => location.code === input.location)) {
        fieldErrors.location = [
          `Unknown location "${input.location}". Known: ${LOCATIONS.map((l) => l.code).join(', ')}.`,
        ];
      }
      if (!plan || !os || Object.keys(fieldErrors).length > 0) return { ok: false, reason: 'invalid', fieldErrors };
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
        plan,
        os,
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
      return { ok: true, server: detailView(server, at) };
    },
    update(id, changes) {
      const at = now();
      const server = find(id, at);
      if (!server) return undefined;
      if (changes.name !== undefined) server.name = changes.name;
      if (changes.hostname !== undefined) server.hostname = changes.hostname;
      if (changes.backups_enabled !== undefined) server.backupsEnabled = changes.backups_enabled;
      server.updatedAt = at;
      return detailView(server, at);
    },
    remove: (id) => servers.delete(id),
    power(id, action) {
      const at = now();
      const server = find(id, at);
      if (!server) return { ok: false, reason: 'not-found' };
      const rule = ACTIONS[action];
      if (server.transition) {
        return {
          ok: false,
          reason: 'conflict',
          detail: `Server is busy (${server.transition.status}). Try again when it has finished.`,
        };
      }
      if (server.status === 'suspended')
        return { ok: false, reason: 'conflict', detail: 'Server is suspended. Contact support.' };
      if (server.status !== rule.from) {
        const detail = action === 'start' ? 'Server is already running.' : 'Server is not running.';
        return { ok: false, reason: 'conflict', detail };
      }
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
